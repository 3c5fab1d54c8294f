#!/usr/bin/env bash
# Executes every notebook headless (Debian's Jupyter); fails on the first cell that fails.
# The executed copies, with their figures, go to notebooks/work/executed/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/work/executed"
mkdir -p "$out"
export PYDEVD_DISABLE_FILE_VALIDATION=1 # the kernel's debugger warns on Debian's frozen modules
for nb in "$here"/*.ipynb; do
  echo "notebook: $(basename "$nb")" >&2
  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 --output-dir "$out" "$nb"
done
