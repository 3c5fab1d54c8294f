#!/usr/bin/env python3
"""LAMMPS reference values for the SNAP-family models of the LAMMPS potential library.

For each supported .snap file it writes two to three structures of its own making (the model's
crystal at a sensible lattice constant, randomly displaced with a fixed seed; a triclinic sheared
cell; a compressed cell) as LAMMPS data files, runs LAMMPS with the .snap file's own lines
(`include`) and with the pure-SNAP part alone (`pair_style snap`), and writes energy (eV),
forces (eV/Å) and the virial pressure tensor (GPa, xx yy zz xy xz yz) to reference.json.gz.

Usage: make_reference.py LMP [POTENTIALS_DIR]
  LMP             a serial LAMMPS with ML-SNAP (build-lammps.sh makes one)
  POTENTIALS_DIR  the .snap files, default /usr/share/lammps/potentials
Writes into the directory of this script: structures/*.data and reference.json.gz.
"""
import gzip
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BAR_TO_GPA = 1e-4

MASS = {"Mo": 95.95, "Ta": 180.94788, "W": 183.84, "Be": 9.0121831, "Li": 6.94, "Cu": 63.546,
        "Ni": 58.6934, "Si": 28.085, "Ge": 72.630, "In": 114.818, "P": 30.973762}

# fractional positions (and sublattice, 0 or 1) of the conventional cubic cells
BASIS = {
    "bcc": [((0, 0, 0), 0), ((0.5, 0.5, 0.5), 0)],
    "fcc": [((0, 0, 0), 0), ((0.5, 0.5, 0), 0), ((0.5, 0, 0.5), 0), ((0, 0.5, 0.5), 0)],
    "diamond": [((0, 0, 0), 0), ((0.5, 0.5, 0), 0), ((0.5, 0, 0.5), 0), ((0, 0.5, 0.5), 0),
                ((0.25, 0.25, 0.25), 1), ((0.75, 0.75, 0.25), 1), ((0.75, 0.25, 0.75), 1), ((0.25, 0.75, 0.75), 1)],
}

# system: lattice, lattice constant (Å), supercell, elements (type order of the pair_coeff line),
# and how atoms get types: "one" (single element), "sublattice" (zincblende), "random:x" (substitution fraction x of type 2)
SYSTEMS = {
    "Mo": ("bcc", 3.16, (2, 2, 2), ["Mo"], "one"),
    "Ta": ("bcc", 3.31, (2, 2, 2), ["Ta"], "one"),
    "W": ("bcc", 3.17, (2, 2, 2), ["W"], "one"),
    "WBe": ("bcc", 3.17, (2, 2, 2), ["W", "Be"], "random:0.25"),
    "Li": ("bcc", 3.44, (2, 2, 2), ["Li"], "one"),
    "Cu": ("fcc", 3.62, (2, 2, 2), ["Cu"], "one"),
    "Ni": ("fcc", 3.52, (2, 2, 2), ["Ni"], "one"),
    "Si": ("diamond", 5.43, (2, 1, 1), ["Si"], "one"),
    "Ge": ("diamond", 5.66, (2, 1, 1), ["Ge"], "one"),
    "InP": ("diamond", 5.87, (2, 1, 1), ["In", "P"], "sublattice"),
}

MODELS = {
    "Mo_Chen_PRM2017.snap": "Mo", "Mo_Zuo_JPCA2020.snap": "Mo", "Mo_Zuo_JPCA2020.quadratic.snap": "Mo",
    "Ta06A.snap": "Ta", "W_2940_2017_2.snap": "W", "WBe_Wood_PRB2019.snap": "WBe",
    "Li_Zuo_JPCA2020.snap": "Li", "Li_Zuo_JPCA2020.quadratic.snap": "Li",
    "Cu_Zuo_JPCA2020.snap": "Cu", "Cu_Zuo_JPCA2020.quadratic.snap": "Cu",
    "Ni_Zuo_JPCA2020.snap": "Ni", "Ni_Zuo_JPCA2020.quadratic.snap": "Ni",
    "Si_Zuo_JPCA2020.snap": "Si", "Si_Zuo_JPCA2020.quadratic.snap": "Si",
    "Ge_Zuo_JPCA2020.snap": "Ge", "Ge_Zuo_JPCA2020.quadratic.snap": "Ge",
    "InP_JCPA2020.snap": "InP",
}

