package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.result.CsvRead;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.store.ParquetMatrix;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.DescriptorDosReader;
import org.scoredos.summary.PhaseSummary;

/** {@code ensemble} on the iron campaigns: each member is its own `transition`; every θ source, runner and output agrees. */
class EnsembleCommandTest {
    private static final Path IRON = Path.of("../lib/src/test/resources/descriptordos-fe").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRID = "500:2500:31";

    @TempDir
    static Path dir;

    private static Path coeff, thetas, fccFavoured;
    private static String fcc, bcc;
    private static double[] thetaRef, thetaLow;

    @BeforeAll
    static void importTheCampaigns() throws Exception {
        ScoreMatcher fit = new ScoreMatcher(PolynomialBasis.of("chebyshev", 7));
        PhaseSummary b = fit.fit(DescriptorDosReader.read(IRON.resolve("fe_bcc_444.json.gz")));
        PhaseSummary f = fit.fit(DescriptorDosReader.read(IRON.resolve("fe_fcc_333.json.gz")));
        SummaryStore.write(b, dir.resolve("fe-bcc"));
        SummaryStore.write(f, dir.resolve("fe-fcc"));
        fcc = "fcc=" + dir.resolve("fe-fcc");
        bcc = "bcc=" + dir.resolve("fe-bcc");
        coeff = IRON.resolve("X_Fe.snapcoeff");
        thetaRef = CoefficientFile.read(coeff, 55).theta();
        // fcc 40 meV/atom lower at 0 K: T_c ≈ 1295 K, solved (TransitionCoverageCommandTest's second θ)
        thetaLow = thetaRef.clone();
        double[] dD0 = f.reference().d0().clone();
        double norm2 = 0;
        for (int i = 0; i < dD0.length; i++) {
            dD0[i] -= b.reference().d0()[i];
            norm2 += dD0[i] * dD0[i];
        }
        for (int i = 0; i < thetaLow.length; i++) thetaLow[i] -= 0.04 * dD0[i] / norm2;
        fccFavoured = dir.resolve("fcc-favoured.txt");
        Files.writeString(fccFavoured, list(thetaLow, "\n"));
        thetas = dir.resolve("thetas.csv");
        Files.writeString(thetas, "# two members\n" + list(thetaRef, ",") + list(thetaLow, ","));
    }

    private static String list(double[] v, String separator) {
        return DoubleStream.of(v).mapToObj(Double::toString).collect(Collectors.joining(separator)) + "\n";
    }

    private static CommandRun ensemble(String... args) {
        String[] all = new String[args.length + 7];
        all[0] = "ensemble";
        all[1] = "--phase";
        all[2] = fcc;
        all[3] = "--phase";
        all[4] = bcc;
        all[5] = "--error-model";
        all[6] = "reference";
        System.arraycopy(args, 0, all, 7, args.length);
        return run(all);
    }

