#!/usr/bin/env bash
# Tops up the 250-atom vacancy pair's campaigns (conf/campaigns/w-vacancy-250.yaml and
# w-vacancy-perfect-250.yaml, 19 cells × 128 samples) to SAMPLES per cell, in place, one after
# the other; `time -v` of each in OUT.log.
#   notebooks/defects/topup-250.sh VACANCY_OUT PERFECT_OUT [SAMPLES=512] [HESSIAN_CACHE]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scoredos="${SCOREDOS:-$root/deploy/bin/scoredos}"
vacancy="$1" perfect="$2" samples="${3:-512}" cache=()
[ -z "${4:-}" ] || cache=(--hessian-cache "$4")
topup() { # CONFIG OUT
  { /usr/bin/time -v nice -n 10 "$scoredos" campaign --config "$root/conf/campaigns/$1.yaml" --out "$2" \
      --samples "$samples" --master 'local[2]' "${cache[@]}"; } >"$2.log" 2>&1
}
topup w-vacancy-250 "$vacancy"
topup w-vacancy-perfect-250 "$perfect"
