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
}
