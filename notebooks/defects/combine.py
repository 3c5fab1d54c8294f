#!/usr/bin/env python3
"""G_f from TI against `scoredos defect` for the W vacancy pairs of lib/docs/accuracy.md.

Pools the independent TI runs of ti-pair.sh per (cell, T): the seeds share settings but their
lengths differ, so each run is weighted by its production steps (σ² ∝ 1/steps; the runs' block
errors, 8 blocks each, are too noisy to weight by), and the pooled σ is propagated from theirs.
The seeds' scatter is checked against those σ (χ² per degree of freedom); where it exceeds them
(χ²/dof > 1) the pooled σ is scaled by sqrt(χ²/dof) (the Birge ratio). Then

    G_f,TI = E_f + N_d (F_TI,d − F_TI,p),   σ = N_d sqrt(σ_d² + σ_p²)

with E_f and N_d from the defect JSON, against G_f ± δ of `defect` (the difference covered when
|G_f − G_f,TI| ≤ sqrt(δ² + σ²), issue #20's test).
    notebooks/defects/combine.py TI_DIR LABEL DEFECT.json
"""
import glob
import json
import math
import re
import sys


def runs(ti_dir, label):
    """{(cell, T): [(F, σ, steps, run)]} from LABEL-CELL-T-sSEED.json and its log; run is the file's T-sSEED
    (a run of several temperatures is named by its first)."""
    out = {}
    for path in sorted(glob.glob(f"{ti_dir}/{label}-*-s*.json")):
        cell, run = re.match(rf".*/{label}-(\w+)-(\d+-s\d+)\.json$", path).groups()
        with open(path[:-5] + ".log") as log:
            steps = int(re.search(r"productionSteps=(\d+)", log.read()).group(1))
        with open(path) as f:
            for r in json.load(f)["results"]:
                if r["model"] == 0:
                    out.setdefault((cell, r["temperature"]), []).append((r["freeEnergyTi"], r["errorTi"], steps, run))
    return out


def pool(samples):
    """Step-weighted mean, its σ (Birge-scaled), χ²/dof of the seeds about it."""
    n = sum(s for _, _, s, _ in samples)
    mean = sum(f * s for f, _, s, _ in samples) / n
    sigma = math.sqrt(sum((e * s) ** 2 for _, e, s, _ in samples)) / n
    chi2 = sum(((f - mean) / e) ** 2 for f, e, _, _ in samples) / max(1, len(samples) - 1)
    return mean, sigma * math.sqrt(max(1.0, chi2)), chi2


def main(ti_dir, label, defect_json):
    with open(defect_json) as f:
        defect = json.load(f)
    e_f, n_d = defect["staticEnergy"], defect["defect"]["atoms"]
    pooled, chi2_sum, dof = {}, 0.0, 0
    for (cell, t), samples in sorted(runs(ti_dir, label).items()):
        pooled[cell, t] = pool(samples)
        mean, sigma, chi2 = pooled[cell, t]
        if len(samples) > 1:
            chi2_sum, dof = chi2_sum + chi2 * (len(samples) - 1), dof + len(samples) - 1
        seeds = ", ".join(f"{k}: {f * 1e3:.4f} ± {e * 1e3:.4f} ({s} steps)" for f, e, s, k in samples)
        print(f"{cell} {t:.0f} K: F_TI = {mean * 1e3:.4f} ± {sigma * 1e3:.4f} meV/atom, χ²/dof {chi2:.2f}  [{seeds}]")
    print(f"repeated runs: χ² = {chi2_sum:.2f} on {dof} degrees of freedom")
    print(f"E_f = {e_f:.4f} eV, N_d = {n_d}; eV per vacancy:")
    print("T (K)  G_f,TI ± σ          G_f ± δ (syst)              diff    sqrt(δ²+σ²)  |diff|/bar  cell diffs d, p (meV/atom)")
    for r in defect["results"]:
        t = r["temperature"]
        if ("vacancy", t) not in pooled or ("perfect", t) not in pooled:
            continue
        (fd, sd, _), (fp, sp, _) = pooled["vacancy", t], pooled["perfect", t]
        g_ti, s_ti = e_f + n_d * (fd - fp), n_d * math.hypot(sd, sp)
        g, d = r["formationFreeEnergy"], r["error"]
        diff, bar = g - g_ti, math.hypot(d, s_ti)
        print(f"{t:5.0f}  {g_ti:.4f} ± {s_ti:.4f}   {g:.4f} ± {d:.4f} ({r.get('systematicError', float('nan')):.4f})"
              f"   {diff:+.4f}  {bar:.4f}       {abs(diff) / bar:.2f}"
              f"        {(r['defect']['freeEnergy'] - fd) * 1e3:+.3f}, {(r['perfect']['freeEnergy'] - fp) * 1e3:+.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__.rstrip().splitlines()[-1].strip())
    main(*sys.argv[1:])
