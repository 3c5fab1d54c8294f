package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.model.ModelDescription;
import org.scoredos.model.ModelFiles;
import org.scoredos.structure.Lattices;
import org.scoredos.summary.PhaseSummary;

/**
 * A quadratic SNAP model's products block as one fixed term through the pipeline: a tiny campaign
 * of the published Cu_Zuo_JPCA2020.quadratic model with {@code reference.quadratic: fixed} records
 * the 30 bispectrum components and E_quad/N; θ is the 30 linear β of the same .snap file.
 */
class QuadraticFixedTermEstimationTest {
    private static final Path POTENTIALS = PublishedModelCampaign.POTENTIALS;
    private static final Path CU = POTENTIALS.resolve("Cu_Zuo_JPCA2020.quadratic.snap");
    /** The model's zero-pressure lattice parameter, Å (conf/campaigns/cu-zuo-quadratic.yaml). */
    private static final double A = 3.63552;

    @TempDir
    static Path tmp;
    private static PublishedModelCampaign campaign;
    private static Path store;
    private static ModelDescription fixed;

    @BeforeAll
    static void campaign() throws IOException {
        campaign = new PublishedModelCampaign(tmp, CU, "name: cu-quadratic", "structure: {lattice: fcc, a: " + A + ", repeat: [2, 2, 2]}",
                "mass: 63.546", "reference: {model: " + CU + ", quadratic: fixed}", "seed: 12");
        fixed = ModelFiles.lammps(CU).withFixedQuadratic();
        store = campaign.store;
    }

    @Test
    void theManifestRecordsTheProductsBlockAfterTheLinearDescriptor() throws IOException {
        JsonNode m = campaign.manifest();
        assertEquals(31, m.get("components").asInt(), "30 bispectrum components (2J = 6) and E_quad/N");
        JsonNode desc = m.get("model");
        assertEquals(30, desc.get("descriptor").get("components").asInt());
        assertEquals(0, desc.get("descriptor").get("quadraticflag").asInt());
        JsonNode block = desc.get("fixedTerms").get(0);
        assertEquals("snap-quadratic", block.get("type").asText());
        assertEquals(465, block.get("products").get(0).size());
        assertTrue(desc.get("definition").asText().contains("; fixed snap-quadratic products=465 sha256:"), desc.get("definition").asText());
        PhaseSummary phase = campaign.summary();
        assertEquals(30, phase.parameters());
        assertEquals(fixed.fixedTerms(), phase.model().terms(), "read back from the manifest by value");
    }

    @Test
    void theLatticeEnergyIsThePublishedModelsEnergy() throws IOException {
        double[] e = campaign.latticeAndCrystalEnergy(CU, Lattices.fcc(A, 2, 2, 2).withMassByType(new double[] {63.546}), "Cu");
        double lattice = e[0], beta0 = fixed.elements().get(0).constant();
        // θ·D_0 + E_quad(x0)/N + β0 is the model's energy per atom
        assertEquals(e[1], 32 * (lattice + beta0), 1e-9);
        double share = campaign.fixedShare(lattice, fixed.elements().get(0).linear());
        assertTrue(Math.abs(share) > 0.1, "the products' share of the lattice energy: " + share + " eV/atom");
    }

    @Test
    void theGradientOverTheLinearCoefficientsIsTheDerivativeOfF() throws IOException {
        IsosurfaceEstimator est = IsosurfaceEstimator.of(campaign.summary(), IsosurfaceEstimator.Mode.SMOOTH);
        assertEquals(30, est.components());
        PublishedModelCampaign.assertGradientIsTheDerivative(est, fixed.elements().get(0).linear());
    }

    @Test
    void thetaOfAnotherProductsBlockOrOfNoneIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("other"));
        Files.copy(POTENTIALS.resolve("Cu_Zuo_JPCA2020.quadratic.snapparam"), dir.resolve("q.snapparam"));
        // the last product coefficient changed: another quadratic model
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(POTENTIALS.resolve("Cu_Zuo_JPCA2020.quadratic.snapcoeff")));
        int last = lines.size() - 1;
        while (lines.get(last).isBlank()) last--;
        lines.set(last, Double.toString(Double.parseDouble(lines.get(last).trim()) * 1.01));
        Files.write(dir.resolve("q.snapcoeff"), lines);
        Path other = dir.resolve("Cu-other.quadratic.snap");
        Files.writeString(other, "pair_style snap\npair_coeff * * q.snapcoeff q.snapparam Cu\n");
        PublishedModelCampaign.assertOneLineNaming(run("estimate", "--summaries", store.toString(), "--model", other.toString(),
                "--temperatures", "1000"), other, "snap-quadratic products=465");
        // the linear Cu model of the same paper: no products block
        Path linear = POTENTIALS.resolve("Cu_Zuo_JPCA2020.snap");
        PublishedModelCampaign.assertOneLineNaming(run("estimate", "--summaries", store.toString(), "--model", linear.toString(),
                "--temperatures", "1000"), linear, "fixed terms []");
        // a .snapcoeff of the quadratic model: 495 numbers where the store has 30
        Path coeff = POTENTIALS.resolve("Cu_Zuo_JPCA2020.quadratic.snapcoeff");
        PublishedModelCampaign.assertOneLineNaming(run("estimate", "--summaries", store.toString(), "--coeff", coeff.toString(),
                "--temperatures", "1000"), coeff, "");
    }
}
