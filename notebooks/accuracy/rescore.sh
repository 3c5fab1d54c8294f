#!/usr/bin/env bash
# Re-estimates F_DDOS and its error bars at the accuracy report's points without rerunning TI:
# `verify --ti-from` takes F_TI ± σ from the committed verify outputs (notebooks/accuracy/STEP.json,
# made by run.sh; TI is seeded, so they are what a rerun would give) and recomputes only the DDOS side,
# under both error models, from the campaigns in WORKDIR (made by run.sh, or by
# `scoredos campaign --config conf/campaigns/w-bcc.yaml` and `w-a15.yaml` run there).
#   notebooks/accuracy/rescore.sh WORKDIR LABEL
# writes notebooks/accuracy/LABEL-calibrated/STEP.json and LABEL-reference/STEP.json for the four
# report steps (bcc-1000 bcc-2000 bcc-3000 a15-2000); LABEL names the campaign size, e.g. s256, s1024.
# Cost: seconds per step (no TI, no Spark job). MODELS="calibrated" rescores one model only; a phase
# whose campaign WORKDIR lacks (e.g. an independent-seed run of bcc alone) is skipped.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(cd "${1:?WORKDIR}" && pwd)"
label="${2:?LABEL}"
scoredos="$root/deploy/bin/scoredos"
potential="$root/conf/potentials/w-snap"

for model in ${MODELS:-calibrated reference}; do
  mkdir -p "$here/$label-$model"
  for step in bcc-1000 bcc-2000 bcc-3000 a15-2000; do
    phase="w-${step%-*}" temperature="${step#*-}" extra=()
    if [ ! -d "$work/campaigns/$phase/summaries/$phase" ]; then echo "rescore: $label: no $phase campaign in $work, $step skipped" >&2; continue; fi
    [ "$phase" = w-a15 ] || extra=(--perturb 3 --scale 0.05 --seed 1)
    echo "rescore: $label $model $step" >&2
    "$scoredos" verify --summaries "$work/campaigns/$phase/summaries/$phase" --ti-from "$here/$step.json" \
        --coeff "$potential/X_W.snapcoeff" --params "$potential/D.snapparam" --temperatures "$temperature" \
        --error-model "$model" --format json "${extra[@]}" >"$here/$label-$model/$step.json.tmp"
    mv "$here/$label-$model/$step.json.tmp" "$here/$label-$model/$step.json"
  done
done
