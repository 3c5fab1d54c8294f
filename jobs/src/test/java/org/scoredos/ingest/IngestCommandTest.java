package org.scoredos.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.campaign.MockSchemeFileSystem;
import org.scoredos.cli.CommandRun;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.store.SummaryStore;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.MdAverages;
import org.scoredos.summary.StoreModel;
import org.scoredos.thermo.MappedEnergy;
import org.scoredos.units.Units;

/**
 * {@code scoredos ingest} end to end on small W bcc trajectories (16 atoms) written here:
 * seeded random displacements stand in for MD frames at two "temperatures", in LAMMPS dumps
 * and extended XYZ files spread over several directories.
 */
class IngestCommandTest {
    private static final Path W_SNAP = Path.of("../conf/potentials/w-snap").toAbsolutePath().normalize();
    private static final double A = 3.1803;
    private static SnapBispectrum snap;

    @TempDir
    Path tmp;

    @BeforeAll
    static void engine() throws Exception {
        SnapParameters params = SnapParameterReader.read(W_SNAP.resolve("D.snapparam"));
        snap = SnapBispectrum.of(params, SnapCoefficientReader.read(W_SNAP.resolve("X_W.snapcoeff"), params));
    }

    /** θ_ref's Hessians of the MD stores, kept in the test's directory. */
    private String hessians() {
        return tmp.resolve("hessians").toString();
    }

