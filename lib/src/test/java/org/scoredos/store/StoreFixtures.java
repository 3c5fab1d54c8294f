package org.scoredos.store;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.DescriptorDosReader;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ScoreTable;

/** The iron campaigns of the test resources, with or without synthetic score models. */
final class StoreFixtures {
    private StoreFixtures() {}

    static Path resource(String name) {
        try {
            return Path.of(StoreFixtures.class.getResource("/descriptordos-fe/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static PhaseSummary bcc() throws IOException {
        return DescriptorDosReader.read(resource("fe_bcc_444.json.gz"));
    }

    static PhaseSummary fcc() throws IOException {
        return DescriptorDosReader.read(resource("fe_fcc_333.json.gz"));
    }

    /** The first {@code n} cells of a phase: quick to write, for tests of the store's mechanics. */
    static PhaseSummary firstCells(PhaseSummary phase, int n) {
        return new PhaseSummary(phase.name(), phase.reference(), phase.cells().subList(0, n));
    }

    /**
     * Score tables of the shape Chebyshev order 7 fits produce (6 coefficients per component,
     * a symmetric 6×6 covariance each), with random values: the store must keep any bits.
     */
    static PhaseSummary withScores(PhaseSummary phase, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = phase.reference().components();
        int m = 6;
        List<CellSummary> cells = phase.cells().stream().map(c -> {
            double[][] coefficients = new double[d][m];
            double[][][] covariance = new double[d][m][m];
            double[] centre = new double[d], scale = new double[d], shift = new double[d];
            for (int k = 0; k < d; k++) {
                centre[k] = random.nextGaussian() * 1e-3;
                scale[k] = Math.exp(random.nextGaussian()) * 1e-3;
                shift[k] = random.nextGaussian();
                for (int i = 0; i < m; i++) {
                    coefficients[k][i] = random.nextGaussian() * Math.pow(10, -i);
                    for (int j = 0; j <= i; j++) {
                        covariance[k][i][j] = covariance[k][j][i] = random.nextGaussian() * 1e-6;
                    }
                }
            }
            return c.withScores(new ScoreTable("chebyshev", 7, centre, scale, coefficients, covariance, shift));
        }).toList();
        return new PhaseSummary(phase.name(), phase.reference(), cells);
    }
}
