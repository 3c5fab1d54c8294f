package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.result.CsvRead;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.estimate.PhaseTransition;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.DescriptorDosReader;
import org.scoredos.summary.PhaseSummary;

/** The solved/extrapolated flags and error bars of transition and finetune, in every format, on the iron campaigns. */
class TransitionCoverageCommandTest {
    private static final Path IRON = Path.of("../lib/src/test/resources/descriptordos-fe").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path coeff, fccFavoured;
    private static String[] phases;

    @BeforeAll
    static void importTheCampaigns() throws Exception {
        Path bcc = dir.resolve("fe-bcc"), fcc = dir.resolve("fe-fcc");
        // stored with their Chebyshev order 7 fits (the default), so that no command refits them
        ScoreMatcher fit = new ScoreMatcher(PolynomialBasis.of("chebyshev", 7));
        PhaseSummary b = fit.fit(DescriptorDosReader.read(IRON.resolve("fe_bcc_444.json.gz")));
        PhaseSummary f = fit.fit(DescriptorDosReader.read(IRON.resolve("fe_fcc_333.json.gz")));
        SummaryStore.write(b, bcc);
        SummaryStore.write(f, fcc);
        phases = new String[] {"--phase", "fcc=" + fcc, "--phase", "bcc=" + bcc};
        coeff = IRON.resolve("X_Fe.snapcoeff");
        // θ moved along ΔD_0 = D_0^fcc − D_0^bcc: fcc 40 meV/atom lower at 0 K, T_c ≈ 1295 K inside both sampled ranges
        double[] theta = CoefficientFile.read(coeff, 55).theta(), dD0 = f.reference().d0().clone();
        double norm2 = 0;
        for (int i = 0; i < dD0.length; i++) {
            dD0[i] -= b.reference().d0()[i];
            norm2 += dD0[i] * dD0[i];
        }
        for (int i = 0; i < theta.length; i++) theta[i] -= 0.04 * dD0[i] / norm2;
        fccFavoured = dir.resolve("fcc-favoured.txt");
        Files.writeString(fccFavoured, DoubleStream.of(theta).mapToObj(Double::toString).collect(Collectors.joining("\n")) + "\n");
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String command, Path theta, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        String[] all = new String[args.length + 7];
        all[0] = command;
        System.arraycopy(phases, 0, all, 1, 4);
        all[5] = "--coeff";
        all[6] = theta.toString();
        System.arraycopy(args, 0, all, 7, args.length);
        int code = ScoreDos.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
        // the imported iron stores record no model: that warning (ConventionAndModelTest's subject) is not what this class tests,
        // nor is the convention line every CSV starts with
        String errors = err.toString().lines().filter(l -> !l.contains("the store records no model"))
                .map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
        String output = out.toString().lines().filter(l -> !l.startsWith("# convention:"))
                .map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
        return new Run(code, output, errors);
    }