# variant: (strain of the lattice constant, tilts xy xz yz as fractions of the edge, displacement amplitude Å, seed)
VARIANTS = {
    "displaced": (1.0, (0, 0, 0), 0.08, 1),
    "sheared": (1.0, (0.09, -0.06, 0.07), 0.06, 2),
    "compressed": (0.96, (0, 0, 0), 0.10, 3),
}


def structure(system, variant):
    lattice, a, reps, elements, typing = SYSTEMS[system]
    strain, tilt, amplitude, seed = VARIANTS[variant]
    rng = random.Random(1000 * seed + sum(map(ord, system)))
    a *= strain
    lx, ly, lz = (a * r for r in reps)
    xy, xz, yz = tilt[0] * ly, tilt[1] * lz, tilt[2] * lz
    h = [[lx, 0, 0], [xy, ly, 0], [xz, yz, lz]]  # rows: the cell vectors a, b, c (LAMMPS orientation)
    frac = []
    for i in range(reps[0]):
        for j in range(reps[1]):
            for k in range(reps[2]):
                for (u, v, w), sub in BASIS[lattice]:
                    frac.append(((i + u) / reps[0], (j + v) / reps[1], (k + w) / reps[2], sub))
    atoms = []
    for n, (u, v, w, sub) in enumerate(frac):
        if typing == "one":
            t = 1
        elif typing == "sublattice":
            t = 1 + sub
        else:
            t = 2 if rng.random() < float(typing.split(":")[1]) else 1
        x = [u * h[0][d] + v * h[1][d] + w * h[2][d] + amplitude * (2 * rng.random() - 1) for d in range(3)]
        atoms.append((t, wrap(x, h)))
    return h, elements, atoms


def wrap(x, h):
    """Into the cell [0, 1)³ in fractional coordinates (h lower triangular)."""
    w = x[2] / h[2][2]
    v = (x[1] - w * h[2][1]) / h[1][1]
    u = (x[0] - v * h[1][0] - w * h[2][0]) / h[0][0]
    u, v, w = u - math.floor(u), v - math.floor(v), w - math.floor(w)
    return [u * h[0][d] + v * h[1][d] + w * h[2][d] for d in range(3)]


def data_file(path, name, h, elements, atoms):
    lines = [f"# {name}: ScoreDOS LAMMPS reference structure (make_reference.py)", "",
             f"{len(atoms)} atoms", f"{len(elements)} atom types", "",
             f"0 {h[0][0]!r} xlo xhi", f"0 {h[1][1]!r} ylo yhi", f"0 {h[2][2]!r} zlo zhi"]
    if h[1][0] or h[2][0] or h[2][1]:
        lines.append(f"{h[1][0]!r} {h[2][0]!r} {h[2][1]!r} xy xz yz")
    lines += ["", "Masses", ""]
    lines += [f"{t + 1} {MASS[e]!r}  # {e}" for t, e in enumerate(elements)]
    lines += ["", "Atoms # atomic", ""]
    lines += [f"{i + 1} {t} {x[0]!r} {x[1]!r} {x[2]!r}" for i, (t, x) in enumerate(atoms)]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def snap_only_lines(snap_text):
    """The pure-SNAP part of a .snap file: its `pair_coeff * * [snap] COEFF PARAM ELEMENTS` as a plain pair_style snap."""
    text = re.sub(r"&\s*\n", " ", snap_text)
    for line in text.splitlines():
        words = line.split("#")[0].split()
        if words[:3] == ["pair_coeff", "*", "*"]:
            rest = words[3:]
            if rest[0] == "snap":
                rest = rest[1:]
            return "pair_style snap\npair_coeff * * " + " ".join(rest) + "\n"
    raise ValueError("no pair_coeff * * line")


