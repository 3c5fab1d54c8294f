package org.scoredos.cli.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.scoredos.verify.Verification;

/** F_TI and F_DDOS against T with their error bars, one pair of series per model; written atomically. */
public final class VerifyPlot {
    private static final Color[] COLOURS = {new Color(20, 60, 160), new Color(200, 40, 40), new Color(30, 140, 60),
        new Color(150, 80, 170), new Color(220, 130, 20), new Color(90, 90, 90)};

    private VerifyPlot() {}

    /** @param rows model-major, the same temperatures for every model */
    public static void write(Path file, String phase, List<Verification> rows) throws IOException {
        int models = rows.get(rows.size() - 1).model() + 1, n = rows.size() / models;
        XYChart chart = Plots.chart("TI against DDOS, " + phase, AxisLabels.TEMPERATURE, AxisLabels.FREE_ENERGY_MEV);
        for (int m = 0; m < models; m++) {
            double[] t = new double[n], ti = new double[n], tiErr = new double[n], dd = new double[n], ddErr = new double[n];
            for (int i = 0; i < n; i++) {
                Verification r = rows.get(m * n + i);
                t[i] = r.temperature();
                ti[i] = 1e3 * r.freeEnergyTi();
                tiErr[i] = 1e3 * r.errorTi();
                dd[i] = 1e3 * r.freeEnergy();
                ddErr[i] = Double.isNaN(r.error()) ? 0 : 1e3 * r.error();
            }
            Color colour = COLOURS[m % COLOURS.length];
            XYSeries a = chart.addSeries("model " + m + ": F_TI ± σ", t, ti, tiErr);
            a.setMarker(SeriesMarkers.CIRCLE);
            a.setMarkerColor(colour);
            a.setLineColor(colour);
            XYSeries b = chart.addSeries("model " + m + ": F_DDOS ± δ", t, dd, ddErr);
            b.setMarker(SeriesMarkers.DIAMOND);
            b.setMarkerColor(colour.brighter());
            b.setLineColor(colour.brighter());
        }
        Plots.write(chart, file);
    }
}
