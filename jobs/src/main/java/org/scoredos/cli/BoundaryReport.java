package org.scoredos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scoredos.cli.plot.Plots;
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
        switch (format) {
            case JSON -> JsonOutput.print(out, json());
            case CSV -> csv(out);
            default -> text(out);
        }
        out.flush();
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

    private Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        CommandSupport.declareConvention(root);
        root.put("first", first);
        root.put("second", second);
        root.put("mode", model.mode.name().toLowerCase(Locale.ROOT));
        Map<String, String> units = new LinkedHashMap<>();
        units.put("pressure", "GPa");
        units.put("tc", "K");
        units.put("deltaS", "eV/(K atom), first − second");
        units.put("deltaV", "Å^3/atom, first − second");
        units.put("slope", "K/GPa");
        root.put("units", units);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PhaseBoundary.Point p : points) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pressure", p.pressure());
            row.put("tc", TransitionFlags.finite(p.tc()));
            row.put("tcError", TransitionFlags.finite(p.error()));
            row.put("solved", p.solved());
            if (p.hasTransition()) {
                row.put("deltaS", p.deltaS());
                row.put("deltaV", p.deltaV());
                row.put("firstVolume", p.first().volume().value());
                row.put("secondVolume", p.second().volume().value());
            }
            row.put("clapeyronSlope", TransitionFlags.finite(p.clapeyron()));
            row.put("finiteDifferenceSlope", TransitionFlags.finite(p.slope()));
            rows.add(row);
        }
        root.put("boundary", rows);
        return root;
    }

    private void csv(PrintWriter out) {
        CommandSupport.conventionLine(out);
        out.println("# phase boundary " + first + " / " + second + "; pressure GPa, tc K, deltaS eV/(K atom), deltaV Å^3/atom, slopes K/GPa");
        out.println("pressure,tc,tcError,solved,deltaS,deltaV,clapeyronSlope,finiteDifferenceSlope");
        for (PhaseBoundary.Point p : points) {
            out.println(p.pressure() + "," + p.tc() + "," + p.error() + "," + p.solved() + "," + (p.hasTransition() ? p.deltaS() : Double.NaN) + ","
                    + (p.hasTransition() ? p.deltaV() : Double.NaN) + "," + p.clapeyron() + "," + p.slope());
        }
    }

    private void text(PrintWriter out) {
        CommandSupport.conventionLine(out);
        out.printf(Locale.ROOT, "phase boundary %s / %s, %s mode: T_c(P) where G(%s) = G(%s); ΔS, ΔV = %s − %s at T_c%n", first, second,
                model.mode.name().toLowerCase(Locale.ROOT), first, second, first, second);
        out.printf(Locale.ROOT, "%10s %20s %8s %14s %16s %18s %18s%n", "P (GPa)", "T_c (K)", "solved", "ΔS (k_B/atom)", "ΔV (Å^3/atom)",
                "ΔV/ΔS (K/GPa)", "dT_c/dP (K/GPa)");
        for (PhaseBoundary.Point p : points) {
            if (!p.hasTransition()) {
                out.printf(Locale.ROOT, "%10.4f %20s%n", p.pressure(), "no T_c on the grid");
                continue;
            }
            out.printf(Locale.ROOT, "%10.4f %10.2f ± %7s %8s %14.5f %16.5f %18.3f %18s%n", p.pressure(), p.tc(), TransitionFlags.number(p.error()),
                    p.solved() ? "yes" : "no", p.deltaS() / Units.KB, p.deltaV(), p.clapeyron(),
                    Double.isFinite(p.slope()) ? String.format(Locale.ROOT, "%.3f", p.slope()) : "-");
        }
    }

}
