package org.scoredos.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.estimate.GibbsEstimator;
import org.scoredos.estimate.GibbsFreeEnergy;
import org.scoredos.estimate.GibbsFreeEnergy.Quantity;
import org.scoredos.io.BadInputException;

/** {@code estimate --pressure}: G(P, T) of a multi-volume phase and what follows from it, as a result table. */
final class GibbsReport {
    private final GibbsEstimator estimator;
    private final GibbsFreeEnergy[] rows;
    private final boolean gradient;

    GibbsReport(GibbsEstimator estimator, GibbsFreeEnergy[] rows, boolean gradient) {
        this.estimator = estimator;
        this.rows = rows;
        this.gradient = gradient;
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

    /** The Gibbs table under the run's fields (phase, store, model, method). */
    Result result(Result run, String mode, String errorModel) {
        double[] v = estimator.volumes();
        run.fields().put("pressure", "GPa", "the pressure P of G(P, T) = min_V [A(V, T) + PV]", estimator.pressure())
                .put("mode", mode).put("errorModel", errorModel)
                .put("volumes", "Å^3/atom", "the sampled volumes (strains) A(V, T) is fitted over", v)
                .put("eos", "Birch-Murnaghan form: polynomial of degree " + estimator.eosDegree() + " in (V/Vc)^(-2/3)");
        boolean split = rows.length > 0 && !Double.isNaN(rows[0].statisticalError());
        ResultTable t = new ResultTable("results").column(Columns.temperature())
                .column(Column.of("gibbs", "eV/atom", "G(P, T) per atom, lattice energy included").shown("G", "%.6f"))
                .column(Columns.error("gibbsError", "eV/atom", "G", "δG", "%.6f"));
        if (split) t.column(Columns.statisticalError().notInText()).column(Columns.systematicError().notInText());
        t.column(fitForm("gibbs", "eV/atom", "G").notInText())
                .column(Column.of("volume", "Å^3/atom", "V*: the volume minimising A(V, T) + PV").shown("V*", "%.5f"))
                .column(Columns.error("volumeError", "Å^3/atom", "V*", "δV*", "%.5f"))
                .column(fitForm("volume", "Å^3/atom", "V*").shown("V* fit form", "%.5f"))
                .column(Column.of("expansion", "1/K", "α_L: linear thermal expansion coefficient").shown("α_L", "1e-6/K", 1e6, "%.2f"))
                .column(Columns.error("expansionError", "1/K", "α_L", "δα_L", "%.2f"))
                .column(fitForm("expansion", "1/K", "α_L").notInText())
                .column(Column.of("bulkModulus", "GPa", "B_T: isothermal bulk modulus at V*").shown("B_T", "%.4f"))
                .column(Columns.error("bulkModulusError", "GPa", "B_T", "δB_T", "%.4f"))
                .column(fitForm("bulkModulus", "GPa", "B_T").notInText())
                .column(Columns.perKelvin("entropy", "S = −∂G/∂T", "S"))
                .column(Columns.error("entropyError", "eV/(K atom)", "S", "δS", "%.4f"))
                .column(fitForm("entropy", "eV/(K atom)", "S").notInText())
                .column(Column.of("enthalpy", "eV/atom", "H = G + TS").shown("H", "%.6f"))
                .column(Columns.error("enthalpyError", "eV/atom", "H", "δH", "%.6f").notInText())
                .column(fitForm("enthalpy", "eV/atom", "H").notInText())
                .column(Columns.perKelvin("heatCapacity", "C_P = −T ∂²G/∂T²", "C_P"))
                .column(Columns.error("heatCapacityError", "eV/(K atom)", "C_P", "δC_P", "%.4f"))
                .column(fitForm("heatCapacity", "eV/(K atom)", "C_P").notInText())
                .column(Column.of("eosResidual", "eV/atom", "RMS residual of the equation-of-state fit of A(V)").shown("EOS res.", "%.2e"))
                .column(Column.of("solved", null, "α* inside the sampled α range at every volume and V* inside the sampled volumes")
                        .shown("solved", null));
        if (gradient) t.column(Columns.gradient());
        for (GibbsFreeEnergy r : rows) {
            List<Object> row = new ArrayList<>(List.of(r.temperature(), r.gibbs().value(), r.gibbs().error()));
            if (split) row.addAll(List.of(r.statisticalError(), r.systematicError()));
            row.add(r.gibbs().fitForm());
            for (Quantity q : new Quantity[] {r.volume(), r.expansion(), r.bulkModulus(), r.entropy(), r.enthalpy(), r.heatCapacity()}) {
                row.add(q.value());
                row.add(q.error());
                row.add(q.fitForm());
            }
            row.add(r.eosResidual());
            row.add(r.solved());
            if (gradient) row.add(r.gradient());
            t.row(row.toArray());
        }
        run.table(t).heading(String.format(Locale.ROOT, "phase %s at P = %s GPa, %s mode, %s error model; %d volumes %.4f–%.4f Å^3/atom, "
                + "A(V) fitted in (V/Vc)^(-2/3) to degree %d; G includes the lattice energy", estimator.phase(),
                number(estimator.pressure()), mode, errorModel, v.length, v[0], v[v.length - 1], estimator.eosDegree()));
        for (GibbsFreeEnergy r : rows) {
            if (!r.solved()) run.summary("not solved at " + TransitionFlags.kelvin(r.temperature()) + ": " + cause(r, v));
        }
        return run;
    }

    /** The A(V) fit form's spread of a quantity: systematic, beside its bar. */
    private static Column fitForm(String name, String unit, String of) {
        return Column.of(name + "FitForm", unit, "the A(V) fit form's spread of " + of
                + " (half its range over the fit's degrees m - 1, m, m + 1): systematic, beside the error bar, not in it");
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
