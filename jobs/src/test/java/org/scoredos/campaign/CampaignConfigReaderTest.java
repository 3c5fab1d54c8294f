package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.scoredos.compression.CompressionSettings;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;

class CampaignConfigReaderTest {

    static final String MINIMAL = """
            name: t
            structure: {lattice: bcc, a: 3.18, repeat: [2, 2, 2]}
            mass: 183.84
            descriptor: D.snapparam
            reference: {coeff: X.snapcoeff}
            tau: [0.5, 1.0]
            seed: 3
            output: out
            """;

    private static String error(String yaml) {
        return assertThrows(BadInputException.class, () -> CampaignConfigReader.parse(yaml, "c.yaml")).getMessage();
    }

    private static void assertContains(String msg, String part) {
        assertTrue(msg.contains(part), msg);
    }

    private static void assertStarts(String msg, String start) {
        assertTrue(msg.startsWith(start), msg);
    }

    @Test
    void minimalConfigTakesTheDefaults() {
        CampaignConfig c = CampaignConfigReader.parse(MINIMAL, "c.yaml");
        assertEquals("hessian", c.sampler().key());
        assertEquals(List.of(0.0), c.strains());
        assertEquals(256, c.samples());
        assertEquals(16, c.samplesPerShard());
        assertEquals(99, c.histogram().bins());
        assertEquals(0.5, c.histogram().clipPercentile());
        assertEquals(CampaignConfig.Basis.CHEBYSHEV, c.score().basis());
        assertEquals(4, c.score().order());
        assertEquals(CompressionSettings.defaults(), c.compression(), "campaigns default to the settings every command shares");
        assertEquals(List.of(2, 2, 2), c.structure().repeat());
    }

    @Test
    void kineticMdSettingsDefaultAndAreChecked() {
        CampaignConfig k = CampaignConfigReader.parse(MINIMAL + "sampler: kinetic\n", "c.yaml");
        assertEquals(new CampaignConfig.KineticSpec(0.002, 20, 100), k.kinetic());
        assertEquals(null, CampaignConfigReader.parse(MINIMAL, "c.yaml").kinetic(), "no MD settings without MD");
        CampaignConfig set = CampaignConfigReader.parse(MINIMAL + "sampler: kinetic\nkinetic:\n  timestep: 0.001\n  stride: 50\n", "c.yaml");
        assertEquals(new CampaignConfig.KineticSpec(0.001, 50, 100), set.kinetic());

        String kinetic = MINIMAL + "sampler: kinetic\n";
        assertStarts(error(kinetic + "kinetic:\n  timestep: 0.002\n  strid: 5\n"), "c.yaml:12: kinetic.strid: unknown key (known: ");
        assertContains(error(kinetic + "kinetic:\n  strid: 5\n"), "equilibration, stride, timestep");
        assertStarts(error(kinetic + "kinetic: {stride: 2.5}\n"), "c.yaml:10: kinetic.stride: expected an integer");
        assertStarts(error(kinetic + "kinetic: {timestep: \"2fs\"}\n"), "c.yaml:10: kinetic.timestep: expected a number");
        assertStarts(error(kinetic + "kinetic: {timestep: -0.001}\n"), "c.yaml:10: kinetic.timestep: a time step in ps, in (0, 0.1], got -0.001");
        assertStarts(error(kinetic + "kinetic: {stride: 0}\n"), "c.yaml:10: kinetic.stride: at least 1 step between snapshots, got 0");
        assertStarts(error(kinetic + "kinetic: {equilibration: -1}\n"), "c.yaml:10: kinetic.equilibration: must not be negative, got -1");
        assertStarts(error(kinetic + "kinetic: 5\n"), "c.yaml:10: kinetic: expected a mapping");
        assertContains(error(MINIMAL + "kinetic: {stride: 5}\n"), "kinetic: MD settings belong to sampler: kinetic, not hessian");
    }

