package org.scoredos.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scoredos.estimate.GibbsFreeEnergy.Quantity;
import org.scoredos.estimate.ThermalProperties;
import org.scoredos.units.Units;

/** {@code estimate --thermo}: F, S, E and C_V at the store's volume, as text, JSON or CSV. */
final class ThermoReport {
    /** The unit of every field, as the JSON declares them. */
    static final Map<String, String> UNITS = Map.of(
            "temperature", "K",
            "freeEnergy", "eV/atom (lattice energy excluded)",
            "entropy", "eV/(K atom)",
            "energy", "eV/atom (E = F + TS, lattice energy excluded)",
            "heatCapacity", "eV/(K atom) (C_V)");

    private final String phase;
    private final double lattice;
    private final ThermalProperties.Row[] rows;

    ThermoReport(String phase, double lattice, ThermalProperties.Row[] rows) {
        this.phase = phase;
        this.lattice = lattice;
        this.rows = rows;
    }

    Map<String, Object> json(String mode, String errorModel) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("phase", phase);
        CommandSupport.declareConvention(root);
        root.put("mode", mode);
        root.put("errorModel", errorModel);
        root.put("latticeEnergy", lattice);
        root.put("units", new java.util.TreeMap<>(UNITS));
        root.put("derivatives", "central differences of F over T ± min(1 K, T/4)");
        List<Map<String, Object>> out = new ArrayList<>();
        for (ThermalProperties.Row r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("temperature", r.temperature());
            GibbsReport.put(row, "freeEnergy", r.freeEnergy());
            GibbsReport.put(row, "entropy", r.entropy());
            GibbsReport.put(row, "energy", r.energy());
            GibbsReport.put(row, "heatCapacity", r.heatCapacity());
            row.put("alphaStar", r.alphaStar());
            row.put("solved", r.solved());
            out.add(row);
        }
        root.put("results", out);
        return root;
    }

    void csv(PrintWriter out) {
        CommandSupport.conventionLine(out);
        out.println("# units: " + new java.util.TreeMap<>(UNITS) + "; lattice energy " + lattice + " eV/atom");
        out.println("temperature,freeEnergy,freeEnergyError,entropy,entropyError,energy,energyError,heatCapacity,heatCapacityError,alphaStar,solved");
        for (ThermalProperties.Row r : rows) {
            StringBuilder row = new StringBuilder().append(r.temperature());
            for (Quantity q : new Quantity[] {r.freeEnergy(), r.entropy(), r.energy(), r.heatCapacity()}) {
                row.append(',').append(q.value()).append(',').append(q.error());
            }
            out.println(row.append(',').append(r.alphaStar()).append(',').append(r.solved()));
        }
    }

    void text(PrintWriter out, String method) {
        CommandSupport.conventionLine(out);
        out.printf(Locale.ROOT, "phase %s at its sampled volume, %s; lattice energy θ·D_0 = %.9f eV/atom "
                + "(excluded from F and E); S = −∂F/∂T, E = F + TS, C_V = −T∂²F/∂T²%n", phase, method, lattice);
        out.printf(Locale.ROOT, "%9s %24s %20s %24s %20s %s%n", "T (K)", "F (eV/atom)", "S (k_B/atom)", "E (eV/atom)",
                "C_V (k_B/atom)", "solved");
        double kb = Units.KB;
        for (ThermalProperties.Row r : rows) {
            out.printf(Locale.ROOT, "%9.2f %13.6f ± %8.6f %9.4f ± %8.4f %13.6f ± %8.6f %9.4f ± %8.4f %s%n", r.temperature(),
                    r.freeEnergy().value(), r.freeEnergy().error(), r.entropy().value() / kb, r.entropy().error() / kb,
                    r.energy().value(), r.energy().error(), r.heatCapacity().value() / kb, r.heatCapacity().error() / kb,
                    r.solved() ? "yes" : "no (α* at the sampled edge at T or T ± h)");
        }
    }
}
