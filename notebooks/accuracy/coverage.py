#!/usr/bin/env python3
"""Coverage and width of the DDOS error bars against TI, from `verify --format json` outputs.

    notebooks/accuracy/coverage.py DIR [DIR ...]
    notebooks/accuracy/coverage.py --cases DIR      # one row per case instead


Each DIR holds STEP.json files (bcc-1000, bcc-2000, bcc-3000, a15-2000) written by rescore.sh
for one campaign size and error model (e.g. notebooks/accuracy/s256-calibrated). Prints one row
per DIR: cases covered, median δ, median |F_DDOS − F_TI| and their ratio (meV/atom), the
issue #15 targets being ≥ 80 % covered and ratio ≤ 3. Covered: |F_DDOS − F_TI| ≤ √(δ² + σ_TI²)
for a split (calibrated) bar, ≤ δ + 2σ_TI for the reference's (verify's own `covered`).
"""
import json
import math
import pathlib
import statistics
import sys

STEPS = ["bcc-1000", "bcc-2000", "bcc-3000", "a15-2000"]


def rows(directory):
    for step in STEPS:
        path = pathlib.Path(directory) / f"{step}.json"
        if path.exists():
            for r in json.loads(path.read_text())["results"]:
                yield step, r


def covered(r):
    """The issue #15 test for a split (calibrated) bar, verify's own `covered` for the reference's."""
    if "statisticalError" in r:
        return abs(r["difference"]) <= math.hypot(r["error"], r["errorTi"])
    return bool(r["covered"])


def summary(directory):
    cases = list(rows(directory))
    if not cases:
        return None
    diffs = [abs(r["difference"]) * 1e3 for _, r in cases]
    widths = [r["error"] * 1e3 for _, r in cases]
    n_covered = sum(covered(r) for _, r in cases)
    md, mw = statistics.median(diffs), statistics.median(widths)
    return len(cases), n_covered, mw, md, mw / md


def cases(directory):
    print("| phase | model | T (K) | F_TI ± σ | F_DDOS | F_DDOS − F_TI | δ (statistical; systematic beside it) | covered |")
    print("|---|---|---|---|---|---|---|---|")
    for step, r in rows(directory):
        split = f" ({r['systematicError'] * 1e3:.2f})" if "systematicError" in r else ""
        model = "θ" if r["model"] == 0 else f"θ perturbed {r['model']}"
        print(f"| {step.split('-')[0]} | {model} | {r['temperature']:.0f} | {r['freeEnergyTi'] * 1e3:.2f} ± {r['errorTi'] * 1e3:.2f} "
              f"| {r['freeEnergy'] * 1e3:.2f} | {r['difference'] * 1e3:+.2f} | {r['error'] * 1e3:.2f}{split} "
              f"| {'yes' if covered(r) else 'no'} |")


def main(directories):
    print("| store | cases | covered | median δ | median \\|F_DDOS − F_TI\\| | ratio | targets |")
    print("|---|---|---|---|---|---|---|")
    for directory in directories:
        s = summary(directory)
        if s is None:
            print(f"{directory}: no verify outputs", file=sys.stderr)
            continue
        n, n_covered, mw, md, ratio = s
        met = "met" if n_covered >= 0.8 * n and ratio <= 3 else "missed"
        print(f"| {pathlib.Path(directory).name} | {n} | {n_covered}/{n} | {mw:.3f} | {md:.3f} | {ratio:.1f} | {met} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if sys.argv[1] == "--cases":
        for d in sys.argv[2:]:
            cases(d)
    else:
        main(sys.argv[1:])