    @Test
    void tauRangeIncludesBothEnds() {
        CampaignConfig c = CampaignConfigReader.parse(MINIMAL.replace("tau: [0.5, 1.0]", "tau: {from: 0.5, to: 4.0, count: 8}"), "c.yaml");
        assertEquals(8, c.tau().values().size());
        assertEquals(0.5, c.tau().values().get(0));
        assertEquals(4.0, c.tau().values().get(7), 1e-15);
        assertEquals(1.0, c.tau().values().get(1), 1e-15);
    }

    @Test
    void bundledCampaignsParse() throws Exception {
        for (String f : List.of("w-bcc.yaml", "w-a15.yaml", "quickstart.yaml")) {
            CampaignConfig c = CampaignConfigReader.read(Path.of("../conf/campaigns", f));
            assertTrue(c.tau().values().size() >= 8, f);
        }
        CampaignConfig bcc = CampaignConfigReader.read(Path.of("../conf/campaigns/w-bcc.yaml"));
        assertEquals(0.5, bcc.tau().values().get(0));
        assertEquals(4.0, bcc.tau().values().get(bcc.tau().values().size() - 1), 1e-12);
        assertEquals(256, bcc.samples());
    }

    @Test
    void bundledFixedPressureCampaignsHaveAtLeastFiveIncreasingStrains() throws Exception {
        for (String f : List.of("fe-bcc-npt.yaml", "fe-fcc-npt.yaml", "w-bcc-npt.yaml")) {
            CampaignConfig c = CampaignConfigReader.read(Path.of("../conf/campaigns", f));
            assertTrue(c.strains().size() >= 4, f + ": " + c.strains());
            for (int i = 1; i < c.strains().size(); i++) assertTrue(c.strains().get(i) > c.strains().get(i - 1), f);
        }
    }

    @Test
    void unknownKeyIsNamedWithFileAndLine() {
        String msg = error(MINIMAL + "sampels: 12\n");
        assertTrue(msg.startsWith("c.yaml:9: sampels: unknown key (known: "), msg);
        assertTrue(msg.contains("samples"), msg);
        String nested = error(MINIMAL.replace("reference: {coeff: X.snapcoeff}", "reference:\n  coeff: X\n  cof: Y"));
        assertTrue(nested.startsWith("c.yaml:7: reference.cof: unknown key"), nested);
    }

    @Test
    void massesByElementOrOneMassOrTheStructureFiles() {
        List<String> elements = List.of("W", "Be");
        double[] none = {Double.NaN, Double.NaN};
        CampaignConfig one = CampaignConfigReader.parse(MINIMAL, "c.yaml");
        assertEquals(List.of(183.84, 183.84), boxed(one.massByType(elements, none)));
        CampaignConfig byElement = CampaignConfigReader.parse(MINIMAL.replace("mass: 183.84", "masses: {W: 183.84, Be: 9.0122}"), "c.yaml");
        assertEquals(List.of(183.84, 9.0122), boxed(byElement.massByType(elements, none)));
        assertEquals(CampaignConfigReader.canonicalJson(one).contains("masses"), false, "one mass keeps the identity it had");
        CampaignConfig fromFile = CampaignConfigReader.parse(MINIMAL.replace("mass: 183.84\n", "")
                .replace("{lattice: bcc, a: 3.18, repeat: [2, 2, 2]}", "{file: W.dat}"), "c.yaml");
        assertEquals(List.of(183.84, 9.0), boxed(fromFile.massByType(elements, new double[] {183.84, 9.0})));

        assertContains(assertThrows(ConfigError.class, () -> fromFile.massByType(elements, none)).getMessage(),
                "mass: the structure gives no mass for type 1");
        assertContains(assertThrows(ConfigError.class, () -> byElement.massByType(List.of("W", "Ta"), none)).getMessage(),
                "masses: no mass for element Ta (the structure's type 2)");
        assertContains(assertThrows(ConfigError.class, () -> byElement.massByType(List.of("W"), new double[] {Double.NaN})).getMessage(),
                "masses.Be: not an element of the reference model [W]");
        assertStarts(error(MINIMAL.replace("mass: 183.84", "mass: 183.84\nmasses: {W: 183.84}")), "c.yaml:4: masses: give either mass");
        assertStarts(error(MINIMAL.replace("mass: 183.84", "masses: {W: -1}")), "c.yaml:3: masses.W: a positive mass in amu");
        assertStarts(error(MINIMAL.replace("mass: 183.84\n", "")), "c.yaml: mass: required for a lattice");
    }

