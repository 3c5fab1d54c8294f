package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aFileShippedFlatBesideTheConfigIsFoundWhenItsRelativePathIsNot() throws Exception {
        Path conf = Files.createDirectories(tmp.resolve("conf/campaigns"));
        Path layout = Files.createDirectories(tmp.resolve("conf/potentials"));
        Files.writeString(layout.resolve("D.snapparam"), "x");
        assertEquals(layout.resolve("D.snapparam"), CampaignFiles.resolve(conf, "../potentials/D.snapparam"));

        Path work = Files.createDirectories(tmp.resolve("work")); // spark-submit --files: everything in one directory
        Files.writeString(work.resolve("D.snapparam"), "x");
        assertEquals(work.resolve("D.snapparam"), CampaignFiles.resolve(work, "../potentials/D.snapparam"));
        // neither: the relative path, for the error message
        assertEquals(tmp.resolve("potentials/X.snapcoeff"), CampaignFiles.resolve(work, "../potentials/X.snapcoeff"));
    }

    @Test
    void aLammpsModelFileIsTheReferenceAndItsParametersTheDescriptor() throws Exception {
        Path potentials = Path.of("/usr/share/lammps/potentials");
        String yaml = CampaignConfigReaderTest.MINIMAL.replace("descriptor: D.snapparam", "descriptor: " + potentials.resolve("Ta06A.snap"))
                .replace("reference: {coeff: X.snapcoeff}", "reference: {model: " + potentials.resolve("Ta06A.snap") + "}");
        CampaignConfig c = CampaignConfigReader.parse(yaml, "c.yaml");
        org.scoredos.model.ModelDescription reference = CampaignFiles.reference(c, tmp);
        assertEquals(java.util.List.of("zbl"), reference.terms().stream().map(org.scoredos.model.FixedTerm::name).toList());
        assertEquals(reference.snap(), CampaignFiles.descriptor(c, tmp));
        // a config without a model keeps its canonical form, so its identity does not change
        String plain = CampaignConfigReader.canonicalJson(CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL, "c.yaml"));
        assertEquals(false, plain.contains("model"), plain);
        org.junit.jupiter.api.Assertions.assertThrows(org.scoredos.io.BadInputException.class, () -> CampaignConfigReader.parse(
                CampaignConfigReaderTest.MINIMAL.replace("{coeff: X.snapcoeff}", "{coeff: X.snapcoeff, model: Ta06A.snap}"), "c.yaml"));
    }
}
