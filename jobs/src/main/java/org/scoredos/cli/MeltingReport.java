package org.scoredos.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.estimate.MeltingShift;

/** {@code transition --reference-tc}: T_m(θ) of a solid and a liquid in difference mode, relative to a given T_m(θ_ref). */
final class MeltingReport {
    private final CommandSupport.NamedPhase solid, liquid;
    private final String model;
    private final MeltingShift.Result r;

    MeltingReport(CommandSupport.NamedPhase solid, CommandSupport.NamedPhase liquid, String model, MeltingShift.Result r) {
        this.solid = solid;
        this.liquid = liquid;
        this.model = model;
        this.r = r;
    }

    void write(PrintWriter out, PrintWriter err, OutputFormat format) {
        Renderers.print(result(), format, out);
        if (format != OutputFormat.TEXT) err.println("transition: " + summary());
        if (!r.solved()) {
            err.printf(Locale.ROOT, "transition: warning: T_m(θ) = %.2f K is unsolved (outside the liquid's sampled temperatures, "
                    + "an estimate unsolved there, or no convergence)%n", r.tm());
        }
    }

    private String summary() {
        return String.format(Locale.ROOT, "T_m(θ) = %.2f ± %.2f K: δT_m = %+.2f K from T_m(θ_ref) = %s K%s; dropped curvature %+.3f K",
                r.tm(), r.tmError(), r.shiftOfTm(), TransitionFlags.number(r.referenceTm()), r.solved() ? "" : ", unsolved", r.curvature());
    }

    private Result result() {
        Result result = new Result("transition");
        result.fields().record("solid").put("phase", solid.name()).put("store", solid.path().toString());
        result.fields().record("liquid").put("phase", liquid.name()).put("store", liquid.path().toString());
        result.fields().put("model", model);
        ResultTable t = new ResultTable("meltingPoint")
                .column(Column.of("referenceTm", "K", "T_m(θ_ref), given (--reference-tc)").shown("T_m(ref)", "%.2f"))
                .column(Column.of("tm", "K", "T_m(θ): root of −ΔS_ref (T − T_m) + δ(T)").shown("T_m(θ)", "%.2f"))
                .column(Columns.error("tmError", "K", "T_m(θ): (δ's bar ⊕ |δT_m| δΔS) / (ΔS_ref − ∂δ/∂T)", "δT_m", "%.2f"))
                .column(Column.of("deltaTm", "K", "δT_m = T_m(θ) − T_m(θ_ref)").shown("δT_m", "%+.2f"))
                .column(Column.of("solved", null, "T_m(θ) inside the liquid's sampled temperatures and every estimate there solved")
                        .shown("solved", null))
                .column(Column.of("latentHeat", "eV/atom", "E_liq − E_sol of θ_ref at T_m (fixed volumes: ΔU)").shown("latent heat", "%.5f"))
                .column(Columns.error("latentHeatError", "eV/atom", "the latent heat", "δ", "%.5f"))
                .column(Columns.perKelvin("entropy", "ΔS_ref = latent heat / T_m", "ΔS_ref"))
                .column(Column.of("entropyError", "eV/(K atom)", "error bar of ΔS_ref").plusMinus("δ", "%.4f"))
                .column(Column.of("shift", "eV/atom", "δ = Δ_liq − Δ_sol at T_m(θ), Δ = F_θ − F_ref").shown("δ", "meV/atom", 1e3, "%.3f"))
                .column(Columns.error("shiftError", "eV/atom", "δ", "δ", "%.3f"))
                .column(Column.of("liquidShift", "eV/atom", "Δ_liq = F_θ − F_ref of the liquid at T_m(θ)").notInText())
                .column(Column.of("liquidShiftError", "eV/atom", "error bar of Δ_liq").notInText())
                .column(Column.of("solidShift", "eV/atom", "Δ_sol = [θ·D_0 + F_θ] − [θ_ref·D_0 + F_ref] of the solid at T_m(θ)").notInText())
                .column(Column.of("solidShiftError", "eV/atom", "error bar of Δ_sol").notInText())
                .column(Columns.perKelvin("heatCapacityDifference", "ΔC = C_liq − C_sol at T_m (NaN: one liquid cell)", "ΔC"))
                .column(Column.of("curvature", "K", "the dropped term's move of T_m(θ), −ΔC δT_m²/(2 T_m ΔS_ref): not added")
                        .shown("curvature", "%+.3f"))
                .column(Column.of("iterations", null, "fixed-point iterations").notInText())
                .column(Column.of("gradient", "K per unit θ", "∂T_m/∂θ = (D*_liq − D*_sol)/(ΔS_ref − ∂δ/∂T), one value per component")
                        .shown("∂T_m/∂θ", "%.6g"));
        t.row(r.referenceTm(), r.tm(), r.tmError(), r.shiftOfTm(), r.solved(), r.latentHeat().value(), r.latentHeat().error(),
                r.entropy().value(), r.entropy().error(), r.shift().value(), r.shift().error(), r.liquidShift().value(),
                r.liquidShift().error(), r.solidShift().value(), r.solidShift().error(), r.heatCapacityDifference(), r.curvature(),
                r.iterations(), r.gradient());
        return result.table(t)
                .heading(String.format(Locale.ROOT, "melting point of θ relative to θ_ref's (--reference-tc): solid %s, liquid %s in "
                        + "difference mode (F_θ − F_ref)", solid.name(), liquid.name()))
                .heading("ΔG_θ(T) = −ΔS_ref (T − T_m) + δ(T), each phase at its store's fixed volume (NVT: the latent heat is ΔU)")
                .summary(summary());
    }
}