    @Test
    void eachMemberIsItsOwnTransitionAndTheTcDistributionCountsTheExtrapolatedOne() throws Exception {
        Path out = dir.resolve("members.csv"), fan = dir.resolve("fan.png"), hist = dir.resolve("tc.png");
        CommandRun r = ensemble("--thetas", thetas.toString(), "--temperatures", GRID, "--format", "json", "--out", out.toString(),
                "--plot", fan.toString(), "--tc-plot", hist.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("3N", root.get("convention").get("modes").asText());
        assertEquals(2, root.get("members").asInt());
        assertEquals("deltaF", root.get("quantity").asText());
        List<JsonNode> alone = new ArrayList<>();
        for (Path theta : new Path[] {coeff, fccFavoured}) {
            CommandRun t = run("transition", "--phase", fcc, "--phase", bcc, "--coeff", theta.toString(), "--temperatures", GRID,
                    "--error-model", "reference", "--format", "json");
            assertEquals(0, t.code(), t.err());
            alone.add(JSON.readTree(t.out()));
        }
        JsonNode rows = root.get("temperatures");
        assertEquals(31, rows.size());
        for (int i = 0; i < 31; i++) {
            double a = alone.get(0).get("table").get(i).get("deltaF").asDouble(), b = alone.get(1).get("table").get(i).get("deltaF").asDouble();
            JsonNode row = rows.get(i);
            assertEquals((a + b) / 2, row.get("mean").asDouble(), 1e-15);
            assertEquals(Math.abs(a - b) / Math.sqrt(2), row.get("std").asDouble(), 1e-12);
            assertEquals(Math.min(a, b), row.get("quantiles").get(0).asDouble(), 0.05 * Math.abs(a - b) + 1e-15);
            assertEquals((a + b) / 2, row.get("quantiles").get(2).asDouble(), 1e-15);
            double solved = (alone.get(0).get("table").get(i).get("solved").asBoolean() ? 0.5 : 0)
                    + (alone.get(1).get("table").get(i).get("solved").asBoolean() ? 0.5 : 0);
            assertEquals(solved, row.get("solvedFraction").asDouble());
        }
        JsonNode tc = root.get("tc");
        double tcRef = alone.get(0).get("tc").get("temperature").asDouble(), tcLow = alone.get(1).get("tc").get("temperature").asDouble();
        assertTrue(alone.get(0).get("tc").get("extrapolated").asBoolean() && !alone.get(1).get("tc").get("extrapolated").asBoolean());
        assertEquals(2, tc.get("withTransition").asInt());
        assertEquals(1, tc.get("extrapolated").asInt());
        assertEquals(0.5, tc.get("extrapolatedFraction").asDouble());
        assertEquals((tcRef + tcLow) / 2, tc.get("mean").asDouble(), 1e-9);
        assertEquals(tcLow, tc.get("quantiles").get(0).asDouble(), 0.05 * (tcRef - tcLow) + 1e-9);
        assertEquals(2, tc.get("histogram").get("counts").get(0).asInt() + tc.get("histogram").get("counts").get(29).asInt());
        assertTrue(r.err().contains("ensemble: warning: 1 of 2 members' T_c are extrapolations"), r.err());
        assertTrue(r.err().contains("2/2 members"), r.err());

        // per member, per temperature: exactly transition's numbers
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).startsWith("# convention:"), lines.get(0));
        List<String> header = List.of(lines.get(1).split(","));
        assertEquals(List.of("member", "temperature", "deltaF", "deltaFError", "solved", "tc", "tcError", "tcExtrapolated",
                "firstLatticeEnergy", "firstFreeEnergy", "firstError", "firstAlphaStar", "firstSolved", "secondLatticeEnergy",
                "secondFreeEnergy", "secondError", "secondAlphaStar", "secondSolved"), header);
        assertEquals(2 + 62, lines.size());
        for (int m = 0; m < 2; m++) {
            JsonNode t = alone.get(m);
            for (int i = 0; i < 31; i++) {
                String[] v = lines.get(2 + 31 * m + i).split(",");
                JsonNode row = t.get("table").get(i);
                assertEquals(m, Integer.parseInt(v[0]));
                assertEquals(row.get("temperature").asDouble(), Double.parseDouble(v[1]));
                assertEquals(row.get("deltaF").asDouble(), Double.parseDouble(v[2]));
                assertEquals(row.get("deltaFError").asDouble(), Double.parseDouble(v[3]));
                assertEquals(row.get("solved").asBoolean(), Boolean.parseBoolean(v[4]));
                assertEquals(t.get("tc").get("temperature").asDouble(), Double.parseDouble(v[5]));
                assertEquals(t.get("tc").get("extrapolated").asBoolean(), Boolean.parseBoolean(v[7]));
                assertEquals(t.get("first").get("latticeEnergy").asDouble(), Double.parseDouble(v[8]));
                assertEquals(row.get("first").get("freeEnergy").asDouble(), Double.parseDouble(v[9]));
                assertEquals(row.get("second").get("alphaStar").asDouble(), Double.parseDouble(v[16]));
            }
        }
        for (Path png : new Path[] {fan, hist}) {
            byte[] bytes = Files.readAllBytes(png);
            assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void everySourceOfTheSameMembersGivesTheSameResult() throws Exception {
        CommandRun csv = ensemble("--thetas", thetas.toString(), "--temperatures", "800:2000:7", "--format", "json");
        assertEquals(0, csv.code(), csv.err());
        // a directory of .snapcoeff files (the element checked from the name), in name order
        Path snap = Files.createDirectories(dir.resolve("snap"));
        Files.copy(coeff, snap.resolve("a_Fe.snapcoeff"));
        List<String> lines = new ArrayList<>(Files.readAllLines(coeff));
        int first = lines.size() - 55;
        for (int i = 0; i < 55; i++) lines.set(first + i, Double.toString(thetaLow[i]));
        Files.write(snap.resolve("b_Fe.snapcoeff"), lines);
        Files.writeString(snap.resolve("notes.txt"), "not a member");
        CommandRun directory = ensemble("--thetas", snap.toString(), "--temperatures", "800:2000:7", "--format", "json");
        assertEquals(0, directory.code(), directory.err());
        // NumPy, float64 little-endian, C order
        Path npy = dir.resolve("thetas.npy");
        Files.write(npy, npy(new double[][] {thetaRef, thetaLow}));
        CommandRun numpy = ensemble("--thetas", npy.toString(), "--temperatures", "800:2000:7", "--format", "json");
        assertEquals(0, numpy.code(), numpy.err());
        assertTrue(numpy.err().contains("a matrix of θ with rows of 55 numbers") || numpy.err().contains("records no model"), numpy.err());
        JsonNode expected = strip(JSON.readTree(csv.out()));
        assertEquals(expected, strip(JSON.readTree(directory.out())));
        assertEquals(expected, strip(JSON.readTree(numpy.out())));
    }

    /** The result without its "source" (which names the input). */
    private static JsonNode strip(JsonNode root) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) root).remove("source");
        return root;
    }

    private static byte[] npy(double[][] rows) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows.length + ", " + rows[0].length + "), }";
        String header = dict + " ".repeat(64 - (10 + dict.length() + 1) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * rows.length * rows[0].length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double[] r : rows) for (double v : r) b.putDouble(v);
        return b.array();
    }

    @Test
    void aGaussianOnSparkGivesWhatItGivesLocally() throws Exception {
        String[] args = {"--mean", coeff.toString(), "--relative-sigma", "0.01", "--samples", "16", "--seed", "3", "--temperatures",
            "1000:2400:8", "--format", "json"};
        CommandRun local = ensemble(args);
        assertEquals(0, local.code(), local.err());
        Path parquet = dir.resolve("spark.parquet");
        List<String> sparkArgs = new ArrayList<>(List.of(args));
        sparkArgs.addAll(List.of("--master", "local[2]", "--partitions", "3", "--out", parquet.toString()));
        CommandRun spark = ensemble(sparkArgs.toArray(new String[0]));
        assertEquals(0, spark.code(), spark.err());
        assertEquals(JSON.readTree(local.out()), JSON.readTree(spark.out()));
        JsonNode root = JSON.readTree(local.out());
        assertEquals(16, root.get("members").asInt());
        assertTrue(root.get("source").asText().contains("relative σ 0.01, seed 3"), root.get("source").asText());
        // the Parquet rows' floating-point columns: temperature, deltaF, …; member 15 at 2400 K last
        double[][] rows = ParquetMatrix.read(parquet);
        assertEquals(16 * 8, rows.length);
        assertEquals(2400, rows[rows.length - 1][0]);
        double mean = 0;
        for (int m = 0; m < 16; m++) mean += rows[8 * m + 7][1] / 16;
        assertEquals(root.get("temperatures").get(7).get("mean").asDouble(), mean, 1e-15);
    }

    @Test
    void onePhaseGivesTheDistributionOfItsFreeEnergy() {
        CommandRun r = run("ensemble", "--phase", bcc, "--thetas", thetas.toString(), "--temperatures", "800,1200", "--format", "csv",
                "--error-model", "reference");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("# convention:"), r.out());
        CsvRead read = CsvRead.of(r.out());
        CsvRead.Table t = read.tables.get("temperatures");
        assertEquals(List.of("temperature", "mean", "std", "quantiles0", "quantiles1", "quantiles2", "quantiles3", "quantiles4", "solvedFraction",
                "meanError"), t.names);
        assertEquals("0.05 0.25 0.5 0.75 0.95", read.metadata.get("quantileLevels"));
        assertEquals(2, t.rows.size());
        CommandRun text = run("ensemble", "--phase", bcc, "--thetas", thetas.toString(), "--temperatures", "800,1200", "--error-model", "reference");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("F(bcc) relative to each member's θ·D_0"), text.out());
        assertTrue(!text.out().contains("T_c"), text.out());
        assertTrue(text.out().contains("q50 (eV/atom)"), text.out());
    }

    @Test
    void badInputIsOneLineAndExitTwoBeforeAnyWork() throws Exception {
        Path nan = dir.resolve("nan.csv");
        String row = list(thetaRef, ",");
        Files.writeString(nan, row + row.replaceFirst("^[^,]+,[^,]+", row.split(",")[0] + ",NaN"));
        assertBad(ensemble("--thetas", nan.toString()), "nan.csv: line 2, column 2: NaN is not a finite number");
        Path shortRows = dir.resolve("short.npy");
        Files.write(shortRows, npy(new double[][] {{1, 2, 3}}));
        assertBad(ensemble("--thetas", shortRows.toString()), "row 1: 3 values; the stores have 55 descriptor components");
        assertBad(ensemble("--thetas", thetas.toString(), "--mean", coeff.toString()), "either as --thetas PATH or as a Gaussian --mean FILE");
        assertBad(ensemble("--mean", coeff.toString()), "--covariance FILE or --relative-sigma S");
        assertBad(run("ensemble", "--phase", bcc, "--thetas", thetas.toString(), "--tc-plot", dir.resolve("x.png").toString()),
                "--tc-plot: T_c needs two phases");
        assertBad(ensemble("--thetas", thetas.toString(), "--out", dir.resolve("x.json").toString()), "name a .csv or .parquet file");
        assertBad(ensemble("--thetas", dir.resolve("absent.csv").toString()), "absent.csv: no such file");
        Path asymmetric = dir.resolve("cov.csv");
        StringBuilder cov = new StringBuilder();
        for (int i = 0; i < 55; i++) {
            double[] r = new double[55];
            r[i] = 1e-4;
            if (i == 1) r[0] = 1e-5;
            cov.append(list(r, ","));
        }
        Files.writeString(asymmetric, cov);
        assertBad(ensemble("--mean", coeff.toString(), "--covariance", asymmetric.toString()), "not symmetric: entry (2, 1)");
        assertBad(ensemble("--thetas", thetas.toString(), "--quantiles", "0.5,0.25"), "--quantiles: levels must increase");
    }

    private static void assertBad(CommandRun r, String fragment) {
        assertEquals(2, r.code(), r.err());
        List<String> errors = r.err().lines().filter(l -> !l.contains("the store records no model") && !l.startsWith("warning:")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains(fragment), errors.get(0));
        assertEquals("", r.out());
    }
}
