package org.scoredos.descriptor;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.scoredos.structure.Structure;
import org.scoredos.structure.StructureFiles;

/** Test fixtures: structures from the test resources, randomly displaced copies. */
public final class TestStructures {
    private TestStructures() {}

    /** Reads a structure file from the test resources. */
    public static Structure resource(String name) throws IOException {
        try {
            return StructureFiles.read(Path.of(TestStructures.class.getResource(name).toURI()));
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** A copy with every coordinate moved by a uniform random amount in [−amplitude, amplitude]. */
    public static Structure rattled(Structure s, double amplitude, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        double[] p = s.positions();
        for (int k = 0; k < p.length; k++) p[k] += amplitude * (2 * rng.nextDouble() - 1);
        return s.withPositions(p);
    }
}
