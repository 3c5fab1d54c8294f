package org.scoredos.compression;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.scoredos.io.BadInputException;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.CellFrame;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.DescriptorMoments;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.RotatedHistogram;
import org.scoredos.summary.StoreModel;

/**
 * The compression of a conditioned phase's descriptors into its summary (method.md §3), as one
 * stage whatever produced the samples (isosurface campaigns, MD files). The parts are pure
 * functions, so a distributed job runs each where it belongs:
 *
 * <ol>
 *   <li>pass 1, per partition of a cell's samples: {@link #moments(double[][])};</li>
 *   <li>once per cell, in a fixed partition order: {@link #merge(List)}, then {@link #frame} (PCA
 *       rotation and histogram edges, fixed from then on);</li>
 *   <li>pass 2, per partition: {@link #histogram(double[][], CellFrame)} (counts add exactly, in any order);</li>
 *   <li>once per cell: {@link #cell}; once per phase: {@link #fit} (score models per cell and component).</li>
 * </ol>
 *
 * Merging in a fixed order makes the summaries bit-identical for any partitioning. No sample is
 * kept: only moments and counts travel.
 */
public final class TwoPassCompression implements Serializable {
    private static final long serialVersionUID = 1L;

    private final CompressionSettings settings;
    private final int components;

    /** @param components d, the length of every descriptor vector */
    public TwoPassCompression(CompressionSettings settings, int components) {
        if (components < 1) throw new IllegalArgumentException("no descriptor components");
        this.settings = settings;
        this.components = components;
    }

    public CompressionSettings settings() {
        return settings;
    }

    public int components() {
        return components;
    }

    /** Pass 1: the moments of one partition's descriptors (none when it has none), folded in row order. */
    public DescriptorMoments moments(double[][] descriptors) {
        DescriptorMoments m = new DescriptorMoments(components);
        for (double[] x : descriptors) {
            for (double v : x) if (!Double.isFinite(v)) throw new IllegalStateException("non-finite descriptor " + v);
            m.add(x);
        }
        return m;
    }

    /** The moments of a cell's partitions, merged in the given order (the caller fixes it: shard or file order). */
    public DescriptorMoments merge(List<DescriptorMoments> inOrder) {
        DescriptorMoments total = new DescriptorMoments(components);
        for (DescriptorMoments m : inOrder) total.merge(m);
        return total;
    }

    /** Merges {@code parts} sorted by their index: the result does not depend on the order they arrived in. */
    public <T> DescriptorMoments mergeByIndex(List<T> parts, java.util.function.ToIntFunction<T> index,
            java.util.function.Function<T, DescriptorMoments> moments) {
        List<T> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(index));
        return merge(sorted.stream().map(moments).toList());
    }

    /**
     * The cell's PCA frame and histogram edges from its merged moments.
     *
     * @param cell what to call the cell in a refusal ("temperature 300 K")
     * @throws BadInputException when fewer than two samples reached the cell
     */
    public CellFrame frame(String cell, DescriptorMoments merged) {
        if (merged.count() < 2) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: %d sample; a cell needs at least two", cell, merged.count()));
        }
        return CellFrame.of(merged, settings.bins(), settings.clipPercentile());
    }

    /**
     * The warning for cells of {@code count} samples that cannot span the descriptor ("32 samples
     * per cell do not span the 55 descriptor components…"), or null when they can.
     *
     * @param label the cell count's label and unit: "32 samples per cell", "temperature 300 K: 9 frames"
     * @param unit  the samples' name in the advice ("samples", "frames")
     */
    public String rankWarning(String label, long count, String unit) {
        if (count > components) return null;
        return String.format(Locale.ROOT, "warning: %s do not span the %d descriptor components: the covariance is "
                + "rank-deficient (use more than %d %s)", label, components, components, unit);
    }

    /** Pass 2: the histogram counts of one partition's descriptors in its cell's frame. */
    public RotatedHistogram histogram(double[][] descriptors, CellFrame frame) {
        RotatedHistogram h = new RotatedHistogram(frame.components(), frame.bins());
        for (double[] x : descriptors) h.add(frame, x);
        return h;
    }

    /** A cell from its merged moments and histogram, labelled by {@code label} (τ, T or the energy label) and α (NaN if none). */
    public CellSummary cell(double label, double alpha, DescriptorMoments moments, CellFrame frame, RotatedHistogram histogram) {
        return CellSummary.of(label, alpha, moments, frame, histogram);
    }

    /**
     * The phase with its score models fitted per (cell, component); cells in parallel, sorted by
     * label, each fit independent of the others. The samples are paid for: a sparse or
     * ill-conditioned fit is reported to {@code warnings}, not refused; an empty histogram is.
     */
    public PhaseSummary fit(String name, ReferenceConstants reference, List<CellSummary> cells, Conditioning conditioning,
            StoreModel model, Consumer<String> warnings) {
        PolynomialBasis basis = settings.scoreBasis();
        ThreadLocal<ScoreMatcher> matchers = ThreadLocal.withInitial(() -> new ScoreMatcher(basis, warnings::accept));
        List<CellSummary> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparingDouble(CellSummary::tau));
        List<CellSummary> fitted = sorted.parallelStream().map(c -> {
            try {
                return c.withScores(matchers.get().fit(c, reference.atoms()));
            } catch (BadInputException e) {
                throw new BadInputException(String.format(Locale.ROOT, "%s: cell %s: %s", name, c.tau(), e.getMessage()), e);
            }
        }).toList();
        return new PhaseSummary(name, reference, fitted, conditioning, model);
    }
}
