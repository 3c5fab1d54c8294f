package org.scoredos.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.DescriptorDosReader;
import org.scoredos.summary.PhaseSummary;

/** The DescriptorDOS iron campaigns (test resources), fitted with Chebyshev order 7, and their expected results. */
final class IronCampaigns {
    private static PhaseSummary bcc, fcc;
    private static JsonNode expected;

    private IronCampaigns() {}

    static Path resource(String name) {
        try {
            return Path.of(IronCampaigns.class.getResource("/descriptordos-fe/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reference's temperature grid for the α–γ transition: 500–2500 K in 31 points. */
    static final double[] GRID = grid();

    private static double[] grid() {
        double[] t = new double[31];
        for (int i = 0; i < 31; i++) t[i] = 500 + 2000.0 * i / 30;
        return t;
    }

    /** ΔF = G(fcc) − G(bcc), the reference's orientation. */
    static PhaseTransition fccOverBcc(IsosurfaceEstimator.Mode mode) {
        return new PhaseTransition(IsosurfaceEstimator.of(fcc(), mode), IsosurfaceEstimator.of(bcc(), mode));
    }

    static synchronized PhaseSummary bcc() {
        if (bcc == null) bcc = load("fe_bcc_444.json.gz");
        return bcc;
    }

    static synchronized PhaseSummary fcc() {
        if (fcc == null) fcc = load("fe_fcc_333.json.gz");
        return fcc;
    }

    static synchronized JsonNode expected() {
        if (expected == null) {
            try {
                expected = new ObjectMapper().readTree(resource("expected_results.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected;
    }

    static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) v[i] = node.get(i).asDouble();
        return v;
    }

    static double[] thetaRef() {
        return vector(expected().get("theta_ref"));
    }

    private static PhaseSummary load(String file) {
        try {
            return new ScoreMatcher(PolynomialBasis.of("chebyshev", 7)).fit(DescriptorDosReader.read(resource(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
