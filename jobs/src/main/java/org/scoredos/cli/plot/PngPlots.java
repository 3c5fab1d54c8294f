package org.scoredos.cli.plot;

import org.scoredos.io.OutputFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG plots of the estimation commands, written atomically (temporary file, then rename). */
public final class PngPlots {
    private static final int WIDTH = 900, HEIGHT = 600;

    private PngPlots() {}

    /** F(T) with its error band; unsolved points (α* on the sampled edge) marked apart. */
    public static void freeEnergy(Path file, String phase, double[] t, double[] f, double[] error, boolean[] solved) throws IOException {
        XYChart chart = chart("Free energy of " + phase, "T (K)", org.scoredos.units.FreeEnergyConvention.AXIS_LABEL);
        double[] upper = new double[t.length], lower = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            upper[i] = f[i] + error[i];
            lower[i] = f[i] - error[i];
        }
        line(chart, "F + δF", t, upper, new Color(120, 160, 220), true);
        line(chart, "F − δF", t, lower, new Color(120, 160, 220), true);
        line(chart, "F", t, f, new Color(20, 60, 160), false);
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

    /** ΔF(T) with the zero line and T_c marked. */
    public static void transition(Path file, String first, String second, double[] t, double[] deltaF, double tc) throws IOException {
        String title = "ΔF = G(" + first + ") − G(" + second + ")"
                + (Double.isNaN(tc) ? ": no transition in range" : String.format(", T_c = %.1f K", tc));
        XYChart chart = chart(title, "T (K)", "ΔF (eV/atom)");
        double[] ms = new double[deltaF.length];
        for (int i = 0; i < ms.length; i++) ms[i] = 1000 * deltaF[i];
        chart.setYAxisTitle("ΔF (meV/atom)");
        line(chart, "ΔF", t, ms, new Color(20, 60, 160), false);
        chart.addAnnotation(new AnnotationLine(0, false, false));
        if (!Double.isNaN(tc)) {
            chart.addAnnotation(new AnnotationLine(tc, true, false));
            XYSeries s = chart.addSeries(String.format("T_c = %.1f K", tc), new double[] {tc}, new double[] {0});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(new Color(200, 40, 40));
        }
        write(chart, file);
    }

    /** T_c per fine-tuning step, with the target. */
    public static void fineTuning(Path file, double[] tc, double target) throws IOException {
        XYChart chart = chart("Fine-tuning towards T_c = " + target + " K", "step", "T_c (K)");
        List<Double> steps = new ArrayList<>(), values = new ArrayList<>();
        for (int s = 0; s < tc.length; s++) {
            if (!Double.isNaN(tc[s])) {
                steps.add((double) s);
                values.add(tc[s]);
            }
        }
        if (!steps.isEmpty()) {
            XYSeries s = chart.addSeries("T_c", steps, values);
            s.setLineColor(new Color(20, 60, 160));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new Color(20, 60, 160));
        }
        XYSeries goal = chart.addSeries("target", new double[] {0, Math.max(1, tc.length - 1)}, new double[] {target, target});
        goal.setLineColor(new Color(200, 40, 40));
        goal.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        goal.setMarker(SeriesMarkers.NONE);
        write(chart, file);
    }

    private static XYChart chart(String title, String x, String y) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        if (dashed) s.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
    }

    private static void write(XYChart chart, Path file) throws IOException {
        OutputFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
