#!/usr/bin/env bash
# The launcher's class-data sharing (deploy/bin/scoredos): a command's first run archives its
# classes, the second maps the archive; both print the same and nothing on stderr. A truncated
# or damaged archive, an unwritable cache and SCOREDOS_CDS=off still give the same output.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

# runs inspect with the cache at $1 (more environment before the call); stdout to $work/out.$2
inspect() {
  XDG_CACHE_HOME="$1" deploy/bin/scoredos inspect --structure conf/structures/W-bcc.dat --format json \
    > "$work/out.$2" 2> "$work/err.$2"
  if [ -s "$work/err.$2" ]; then echo "check-launcher-cds: $2: stderr not empty:" >&2; cat "$work/err.$2" >&2; exit 1; fi
  if [ "$2" != first ] && ! cmp -s "$work/out.first" "$work/out.$2"; then
    echo "check-launcher-cds: $2: output differs from the first run's" >&2; exit 1
  fi
}

inspect "$work/cache" first
archives=("$work"/cache/scoredos/cds/inspect-*.jsa)
[ -f "${archives[0]}" ] || { echo "check-launcher-cds: the first run made no archive" >&2; exit 1; }
inspect "$work/cache" second

chmod u+w "${archives[0]}"
head -c 100000 "${archives[0]}" > "$work/head" && cat "$work/head" > "${archives[0]}"
inspect "$work/cache" truncated
size="$(stat -c %s "${archives[0]}")"
head -c "$size" /dev/urandom > "${archives[0]}"
inspect "$work/cache" damaged

touch "$work/not-a-directory"
inspect "$work/not-a-directory" unwritable
SCOREDOS_CDS=off inspect "$work/cache" off
echo "check-launcher-cds: ok"
