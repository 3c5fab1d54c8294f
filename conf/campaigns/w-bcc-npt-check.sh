#!/usr/bin/env bash
# The self-consistency check of the fixed-pressure estimator (jobs/docs/guide.md, "At fixed
# pressure"): V*(T, P = 0) of W bcc from a w-bcc-npt.yaml store against NVT Langevin MD of the
# same 128-atom cell and model (`scoredos pressure`, the TI engine's integrator) at V* and at
# V* with the lattice strained by ±DELTA. Prints, per T, V* ± δ, ⟨P⟩(V*) and the volume where
# a weighted straight line through MD's P(V) crosses zero, with its error and the relative
# difference. Pressures are compared in the free-energy convention's 3N modes (P_3N, see
# `scoredos pressure --help`); ⟨P⟩ of the fixed-centre-of-mass run is printed beside it.
#
#   conf/campaigns/w-bcc-npt-check.sh STORE [TEMPERATURES [STEPS [DELTA]]]
#
# STORE: the campaign output (e.g. runs/w-bcc-npt); TEMPERATURES: comma list, K (default
# 1000,2000,3000); STEPS: production MD steps per run (default 20000, 2 fs); DELTA: linear strain
# offset of the side volumes (default 0.0015, ±0.45 % in volume; 0: the run at V* only, the line then
# through it and the runs already in $OUT for that T). Runs already in $OUT (default
# target/w-bcc-npt-check, one p-T-STRAIN.json each) are kept, and every run found there for a
# temperature enters its fit, so runs can be added. Environment: SCOREDOS (the CLI), OUT, MODE
# (estimate's --mode, default smooth; integral transforms at the cell's 128 atoms, as the MD is) and
# TABLE_ONLY=1 to print the table from the runs and the estimate already in $OUT, running neither MD nor
# (when $OUT/estimate.json exists) the estimate.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
store="${1:?usage: w-bcc-npt-check.sh STORE [TEMPERATURES [STEPS [DELTA]]]}"
temperatures="${2:-1000,2000,3000}"
steps="${3:-20000}"
delta="${4:-0.0015}"
out="${OUT:-target/w-bcc-npt-check}"
scoredos="${SCOREDOS:-$root/deploy/bin/scoredos}"
mode="${MODE:-smooth}"
params="$root/conf/potentials/w-snap/D.snapparam"
coeff="$root/conf/potentials/w-snap/X_W.snapcoeff"
lattice="$root/conf/structures/W-bcc.dat"
mkdir -p "$out"

# TABLE_ONLY reuses the estimate already in $OUT (integral mode's takes minutes)
if [ -z "${TABLE_ONLY:-}" ] || [ ! -s "$out/estimate.json" ]; then
    "$scoredos" estimate --summaries "$store" --coeff "$coeff" --temperatures "$temperatures" --pressure 0 --mode "$mode" --format json \
        > "$out/estimate.json.part"
    mv "$out/estimate.json.part" "$out/estimate.json"
fi
# strains of V*(T) relative to W-bcc.dat (12.742537224023346 Å cube, 128 atoms)
strains="$(python3 - "$out/estimate.json" "$delta" <<'PY'
import json, sys
v0 = 12.742537224023346 ** 3 / 128
delta = float(sys.argv[2])
for r in json.load(open(sys.argv[1]))["results"]:
    e = (r["volume"] / v0) ** (1 / 3) - 1
    print(r["temperature"], *("%.6f" % x for x in (e - delta, e, e + delta)))
PY
)"
while read -r t e1 e2 e3; do
    for e in "$e1" "$e2" "$e3"; do
        f="$out/p-${t%.*}-$e.json"
        [ -s "$f" ] || [ -n "${TABLE_ONLY:-}" ] && continue
        "$scoredos" pressure --structure "$lattice" --params "$params" --coeff "$coeff" --mass 183.84 --temperatures "$t" \
            --strain "$e" --steps "$steps" --equilibration 1000 --stride 10 --blocks 20 --format json > "$f.part"
        mv "$f.part" "$f"
    done
done <<< "$strains"

python3 - "$out" "$mode" <<'PY'
import glob, json, os, sys
out = sys.argv[1]
est = {round(r["temperature"]): r for r in json.load(open(os.path.join(out, "estimate.json")))["results"]}
print("# W bcc, 128 atoms, P = 0: V* of estimate --pressure 0 --mode %s against NVT Langevin MD (scoredos pressure)" % sys.argv[2])
print("# volumes Å^3/atom, pressures GPa; P_3N = <P> + (<P> - P_static)/(N - 1); V_MD: P_3N(V) = 0 on a weighted line;")
print("# σ_tot: the line's σ at V* with V*'s own bar δ carried along its slope, sqrt(σ² + (b δ)²); targets: |P_3N(V*)| <= 0.1 GPa")
print("# and <= 2 σ_tot, |V_MD/V* - 1| <= 0.1 %")
print("%7s %20s %6s %20s %7s %20s %10s %6s %8s %s" % ("T (K)", "V* ± δ", "solved", "P_3N(V*) ± σ", "σ_tot", "V_MD ± σ", "V_MD/V*-1",
      "met", "MD runs", "steps per run"))
for t in sorted(est):
    runs = [json.load(open(f)) for f in glob.glob(os.path.join(out, "p-%d-*.json" % t))]
    if not runs:
        continue
    vs = est[t]["volume"]
    pts = [(r["volumePerAtom"], r["results"][0]) for r in runs]
    steps = pts[0][1]["steps"]
    if len(pts) == 1:  # one run: its own pressure, at its own volume
        v, p = pts[0]
        print("%7d %11.5f ± %6.5f %6s %11.4f ± %6.4f %20s %10s %8d %d (run at %.5f)" % (
            t, vs, est[t]["volumeError"], est[t]["solved"], p["pressure3N"], p["error3N"], "-", "-", 1, steps, v))
        continue
    # weighted least squares P_3N = a + b (V - V*): a is P_3N at V*, -a/b the zero
    sw = swx = swxx = swy = swxy = 0.0
    for v, p in pts:
        w = 1 / p["error3N"] ** 2
        x = v - vs
        sw += w; swx += w * x; swxx += w * x * x; swy += w * p["pressure3N"]; swxy += w * x * p["pressure3N"]
    det = sw * swxx - swx * swx
    a = (swxx * swy - swx * swxy) / det
    b = (sw * swxy - swx * swy) / det
    var_a, var_b, cov = swxx / det, sw / det, -swx / det
    x0 = -a / b
    err = (var_a + x0 * x0 * var_b + 2 * x0 * cov) ** 0.5 / abs(b)
    total = (var_a + (b * est[t]["volumeError"]) ** 2) ** 0.5
    met = abs(a) <= 0.1 and abs(a) <= 2 * total and abs(x0 / vs) <= 0.001
    print("%7d %11.5f ± %6.5f %6s %11.4f ± %6.4f %7.4f %11.5f ± %6.5f %+9.3f%% %6s %8d %d (V: %s)" % (
        t, vs, est[t]["volumeError"], est[t]["solved"], a, var_a ** 0.5, total, vs + x0, err, 100 * x0 / vs, "yes" if met else "no",
        len(pts), steps, " ".join("%.4f" % v for v, _ in sorted(pts, key=lambda q: q[0]))))
PY
