package org.scoredos.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.CommandRun;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapCoefficients;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.store.SummaryStore;
import org.scoredos.structure.Structure;
import org.scoredos.structure.StructureFiles;
import org.scoredos.structure.TrajectoryFrames;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.MdAverages;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.thermo.Blocking;
import org.scoredos.thermo.MappedEnergy;
import org.scoredos.units.Units;

/**
 * {@code ingest} and {@code estimate} on MD that no code of ours produced: LAMMPS NVT runs of bcc W
 * (128 atoms, the bundled SNAP, Nosé–Hoover, 1 fs) at 1000, 2000 and 3000 K, 11 frames each with
 * per-atom energies ({@code c_pe}), and the lattice as LAMMPS wrote it (resources lammps-md/, made
 * by its make-dumps.sh).
 */
class LammpsMdIngestTest {
    private static final Path W_SNAP = Path.of("../conf/potentials/w-snap").toAbsolutePath().normalize();
    private static final Path DUMPS = Path.of("src/test/resources/lammps-md").toAbsolutePath();
    private static final double[] TEMPERATURES = {1000, 2000, 3000};
    private static final int ATOMS = 128, FRAMES = 11;
    /** ΔU ± its blocked error (eV/atom) per temperature from our Langevin frames (bench MappedEnergyOfFrames). */
    private static final double[][] LANGEVIN_DELTA_U = {{2.844e-3, 0.058e-3}, {13.51e-3, 0.30e-3}, {37.30e-3, 0.79e-3}};

