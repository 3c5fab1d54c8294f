#!/usr/bin/env bash
# `scoredos defect` (--mode local, calibrated error model: the G_f column of lib/docs/accuracy.md,
# "Defect formation free energies against TI") on the W vacancy store pairs, one JSON per pair:
# WORKDIR/defect-PAIR.json. The stores are the campaigns' outputs:
#   n128     conf/campaigns/w-vacancy.yaml, w-vacancy-perfect.yaml (10 cells × 128 samples)
#   n128-512 the same pair topped up with --samples 512
#   n128-19  the same configs with temperatures {from: 1000, to: 2000} (19 cells × 128)
#   n250     conf/campaigns/w-vacancy-250.yaml, w-vacancy-perfect-250.yaml (19 cells × 128)
#   n250-512 the same pair topped up to 512 samples (topup-250.sh)
# and, on the three 128-atom pairs, score orders 3 and 5 at 1000 and 2000 K (WORKDIR/orderP-PAIR.json).
#   notebooks/defects/defect.sh WORKDIR STORES   (STORES/PAIR/{vacancy,perfect}: the two campaigns' output folders)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mkdir -p "$1" && cd "$1" && pwd)"
stores="$2"
scoredos="${SCOREDOS:-$root/deploy/bin/scoredos}"
for pair in n128 n128-512 n128-19 n250 n250-512; do
  [ -d "$stores/$pair" ] && [ ! -f "$work/defect-$pair.json" ] || continue # absent, or done
  d=("$stores/$pair/vacancy/summaries"/*) p=("$stores/$pair/perfect/summaries"/*)
  nice -n 10 "$scoredos" defect --defect "${d[0]}" --perfect "${p[0]}" --mode local \
      --coeff "$root/conf/potentials/w-snap/X_W.snapcoeff" --temperatures 600,1000,1500,2000 \
      --format json >"$work/defect-$pair.json.tmp"
  mv "$work/defect-$pair.json.tmp" "$work/defect-$pair.json"
done
for pair in n128 n128-512 n128-19; do
  for order in 3 5; do
    [ -d "$stores/$pair" ] && [ ! -f "$work/order$order-$pair.json" ] || continue
    d=("$stores/$pair/vacancy/summaries"/*) p=("$stores/$pair/perfect/summaries"/*)
    nice -n 10 "$scoredos" defect --defect "${d[0]}" --perfect "${p[0]}" --mode local --order "$order" \
        --coeff "$root/conf/potentials/w-snap/X_W.snapcoeff" --temperatures 1000,2000 \
        --format json >"$work/order$order-$pair.json.tmp"
    mv "$work/order$order-$pair.json.tmp" "$work/order$order-$pair.json"
  done
done
