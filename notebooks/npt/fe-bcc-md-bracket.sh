#!/usr/bin/env bash
# Where does X_Fe's 128-atom bcc cell stop being bcc in NVT Langevin MD? (jobs/docs/guide.md, "At
# fixed pressure", the iron part.) Runs fe-bcc-md-structure.lmp at each "T s" pair given (s = 1 +
# the linear strain of ScoreDOS's bcc V*(T, P = 0)), the centre of mass taken out of the MSD, and
# writes each thermo table to fe-bcc-md-bracket-TK.txt beside this script.
#   LMP=/path/to/lmp notebooks/npt/fe-bcc-md-bracket.sh "1600 1.01821" "1900 1.02582" ...
# Committed: 1600, 1900 and 2100 K at s = 1.01821, 1.02582, 1.03082. fe-bcc-pressure-1900K.json beside
# it is the TI engine's MD at ScoreDOS's V*(1900 K), for its pressure:
#   deploy/bin/scoredos pressure --structure notebooks/npt/Fe-bcc.dat --params conf/potentials/fe-snap/D.snapparam \
#       --coeff conf/potentials/fe-snap/X_Fe.snapcoeff --mass 55.845 --temperatures 1900 --strain 0.026 \
#       --steps 5000 --equilibration 1000 --stride 10 --blocks 20 --format json
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pot="$here/../../conf/potentials/fe-snap"
lmp="${LMP:-lmp}"
steps="${STEPS:-5000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for pair in "$@"; do
  read -r T s <<< "$pair"
  rc=$(awk -v s="$s" 'BEGIN { printf "%.4f", 1.207 * 2.68896 * s }')   # between bcc's 2nd and 3rd shells
  "$lmp" -in "$here/fe-bcc-md-structure.lmp" -var data "$here/Fe-bcc.dat" -var pot "$pot" -var s "$s" -var T "$T" \
      -var rc "$rc" -var com yes -var steps "$steps" -log "$work/log" -screen none
  awk '/^Step/ { on = 1 } /^Loop time/ { on = 0 } on' "$work/log" > "$here/fe-bcc-md-bracket-${T}K.txt"
  echo "T = $T K, s = $s: $(grep 'Loop time' "$work/log")"
done
