package org.scoredos.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scoredos.estimate.GibbsEstimator;
import org.scoredos.estimate.GibbsFreeEnergy;
import org.scoredos.estimate.GibbsFreeEnergy.Quantity;
import org.scoredos.io.BadInputException;

/** {@code estimate --pressure}: G(P, T) of a multi-volume phase and what follows from it, as text, JSON or CSV. */
final class GibbsReport {
    /** The unit of every field, as the JSON declares them. */
    static final Map<String, String> UNITS = units();

    private final GibbsEstimator estimator;
    private final GibbsFreeEnergy[] rows;
    private final boolean gradient;

    GibbsReport(GibbsEstimator estimator, GibbsFreeEnergy[] rows, boolean gradient) {
        this.estimator = estimator;
        this.rows = rows;
        this.gradient = gradient;
    }

    private static Map<String, String> units() {
        Map<String, String> u = new LinkedHashMap<>();
        u.put("temperature", "K");
        u.put("pressure", "GPa");
        u.put("gibbs", "eV/atom (lattice energy included)");
        u.put("volume", "Å^3/atom");
        u.put("expansion", "1/K (linear)");
        u.put("bulkModulus", "GPa");
        u.put("entropy", "eV/(K atom)");
        u.put("enthalpy", "eV/atom");
        u.put("heatCapacity", "eV/(K atom)");
        u.put("eosResidual", "eV/atom");
        return u;
    }

    /**
     * Refuses a pressure that puts V* outside the sampled volumes at every temperature: there is
     * nothing to report but edge values.
     */
    void checkSomeVolumeInside() {
        double[] v = estimator.volumes();
        for (GibbsFreeEnergy r : rows) if (r.volume().value() > v[0] && r.volume().value() < v[v.length - 1]) return;
        throw new BadInputException(String.format(Locale.ROOT,
                "--pressure: at %s GPa V* of %s lies outside the sampled volumes %.4f–%.4f Å^3/atom at every temperature; "
                        + "sample more strains or give a pressure inside", number(estimator.pressure()), estimator.phase(), v[0], v[v.length - 1]));
    }

    /** The temperatures where V* sits on the edge of the sampled volumes. */
    List<Double> edgeTemperatures() {
        double[] v = estimator.volumes();
        List<Double> out = new ArrayList<>();
        for (GibbsFreeEnergy r : rows) if (!(r.volume().value() > v[0] && r.volume().value() < v[v.length - 1])) out.add(r.temperature());
        return out;
    }

