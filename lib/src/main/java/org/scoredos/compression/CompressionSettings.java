package org.scoredos.compression;

import java.io.Serializable;
import java.util.Locale;
import org.scoredos.io.BadInputException;
import org.scoredos.score.PolynomialBasis;

/**
 * How a cell's samples are compressed (method.md §3), declared once for every command and
 * config reader that compresses or refits: campaigns, {@code ingest}, {@code
 * import-descriptordos} and the estimators' refits. Each setting has its default here, its
 * meaning here and its check here.
 *
 * @param bins           histogram bins per rotated component (the reference's 100 edges: 99)
 * @param clipPercentile histogram edges clipped at this percentile per side (≈ 99 % of samples kept)
 * @param basis          the score models' polynomial basis
 * @param order          the score models' polynomial order P; the default 4 agrees best with TI
 *                       for 256-sample W campaigns (lib/docs/accuracy.md, accuracy study): higher orders fit
 *                       sampling noise and widen the error bars
 */
public record CompressionSettings(int bins, double clipPercentile, PolynomialBasis.Kind basis, int order) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_BINS = 99;
    public static final double DEFAULT_CLIP_PERCENTILE = 0.5;
    /** The default basis, as its name (picocli defaults are strings). */
    public static final String DEFAULT_BASIS = "chebyshev";
    public static final int DEFAULT_ORDER = 4;
    public static final int MIN_BINS = 2;
    public static final int MAX_BINS = 10_000;

    /** @throws BadInputException "bins: …", "clipPercentile: …", "order: …" for a value out of range */
    public CompressionSettings {
        refuse("bins", binsError(bins));
        refuse("clipPercentile", clipError(clipPercentile));
        PolynomialBasis.of(basis, order); // its range check ("order: …")
    }

    /** The defaults. */
    public static CompressionSettings defaults() {
        return new CompressionSettings(DEFAULT_BINS, DEFAULT_CLIP_PERCENTILE, PolynomialBasis.Kind.named(DEFAULT_BASIS), DEFAULT_ORDER);
    }

    /** Nulls are the defaults; {@code basis} by name (any case). */
    public static CompressionSettings of(Integer bins, Double clipPercentile, String basis, Integer order) {
        return new CompressionSettings(bins == null ? DEFAULT_BINS : bins,
                clipPercentile == null ? DEFAULT_CLIP_PERCENTILE : clipPercentile,
                PolynomialBasis.Kind.named(basis == null ? DEFAULT_BASIS : basis), order == null ? DEFAULT_ORDER : order);
    }

    /** The same histogram settings with another score basis and order (a refit). */
    public CompressionSettings withScores(PolynomialBasis.Kind newBasis, int newOrder) {
        return new CompressionSettings(bins, clipPercentile, newBasis, newOrder);
    }

    /** The score basis these settings fit. */
    public PolynomialBasis scoreBasis() {
        return PolynomialBasis.of(basis, order);
    }

    /** Why {@code bins} is refused, or null. */
    public static String binsError(int bins) {
        return bins >= MIN_BINS && bins <= MAX_BINS ? null
                : String.format(Locale.ROOT, "between %d and %d, got %d", MIN_BINS, MAX_BINS, bins);
    }

    /** Why {@code clipPercentile} is refused, or null. */
    public static String clipError(double clipPercentile) {
        return clipPercentile > 0 && clipPercentile < 50 ? null : "in (0, 50) percent per side, got " + clipPercentile;
    }

    /** Why {@code order} is refused for {@code basis}, or null. */
    public static String orderError(PolynomialBasis.Kind basis, int order) {
        try {
            PolynomialBasis.of(basis, order);
            return null;
        } catch (BadInputException e) {
            return e.getMessage().replaceFirst("^order: ", "");
        }
    }

    private static void refuse(String field, String error) {
        if (error != null) throw new BadInputException(field + ": " + error);
    }
}
