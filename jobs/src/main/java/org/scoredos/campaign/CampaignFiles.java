package org.scoredos.campaign;

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

    static Path resolve(Path baseDir, String file) {
        return baseDir.resolve(file).normalize();
    }
}
