package org.scoredos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.scoredos.cli.plot.Plots;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.estimate.PhaseBoundary;
import org.scoredos.units.Units;

/** {@code transition --pressures}: the phase boundary T_c(P) with the Clausius–Clapeyron slope beside the finite-difference one. */
final class BoundaryReport {
    private final String first, second;
    private final PhaseModelOptions model;
    private final PhaseBoundary.Point[] points;

    BoundaryReport(String first, String second, PhaseModelOptions model, PhaseBoundary.Point[] points) {
        this.first = first;
        this.second = second;
        this.model = model;
        this.points = points;
    }

    void write(PrintWriter out, PrintWriter err, OutputFormat format, Path plot) throws IOException {
        Renderers.print(result(), format, out);
        int none = 0, extrapolated = 0;
        for (PhaseBoundary.Point p : points) {
            if (!p.hasTransition()) none++;
            else if (!p.solved()) extrapolated++;
        }
        if (none > 0) err.println("transition: warning: no T_c on the temperature grid at " + none + " of " + points.length + " pressures");
        if (extrapolated > 0) {
            err.println("transition: warning: T_c extrapolated (α* or V* at a sampled edge) at " + extrapolated + " of " + points.length + " pressures");
        }
        if (plot != null) {
            double[] p = new double[points.length], t = new double[points.length], e = new double[points.length];
            boolean[] solved = new boolean[points.length];
            for (int i = 0; i < points.length; i++) {
                p[i] = points[i].pressure();
                t[i] = points[i].tc();
                e[i] = points[i].error();
                solved[i] = points[i].solved();
            }
            Plots.curve(plot, "Phase boundary " + first + " / " + second, org.scoredos.cli.plot.AxisLabels.PRESSURE, org.scoredos.cli.plot.AxisLabels.TRANSITION_TEMPERATURE, p, t, e, solved, "extrapolated");
            err.println("transition: wrote " + plot);
        }
    }

    private Result result() {
        Result result = new Result("transition");
        String mode = model.mode.name().toLowerCase(Locale.ROOT);
        result.fields().put("first", first).put("second", second).put("mode", mode);
        double nan = Double.NaN;
        ResultTable t = new ResultTable("boundary").column(Column.of("pressure", "GPa", "pressure P").shown("P", "%.4f"))
                .column(Column.of("tc", "K", "T_c(P): where G(first) = G(second), refined by Newton's method").shown("T_c", "%.2f"))
                .column(Columns.error("tcError", "K", "T_c", "δT_c", "%.2f"))
                .column(Column.of("solved", null, "both phases solved at T_c (α* and V* inside their sampled ranges)").shown("solved", null))
                .column(Columns.perKelvin("deltaS", "ΔS = S(first) − S(second) at T_c", "ΔS").shown("ΔS", "k_B/atom", 1 / Units.KB, "%.5f"))
                .column(Column.of("deltaV", "Å^3/atom", "ΔV = V*(first) − V*(second) at T_c").shown("ΔV", "%.5f"))
                .column(Column.of("firstVolume", "Å^3/atom", "V* of " + first + " at T_c").notInText())
                .column(Column.of("secondVolume", "Å^3/atom", "V* of " + second + " at T_c").notInText())
                .column(Column.of("clapeyronSlope", "K/GPa", "Clausius–Clapeyron slope ΔV/ΔS").shown("ΔV/ΔS", "%.3f"))
                .column(Column.of("finiteDifferenceSlope", "K/GPa", "finite-difference slope of T_c(P)").shown("dT_c/dP", "%.3f"));
        for (PhaseBoundary.Point p : points) {
            boolean has = p.hasTransition();
            t.row(p.pressure(), p.tc(), p.error(), p.solved(), has ? p.deltaS() : nan, has ? p.deltaV() : nan,
                    has ? p.first().volume().value() : nan, has ? p.second().volume().value() : nan, p.clapeyron(), p.slope());
        }
        return result.table(t).heading(String.format(Locale.ROOT, "phase boundary %s / %s, %s mode: T_c(P) where G(%s) = G(%s); ΔS, ΔV = %s − %s at T_c",
                first, second, mode, first, second, first, second)).summary("T_c \"-\": no T_c on the temperature grid at that pressure");
    }
}
