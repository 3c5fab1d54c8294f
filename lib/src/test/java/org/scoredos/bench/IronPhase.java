package org.scoredos.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.scoredos.summary.DescriptorDosReader;
import org.scoredos.summary.PhaseSummary;

/** Loads an iron campaign from the test resources (works from a jar too). */
final class IronPhase {
    private IronPhase() {}

    static PhaseSummary load(String name) throws IOException {
        Path tmp = Files.createTempFile(name.replace(".json.gz", ""), ".json.gz");
        try (InputStream in = IronPhase.class.getResourceAsStream("/descriptordos-fe/" + name)) {
            if (in == null) throw new IOException("missing test resource " + name);
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return DescriptorDosReader.read(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static double[] thetaRef() throws IOException {
        try (InputStream in = IronPhase.class.getResourceAsStream("/descriptordos-fe/X_Fe.snapcoeff")) {
            String[] lines = new String(in.readAllBytes()).split("\n");
            double[] theta = new double[55];
            for (int i = 0; i < 55; i++) theta[i] = Double.parseDouble(lines[6 + i].trim());
            return theta;
        }
    }
}