    private static LinearSnapPotential snap;
    private static double beta0;
    private static List<List<Structure>> frames;
    private static List<double[]> energies;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readDumps() throws Exception {
        SnapParameters params = SnapParameterReader.read(W_SNAP.resolve("D.snapparam"));
        SnapCoefficients coeff = SnapCoefficientReader.read(W_SNAP.resolve("X_W.snapcoeff"), params);
        snap = LinearSnapPotential.of(params, coeff);
        beta0 = coeff.elements().get(0).constant();
        frames = new ArrayList<>();
        energies = new ArrayList<>();
        for (double t : TEMPERATURES) {
            Path dump = dump(t);
            List<Structure> f = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            try (TrajectoryFrames read = TrajectoryFrames.open(Files.newInputStream(dump), dump.toString(), IngestJob.FRAME_ATOMS)) {
                while (read.hasNext()) {
                    f.add(read.next());
                    e.add(read.energy());
                }
            }
            frames.add(f);
            energies.add(e.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    private static Path dump(double t) {
        return DUMPS.resolve(String.format("T%.0f.dump.gz", t));
    }

    /** θ_ref's Hessians of the MD stores, kept in the test's directory. */
    private String hessians() {
        return tmp.resolve("hessians").toString();
    }

    @Test
    void everyFramesEnergyIsOurSnapsToANanoElectronvolt() {
        for (int c = 0; c < TEMPERATURES.length; c++) {
            assertEquals(FRAMES, frames.get(c).size());
            double[] pe = energies.get(c);
            for (int f = 0; f < FRAMES; f++) {
                Structure s = frames.get(c).get(f);
                assertEquals(ATOMS, s.size());
                assertEquals(pe[f], snap.energy(s), 1e-8, "T = " + TEMPERATURES[c] + " K, frame " + f + ": Σ c_pe against our SNAP");
            }
        }
    }

    @Test
    void ingestRecordsTemperaturesThetaRefAndMeanEnergiesAndEstimateFlagsWhatTheDataCannotAnswer() throws Exception {
        Path map = tmp.resolve("temperatures.tsv");
        Files.writeString(map, "T1000.dump.gz 1000\nT2000.dump.gz 2000\nT3000.dump.gz 3000\n");
        Path lattice = DUMPS.resolve("W-bcc-128.data");
        String out = tmp.resolve("w-lammps").toString();
        List<String> args = new ArrayList<>(List.of("ingest", "--params", W_SNAP.resolve("D.snapparam").toString(),
                "--coeff", W_SNAP.resolve("X_W.snapcoeff").toString(), "--mass", "183.84", "--bins", "20", "--master", "local[2]",
                "--temperatures-file", map.toString(), "--reference", lattice.toString(), "--out", out));
        for (double t : TEMPERATURES) args.addAll(List.of("--snapshots", dump(t).toString()));
        CommandRun ran = run(args.toArray(String[]::new));
        assertEquals(0, ran.code(), ran.err());
        assertFalse(ran.err().contains("energies differ") || ran.err().contains("plain energies"), ran.err());

        PhaseSummary phase = SummaryStore.read(Path.of(out));
        double[] theta = snap.coefficients();
        assertArrayEquals(theta, phase.model().referenceTheta(), 0.0, "θ_ref: the --coeff the MD ran with, β0 aside");
        Structure sites = StructureFiles.read(lattice);
        MappedEnergy mapping = new MappedEnergy(sites, snap);
        for (int c = 0; c < TEMPERATURES.length; c++) {
            CellSummary cell = phase.cells().get(c);
            MdAverages md = cell.md();
            assertEquals(TEMPERATURES[c], md.temperature(), 0.0);
            assertEquals(FRAMES, cell.samples());
            // the frames' own energies (LAMMPS's Σ c_pe, less β0) and θ_ref·⟨D⟩ agree: frames of θ_ref
            double plain = 0;
            for (double e : energies.get(c)) plain += (e / ATOMS - beta0) / FRAMES;
            double model = 0;
            for (int k = 0; k < phase.model().referenceTheta().length; k++) model += phase.model().referenceTheta()[k] * cell.mean()[k];
            assertEquals(plain, model, 1e-9);
            // ⟨U⟩ by mapped averaging about LAMMPS's lattice: U_0/N − β0 + ⟨A⟩/N + (M/2N) k_B T
            assertTrue(md.mapped(), "" + md);
            double[] a = new double[FRAMES];
            for (int f = 0; f < FRAMES; f++) a[f] = mapping.of(frames.get(c).get(f)) / ATOMS;
            Blocking b = Blocking.of(a);
            double kt = Units.KB * TEMPERATURES[c];
            assertEquals(mapping.latticeEnergy() / ATOMS - beta0 + b.mean() + (3.0 * ATOMS - 3) / (2 * ATOMS) * kt, md.energy(), 1e-10);
            assertEquals(b.error(), md.energyError(), 1e-12);
            // the two estimates of one ⟨U⟩: the mapped one within the plain one's spread (k_B T √(3/2N) per frame)
            assertEquals(plain, md.energy(), 4 * kt * Math.sqrt(1.5 / ATOMS) / Math.sqrt(FRAMES));
            assertTrue(md.energyError() < 0.5 * kt * Math.sqrt(1.5 / ATOMS) / Math.sqrt(FRAMES), "mapped: far less noise " + md);
            // ΔU = ⟨U⟩/N − θ·D_0 − (M/2N) k_B T, the anharmonic energy, as our own Langevin engine samples it (BAOAB, 3 fs;
            // mapped, ~150 frames per T, lib/docs/accuracy.md): another integrator and thermostat, the same ensemble
            assertEquals(LANGEVIN_DELTA_U[c][0], b.mean(), 4 * Math.hypot(LANGEVIN_DELTA_U[c][1], b.error()),
                    "ΔU at " + TEMPERATURES[c] + " K, LAMMPS against Langevin");
        }

        // a dump cut short inside its gzip stream: exit 2 naming the file, nothing written
        Path cut = tmp.resolve("T1000.dump.gz");
        byte[] whole = Files.readAllBytes(dump(1000));
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        String cutOut = tmp.resolve("cut").toString();
        CommandRun refused = run("ingest", "--params", W_SNAP.resolve("D.snapparam").toString(), "--mass", "183.84", "--master", "local[1]",
                "--temperature", "1000", "--snapshots", cut.toString(), "--out", cutOut);
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("T1000.dump.gz: not a whole gzip file"), refused.err());
        assertFalse(Files.exists(Path.of(cutOut)));
        Path notGzip = tmp.resolve("T2000.dump.gz");
        Files.writeString(notGzip, "ITEM: TIMESTEP\n0\n");
        CommandRun refusedFirst = run("ingest", "--params", W_SNAP.resolve("D.snapparam").toString(), "--mass", "183.84", "--master", "local[1]",
                "--temperature", "2000", "--snapshots", notGzip.toString(), "--out", cutOut);
        assertEquals(2, refusedFirst.code(), refusedFirst.err());
        assertTrue(refusedFirst.err().contains("T2000.dump.gz: not a whole gzip file"), refusedFirst.err());

        String coeff = W_SNAP.resolve("X_W.snapcoeff").toString();
        CommandRun estimate = run("estimate", "--hessian-cache", hessians(), "--summaries", out, "--coeff", coeff, "--temperatures", "1000,2000,3000,4000", "--format", "json");
        assertEquals(0, estimate.code(), estimate.err());
        // θ_ref's Hessian at the store's lattice is computed once: the second estimator reads it from the cache
        String hessianLine = "Hessian of the reference model at the store's lattice (128 atoms)";
        assertTrue(estimate.err().contains(hessianLine), estimate.err());
        CommandRun again = run("estimate", "--hessian-cache", hessians(), "--summaries", out, "--coeff", coeff, "--temperatures", "1000,2000,3000,4000",
                "--format", "json");
        assertEquals(0, again.code(), again.err());
        assertFalse(again.err().contains(hessianLine), again.err());
        assertEquals(estimate.out(), again.out());
        JsonNode rows = new ObjectMapper().readTree(estimate.out()).get("results");
        // 11 frames per temperature do not span the 55 descriptor components: no row is vouched for, and outside the
        // sampled temperatures none could be
        for (int r = 0; r < 4; r++) {
            assertTrue(Double.isFinite(rows.get(r).get("freeEnergy").asDouble()), rows.get(r).toString());
            assertFalse(rows.get(r).get("solved").asBoolean(), rows.get(r).toString());
        }
        assertTrue(rows.get(0).get("freeEnergy").asDouble() > rows.get(1).get("freeEnergy").asDouble()
                && rows.get(1).get("freeEnergy").asDouble() > rows.get(2).get("freeEnergy").asDouble(), "F falls with T");
        // yet F_ref(1000 K) = F_harm + Gibbs–Helmholtz over these mapped ⟨U⟩ is TI's (−378.05 ± 0.03 meV/atom, lib/docs/accuracy.md)
        assertEquals(-0.37805, rows.get(0).get("freeEnergy").asDouble(), 1e-3);
    }
}
