#!/usr/bin/env bash
# Makes the committed NVT dumps of W bcc with LAMMPS (serial, ML-SNAP: see
# lib/src/test/resources/lammps-reference/build-lammps.sh), one per temperature, and the lattice:
#   make-dumps.sh /tmp/lammps-serial/lmp
# 1 fs steps, 1 ps of equilibration from the lattice with velocities at 2T, then 11 frames 50 fs apart
# (the first at the start of production); W-bcc-128.data is the lattice as LAMMPS built it.
set -euo pipefail
lmp="$1"
here="$(cd "$(dirname "$0")" && pwd)"
potdir="$(cd "$here/../../../../../conf/potentials/w-snap" && pwd)"
for t in 1000 2000 3000; do
  "$lmp" -in "$here/w-nvt.in" -log none -screen none -var T "$t" -var seed "$((4000 + t / 100))" -var dt 0.001 \
      -var equil 1000 -var steps 500 -var stride 50 -var potdir "$potdir" -var out "$here/T$t.dump" -var extra "" \
      -var lattice "$here/W-bcc-128.data"
  gzip -9 -n -f "$here/T$t.dump"
done
