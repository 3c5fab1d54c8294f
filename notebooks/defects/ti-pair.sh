#!/usr/bin/env bash
# TI (`scoredos verify`) of a W vacancy pair of lib/docs/accuracy.md ("Defect formation free energies
# against TI"): the relaxed vacancy cell's store and the crystal's (conf/campaigns/w-vacancy*.yaml).
# One chain of runs per cell, the two chains side by side; each run is one (T, seed, production
# steps, equilibration steps) and writes WORKDIR/LABEL-CELL-T-sSEED.json whole (or not at all), its
# `time -v` log beside it; a run whose JSON exists is skipped, so the script resumes.
# Independent seeds at the same settings are independent trajectories with the same λ quadrature:
# notebooks/defects/combine.py pools them (inverse-variance) and forms G_f,TI with its σ.
# Cost: ≈ 14 ms (128 atoms) and 29 ms (250 atoms) of CPU per MD step; a run is 4 λ nodes ×
# (equilibration + steps).
#   notebooks/defects/ti-pair.sh WORKDIR LABEL VACANCY_STORE PERFECT_STORE [RUN...]
# A store given as - is skipped. RUN: T:SEED:STEPS:EQUILIBRATION (default: the 250-atom pair's runs of
# lib/docs/accuracy.md; the 128-atom pair's are listed there). SCOREDOS overrides the launcher.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mkdir -p "$1" && cd "$1" && pwd)"
label="$2" vacancy="$3" perfect="$4"
shift 4
runs=("$@")
[ ${#runs[@]} -gt 0 ] || runs=(2000:1:1600:200 2000:2:2400:200 2000:3:1600:200 2000:4:1600:200 1000:1:1600:200)
scoredos="${SCOREDOS:-$root/deploy/bin/scoredos}"
potential="$root/conf/potentials/w-snap"
# The settings of the earlier 128- and 250-atom runs: 3 fs Langevin steps, 4 Gauss–Legendre λ nodes.
ti=(--nodes 4 --timestep 0.003 --stride 5 --blocks 8 --master 'local[2]' --format json --error-model reference)

chain() { # CELL SUMMARIES
  local cell="$1" summaries="$2" run t seed steps eq name
  [ "$summaries" != - ] || return 0
  for run in "${runs[@]}"; do
    IFS=: read -r t seed steps eq <<<"$run"
    name="$label-$cell-$t-s$seed"
    [ -f "$work/$name.json" ] && continue
    { /usr/bin/time -v nice -n 10 "$scoredos" verify --summaries "$summaries" \
        --coeff "$potential/X_W.snapcoeff" --params "$potential/D.snapparam" \
        --hessian-cache "$work/hessians-$label-$cell" --temperatures "$t" --seed "$seed" \
        --steps "$steps" --equilibration "$eq" "${ti[@]}" >"$work/$name.json.tmp"; } 2>"$work/$name.log"
    mv "$work/$name.json.tmp" "$work/$name.json"
  done
}

chain vacancy "$vacancy" & a=$!
chain perfect "$perfect" & b=$!
wait $a; wait $b