    Map<String, Object> json(String mode, String errorModel) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("phase", estimator.phase());
        CommandSupport.declareConvention(root);
        root.put("pressure", estimator.pressure());
        root.put("mode", mode);
        root.put("errorModel", errorModel);
        root.put("units", UNITS);
        root.put("volumes", estimator.volumes());
        root.put("eos", "Birch-Murnaghan form: polynomial of degree " + estimator.eosDegree() + " in (V/Vc)^(-2/3)");
        List<Map<String, Object>> out = new ArrayList<>();
        for (GibbsFreeEnergy r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("temperature", r.temperature());
            put(row, "gibbs", r.gibbs());
            if (!Double.isNaN(r.statisticalError())) {
                row.put("statisticalError", r.statisticalError());
                row.put("systematicError", r.systematicError());
            }
            put(row, "volume", r.volume());
            put(row, "expansion", r.expansion());
            put(row, "bulkModulus", r.bulkModulus());
            put(row, "entropy", r.entropy());
            put(row, "enthalpy", r.enthalpy());
            put(row, "heatCapacity", r.heatCapacity());
            row.put("eosResidual", TransitionFlags.finite(r.eosResidual()));
            row.put("solved", r.solved());
            if (gradient) row.put("gradient", r.gradient());
            out.add(row);
        }
        root.put("results", out);
        return root;
    }

    /** A quantity and its error bar as the JSON fields {@code name} and {@code nameError} (non-finite values as null). */
    static void put(Map<String, Object> row, String name, Quantity q) {
        row.put(name, TransitionFlags.finite(q.value()));
        row.put(name + "Error", TransitionFlags.finite(q.error()));
    }

    void csv(PrintWriter out) {
        CommandSupport.conventionLine(out);
        out.println("# pressure: " + number(estimator.pressure()) + " GPa; units: " + UNITS);
        StringBuilder head = new StringBuilder("temperature,gibbs,gibbsError,statisticalError,systematicError,volume,volumeError,expansion,"
                + "expansionError,bulkModulus,bulkModulusError,entropy,entropyError,enthalpy,enthalpyError,heatCapacity,heatCapacityError,"
                + "eosResidual,solved");
        if (gradient) for (int i = 0; i < estimator.components(); i++) head.append(",gradient").append(i);
        out.println(head);
        for (GibbsFreeEnergy r : rows) {
            StringBuilder row = new StringBuilder().append(r.temperature());
            for (Quantity q : new Quantity[] {r.gibbs()}) row.append(',').append(q.value()).append(',').append(q.error());
            row.append(',').append(r.statisticalError()).append(',').append(r.systematicError());
            for (Quantity q : new Quantity[] {r.volume(), r.expansion(), r.bulkModulus(), r.entropy(), r.enthalpy(), r.heatCapacity()}) {
                row.append(',').append(q.value()).append(',').append(q.error());
            }
            row.append(',').append(r.eosResidual()).append(',').append(r.solved());
            if (gradient) for (double g : r.gradient()) row.append(',').append(g);
            out.println(row);
        }
    }

    void text(PrintWriter out, String mode, String errorModel) {
        CommandSupport.conventionLine(out);
        double[] v = estimator.volumes();
        out.printf(Locale.ROOT, "phase %s at P = %s GPa, %s mode, %s error model; %d volumes %.4f–%.4f Å^3/atom, "
                + "A(V) fitted in (V/Vc)^(-2/3) to degree %d; G includes the lattice energy%n", estimator.phase(),
                number(estimator.pressure()), mode, errorModel, v.length, v[0], v[v.length - 1], estimator.eosDegree());
        out.printf(Locale.ROOT, "%9s %24s %20s %22s %16s %22s %16s %20s %9s %s%n", "T (K)", "G (eV/atom)", "V* (Å^3/atom)",
                "α_L (1e-6/K)", "B_T (GPa)", "S (k_B/atom)", "H (eV/atom)", "C_P (k_B/atom)", "EOS res.", "solved");
        double kb = org.scoredos.units.Units.KB;
        for (GibbsFreeEnergy r : rows) {
            out.printf(Locale.ROOT, "%9.2f %13.6f ± %8.6f %11.5f ± %6.5f %11.4f ± %8.4f %8.2f ± %5.2f %11.4f ± %8.4f %16.6f %10.4f ± %7.4f %9.2e %s%n",
                    r.temperature(), r.gibbs().value(), r.gibbs().error(), r.volume().value(), r.volume().error(),
                    r.expansion().value() * 1e6, r.expansion().error() * 1e6, r.bulkModulus().value(), r.bulkModulus().error(),
                    r.entropy().value() / kb, r.entropy().error() / kb, r.enthalpy().value(), r.heatCapacity().value() / kb,
                    r.heatCapacity().error() / kb, r.eosResidual(), r.solved() ? "yes" : "no (" + cause(r, v) + ")");
            if (gradient) {
                StringBuilder g = new StringBuilder("           gradient:");
                for (double x : r.gradient()) g.append(' ').append(String.format(Locale.ROOT, "%.9g", x));
                out.println(g);
            }
        }
    }

    private static String cause(GibbsFreeEnergy r, double[] v) {
        return r.volume().value() > v[0] && r.volume().value() < v[v.length - 1] ? "α* at a volume's sampled edge"
                : "V* at the sampled volumes' edge";
    }

    /** A pressure as the user would write it: 0, 2.5, 1e-05. */
    static String number(double x) {
        return java.math.BigDecimal.valueOf(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
