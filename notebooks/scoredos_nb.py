"""The notebooks' way into ScoreDOS: the command line (deploy/bin/scoredos) with --format json.

Every result a notebook plots comes from a `scoredos` command, so a notebook shows exactly
what a user gets from the shell. Intermediate files go to notebooks/work/ (not versioned).
"""
import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "notebooks" / "work"
IRON = ROOT / "lib" / "src" / "test" / "resources" / "descriptordos-fe"
FE_COEFF = ROOT / "conf" / "potentials" / "fe-snap" / "X_Fe.snapcoeff"


def scoredos(*args, json_output=True):
    """Runs `deploy/bin/scoredos ARGS [--format json]`; returns the parsed JSON (or the text).

    A failing command raises with its stderr, so a notebook cell fails with the reason.
    """
    cmd = [str(ROOT / "deploy" / "bin" / "scoredos"), *map(str, args)]
    if json_output:
        cmd += ["--format", "json"]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}:\n{done.stderr.strip()}")
    return json.loads(done.stdout) if json_output else done.stdout


def iron_store(phase):
    """The summary store of the DescriptorDOS reference campaign of iron `bcc` or `fcc`, imported once."""
    name = {"bcc": "fe_bcc_444", "fcc": "fe_fcc_333"}[phase]
    store = WORK / f"fe-{phase}"
    if not store.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        scoredos("import-descriptordos", "--input", IRON / f"{name}.json.gz", "--out", store, json_output=False)
    return store