    @Test
    void transitionRowsCarryBothPhasesAndTcIsFlaggedExtrapolated() throws Exception {
        Run r = run("transition", coeff, "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("fcc", root.get("first").get("phase").asText());
        JsonNode tc = root.get("tc");
        // the smooth mode's local α fit: 1952.6 K (the reference mode's quintic: 1950.1)
        assertEquals(1950.1, tc.get("temperature").asDouble(), 3.0);
        assertTrue(tc.get("extrapolated").asBoolean());
        JsonNode rows = root.get("table");
        int n = rows.size();
        double[] t = new double[n], delta = new double[n], error = new double[n];
        boolean[] solved = new boolean[n];
        double e0 = root.get("first").get("latticeEnergy").asDouble() - root.get("second").get("latticeEnergy").asDouble();
        for (int i = 0; i < n; i++) {
            JsonNode row = rows.get(i), a = row.get("first"), b = row.get("second");
            t[i] = row.get("temperature").asDouble();
            delta[i] = row.get("deltaF").asDouble();
            error[i] = row.get("deltaFError").asDouble();
            solved[i] = row.get("solved").asBoolean();
            assertEquals(a.get("freeEnergy").asDouble() - b.get("freeEnergy").asDouble() + e0, delta[i], 1e-12);
            assertEquals(Math.hypot(a.get("error").asDouble(), b.get("error").asDouble()), error[i], 1e-15);
            assertEquals(a.get("solved").asBoolean() && b.get("solved").asBoolean(), solved[i]);
            assertTrue(a.get("alphaStar").isNumber() && b.get("alphaStar").isNumber());
        }
        // both leave their sampled α ranges at 1366.7 K (the smooth mode flags a minimum past the second cell from the end)
        assertTrue(rows.get(12).get("first").get("solved").asBoolean());
        assertFalse(rows.get(13).get("first").get("solved").asBoolean());
        assertTrue(rows.get(12).get("second").get("solved").asBoolean());
        assertFalse(rows.get(13).get("second").get("solved").asBoolean());
        // δT_c = δΔF(T_c)/|dΔF/dT|, against T_c of ΔF ± ε δΔF
        double eps = 1e-6;
        double[] up = delta.clone(), down = delta.clone();
        for (int i = 0; i < n; i++) {
            up[i] += eps * error[i];
            down[i] -= eps * error[i];
        }
        double fd = Math.abs(PhaseTransition.criticalTemperature(t, up) - PhaseTransition.criticalTemperature(t, down)) / (2 * eps);
        assertEquals(fd, tc.get("error").asDouble(), 1e-5 * fd);
        assertEquals(1900, tc.get("bracket").get(0).asDouble(), 1e-9);
        assertWarnedOnce(r.err(), "T_c = 1952.6");

        Run csv = run("transition", coeff, "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        CsvRead read = CsvRead.of(csv.out());
        CsvRead.Table table = read.tables.get("table");
        assertEquals(List.of("temperature", "deltaF", "deltaFError", "solved", "firstFreeEnergy", "firstError", "firstAlphaStar", "firstSolved",
                "secondFreeEnergy", "secondError", "secondAlphaStar", "secondSolved"), table.names);
        assertEquals(n, table.rows.size());
        assertEquals(delta[13], table.number(13, "deltaF"));
        assertEquals(error[13], table.number(13, "deltaFError"));
        assertEquals("false", table.cell(13, "solved"));
        assertEquals(rows.get(13).get("first").get("alphaStar").asDouble(), table.number(13, "firstAlphaStar"));
        assertEquals("false", table.cell(13, "firstSolved"));
        assertEquals("false", table.cell(13, "secondSolved"));
        // T_c and its flags are in the CSV too, as in the JSON
        assertEquals(tc.get("temperature").asDouble(), Double.parseDouble(read.metadata.get("tc.temperature")));
        assertEquals("K", read.metadataUnits.get("tc.temperature"));
        assertEquals("true", read.metadata.get("tc.extrapolated"));
        read.assertHolds(root);
        assertTrue(csv.err().contains("transition: T_c = 1952.63 ± "), csv.err());
        assertTrue(csv.err().contains(" K, extrapolated (α* at the sampled edge for fcc and bcc at 1900 K and 1966.67 K)"), csv.err());

        Run text = run("transition", coeff);
        assertEquals(0, text.code(), text.err());
        List<String> out = text.out().lines().toList();
        assertTrue(out.get(2).contains("ΔF ± δΔF (eV/atom)") && out.get(2).contains("α*") && out.get(2).contains("solved"), out.get(2));
        assertTrue(out.get(3 + 13).matches(".*1366\\.67 .* no .* no$"), out.get(3 + 13));
        assertTrue(out.get(out.size() - 1).startsWith("T_c = 1952.63 ± " + String.format("%.2f", tc.get("error").asDouble())
                + " K, extrapolated"), out.get(out.size() - 1));
        assertWarnedOnce(text.err(), "T_c = 1952.63 K is an extrapolation");
    }

    private static void assertWarnedOnce(String err, String what) {
        List<String> warnings = err.lines().filter(l -> l.contains("warning")).toList();
        assertEquals(1, warnings.size(), err);
        assertTrue(warnings.get(0).startsWith("transition: warning: ") && warnings.get(0).contains(what), err);
    }

    @Test
    void transitionInsideBothSampledRangesIsSolvedWithoutWarning(@TempDir Path out) throws Exception {
        Path png = out.resolve("dF.png");
        Run r = run("transition", fccFavoured, "--format", "json", "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode tc = JSON.readTree(r.out()).get("tc");
        assertEquals(1295, tc.get("temperature").asDouble(), 20); // smooth mode, local α fit: 1312.6 K
        assertFalse(tc.get("extrapolated").asBoolean());
        assertTrue(tc.get("error").asDouble() > 0);
        assertFalse(r.err().contains("warning"), r.err());
        assertTrue(Files.size(png) > 1000);

        Run text = run("transition", fccFavoured);
        assertTrue(text.out().strip().lines().reduce((x, y) -> y).orElseThrow().matches("T_c = 131\\d\\.\\d\\d ± \\d+\\.\\d\\d K, solved .*"),
                text.out());
        assertFalse(text.err().contains("warning"), text.err());

        Run none = run("transition", coeff, "--temperatures", "1500:1900:3");
        assertTrue(none.out().strip().endsWith("fcc unsolved at 1500–1900 K, bcc unsolved at 1500–1900 K "
                + "(α* at the sampled edge: ΔF there is an extrapolation)"), none.out());
    }

    @Test
    void finetuneRefusesTargetsOutsideTheGridAndTheSolvedSpan(@TempDir Path out) throws Exception {
        Path tuned = out.resolve("tuned.snapcoeff");
        Run beyond = run("finetune", coeff, "--target-tc", "4000", "--out", tuned.toString());
        assertBad(beyond, "--target-tc 4000 K: outside the --temperatures grid 500–2500 K");
        Run beyondAllowed = run("finetune", coeff, "--target-tc", "4000", "--allow-extrapolation", "--out", tuned.toString());
        assertBad(beyondAllowed, "outside the --temperatures grid");
        Run unsolved = run("finetune", coeff, "--target-tc", "1700", "--out", tuned.toString());
        assertBad(unsolved, "--target-tc 1700 K: outside the span where both phases are solved for the starting θ (500–1300 K)");
        assertTrue(unsolved.err().contains("--allow-extrapolation"), unsolved.err());
        assertBad(run("finetune", coeff, "--target-tc", "1063", "--tolerance", "0", "--out", tuned.toString()), "--tolerance");
        assertFalse(Files.exists(tuned), "nothing written after a refusal");

        // allowed: one step from 1950 K towards 1700 K, within a 300 K tolerance, but extrapolated
        Run allowed = run("finetune", coeff, "--target-tc", "1700", "--allow-extrapolation", "--steps", "1", "--tolerance", "300",
                "--out", tuned.toString(), "--format", "json");
        assertEquals(0, allowed.code(), allowed.err());
        JsonNode root = JSON.readTree(allowed.out());
        assertTrue(root.get("converged").asBoolean());
        assertFalse(root.get("solved").asBoolean());
        assertTrue(root.get("tc").get("extrapolated").asBoolean());
        assertEquals(tuned.toString(), root.get("out").asText());
        assertTrue(Files.exists(tuned));
        assertTrue(allowed.err().lines().anyMatch(l -> l.startsWith("finetune: warning: the tuned T_c = ") && l.contains("extrapolation")),
                allowed.err());
    }

    private static void assertBad(Run r, String reason) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("scoredos finetune: ") && r.err().contains(reason), r.err());
        assertEquals("", r.out());
    }

    @Test
    void finetuneRecordsEveryStepsFlagsAndReportsNonConvergence(@TempDir Path out) throws Exception {
        Path tuned = out.resolve("tuned.snapcoeff");
        Run json = run("finetune", coeff, "--target-tc", "1063", "--steps", "3", "--out", tuned.toString(), "--format", "json");
        assertEquals(FinetuneCommand.NOT_CONVERGED, json.code(), json.err());
        assertFalse(Files.exists(tuned), "no coefficients after a run that missed its target");
        List<String> last = json.err().strip().lines().toList();
        assertTrue(last.get(last.size() - 1).startsWith("finetune: not converged after 3 steps: T_c = 1440.56 ± "), json.err());
        assertTrue(last.get(last.size() - 1).contains("(target 1063 K ± 10 K); no coefficients written"), json.err());
        JsonNode root = JSON.readTree(json.out());
        assertFalse(root.get("converged").asBoolean());
        assertTrue(root.get("out").isNull());
        JsonNode steps = root.get("trajectory");
        assertEquals(4, steps.size());
        for (JsonNode s : steps) {
            assertFalse(s.get("solved").asBoolean(), "every T_c of this run is above 1300 K");
            assertTrue(s.get("tcError").asDouble() > 0);
            assertTrue(s.get("deltaFAtTargetError").asDouble() > 0);
            assertTrue(s.get("solvedAtTarget").asBoolean(), "1063 K is inside both ranges for the first steps");
        }
        assertEquals(1952.63, steps.get(0).get("tc").asDouble(), 0.01); // smooth mode, local α fit

        Run csv = run("finetune", coeff, "--target-tc", "1063", "--steps", "3", "--out", tuned.toString(), "--format", "csv");
        assertEquals(FinetuneCommand.NOT_CONVERGED, csv.code());
        CsvRead read = CsvRead.of(csv.out());
        CsvRead.Table t = read.tables.get("trajectory");
        assertEquals(List.of("step", "tc", "tcError", "solved", "deltaFAtTarget", "deltaFAtTargetError", "solvedAtTarget"), t.names);
        assertEquals(steps.get(0).get("tc").asDouble(), t.number(0, "tc"));
        assertEquals(steps.get(0).get("tcError").asDouble(), t.number(0, "tcError"));
        assertEquals("false", t.cell(0, "solved"));
        assertEquals(steps.get(0).get("deltaFAtTargetError").asDouble(), t.number(0, "deltaFAtTargetError"));
        assertEquals("true", t.cell(0, "solvedAtTarget"));
        assertEquals("false", read.metadata.get("converged"));
        read.assertHolds(root);

        Run text = run("finetune", coeff, "--target-tc", "1063", "--steps", "3", "--out", tuned.toString());
        assertEquals(FinetuneCommand.NOT_CONVERGED, text.code());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("\\s*0\\s+1952\\.6286 ± \\d+\\.\\d\\d\\s+no\\s+.*yes")), text.out());
        assertTrue(text.out().strip().endsWith("no coefficients written"), text.out());
        assertTrue(text.err().contains("finetune: step 0/3: T_c = 1952.63 ± "), text.err());
        assertFalse(Files.exists(tuned));
    }
}
