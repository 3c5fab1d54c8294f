package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.compression.CompressionSettings;
import org.scoredos.compression.TwoPassCompression;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapCoefficients;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.store.SummaryStore;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;
import org.scoredos.summary.CellFrame;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.DescriptorMoments;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.StoreModel;
import org.scoredos.units.Units;

/**
 * {@code transition --reference-tc} on two stores of "MD snapshots" of the bundled W SNAP written
 * here: Gaussian descriptors with the same covariance in both phases, the solid's mean on the
 * harmonic energy line θ_ref·μ = θ_ref·D_0 + (M/2N) k_B T (16-atom bcc, so F_ref is θ_ref's harmonic
 * F), the liquid's (no lattice) L = 0.1 eV/atom above it along θ_ref. For Gaussians the two shifts
 * differ by Δθ·(μ_liq − μ_sol) = L Δθ·θ_ref/|θ_ref|² at every T, and the latent heat is L − (3/2N) k_B T_m
 * (the harmonic F counts 3N modes, the stored ⟨U⟩ M = 3N − 3): T_m(θ) follows in closed form.
 */
class MeltingShiftCommandTest {
    private static final Path W_SNAP = Path.of("../conf/potentials/w-snap").toAbsolutePath().normalize();
    private static final double LATENT = 0.1, TM = 1200;
    private static final double[] TEMPERATURES = {800, 1200, 1600};

    @TempDir
    static Path tmp;

    private static double[] thetaRef;
    private static String solid, liquid, liquid2, coeff, perturbed;

    @BeforeAll
    static void writeStores() throws Exception {
        SnapParameters params = SnapParameterReader.read(W_SNAP.resolve("D.snapparam"));
        SnapCoefficients c = SnapCoefficientReader.read(W_SNAP.resolve("X_W.snapcoeff"), params);
        SnapBispectrum snap = SnapBispectrum.of(params, c);
        thetaRef = c.elements().get(0).linear();
        Structure lattice = Lattices.bcc(3.1803, 2, 2, 2);
        double[] d0 = snap.average(lattice);
        StoreModel model = new StoreModel(List.of(StoreModel.Species.of("W", 183.84, c.elements().get(0).radius(),
                c.elements().get(0).weight())), params).withReferenceTheta(thetaRef);
        solid = write("w-solid", model, lattice, d0, 0, true, 1);
        liquid = write("w-liquid", model, lattice, d0, LATENT, false, 2);
        liquid2 = write("w-liquid-2", model, lattice, d0, LATENT, false, 3);
        coeff = W_SNAP.resolve("X_W.snapcoeff").toString();
        // θ = 1.02 θ_ref: Δθ·θ_ref/|θ_ref|² = 0.02
        Path p = tmp.resolve("theta.txt");
        Files.writeString(p, Arrays.stream(thetaRef).mapToObj(v -> Double.toString(1.02 * v)).collect(Collectors.joining("\n")) + "\n");
        perturbed = p.toString();
    }

    /** A temperature-conditioned store of 4000 Gaussian descriptors per temperature; {@code lattice}: D_0 known (a crystal). */
    private static String write(String name, StoreModel model, Structure x0, double[] d0, double offset, boolean lattice, long seed)
            throws Exception {
        int d = d0.length, n = x0.size();
        double norm = 0;
        for (double v : thetaRef) norm += v * v;
        TwoPassCompression stage = new TwoPassCompression(CompressionSettings.defaults(), d);
        SplittableRandom random = new SplittableRandom(seed);
        List<CellSummary> cells = new ArrayList<>();
        for (double t : TEMPERATURES) {
            double kT = Units.KB * t, above = 0.5 * (3 * n - 3) * kT / n + offset;
            double[][] samples = new double[4000][d];
            for (double[] row : samples) {
                for (int k = 0; k < d; k++) row[k] = d0[k] + above * thetaRef[k] / norm + 0.02 * Math.sqrt(t / 1200) * random.nextGaussian();
            }
            DescriptorMoments m = stage.moments(samples);
            CellFrame frame = stage.frame(t + " K", m);
            cells.add(stage.cell(t, Double.NaN, m, frame, stage.histogram(samples, frame)));
        }
        double[] known = d0.clone();
        if (!lattice) Arrays.fill(known, Double.NaN);
        double[][] cell = x0.cell().matrix();
        ReferenceConstants ref = new ReferenceConstants(n, 183.84, x0.cell().volume(), known, Double.NaN, 0, 3 * n - 3, Units.U0, 0,
                cell, x0.positions());
        Path dir = tmp.resolve(name);
        SummaryStore.write(stage.fit(name, ref, cells, Conditioning.TEMPERATURE, model, w -> {}), dir);
        return dir.toString();
    }

