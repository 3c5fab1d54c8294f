package org.scoredos.cli;

import java.util.Locale;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.estimate.GibbsFreeEnergy.Quantity;
import org.scoredos.estimate.ThermalProperties;

/** {@code estimate --thermo}: F, S, E and C_V at the store's volume, as a result table. */
final class ThermoReport {
    private ThermoReport() {}

    /** @param run the phase, store, model and method fields every estimate result starts with */
    static Result of(Result run, String phase, String method, double lattice, ThermalProperties.Row[] rows) {
        run.fields().put("latticeEnergy", "eV/atom", "θ·D_0: the model's energy of the perfect lattice, excluded from F and E", lattice)
                .put("derivatives", "central differences of F over T ± min(1 K, T/4)");
        ResultTable t = new ResultTable("results").column(Columns.temperature())
                .column(Columns.freeEnergy("F − θ·D_0 at the sampled volume (lattice energy excluded)").shown("F", "%.6f"))
                .column(Columns.error("freeEnergyError", "eV/atom", "F", "δF", "%.6f"))
                .column(Columns.perKelvin("entropy", "S = −∂F/∂T", "S"))
                .column(Columns.error("entropyError", "eV/(K atom)", "S", "δS", "%.4f"))
                .column(Column.of("energy", "eV/atom", "E = F + TS (lattice energy excluded)").shown("E", "%.6f"))
                .column(Columns.error("energyError", "eV/atom", "E", "δE", "%.6f"))
                .column(Columns.perKelvin("heatCapacity", "C_V = −T ∂²F/∂T²", "C_V"))
                .column(Columns.error("heatCapacityError", "eV/(K atom)", "C_V", "δC_V", "%.4f"))
                .column(Columns.alphaStar().notInText())
                .column(Column.of("solved", null, "α* inside the sampled α range at T and T ± h").shown("solved", null));
        for (ThermalProperties.Row r : rows) {
            Quantity f = r.freeEnergy(), s = r.entropy(), e = r.energy(), c = r.heatCapacity();
            t.row(r.temperature(), f.value(), f.error(), s.value(), s.error(), e.value(), e.error(), c.value(), c.error(), r.alphaStar(), r.solved());
        }
        return run.table(t)
                .heading(String.format(Locale.ROOT, "phase %s at its sampled volume, %s; lattice energy θ·D_0 = %.9f eV/atom "
                        + "(excluded from F and E); S = −∂F/∂T, E = F + TS, C_V = −T∂²F/∂T²", phase, method, lattice))
                .summary("solved: α* inside the sampled α range at T and T ± h (no: an extrapolation)");
    }
}
