package org.scoredos.cli.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.scoredos.ensemble.EnsembleStatistics;

/** The plots of {@code ensemble}: a fan chart of F(T) or ΔF(T) over the members, and the histogram of their T_c. */
public final class EnsemblePlots {
    private EnsemblePlots() {}

    /**
     * Nested bands between symmetric quantiles (the outermost palest), the median and the mean.
     *
     * @param scale  multiplies every value (1000 for meV)
     * @param levels the quantile levels of {@code rows}, increasing
     */
    public static void fan(Path file, String title, String yLabel, double scale, EnsembleStatistics.AtTemperature[] rows,
            double[] levels) throws IOException {
        XYChart chart = Plots.chart(title, AxisLabels.TEMPERATURE, yLabel);
        int n = rows.length;
        double[] t = new double[n], mean = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = rows[i].temperature();
            mean[i] = scale * rows[i].mean();
        }
        int pairs = levels.length / 2;
        for (int k = 0; k < pairs; k++) {
            int hi = levels.length - 1 - k;
            double[] lower = new double[n], upper = new double[n];
            for (int i = 0; i < n; i++) {
                lower[i] = scale * rows[i].quantiles()[k];
                upper[i] = scale * rows[i].quantiles()[hi];
            }
            int alpha = 50 + 90 * (k + 1) / Math.max(1, pairs);
            Plots.band(chart, String.format(Locale.ROOT, "%s–%s quantiles", percent(levels[k]), percent(levels[hi])), t, lower,
                    upper, new Color(60, 110, 200, Math.min(alpha, 200)));
        }
        for (int k = 0; k < levels.length; k++) {
            if (levels[k] != 0.5) continue;
            double[] median = new double[n];
            for (int i = 0; i < n; i++) median[i] = scale * rows[i].quantiles()[k];
            Plots.line(chart, "median", t, median, new Color(20, 40, 120), false);
        }
        Plots.line(chart, "mean", t, mean, new Color(200, 40, 40), true);
        Plots.write(chart, file);
    }

    /** The members' T_c in bins: all of them, and those extrapolated (α* at a sampled edge) in front. */
    public static void tcHistogram(Path file, String title, EnsembleStatistics.TcDistribution tc) throws IOException {
        XYChart chart = Plots.chart(title, AxisLabels.TRANSITION_TEMPERATURE, AxisLabels.MEMBERS);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0");
        steps(chart, String.format(Locale.ROOT, "T_c (%d members)", tc.withTransition()), tc.edges(), tc.counts(), new Color(60, 110, 200, 170));
        if (tc.extrapolated() > 0) {
            steps(chart, String.format(Locale.ROOT, "extrapolated (%d, %.2f %%)", tc.extrapolated(), 100 * tc.extrapolatedFraction()),
                    tc.edges(), tc.extrapolatedCounts(), new Color(200, 40, 40, 170));
        }
        Plots.write(chart, file);
    }

    /** A histogram as one filled outline: up and across each bin, back down at the end. */
    private static void steps(XYChart chart, String name, double[] edges, int[] counts, Color fill) {
        int bins = counts.length;
        double[] x = new double[2 * bins + 2], y = new double[2 * bins + 2];
        x[0] = edges[0];
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = edges[b];
            y[2 * b + 1] = counts[b];
            x[2 * b + 2] = edges[b + 1];
            y[2 * b + 2] = counts[b];
        }
        x[2 * bins + 1] = edges[bins];
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(fill);
        s.setLineColor(fill.darker());
    }

    private static String percent(double level) {
        String s = String.format(Locale.ROOT, "%.4g", 100 * level);
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + " %";
    }
}