    private static CommandRun referenceTc(String first, String second, String tm, String... extra) {
        List<String> args = new ArrayList<>(List.of("transition", "--hessian-cache", tmp.resolve("hessians").toString(),
                "--phase", "a=" + first, "--phase", "b=" + second, "--coeff", perturbed, "--reference-tc", tm));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @Test
    void reportsTheShiftOfTheMeltingPointInEveryFormat() throws Exception {
        // the liquid first: the order of the phases does not matter
        CommandRun json = referenceTc(liquid, solid, "1200", "--format", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals("b", root.get("solid").get("phase").asText());
        assertEquals("a", root.get("liquid").get("phase").asText());
        JsonNode r = root.get("meltingPoint").get(0);
        double latent = LATENT - 1.5 * Units.KB * TM / 16;
        double entropy = latent / TM, want = TM + LATENT * 0.02 / entropy;
        assertEquals(latent, r.get("latentHeat").asDouble(), 3 * r.get("latentHeatError").asDouble() + 1e-4, r.toString());
        assertEquals(entropy, r.get("entropy").asDouble(), 3 * r.get("entropyError").asDouble() + 1e-7, r.toString());
        assertTrue(Math.abs(want - TM) > 20, "δT_m = " + (want - TM) + " K");
        assertEquals(want, r.get("tm").asDouble(), 3 * r.get("tmError").asDouble() + 1, r.toString());
        assertEquals(r.get("tm").asDouble() - TM, r.get("deltaTm").asDouble(), 1e-9);
        assertTrue(r.get("solved").asBoolean(), r.toString());
        assertEquals(thetaRef.length, r.get("gradient").size());
        assertEquals("K", root.get("units").get("tm").asText(), root.get("units").toString());
        assertEquals("eV/(K atom)", root.get("units").get("entropy").asText());
        assertTrue(json.err().contains("transition: T_m(θ) = "), json.err());

        CommandRun text = referenceTc(solid, liquid, "1200");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("liquid b in difference mode") && text.out().contains("T_m(θ) = "), text.out());
        assertTrue(text.out().contains("∂T_m/∂θ:"), text.out());
        CommandRun csv = referenceTc(solid, liquid, "1200", "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().contains("# table: meltingPoint") && csv.out().contains("# column tm [K]:"), csv.out());
    }

    @Test
    void refusesWhatHasNoMeltingShiftWithOneLine() {
        String[][] cases = {
            {solid, liquid, "2000", "lies outside the liquid w-liquid's sampled temperatures 800–1600 K"},
            {liquid, liquid2, "1200", "two liquids"},
            {solid, solid, "1200", "neither w-solid nor w-solid is a liquid store of MD snapshots in difference mode"},
        };
        for (String[] c : cases) {
            CommandRun ran = referenceTc(c[0], c[1], c[2]);
            assertEquals(2, ran.code(), ran.err());
            assertTrue(ran.err().contains(c[3]), ran.err());
            assertEquals(1, ran.err().lines().filter(l -> l.contains(c[3])).count(), ran.err());
            assertFalse(ran.err().contains("Exception") || ran.err().contains("\tat "), ran.err());
        }
        CommandRun anchored = referenceTc(solid, liquid, "1200", "--anchor", "w-liquid:1200=-4");
        assertEquals(2, anchored.code(), anchored.err());
        assertTrue(anchored.err().contains("neither"), anchored.err());
        CommandRun pressure = referenceTc(solid, liquid, "1200", "--pressure", "0");
        assertEquals(2, pressure.code(), pressure.err());
        assertTrue(pressure.err().contains("--reference-tc: the melting shift is at fixed volume"), pressure.err());
    }
}
