package org.scoredos.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files a campaign config names, resolved against the config's directory. */
final class CampaignFiles {
    private CampaignFiles() {}

    static List<String> referenced(CampaignConfig c) {
        List<String> files = new ArrayList<>();
        if (c.structure().file() != null) files.add(c.structure().file());
        files.add(c.descriptor());
        files.add(c.reference().coeff());
        if (c.reference().params() != null) files.add(c.reference().params());
        return files;
    }

    /**
     * A referenced file, relative to the config's directory; when it is not there but a file of
     * that name sits beside the config, that one: spark-submit --files ships a config and its
     * files flat into the driver's working directory (cluster deploy mode, deploy/submit/).
     */
    static Path resolve(Path baseDir, String file) {
        Path p = baseDir.resolve(file).normalize();
        if (Files.exists(p)) return p;
        Path flat = baseDir.resolve(Path.of(file).getFileName().toString());
        return Files.exists(flat) ? flat : p;
    }
}