    /** Frames of the 2×2×2 bcc lattice, each atom displaced by a Gaussian of width sigma (Å). */
    private static List<Structure> frames(long seed, int count, double sigma) {
        Structure lattice = Lattices.bcc(A, 2, 2, 2);
        Random random = new Random(seed);
        List<Structure> out = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            double[] x = lattice.positions().clone();
            for (int i = 0; i < x.length; i++) x[i] += sigma * random.nextGaussian();
            // as the files hold them: 10 decimals
            for (int i = 0; i < x.length; i++) x[i] = Double.parseDouble(String.format(Locale.ROOT, "%.10f", x[i]));
            out.add(lattice.withPositions(x));
        }
        return out;
    }

    static void writeDump(Path file, List<Structure> frames) throws Exception {
        StringBuilder sb = new StringBuilder();
        double l = 2 * A;
        for (int f = 0; f < frames.size(); f++) {
            Structure s = frames.get(f);
            sb.append("ITEM: TIMESTEP\n").append(100 * f).append("\nITEM: NUMBER OF ATOMS\n").append(s.size()).append('\n');
            sb.append(String.format(Locale.ROOT, "ITEM: BOX BOUNDS pp pp pp\n0 %.10f\n0 %.10f\n0 %.10f\n", l, l, l));
            sb.append("ITEM: ATOMS id type x y z\n");
            for (int i = 0; i < s.size(); i++) {
                sb.append(String.format(Locale.ROOT, "%d 1 %.10f %.10f %.10f\n", i + 1, s.x(i), s.y(i), s.z(i)));
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb);
    }

    static void writeXyz(Path file, List<Structure> frames) throws Exception {
        StringBuilder sb = new StringBuilder();
        double l = 2 * A;
        for (Structure s : frames) {
            sb.append(s.size()).append('\n');
            sb.append(String.format(Locale.ROOT, "Lattice=\"%.10f 0 0 0 %.10f 0 0 0 %.10f\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n", l, l, l));
            for (int i = 0; i < s.size(); i++) sb.append(String.format(Locale.ROOT, "W %.10f %.10f %.10f\n", s.x(i), s.y(i), s.z(i)));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb);
    }

    private String[] ingest(String out, String... extra) {
        List<String> args = new ArrayList<>(List.of("ingest", "--params", W_SNAP.resolve("D.snapparam").toString(),
                "--coeff", W_SNAP.resolve("X_W.snapcoeff").toString(), "--mass", "183.84", "--bins", "20",
                "--master", "local[2]", "--out", out));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void summarisesTrajectoriesPerTemperatureDeterministicallyAndEstimateRefusesThem() throws Exception {
        List<Structure> cold1 = frames(1, 5, 0.03), cold2 = frames(2, 4, 0.03), hot = frames(3, 6, 0.09);
        writeDump(tmp.resolve("md/T300/a.dump"), cold1);
        writeXyz(tmp.resolve("md/T300/b.extxyz"), cold2);
        writeDump(tmp.resolve("md/T1200/c.lammpstrj"), hot);
        Path map = tmp.resolve("temperatures.tsv"); // a file, a trailing path and a directory (T1200/: every file below it)
        Files.writeString(map, "# file\ttemperature\nT300/a.dump\t300\nb.extxyz 300\nT1200/\t1200\n");
        Path lattice = tmp.resolve("W-bcc.extxyz");
        writeXyz(lattice, List.of(Lattices.bcc(A, 2, 2, 2)));

        String out = tmp.resolve("stores/w-md").toString();
        CommandRun ran = run(ingest(out, "--snapshots", tmp.resolve("md/*/*").toString(), "--temperatures-file", map.toString(),
                "--reference", lattice.toString(), "--format", "json"));
        assertEquals(0, ran.code(), ran.err());
        JsonNode json = new ObjectMapper().readTree(ran.out());
        assertEquals("w-md", json.get("phase").asText());
        assertEquals(3, json.get("files").asInt());
        assertEquals(300.0, json.get("cells").get(0).get("temperature").asDouble());
        assertEquals(2, json.get("cells").get(0).get("files").asInt());
        assertEquals(9, json.get("cells").get(0).get("frames").asInt());
        assertEquals(6, json.get("cells").get(1).get("frames").asInt());
        assertTrue(ran.err().contains("ingest w-md: descriptors + moments: 3/3 files"), ran.err());
        assertTrue(ran.err().contains("warning: temperature 300.0 K: 9 frames do not span the 55 descriptor components"), ran.err());

        PhaseSummary phase = SummaryStore.read(Path.of(out));
        assertEquals(Conditioning.TEMPERATURE, phase.conditioning());
        assertTrue(Files.readString(Path.of(out, "manifest.json")).contains("\"conditioning\" : \"temperature\""));
        assertEquals(2, phase.cells().size());
        assertEquals(16, phase.reference().atoms());
        assertEquals(183.84, phase.reference().mass());
        assertEquals(8 * A * A * A, phase.reference().volume(), 1e-9);
        assertArrayEquals(snap.average(Lattices.bcc(A, 2, 2, 2)), phase.reference().d0(), 1e-12);
        assertTrue(Double.isNaN(phase.reference().omegaBar()));
        // the model: --coeff's element (label X, so the element of the mass), radius and weight, and --params
        assertEquals("W", phase.model().species().get(0).symbol());
        assertEquals(new StoreModel(List.of(StoreModel.Species.ofMass(183.84, 0.5, 1.0)),
                SnapParameterReader.read(W_SNAP.resolve("D.snapparam"))).hash(), phase.model().hash());

        // per cell: the frames of its temperature, moments as computed directly, histograms within the frame count
        List<List<Structure>> byCell = List.of(Stream.concat(cold1.stream(), cold2.stream()).toList(), hot);
        double[] temperatures = {300, 1200};
        for (int c = 0; c < 2; c++) {
            CellSummary cell = phase.cells().get(c);
            assertEquals(temperatures[c], cell.tau());
            assertTrue(Double.isNaN(cell.alpha()));
            assertEquals(byCell.get(c).size(), cell.samples());
            double[][] d = byCell.get(c).stream().map(snap::average).toArray(double[][]::new);
            double[] mean = new double[55];
            for (double[] x : d) for (int k = 0; k < 55; k++) mean[k] += x[k] / d.length;
            double scale = 0;
            for (int k = 0; k < 55; k++) {
                assertEquals(mean[k], cell.mean()[k], 1e-9 * (1 + Math.abs(mean[k])));
                for (int j = 0; j < 55; j++) {
                    double cov = 0;
                    for (double[] x : d) cov += (x[k] - mean[k]) * (x[j] - mean[j]) / (d.length - 1);
                    scale = Math.max(scale, Math.abs(cov));
                    assertEquals(cov, cell.covariance()[k][j], 1e-9 * scale + 1e-15);
                }
                assertTrue(java.util.Arrays.stream(cell.counts()[k]).sum() <= cell.samples());
            }
            assertEquals(byCell.get(c).size(), java.util.Arrays.stream(cell.counts()[54]).sum(), "the widest component keeps its frames");
            assertNotNull(cell.scores());
        }
        // hotter frames spread the descriptors more
        assertTrue(phase.cells().get(1).eigenvalues()[54] > 4 * phase.cells().get(0).eigenvalues()[54]);

        // one partition on one thread: the same bits
        String serial = tmp.resolve("stores/serial").toString();
        String[] args = ingest(serial, "--snapshots", tmp.resolve("md/T300/*").toString(), "--snapshots",
                tmp.resolve("md/T1200/*").toString(), "--temperatures-file", map.toString(), "--reference", lattice.toString(),
                "--partitions", "1", "--name", "w-md");
        args[java.util.Arrays.asList(args).indexOf("local[2]")] = "local[1]";
        CommandRun again = run(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().lines().anyMatch(l -> l.matches("\\s*300\\.00\\s+2\\s+9")), again.out());
        PhaseSummary other = SummaryStore.read(Path.of(serial));
        for (int c = 0; c < 2; c++) {
            CellSummary a = phase.cells().get(c), b = other.cells().get(c);
            assertArrayEquals(a.mean(), b.mean(), 0.0);
            for (int k = 0; k < 55; k++) {
                assertArrayEquals(a.covariance()[k], b.covariance()[k], 0.0);
                assertArrayEquals(a.counts()[k], b.counts()[k]);
                assertArrayEquals(a.scores().coefficients()[k], b.scores().coefficients()[k], 0.0);
            }
        }

        // ingest recorded --coeff as θ_ref, the model the frames stand for
        assertEquals(55, new ObjectMapper().readTree(Files.readString(Path.of(out, "manifest.json"))).get("model")
                .get("referenceTheta").size());
        CommandRun recorded = run("estimate", "--hessian-cache", hessians(), "--summaries", out, "--coeff", W_SNAP.resolve("X_W.snapcoeff").toString(),
                "--temperatures", "300,1200,2000", "--gradient", "--format", "json");
        assertEquals(0, recorded.code(), recorded.err());

        // the model the frames stand for: F at the sampled temperatures, unsolved outside them
        JsonNode rows = new ObjectMapper().readTree(recorded.out()).get("results");
        assertFalse(rows.get(2).get("solved").asBoolean(), "2000 K is above the sampled 1200 K: " + recorded.out());
        assertTrue(rows.get(0).get("freeEnergy").asDouble() > rows.get(1).get("freeEnergy").asDouble(), "F falls with T");
        assertEquals(55, rows.get(0).get("gradient").size());
        // the text header says how F was estimated: not an isosurface mode
        CommandRun text = run("estimate", "--hessian-cache", hessians(), "--summaries", out, "--coeff", W_SNAP.resolve("X_W.snapcoeff").toString(), "--temperatures", "300");
        assertTrue(text.out().contains("MD snapshots: F_ref by Gibbs–Helmholtz"), text.out());
        assertFalse(text.out().contains("smooth mode"), text.out());
    }

    /** Extended XYZ frames with energy=: N(β0 + θ·D) of the --coeff model, plus {@code offset} eV/atom per frame times its index. */
    private static void writeXyzWithEnergies(Path file, List<Structure> frames, double offset) throws Exception {
        SnapParameters params = SnapParameterReader.read(W_SNAP.resolve("D.snapparam"));
        var element = SnapCoefficientReader.read(W_SNAP.resolve("X_W.snapcoeff"), params).elements().get(0);
        StringBuilder sb = new StringBuilder();
        double l = 2 * A;
        for (int f = 0; f < frames.size(); f++) {
            Structure s = frames.get(f);
            double[] d = snap.average(s);
            double u = element.constant();
            for (int k = 0; k < d.length; k++) u += element.linear()[k] * d[k];
            sb.append(s.size()).append('\n');
            sb.append(String.format(Locale.ROOT, "Lattice=\"%.10f 0 0 0 %.10f 0 0 0 %.10f\" Properties=species:S:1:pos:R:3 energy=%.17g%n",
                    l, l, l, s.size() * (u + offset * f)));
            for (int i = 0; i < s.size(); i++) sb.append(String.format(Locale.ROOT, "W %.10f %.10f %.10f\n", s.x(i), s.y(i), s.z(i)));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb);
    }

    @Test
    void recordsTheMeanEnergyPerTemperatureFromTheFramesAndChecksItAgainstTheModel() throws Exception {
        List<Structure> cold = frames(4, 40, 0.03), hot = frames(5, 40, 0.09);
        writeXyzWithEnergies(tmp.resolve("md/T300/a.extxyz"), cold, 0);
        writeXyzWithEnergies(tmp.resolve("md/T1200/b.extxyz"), hot, 0);
        Path lattice = tmp.resolve("W-bcc.extxyz");
        writeXyz(lattice, List.of(Lattices.bcc(A, 2, 2, 2)));
        Path map = tmp.resolve("temperatures.tsv");
        Files.writeString(map, "T300/ 300\nT1200/ 1200\n");
        String out = tmp.resolve("stores/w-md").toString();
        CommandRun ran = run(ingest(out, "--snapshots", tmp.resolve("md/*/*").toString(), "--temperatures-file", map.toString(),
                "--reference", lattice.toString()));
        assertEquals(0, ran.code(), ran.err());
        assertFalse(ran.err().contains("energies differ"), ran.err());
        PhaseSummary phase = SummaryStore.read(Path.of(out));
        double[] theta = phase.model().referenceTheta();
        LinearSnapPotential model = LinearSnapPotential.singleElement(snap, 0, theta);
        MappedEnergy mapping = new MappedEnergy(Lattices.bcc(A, 2, 2, 2), model);
        for (int c = 0; c < 2; c++) {
            CellSummary cell = phase.cells().get(c);
            double t = c == 0 ? 300 : 1200;
            assertEquals(t, cell.md().temperature(), 0.0);
            // frames of θ_ref about the --reference lattice: ⟨U⟩/N = θ_ref·D_0 + ⟨U − U_0 + ½u·F⟩/N + (M/2N) k_B T
            assertTrue(cell.md().mapped() && !cell.md().fromFiles(), "⟨U⟩ by mapped averaging: " + cell.md());
            double mapped = 0;
            for (Structure f : c == 0 ? cold : hot) mapped += mapping.of(f) / 16 / 40;
            double expected = mapping.latticeEnergy() / 16 + mapped + 45.0 / 32 * Units.KB * t;
            assertEquals(expected, cell.md().energy(), 1e-10);
            assertTrue(cell.md().energyError() > 0 && cell.md().effectiveSamples() <= 40, "" + cell.md());
        }
        assertTrue(phase.cells().get(1).md().energy() > phase.cells().get(0).md().energy(), "hotter, higher ⟨U⟩");

        // frames of another model (energies drifting by 1e-5 eV/atom per frame): warned, and ⟨U⟩ is theirs
        writeXyzWithEnergies(tmp.resolve("other/T300/a.extxyz"), cold, 1e-5);
        String other = tmp.resolve("stores/other").toString();
        CommandRun warned = run(ingest(other, "--snapshots", tmp.resolve("other/T300/a.extxyz").toString(), "--temperature", "300",
                "--reference", lattice.toString()));
        assertEquals(0, warned.code(), warned.err());
        assertTrue(warned.err().contains("warning: temperature 300.0 K: the frames' energies differ from the --coeff model's"), warned.err());
        MdAverages shifted = SummaryStore.read(Path.of(other)).cells().get(0).md();
        double plain = 0;
        for (int k = 0; k < theta.length; k++) plain += theta[k] * phase.cells().get(0).mean()[k];
        assertTrue(shifted.fromFiles() && !shifted.mapped(), "θ_ref's forces do not map another model's frames");
        assertEquals(plain + 1e-5 * 39 / 2.0, shifted.energy(), 1e-10);

        // estimate with θ_ref from --reference-coeff and an anchor: F_ref(300 K) is the anchor
        String coeff = W_SNAP.resolve("X_W.snapcoeff").toString();
        CommandRun anchored = run("estimate", "--hessian-cache", hessians(), "--summaries", out, "--coeff", coeff, "--reference-coeff", coeff, "--anchor", "300=-0.05",
                "--temperatures", "300", "--format", "json");
        assertEquals(0, anchored.code(), anchored.err());
        assertEquals(-0.05, new ObjectMapper().readTree(anchored.out()).get("results").get(0).get("freeEnergy").asDouble(), 1e-5);
        CommandRun badAnchor = run("estimate", "--hessian-cache", hessians(), "--summaries", out, "--coeff", coeff, "--anchor", "300:-0.05", "--temperatures", "300");
        assertEquals(2, badAnchor.code());
        assertTrue(badAnchor.err().contains("--anchor: expected [PHASE:]T0=F0"), badAnchor.err());

        // transition between stores of MD snapshots: the same table as for isosurface stores, the anchor names one store's phase
        CommandRun transition = run("transition", "--hessian-cache", hessians(), "--phase", "a=" + out, "--phase", "b=" + other, "--coeff", coeff, "--anchor", "other:300=-0.04",
                "--temperatures", "300", "--format", "json");
        assertEquals(0, transition.code(), transition.err());
        JsonNode row = new ObjectMapper().readTree(transition.out()).get("table").get(0);
        assertEquals(row.get("first").get("freeEnergy").asDouble() + 0.04, row.get("deltaF").asDouble(), 1e-5, "F_b(300 K) is its anchor");
        // the fields of an isosurface store's table (40 frames do not span 55 components: wide bars, unsolved, as it should)
        assertTrue(row.get("deltaFError").asDouble() > 0 && row.get("first").has("solved") && row.get("second").has("error"), row.toString());

        // finetune between stores of MD snapshots: a target where the second store has no frames (it holds 300 K only) is
        // refused before any step, as for isosurface stores outside their sampled α range
        CommandRun finetune = run("finetune", "--hessian-cache", hessians(), "--phase", "a=" + out, "--phase", "b=" + other, "--coeff", coeff, "--anchor", "other:300=-0.04",
                "--temperatures", "300:1200:4", "--target-tc", "900", "--out", tmp.resolve("tuned.snapcoeff").toString());
        assertEquals(2, finetune.code(), finetune.err());
        assertTrue(finetune.err().contains("--target-tc 900 K: outside the span where both phases are solved for the starting θ"),
                finetune.err());
        assertFalse(Files.exists(tmp.resolve("tuned.snapcoeff")));
    }

    @Test
    void readsAndWritesThroughAHadoopFileSystem() throws Exception {
        writeDump(tmp.resolve("md/a.dump"), frames(7, 3, 0.05));
        writeXyz(tmp.resolve("md/b.xyz"), frames(8, 3, 0.05));
        Map<String, String> mock = Map.of("spark.hadoop.fs.mock.impl", MockSchemeFileSystem.class.getName(),
                "spark.hadoop.fs.mock.impl.disable.cache", "true",
                "spark.hadoop.fs.AbstractFileSystem.mock.impl", MockSchemeFileSystem.Abstract.class.getName());
        mock.forEach(System::setProperty);
        try {
            CommandRun ran = run(ingest("mock://" + tmp.resolve("store"), "--snapshots", "mock://" + tmp.resolve("md") + "/*",
                    "--temperature", "900", "--format", "csv"));
            assertEquals(0, ran.code(), ran.err());
            org.scoredos.cli.result.CsvRead csv = org.scoredos.cli.result.CsvRead.of(ran.out());
            assertEquals(List.of("temperature", "files", "frames"), csv.tables.get("cells").names);
            assertEquals(List.of(List.of("900.0", "2", "6")), csv.tables.get("cells").rows);
        } finally {
            mock.keySet().forEach(System::clearProperty);
        }
        PhaseSummary phase = SummaryStore.read(tmp.resolve("store"));
        assertEquals("store", phase.name());
        assertEquals(6, phase.cells().get(0).samples());
        assertTrue(Double.isNaN(phase.reference().d0()[0]), "no --reference: D_0 unknown");
    }

    @Test
    void badInputExitsWithTwoNamingTheCauseAndWritesNothing() throws Exception {
        writeDump(tmp.resolve("md/good.dump"), frames(4, 3, 0.05));
        String out = tmp.resolve("out/store").toString();

        CommandRun none = run(ingest(out, "--snapshots", tmp.resolve("md/*.xyz").toString(), "--temperature", "300"));
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("no trajectory file matches '" + tmp.resolve("md/*.xyz") + "'"), none.err());

        for (String t : List.of("0", "-5", "NaN")) {
            CommandRun cold = run(ingest(out, "--snapshots", tmp.resolve("md/*.dump").toString(), "--temperature=" + t));
            assertEquals(2, cold.code(), cold.err());
            assertTrue(cold.err().contains("--temperature: must be positive"), cold.err());
        }
        Path map = tmp.resolve("t.tsv");
        Files.writeString(map, "good.dump 300\nother.dump -1\n");
        CommandRun badMap = run(ingest(out, "--snapshots", tmp.resolve("md/*.dump").toString(), "--temperatures-file", map.toString()));
        assertEquals(2, badMap.code(), badMap.err());
        assertTrue(badMap.err().contains(map + ":2: other.dump: temperature must be positive"), badMap.err());

        Files.writeString(map, "other.dump 300\n");
        CommandRun unlabelled = run(ingest(out, "--snapshots", tmp.resolve("md/*.dump").toString(), "--temperatures-file", map.toString()));
        assertEquals(2, unlabelled.code(), unlabelled.err());
        assertTrue(unlabelled.err().contains("no temperature for file:" + tmp.resolve("md/good.dump").toUri().getPath()), unlabelled.err());

        // a garbled coordinate in the second frame of the second file (sorted: bad-coordinate.dump, good.dump)
        Path garbled = tmp.resolve("md/bad-coordinate.dump");
        writeDump(garbled, frames(5, 3, 0.05));
        List<String> lines = new ArrayList<>(Files.readAllLines(garbled));
        int line = 9 + 16 + 9 + 3; // third atom line of the second frame, 1-based
        lines.set(line - 1, lines.get(line - 1).replaceFirst(" \\S+$", " 1.2.3"));
        Files.write(garbled, lines);
        CommandRun malformed = run(ingest(out, "--snapshots", tmp.resolve("md/*.dump").toString(), "--temperature", "300"));
        assertEquals(2, malformed.code(), malformed.err());
        assertTrue(malformed.err().contains(garbled.toUri().getPath() + ":" + line + ":"), malformed.err());
        Files.delete(garbled);

        // a frame with 15 atoms after frames of 16
        Path shorter = tmp.resolve("md/short.dump");
        List<Structure> mixed = new ArrayList<>(frames(6, 2, 0.05));
        Structure s = mixed.get(1);
        int[] types = new int[15];
        java.util.Arrays.fill(types, 1);
        mixed.set(1, new Structure(s.cell(), java.util.Arrays.copyOf(s.positions(), 45), types, s.massByType()));
        writeDump(shorter, mixed);
        CommandRun count = run(ingest(out, "--snapshots", tmp.resolve("md/*.dump").toString(), "--temperature", "300"));
        assertEquals(2, count.code(), count.err());
        assertTrue(count.err().contains(":26: frame 2: 15 atoms, the first frame of the ingestion has 16"), count.err());

        assertFalse(Files.exists(tmp.resolve("out")), "nothing written on failure");
        for (CommandRun r : List.of(none, badMap, unlabelled, malformed, count)) assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aGzipBombInAFrameIsOneLineNamingFileAndLineAndWritesNothing() throws Exception {
        // two good frames, then a third announcing 16 atoms followed by 1 GiB of 256 kB atom lines (1 MB of gzip members)
        Path bomb = tmp.resolve("md/bomb.dump.gz");
        Path text = tmp.resolve("good.dump");
        writeDump(text, frames(7, 2, 0.05));
        String third = "ITEM: TIMESTEP\n200\nITEM: NUMBER OF ATOMS\n16\nITEM: BOX BOUNDS pp pp pp\n0 6.3606\n0 6.3606\n0 6.3606\n"
                + "ITEM: ATOMS id type x y z\n";
        byte[] member = gzip(("1 1 0.5 0.5 0.5" + " ".repeat(256 * 1024 - 16) + "\n").repeat(4));
        Files.createDirectories(bomb.getParent());
        try (OutputStream out = Files.newOutputStream(bomb)) {
            out.write(gzip(Files.readString(text) + third));
            for (int i = 0; i < 1024; i++) out.write(member);
        }
        String out = tmp.resolve("out/store").toString();
        CommandRun ran = run(ingest(out, "--snapshots", bomb.toString(), "--temperature", "300"));
        assertEquals(2, ran.code(), ran.err());
        // the frame's bound: 2 MiB for its header and 4096 characters per atom; line 59 + 9 passes it
        assertTrue(ran.err().contains(bomb.toUri().getPath() + ":68: frame longer than 2162688 characters"), ran.err());
        assertEquals(1, ran.err().lines().filter(l -> l.contains("frame longer")).count(), ran.err());
        assertFalse(ran.err().contains("\tat "), ran.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
