package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.estimate.FreeEnergy;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.model.ModelDescription;
import org.scoredos.model.ModelFiles;
import org.scoredos.structure.Lattices;
import org.scoredos.summary.PhaseSummary;

/**
 * A fixed term (ZBL) through the whole pipeline: a tiny campaign of the published Ta06A model
 * (SNAP + ZBL) records E_ZBL/N as one more component, and the estimators extend θ with 1 for it.
 */
class FixedTermEstimationTest {
    private static final Path POTENTIALS = PublishedModelCampaign.POTENTIALS;
    private static final Path TA06A = POTENTIALS.resolve("Ta06A.snap");
    /** Ta06A's zero-pressure lattice constant, Å (conf/campaigns/ta06a.yaml). */
    private static final double A = 3.31626;

    @TempDir
    static Path tmp;
    private static PublishedModelCampaign campaign;
    private static Path store;
    private static ModelDescription model;

    @BeforeAll
    static void campaign() throws IOException {
        campaign = new PublishedModelCampaign(tmp, TA06A, "name: ta-zbl", "structure: {lattice: bcc, a: " + A + ", repeat: [2, 2, 2]}",
                "mass: 180.94788", "reference: {model: " + TA06A + "}", "seed: 11");
        model = ModelFiles.lammps(TA06A);
        store = campaign.store;
    }

    @Test
    void theManifestRecordsTheZblTermAfterTheDescriptor() throws IOException {
        JsonNode m = campaign.manifest();
        assertEquals(31, m.get("components").asInt(), "30 SNAP components (2J = 6) and E_ZBL/N");
        JsonNode desc = m.get("model");
        assertEquals(30, desc.get("descriptor").get("components").asInt());
        JsonNode zbl = desc.get("fixedTerms").get(0);
        assertEquals("zbl", zbl.get("type").asText());
        assertEquals(4.0, zbl.get("inner").asDouble());
        assertEquals(4.8, zbl.get("outer").asDouble());
        assertEquals("[1,1]", zbl.get("charges").get(0).get("types").toString());
        assertEquals("[73.0,73.0]", zbl.get("charges").get(0).get("z").toString());
        assertTrue(desc.get("definition").asText().endsWith("; fixed zbl inner=4.0 outer=4.8 1-1:73.0,73.0"),
                desc.get("definition").asText());
        PhaseSummary phase = campaign.summary();
        assertEquals(30, phase.parameters());
        assertEquals(model.fixedTerms(), phase.model().terms());
    }

    @Test
    void theLatticeEnergyIsThePublishedModelsEnergy() throws IOException {
        double[] e = campaign.latticeAndCrystalEnergy(TA06A, Lattices.bcc(A, 2, 2, 2).withMassByType(new double[] {180.94788}), "Ta");
        double lattice = e[0], beta0 = model.elements().get(0).constant();
        // θ·D_0 + E_ZBL(x0)/N + β0 is the model's energy per atom
        assertEquals(e[1], 16 * (lattice + beta0), 1e-10);
        double share = campaign.fixedShare(lattice, model.elements().get(0).linear());
        assertTrue(share > 0.01, "ZBL's screened repulsion of the nearest neighbours (2.87 Å) is part of it: " + share + " eV/atom");
    }

    @Test
    void theGradientOverTheSnapCoefficientsIsTheDerivativeOfF() throws IOException {
        IsosurfaceEstimator est = IsosurfaceEstimator.of(campaign.summary(), IsosurfaceEstimator.Mode.SMOOTH);
        assertEquals(30, est.components());
        PublishedModelCampaign.assertGradientIsTheDerivative(est, model.elements().get(0).linear());
    }

    @Test
    void theFixedTermEntersAsOneMoreComponentWithCoefficientOne() throws IOException {
        PhaseSummary phase = campaign.summary();
        double[] theta = model.elements().get(0).linear();
        double[] extended = Arrays.copyOf(theta, 31);
        extended[30] = 1.0;
        // the same summaries read as 31 plain components (no model): θ extended by hand
        IsosurfaceEstimator fixed = IsosurfaceEstimator.of(phase, IsosurfaceEstimator.Mode.SMOOTH);
        IsosurfaceEstimator plain = IsosurfaceEstimator.of(phase.withModel(null), IsosurfaceEstimator.Mode.SMOOTH);
        double[] ts = {500, 1000, 1500};
        FreeEnergy[] a = fixed.estimate(theta, ts, true), b = plain.estimate(extended, ts, true);
        for (int i = 0; i < ts.length; i++) {
            assertEquals(b[i].freeEnergy(), a[i].freeEnergy(), 0.0);
            assertEquals(b[i].error(), a[i].error(), 0.0);
            assertArrayEquals(Arrays.copyOf(b[i].gradient(), 30), a[i].gradient(), 0.0);
        }
        assertEquals(plain.latticeEnergy(extended), fixed.latticeEnergy(theta), 0.0);
        assertArrayEquals(Arrays.copyOf(plain.latticeDescriptor(), 30), fixed.latticeDescriptor(), 0.0);
    }

    @Test
    void aModelWithOtherFixedTermsIsRefused() throws IOException {
        // the same SNAP part with ZBL switched on from 3.9 Å
        Path dir = Files.createDirectories(tmp.resolve("other"));
        Files.copy(POTENTIALS.resolve("Ta06A.snapcoeff"), dir.resolve("Ta06A.snapcoeff"));
        Files.copy(POTENTIALS.resolve("Ta06A.snapparam"), dir.resolve("Ta06A.snapparam"));
        Path other = dir.resolve("Ta-zbl39.snap");
        Files.writeString(other, Files.readString(TA06A).replace("zblcutinner equal 4", "zblcutinner equal 3.9"));
        PublishedModelCampaign.assertOneLineNaming(run("estimate", "--summaries", store.toString(), "--model", other.toString(),
                "--temperatures", "1000"), other, "zbl inner=3.9 outer=4.8");
        // no ZBL at all: the SNAP part alone
        Path snapOnly = dir.resolve("Ta-snap.snap");
        Files.writeString(snapOnly, "pair_style snap\npair_coeff * * Ta06A.snapcoeff Ta06A.snapparam Ta\n");
        PublishedModelCampaign.assertOneLineNaming(run("estimate", "--summaries", store.toString(), "--model", snapOnly.toString(),
                "--temperatures", "1000"), snapOnly, "fixed terms []");
        // a .snapcoeff carries no fixed term either
        Path coeff = dir.resolve("Ta06A.snapcoeff");
        PublishedModelCampaign.assertOneLineNaming(run("estimate", "--summaries", store.toString(), "--coeff", coeff.toString(),
                "--temperatures", "1000"), coeff, "fixed terms []");
    }
}
