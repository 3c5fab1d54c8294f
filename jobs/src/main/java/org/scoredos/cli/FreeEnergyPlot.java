package org.scoredos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A PNG of F(T) with its error bars, and optionally a reference curve (e.g. harmonic). */
final class FreeEnergyPlot {
    private FreeEnergyPlot() {}

    static void write(Path png, String title, double[] temperature, double[] freeEnergy, double[] error,
            String referenceName, double[] reference) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(520).title(title)
                .xAxisTitle("T (K)").yAxisTitle(org.scoredos.units.FreeEnergyConvention.AXIS_LABEL).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        XYSeries f = chart.addSeries("ScoreDOS", temperature, freeEnergy, error);
        f.setMarker(SeriesMarkers.CIRCLE);
        if (reference != null) chart.addSeries(referenceName, temperature, reference).setMarker(SeriesMarkers.NONE);
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        String name = png.toString();
        BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name,
                BitmapEncoder.BitmapFormat.PNG);
    }
}
