package org.scoredos.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.estimate.ModelCheck;
import org.scoredos.io.BadInputException;
import org.scoredos.model.FixedTermSettings;
import org.scoredos.model.ZblSettings;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.StoreModel;

/** The model a store records: manifest round trip, older stores, and the θ checks against it. */
class StoreModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The DescriptorDOS iron data: 2J = 8, rcutfac 4.7 (55 components), radius 0.5, weight 1, 55.85 amu. */
    private static final SnapParameters SNAP = SnapParameters.of(4.7, 8);
    private static final StoreModel IRON = new StoreModel(List.of(StoreModel.Species.ofMass(55.85, 0.5, 1.0)), SNAP);
    private static PhaseSummary bcc;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws IOException {
        bcc = StoreFixtures.firstCells(StoreFixtures.bcc(), 3);
    }

    @Test
    void theModelRoundTripsThroughTheManifest() throws IOException {
        assertEquals("Fe", IRON.species().get(0).symbol());
        Path dir = tmp.resolve("fe");
        StoreManifest m = SummaryStore.write(bcc.withModel(IRON), dir, "test");
        assertEquals(IRON, m.model());
        assertEquals(IRON, SummaryStore.read(dir).model());
        assertEquals(IRON, SummaryStore.manifest(dir).model());
        JsonNode model = JSON.readTree(dir.resolve(StoreManifest.FILE_NAME).toFile()).get("model");
        assertEquals("Fe", model.get("elements").get(0).get("symbol").asText());
        assertEquals(55.85, model.get("elements").get(0).get("mass").asDouble());
        assertEquals(8, model.get("descriptor").get("twojmax").asInt());
        assertEquals(4.7, model.get("descriptor").get("rcutfac").asDouble());
        assertEquals(55, model.get("descriptor").get("components").asInt());
        assertEquals(IRON.hash(), model.get("hash").asText());
        assertTrue(IRON.hash().matches("sha256:[0-9a-f]{64}"), IRON.hash());
    }

    @Test
    void theHashIdentifiesTheDescriptorDefinitionOnly() {
        StoreModel tungstenMass = new StoreModel(List.of(StoreModel.Species.ofMass(183.84, 0.5, 1.0)), SNAP);
        assertEquals(IRON.hash(), tungstenMass.hash(), "masses do not change the descriptor");
        assertNotEquals(IRON.hash(), new StoreModel(List.of(StoreModel.Species.ofMass(55.85, 0.5, 1.0)), SnapParameters.of(4.8, 8)).hash());
        assertNotEquals(IRON.hash(), new StoreModel(List.of(StoreModel.Species.ofMass(55.85, 0.6, 1.0)), SNAP).hash());
        assertNotEquals(IRON.hash(), new StoreModel(List.of(StoreModel.Species.ofMass(55.85, 0.5, 1.0)),
                new SnapParameters(4.7, 0.99363, 8, 0.0, false, false, true, false)).hash(), "bzeroflag");
    }

    @Test
    void chemflagIsPartOfTheDefinitionOnlyWhenSet() {
        SnapParameters p = SnapParameters.of(4.7, 8);
        SnapParameters chem = new SnapParameters(p.rcutfac(), p.rfac0(), p.twojmax(), p.rmin0(), p.bzero(), p.quadratic(),
                p.switching(), p.wselfAll(), p.bnorm(), true);
        StoreModel explicit = new StoreModel(IRON.species(), chem);
        assertTrue(explicit.definition().contains("chemflag=1"), explicit.definition());
        assertTrue(!IRON.definition().contains("chemflag"), "stores written before chemflag keep their definition and hash");
        assertNotEquals(IRON.hash(), explicit.hash());
    }

    @Test
    void aFixedTermFollowsTheDescriptorAndIsPartOfTheDefinition() {
        ZblSettings zbl = new ZblSettings(4.0, 4.8, new double[][][] {{{26, 26}}});
        StoreModel overlaid = new StoreModel(IRON.species(), SNAP, List.of(zbl));
        assertEquals(55, overlaid.parameters());
        assertEquals(56, overlaid.components(), "E_ZBL/N after the 55 SNAP components");
        assertTrue(overlaid.definition().endsWith("; fixed zbl inner=4.0 outer=4.8 1-1:26.0,26.0"), overlaid.definition());
        assertTrue(!IRON.definition().contains("fixed"), "stores without fixed terms keep their definition and hash");
        assertNotEquals(IRON.hash(), overlaid.hash());
        StoreModel other = new StoreModel(IRON.species(), SNAP, List.of(new ZblSettings(3.9, 4.8, new double[][][] {{{26, 26}}})));
        assertNotEquals(overlaid.hash(), other.hash());
        assertEquals(overlaid, new StoreModel(IRON.species(), SNAP, List.of(new ZblSettings(4.0, 4.8, new double[][][] {{{26, 26}}}))),
                "equal by value");
    }

    @Test
    void thetaOfOtherFixedTermsIsRefused() {
        ZblSettings zbl = new ZblSettings(4.0, 4.8, new double[][][] {{{26, 26}}});
        StoreModel overlaid = new StoreModel(IRON.species(), SNAP, List.of(zbl));
        Path file = Path.of("Fe.snap");
        ModelCheck.checkFixedTerms(overlaid, "fe", file, List.of(new ZblSettings(4.0, 4.8, new double[][][] {{{26, 26}}})));
        ModelCheck.checkFixedTerms(IRON, "fe", file, List.of());
        ModelCheck.checkFixedTerms(null, "fe", file, List.of());
        for (List<FixedTermSettings> wrong : List.<List<FixedTermSettings>>of(List.of(), List.of(new ZblSettings(4.0, 4.9, new double[][][] {{{26, 26}}})),
                List.of(new ZblSettings(4.0, 4.8, new double[][][] {{{74, 74}}})))) {
            BadInputException e = assertThrows(BadInputException.class, () -> ModelCheck.checkFixedTerms(overlaid, "fe", file, wrong));
            assertTrue(e.getMessage().startsWith("Fe.snap: fixed terms ") && e.getMessage().contains("fe was sampled with [zbl"),
                    e.getMessage());
        }
        // a store without fixed terms (or without a model) refuses θ of a model that has them
        for (StoreModel plain : new StoreModel[] {IRON, null}) {
            BadInputException e = assertThrows(BadInputException.class, () -> ModelCheck.checkFixedTerms(plain, "fe", file, List.of(zbl)));
            assertTrue(e.getMessage().endsWith("fe was sampled with none"), e.getMessage());
        }
    }

    @Test
    void olderAndUnknownStoresReadWithoutAModel() throws IOException {
        Path dir = tmp.resolve("old");
        SummaryStore.write(bcc.withModel(IRON), dir, "test");
        Path file = dir.resolve(StoreManifest.FILE_NAME);
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        root.remove("model"); // a store written before manifests recorded the model
        Files.writeString(file, root.toString());
        assertNull(SummaryStore.read(dir).model());

        Path unknown = tmp.resolve("unknown");
        SummaryStore.write(bcc, unknown, "test");
        assertEquals("unknown", JSON.readTree(unknown.resolve(StoreManifest.FILE_NAME).toFile()).get("model").asText());
        assertNull(SummaryStore.read(unknown).model());
    }

    @Test
    void anEditedDefinitionIsRefused() throws IOException {
        Path dir = tmp.resolve("edited");
        SummaryStore.write(bcc.withModel(IRON), dir, "test");
        Path file = dir.resolve(StoreManifest.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("\"rcutfac\" : 4.7", "\"rcutfac\" : 4.9"));
        BadInputException e = assertThrows(BadInputException.class, () -> SummaryStore.read(dir));
        assertTrue(e.getMessage().contains("model.hash"), e.getMessage());
    }

    @Test
    void thetaOfAnotherElementOrDescriptorIsRefused() throws IOException {
        Path tungsten = Path.of("src/test/resources/w-snap/X_W.snapcoeff");
        Path iron = StoreFixtures.resource("X_Fe.snapcoeff");
        CoefficientFile w = CoefficientFile.read(tungsten, 55), fe = CoefficientFile.read(iron, 55);

        BadInputException wrong = assertThrows(BadInputException.class, () -> ModelCheck.check(IRON, "fe", tungsten, w));
        assertTrue(wrong.getMessage().startsWith(tungsten + ": θ is for W, but fe was sampled for Fe"), wrong.getMessage());
        assertNull(ModelCheck.check(IRON, "fe", iron, fe));

        StoreModel wider = new StoreModel(List.of(StoreModel.Species.ofMass(55.85, 0.55, 1.0)), SNAP);
        BadInputException radius = assertThrows(BadInputException.class, () -> ModelCheck.check(wider, "fe", iron, fe));
        assertTrue(radius.getMessage().contains("radius 0.55"), radius.getMessage());

        BadInputException definition = assertThrows(BadInputException.class,
                () -> ModelCheck.checkDescriptor(IRON, "fe", Path.of("D.snapparam"), SnapParameters.of(4.8, 8), 0.5, 1.0));
        assertTrue(definition.getMessage().startsWith("D.snapparam: descriptor definition"), definition.getMessage());
        ModelCheck.checkDescriptor(IRON, "fe", Path.of("D.snapparam"), SNAP, 0.5, 1.0);
    }

    @Test
    void whatCannotBeCheckedIsAWarning() throws IOException {
        Path plain = tmp.resolve("theta.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 55; i++) sb.append(0.01 * i).append('\n');
        Files.writeString(plain, sb);
        CoefficientFile list = CoefficientFile.read(plain, 55);
        assertTrue(list.plain());
        String w = ModelCheck.check(IRON, "fe", plain, list);
        assertTrue(w.contains("plain list of 55 numbers") && w.contains("(Fe)"), w);

        Path iron = StoreFixtures.resource("X_Fe.snapcoeff");
        String old = ModelCheck.check(null, "fe", iron, CoefficientFile.read(iron, 55));
        assertTrue(old.startsWith("fe: the store records no model"), old);

        Path anonymous = tmp.resolve("model.snapcoeff");
        Files.copy(iron, anonymous);
        String unnamed = ModelCheck.check(IRON, "fe", anonymous, CoefficientFile.read(anonymous, 55));
        assertTrue(unnamed.contains("label X") && unnamed.contains("not checked"), unnamed);
    }
}
