package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignIdentityTest {
    @TempDir
    Path dir;

    private String identity(String extra) throws Exception {
        return CampaignIdentity.of(CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL + extra, "c.yaml"), dir);
    }

    @Test
    void samplesOutputAndScoreModelsMayChangeAnythingElseMayNot() throws Exception {
        Files.writeString(dir.resolve("D.snapparam"), "twojmax 8\n");
        Files.writeString(dir.resolve("X.snapcoeff"), "1 2\nW 0.5 1\n0\n1\n");
        String base = identity("");
        assertEquals(base, identity("samples: 1024\n"));
        assertEquals(base, CampaignIdentity.of(CampaignConfigReader.parse(
                CampaignConfigReaderTest.MINIMAL.replace("output: out", "output: elsewhere"), "c.yaml"), dir));
        assertEquals(base, identity("score: {basis: hermite, order: 8}\n"));
        assertNotEquals(base, identity("histogram: {bins: 50}\n"));
        assertNotEquals(base, identity("samplesPerShard: 32\n"));
        assertNotEquals(base, CampaignIdentity.of(CampaignConfigReader.parse(
                CampaignConfigReaderTest.MINIMAL.replace("seed: 3", "seed: 4"), "c.yaml"), dir));
        assertNotEquals(base, identity("sampler: kinetic\n"));
        assertNotEquals(identity("sampler: kinetic\n"), identity("sampler: kinetic\nkinetic: {stride: 40}\n"));
        assertEquals(identity("sampler: kinetic\n"), identity("sampler: kinetic\nkinetic: {stride: 20}\n"), "the defaults, spelt out");
        assertTrue(!CampaignConfigReader.canonicalJson(CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL, "c.yaml"))
                .contains("kinetic"), "campaigns of the other samplers keep their identity");
        // the τ grid may grow (the manifest checks each cell's τ); outputs of before keep their grid-inclusive identity
        CampaignConfig tau = CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL, "c.yaml");
        CampaignConfig wider = CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL.replace("tau: [0.5, 1.0]",
                "tau: [0.25, 0.5, 1.0, 2.0]"), "c.yaml");
        CampaignConfig temperatures = CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL.replace("tau: [0.5, 1.0]",
                "temperatures: {from: 500, to: 900}"), "c.yaml");
        assertEquals(base, CampaignIdentity.of(wider, dir));
        assertEquals(base, CampaignIdentity.of(temperatures, dir));
        assertNotEquals(CampaignIdentity.withGrid(tau, dir), CampaignIdentity.withGrid(wider, dir));
        assertNotEquals(base, CampaignIdentity.withGrid(tau, dir));
        assertTrue(!CampaignConfigReader.canonicalJson(tau).contains("temperatures"), "τ-grid campaigns keep their former identity");
        // strains may be added; an output of before keeps the identity of the strains it was first run with
        CampaignConfig two = CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL + "strains: [0.0, 0.01]\n", "c.yaml");
        CampaignConfig four = CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL + "strains: [-0.01, 0.0, 0.01, 0.02]\n", "c.yaml");
        assertEquals(base, CampaignIdentity.of(two, dir));
        assertEquals(base, CampaignIdentity.of(four, dir));
        CampaignManifest recorded = CampaignManifest.initial(two, CampaignIdentity.withGrid(two, dir));
        assertTrue(CampaignIdentity.former(four, dir).matches(recorded));
        assertTrue(CampaignIdentity.former(two, dir).matches(recorded));
        assertTrue(!CampaignIdentity.former(four, dir).matches(CampaignManifest.initial(two, CampaignIdentity.withGrid(four, dir))),
                "the strains it was first run with, not the config's");
        assertTrue(!CampaignIdentity.former(four, dir).matches(CampaignManifest.initial(two, CampaignIdentity.withGrid(wider, dir))));
        Files.writeString(dir.resolve("X.snapcoeff"), "1 2\nW 0.5 1\n0\n2\n");
        assertNotEquals(base, identity(""), "the files' contents count");
    }
}
