package org.scoredos.cli.plot;

import org.scoredos.io.OutputFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.scoredos.estimate.DefectFormation;
import org.scoredos.estimate.FineTuner;
import org.scoredos.estimate.PhaseTransition;

/** The plots of the estimation commands, as PNG, SVG or PDF by the file's extension, written atomically (temporary file, then rename). */
public final class Plots {
    private static final int WIDTH = 900, HEIGHT = 600;

    private Plots() {}

    /** F(T) with its error band; unsolved points (α* on the sampled edge) marked apart. */
    public static void freeEnergy(Path file, String phase, double[] t, double[] f, double[] error, boolean[] solved) throws IOException {
        freeEnergy(file, "Free energy of " + phase, t, f, error, solved, null, null);
    }

    /** The same with a reference curve beside it (the harmonic F of quickstart), or none when {@code reference} is null. */
    public static void freeEnergy(Path file, String title, double[] t, double[] f, double[] error, boolean[] solved, String referenceName,
            double[] reference) throws IOException {
        XYChart chart = chart(title, AxisLabels.TEMPERATURE, AxisLabels.FREE_ENERGY);
        double[] upper = new double[t.length], lower = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            upper[i] = f[i] + error[i];
            lower[i] = f[i] - error[i];
        }
        line(chart, "F + δF", t, upper, new Color(120, 160, 220), true);
        line(chart, "F − δF", t, lower, new Color(120, 160, 220), true);
        line(chart, "F", t, f, new Color(20, 60, 160), false);
        if (reference != null) line(chart, referenceName, t, reference, new Color(30, 140, 60), false);
        List<Double> ut = new ArrayList<>(), uf = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (!solved[i]) {
                ut.add(t[i]);
                uf.add(f[i]);
            }
        }
        if (!ut.isEmpty()) {
            XYSeries s = chart.addSeries("unsolved (α* at the sampled edge)", ut, uf);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new Color(200, 40, 40));
        }
        write(chart, file);
    }

    /**
     * y(x) with its error band, for the fixed-pressure results (V*(T), the boundary T_c(P));
     * unsolved points marked apart with {@code unsolvedLabel}.
     */
    public static void curve(Path file, String title, String xLabel, String yLabel, double[] x, double[] y, double[] error,
            boolean[] solved, String unsolvedLabel) throws IOException {
        XYChart chart = chart(title, xLabel, yLabel);
        List<Double> bx = new ArrayList<>(), up = new ArrayList<>(), down = new ArrayList<>(), cx = new ArrayList<>(), cy = new ArrayList<>();
        List<Double> ux = new ArrayList<>(), uy = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(y[i])) continue;
            cx.add(x[i]);
            cy.add(y[i]);
            if (Double.isFinite(error[i])) {
                bx.add(x[i]);
                up.add(y[i] + error[i]);
                down.add(y[i] - error[i]);
            }
            if (!solved[i]) {
                ux.add(x[i]);
                uy.add(y[i]);
            }
        }
        if (cx.isEmpty()) throw new org.scoredos.io.BadInputException(file + ": nothing to plot (no finite values)");
        if (!bx.isEmpty()) {
            line(chart, "+ error", bx, up, new Color(120, 160, 220), true);
            line(chart, "− error", bx, down, new Color(120, 160, 220), true);
        }
        XYSeries s = chart.addSeries(yLabel, cx, cy);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(new Color(20, 60, 160));
        s.setMarkerColor(new Color(20, 60, 160));
        if (!ux.isEmpty()) {
            XYSeries u = chart.addSeries(unsolvedLabel, ux, uy);
            u.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            u.setMarker(SeriesMarkers.CIRCLE);
            u.setMarkerColor(new Color(200, 40, 40));
        }
        write(chart, file);
    }

    /**
     * ΔF(T) with its error band, the zero line and T_c marked; the grid intervals where either
     * phase is unsolved (a T_c there is extrapolated) shaded.
     */
    public static void transition(Path file, String first, String second, PhaseTransition.Table table) throws IOException {
        PhaseTransition.Crossing tc = table.tc();
        String title = "ΔF = G(" + first + ") − G(" + second + ")" + (tc == null ? ": no transition in range"
                : String.format(", T_c = %.0f ± %s K%s", tc.temperature(), Double.isFinite(tc.error()) ? String.format("%.0f", tc.error()) : "?",
                        tc.extrapolated() ? " (extrapolated)" : ""));
        XYChart chart = chart(title, AxisLabels.TEMPERATURE, AxisLabels.DELTA_F_MEV);
        double[] t = table.temperatures(), ms = table.deltaF(), error = table.error();
        double[] upper = new double[t.length], lower = new double[t.length];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.length; i++) {
            ms[i] *= 1000;
            upper[i] = ms[i] + 1000 * error[i];
            lower[i] = ms[i] - 1000 * error[i];
            lo = Math.min(lo, lower[i]);
            hi = Math.max(hi, upper[i]);
        }
        shadeUnsolved(chart, t, table.solved(), lo, hi);
        band(chart, "ΔF ± δΔF", t, lower, upper, new Color(120, 160, 220, 90));
        line(chart, "ΔF", t, ms, new Color(20, 60, 160), false);
        chart.addAnnotation(new AnnotationLine(0, false, false));
        if (tc != null) {
            chart.addAnnotation(new AnnotationLine(tc.temperature(), true, false));
            XYSeries s = chart.addSeries(String.format("T_c = %.1f K", tc.temperature()), new double[] {tc.temperature()}, new double[] {0});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(new Color(200, 40, 40));
        }
        write(chart, file);
    }

    /**
     * G_f(T) of a defect with its error band and the static formation energy E_f (dashed); the grid
     * intervals where either cell is unsolved shaded.
     */
    public static void defectFormation(Path file, String defect, String perfect, double staticEnergy, DefectFormation.Formation[] rows)
            throws IOException {
        XYChart chart = chart("Formation free energy: G_f = F(" + defect + ") − (N_d/N_p) F(" + perfect + ")", AxisLabels.TEMPERATURE,
                AxisLabels.DEFECT_FREE_ENERGY);
        int n = rows.length;
        double[] t = new double[n], g = new double[n], lower = new double[n], upper = new double[n];
        boolean[] solved = new boolean[n];
        double lo = staticEnergy, hi = staticEnergy;
        for (int i = 0; i < n; i++) {
            t[i] = rows[i].temperature();
            g[i] = rows[i].freeEnergy();
            double e = Double.isFinite(rows[i].error()) ? rows[i].error() : 0;
            lower[i] = g[i] - e;
            upper[i] = g[i] + e;
            solved[i] = rows[i].solved();
            lo = Math.min(lo, lower[i]);
            hi = Math.max(hi, upper[i]);
        }
        shadeUnsolved(chart, t, solved, lo, hi);
        band(chart, "G_f ± δG_f", t, lower, upper, new Color(120, 160, 220, 90));
        line(chart, "G_f", t, g, new Color(20, 60, 160), false);
        line(chart, "E_f (static, 0 K)", new double[] {t[0], t[n - 1]}, new double[] {staticEnergy, staticEnergy}, new Color(200, 40, 40), true);
        write(chart, file);
    }

    /** Grey rectangles over the grid intervals with an unsolved end, from lo to hi (one legend entry). */
    private static void shadeUnsolved(XYChart chart, double[] t, boolean[] solved, double lo, double hi) {
        int region = 0;
        for (int n = 1; n < t.length; n++) {
            if (solved[n - 1] && solved[n]) continue;
            int m = n;
            while (m + 1 < t.length && !(solved[m] && solved[m + 1])) m++;
            XYSeries s = chart.addSeries(region++ == 0 ? "unsolved (α* at the sampled edge)" : "unsolved " + region,
                    new double[] {t[n - 1], t[m], t[m], t[n - 1]}, new double[] {lo, lo, hi, hi});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setMarker(SeriesMarkers.NONE);
            s.setFillColor(new Color(150, 150, 150, 70));
            s.setLineColor(new Color(150, 150, 150, 0));
            s.setShowInLegend(region == 1);
            n = m;
        }
    }

    /** A filled band between lower and upper. */
    static void band(XYChart chart, String name, double[] x, double[] lower, double[] upper, Color fill) {
        int n = x.length;
        double[] px = new double[2 * n], py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = upper[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = lower[i];
        }
        XYSeries s = chart.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(fill);
        s.setLineColor(new Color(fill.getRed(), fill.getGreen(), fill.getBlue(), 0));
    }

    /** T_c per fine-tuning step with its error bar, the extrapolated steps marked, and the target. */
    public static void fineTuning(Path file, FineTuner.Trajectory run) throws IOException {
        XYChart chart = chart("Fine-tuning towards T_c = " + run.target() + " K", AxisLabels.STEP, AxisLabels.TRANSITION_TEMPERATURE);
        List<Double> steps = new ArrayList<>(), values = new ArrayList<>(), errors = new ArrayList<>();
        List<Double> outSteps = new ArrayList<>(), outValues = new ArrayList<>();
        for (int s = 0; s < run.steps().size(); s++) {
            PhaseTransition.Crossing tc = run.steps().get(s).tc();
            if (tc == null) continue;
            steps.add((double) s);
            values.add(tc.temperature());
            errors.add(Double.isFinite(tc.error()) ? tc.error() : 0);
            if (tc.extrapolated()) {
                outSteps.add((double) s);
                outValues.add(tc.temperature());
            }
        }
        if (!steps.isEmpty()) {
            XYSeries s = chart.addSeries("T_c ± δT_c", steps, values, errors);
            s.setLineColor(new Color(20, 60, 160));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new Color(20, 60, 160));
        }
        if (!outSteps.isEmpty()) {
            XYSeries s = chart.addSeries("extrapolated (α* at the sampled edge)", outSteps, outValues);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new Color(200, 40, 40));
        }
        double last = Math.max(1, run.steps().size() - 1);
        XYSeries goal = chart.addSeries("target", new double[] {0, last}, new double[] {run.target(), run.target()});
        goal.setLineColor(new Color(200, 40, 40));
        goal.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        goal.setMarker(SeriesMarkers.NONE);
        write(chart, file);
    }

    static XYChart chart(String title, String x, String y) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        return chart;
    }

    static void line(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
        style(chart.addSeries(name, x, y), color, dashed);
    }

    private static void line(XYChart chart, String name, List<Double> x, List<Double> y, Color color, boolean dashed) {
        style(chart.addSeries(name, x, y), color, dashed);
    }

    private static void style(XYSeries s, Color color, boolean dashed) {
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        if (dashed) s.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
    }

    /** {@code chart} as {@code file}, in the format its extension names (checked before any work by {@link PlotFormat#of}). */
    static void write(XYChart chart, Path file) throws IOException {
        PlotFormat format = PlotFormat.of(file, "--plot");
        OutputFiles.write(file, out -> format.encode(chart, out));
    }
}
