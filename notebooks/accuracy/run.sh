#!/usr/bin/env bash
# Reruns the accuracy report of lib/docs/accuracy.md ("Accuracy against thermodynamic integration"):
# the bundled tungsten campaigns (bcc 128 atoms, A15 64 atoms), then `scoredos verify` at each
# point of the table. One JSON per verify run lands next to this script (written whole, or not
# at all); the campaigns and Hessians go to the work directory (default ./scoredos-accuracy).
# Cost on 2 cores: ≈ 12 min per bcc temperature (4 models × 8 λ nodes), 1–2 min for A15 and for 300 K.
#   notebooks/accuracy/run.sh [WORKDIR] [STEP...]
# STEP: bcc-1000 bcc-2000 bcc-3000 a15-2000 bcc-300 (the default list); a suffix -orderN refits
# the score models with polynomial order N at estimation time instead of the campaigns' order 4
# (the report's order-6 column: bcc-1000-order6 bcc-2000-order6 bcc-3000-order6 a15-2000-order6).
# TI is seeded: every step that shares a point's models and settings gives the same F_TI, bit for bit.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mkdir -p "${1:-scoredos-accuracy}" && cd "${1:-scoredos-accuracy}" && pwd)"
shift || true
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(bcc-1000 bcc-2000 bcc-3000 a15-2000 bcc-300)
scoredos="$root/deploy/bin/scoredos"
potential="$root/conf/potentials/w-snap"
# TI settings of the report: 3 fs Langevin steps, 1.5 ps equilibration + 9 ps production per λ node.
ti=(--equilibration 500 --steps 3000 --timestep 0.003 --stride 5 --blocks 10)

cd "$work"
for phase in w-bcc w-a15; do
  "$scoredos" campaign --config "$root/conf/campaigns/$phase.yaml" # a finished campaign only refits if its config changed
done

verify() { # NAME PHASE ARGS...
  local name="$1" phase="$2"; shift 2
  echo "accuracy: $name" >&2
  "$scoredos" verify --summaries "campaigns/$phase/summaries/$phase" \
      --coeff "$potential/X_W.snapcoeff" --params "$potential/D.snapparam" \
      --hessian-cache "$work/hessians" "${ti[@]}" --format json "$@" >"$work/$name.json.tmp"
  mv "$work/$name.json.tmp" "$here/$name.json"
}

for step in "${steps[@]}"; do
  point="${step%-order*}" order=()
  [ "$point" = "$step" ] || order=(--order "${step##*-order}")
  case "$point" in
    bcc-300)  verify "$step" w-bcc --temperatures 300 --nodes 3 "${order[@]}" ;;
    bcc-1000|bcc-2000|bcc-3000)
              verify "$step" w-bcc --temperatures "${point#bcc-}" --nodes 8 --perturb 3 --scale 0.05 --seed 1 "${order[@]}" ;;
    a15-2000) verify "$step" w-a15 --temperatures 2000 --nodes 8 "${order[@]}" ;;
    *) echo "accuracy: unknown step '$step'" >&2; exit 2 ;;
  esac
done
