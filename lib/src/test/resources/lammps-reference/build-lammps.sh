#!/usr/bin/env bash
# Minimal serial LAMMPS with ML-SNAP and EXTRA-FIX (zbl is in core) for reference values.
set -euo pipefail
mkdir -p /tmp/lammps-src && cd /tmp/lammps-src
[ -d lammps-* ] 2>/dev/null || tar -xf /tmp/lsrc/lammps_*.orig.tar.xz
SRC=$(ls -d /tmp/lammps-src/lammps-* | head -1)
mkdir -p /tmp/lammps-serial && cd /tmp/lammps-serial
cmake "$SRC/cmake" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DBUILD_MPI=off -DBUILD_OMP=off -DBUILD_SHARED_LIBS=off -DLAMMPS_EXCEPTIONS=on \
  -DPKG_ML-SNAP=on -DPKG_EXTRA-FIX=on -DWITH_JPEG=off -DWITH_PNG=off -DWITH_FFMPEG=off -DWITH_GZIP=off
nice -n 19 make -j2 lmp
./lmp -h | grep -A6 "Installed packages"
touch READY