    private static List<Double> boxed(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    @Test
    void wrongTypesAreRefused() {
        assertStarts(error(MINIMAL + "samples: \"256\"\n"), "c.yaml:9: samples: expected an integer");
        assertStarts(error(MINIMAL + "samples: 2.5\n"), "c.yaml:9: samples: expected an integer");
        assertStarts(error(MINIMAL.replace("mass: 183.84", "mass: heavy")), "c.yaml:3: mass: expected a number");
        assertContains(error(MINIMAL + "strains: 0.01\n"), "strains: expected a list");
        String sampler = error(MINIMAL + "sampler: langevin\n");
        assertTrue(sampler.startsWith("c.yaml:9: sampler: 'langevin' is not one of hessian, einstein, kinetic"), sampler);
    }

    @Test
    void emptyGridsAndNegativeCountsAreRefused() {
        assertContains(error(MINIMAL.replace("tau: [0.5, 1.0]", "tau: []")), "tau: empty grid");
        assertContains(error(MINIMAL.replace("tau: [0.5, 1.0]", "tau: {from: 1, to: 2, count: 0}")), "tau.count: empty grid");
        assertContains(error(MINIMAL.replace("tau: [0.5, 1.0]", "tau: [1.0, 0.5]")), "tau: values must increase");
        assertContains(error(MINIMAL + "samples: -4\n"), "samples: at least 2");
        assertContains(error(MINIMAL + "strains: []\n"), "strains: empty list");
        String bins = error(MINIMAL + "histogram: {bins: 0}\n");
        assertTrue(bins.startsWith("c.yaml:") && bins.contains("histogram.bins: between 2 and 10000"), bins);
        assertContains(error(MINIMAL + "samplesPerShard: 0\n"), "samplesPerShard: must be positive");
    }

    @Test
    void missingRequiredKeysAndInconsistentStructuresAreNamed() {
        assertContains(error(MINIMAL.replace("seed: 3\n", "")), "seed: required");
        assertTrue(error(MINIMAL.replace("structure: {lattice: bcc, a: 3.18, repeat: [2, 2, 2]}",
                "structure: {file: W.dat, lattice: bcc}")).contains("structure.file: give exactly one"));
        assertContains(error(MINIMAL.replace("bcc", "bct")), "structure.lattice: unknown lattice 'bct'");
        assertContains(error(""), "c.yaml: empty campaign config");
        assertContains(error(MINIMAL + "seed: 4\n"), "seed");
    }

    @Test
    void refusedValuesAreReportedAtTheirOwnLine() {
        // block style: the record is built after the block, but the error names the key's line
        assertStarts(error(MINIMAL + "histogram:\n  clipPercentile: 0.5\n  bins: -9\nsamples: 16\n"),
                "c.yaml:11: histogram.bins: between 2 and 10000, got -9");
        assertStarts(error(MINIMAL + "samples: -4\nsamplesPerShard: 2\n"), "c.yaml:9: samples: at least 2");
        assertStarts(error(MINIMAL + "histogram: {bins: 0}\n"), "c.yaml:9: histogram.bins: between 2 and 10000");
        assertStarts(error(MINIMAL.replace("tau: [0.5, 1.0]", "tau: []")), "c.yaml:6: tau: empty grid");
        // a key of the same name in another section does not capture the line
        assertStarts(error(MINIMAL + "score:\n  order: 4\nkinetic:\n  stride: 5\n"),
                "c.yaml:11: kinetic: MD settings belong to sampler: kinetic");
        // an absent key: its section's line, or no line at top level
        assertStarts(error(MINIMAL.replace("seed: 3\n", "")), "c.yaml: seed: required");
        assertStarts(error(MINIMAL.replace("structure: {lattice: bcc, a: 3.18, repeat: [2, 2, 2]}",
                "structure:\n  lattice: bcc\n  repeat: [2, 2, 2]")), "c.yaml:2: structure.a: ");
    }

    @Test
    void lineOfPathFollowsNestingAndSkipsComments() {
        String yaml = "# bins: 1\nhistogram:\n  # bins: 2\n  clip: 1\n  bins: 3  # bins\nbins: 4\ntau: {from: 1, count: 0}\n";
        assertEquals(5, CampaignConfigReader.lineOfPath(yaml, "histogram.bins"));
        assertEquals(6, CampaignConfigReader.lineOfPath(yaml, "bins"));
        assertEquals(7, CampaignConfigReader.lineOfPath(yaml, "tau.count"));
        assertEquals(2, CampaignConfigReader.lineOfPath(yaml, "histogram.order"));
        assertEquals(0, CampaignConfigReader.lineOfPath(yaml, "seed"));
    }

    @Test
    void temperaturesChooseTheTauGridInsteadOfTau() {
        String yaml = MINIMAL.replace("tau: [0.5, 1.0]", "temperatures:\n  from: 500\n  to: 2500");
        CampaignConfig c = CampaignConfigReader.parse(yaml, "c.yaml");
        assertEquals(new CampaignConfig.TemperatureSpan(500.0, 2500.0, null), c.temperatures());
        assertEquals(TauGridRule.lattice(500, 2500), c.tau().values());
        assertEquals(TauGridRule.lattice(500, 2500), c.with(1024, "elsewhere").tau().values(), "a top-up chooses the same grid");
        CampaignConfig counted = CampaignConfigReader.parse(MINIMAL.replace("tau: [0.5, 1.0]",
                "temperatures: {from: 500, to: 2500, count: 12}"), "c.yaml");
        assertEquals(TauGridRule.geometric(500, 2500, 12), counted.tau().values());
        assertTrue(CampaignConfigReader.canonicalJson(c).contains("\"temperatures\":{\"from\":500.0,\"to\":2500.0"),
                "the manifest records both the temperatures and the grid chosen");
    }

    @Test
    void tauAndTemperaturesExcludeEachOtherAndTheSpanIsChecked() {
        String both = MINIMAL + "temperatures: {from: 500, to: 900}\n";
        assertStarts(error(both), "c.yaml:9: temperatures: give either tau or temperatures, not both");
        assertStarts(error(MINIMAL.replace("tau: [0.5, 1.0]\n", "")), "c.yaml: tau: required: a list of τ values");
        String block = MINIMAL.replace("tau: [0.5, 1.0]", "temperatures:\n  from: 900\n  to: 500");
        assertStarts(error(block), "c.yaml:8: temperatures.to: must not be below temperatures.from (900.0 K), got 500.0");
        assertStarts(error(block.replace("to: 500", "to: 1500\n  count: 5")),
                "c.yaml:9: temperatures.count: at least 8 cells (the α fit is a degree-5 polynomial), got 5");
        assertStarts(error(block.replace("from: 900", "from: 0")), "c.yaml:7: temperatures.from: required, a positive temperature");
        assertStarts(error(block.replace("to: 500", "to: 1500\n  kelvin: true")), "c.yaml:9: temperatures.kelvin: unknown key");
        assertStarts(error(block.replace("to: 500", "to: '1500'")), "c.yaml:8: temperatures.to: expected a number");
    }
}