def run_lammps(lmp, potentials, data, pair_lines, work):
    inp = os.path.join(work, "in.lmp")
    dump = os.path.join(work, "forces.dump")
    with open(inp, "w") as f:
        f.write(f"""units metal
atom_style atomic
boundary p p p
read_data {data}
{pair_lines}
compute virial all pressure NULL virial
thermo_style custom pe press pxx pyy pzz pxy pxz pyz c_virial[1] c_virial[2] c_virial[3] c_virial[4] c_virial[5] c_virial[6]
thermo_modify format float %.17g
dump forces all custom 1 {dump} id type fx fy fz
dump_modify forces format float %.17g sort id
run 0
""")
    env = dict(os.environ, LAMMPS_POTENTIALS=potentials, OMP_NUM_THREADS="1")
    log = os.path.join(work, "log.lammps")
    subprocess.run([lmp, "-in", inp, "-log", log, "-screen", "none"], cwd=work, env=env, check=True)
    text = open(log).read()
    header = re.search(r"^\s*PotEng\s+Press\s+Pxx.*\n(.*)\n", text, re.M)
    values = [float(v) for v in header.group(1).split()]
    pe, virial = values[0], values[8:14]
    forces = []
    with open(dump) as f:
        rows = f.read().split("ITEM: ATOMS")[1].strip().splitlines()[1:]
    for row in rows:
        w = row.split()
        forces.append([float(w[2]), float(w[3]), float(w[4])])
    version = re.search(r"LAMMPS \(([^)]*)\)", text).group(1)
    return version, {"energy": pe, "forces": forces, "pressureTensor": [p * BAR_TO_GPA for p in virial]}


def main():
    lmp = sys.argv[1]
    potentials = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/lammps/potentials"
    os.makedirs(os.path.join(HERE, "structures"), exist_ok=True)
    written = set()
    cases = []
    version = None
    with tempfile.TemporaryDirectory() as work:
        for model, system in MODELS.items():
            snap_path = os.path.join(potentials, model)
            snap_text = open(snap_path).read()
            # the .snap file's own lines, its pair_coeff files resolved in the potentials directory
            full_lines = f"include {snap_path}\n"
            pure_lines = snap_only_lines(snap_text)
            for variant in VARIANTS:
                name = f"{system}-{variant}.data"
                data = os.path.join(HERE, "structures", name)
                if name not in written:
                    h, elements, atoms = structure(system, variant)
                    data_file(data, name, h, elements, atoms)
                    written.add(name)
                version, full = run_lammps(lmp, potentials, data, full_lines, work)
                _, snap = run_lammps(lmp, potentials, data, pure_lines, work)
                cases.append({"model": model, "structure": "structures/" + name, "elements": SYSTEMS[system][3],
                              "full": full, "snap": snap})
                print(f"{model:34s} {name:22s} E = {full['energy']:.6f} eV (SNAP {snap['energy']:.6f})", flush=True)
    out = {
        "lammps": version,
        "units": {"energy": "eV", "forces": "eV/Å", "pressureTensor": "GPa"},
        "convention": "full: the .snap file's pair lines; snap: pair_style snap alone; pressureTensor: "
                      "virial part only (compute pressure NULL virial), LAMMPS sign, order xx yy zz xy xz yz",
        "cases": cases,
    }
    with open(os.path.join(HERE, "reference.json.gz"), "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:  # mtime 0: the same bytes on every run
            f.write(json.dumps(out, separators=(",", ":")).encode("utf-8"))


if __name__ == "__main__":
    main()
