package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scoredos.cli.plot.Plots;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.estimate.DefectFormation;
import org.scoredos.estimate.FreeEnergy;
import org.scoredos.estimate.IsosurfacePhase;
import org.scoredos.estimate.PhaseLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** G_f(θ, T) of a defect from the summaries of a defect cell and of the perfect crystal. */
@Command(name = "defect", mixinStandardHelpOptions = true,
        description = {"Free energy of formation of a defect, G_f(θ, T) = F_d − (N_d/N_p)·F_p, in eV per defect: F_d the total "
                + "free energy of the defect cell (N_d atoms, --defect), F_p that of the perfect crystal (N_p atoms, --perfect), "
                + "both estimated from their own campaigns for the same θ; the atom counts are the stores'. Per temperature: "
                + "G_f, its error bar δG_f, whether both cells are solved (α* inside the sampled range), both cells' F per atom, "
                + "and with --gradient the exact ∂G_f/∂θ.",
            "δG_f under the calibrated error model (default): the statistical N_d·sqrt(δf_d² + δf_p²) of the independent campaigns; "
                + "reported beside it, the systematic part, the spread of G_f itself over score orders p ± 1 of both cells; "
                + "under the reference model N_d·sqrt(δF_d² + δF_p²) of the cells' bars.",
            "The static formation energy E_f = N_d θ·(D_0^d − D_0^p) (0 K, the stores' reference structures) is given "
                + "too. Both cells are in the estimators' 3N convention (lib/docs/accuracy.md, \"Free-energy convention\"). Temperatures in K."})
final class DefectCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--defect", required = true, paramLabel = "DIR",
            description = "summary store of the cell holding the defect (its campaign relaxed it: relax in the config)")
    Path defect;

    @Option(names = "--perfect", required = true, paramLabel = "DIR", description = "summary store of the perfect crystal")
    Path perfect;

    @Mixin
    ThetaOptions theta;

    @Option(names = "--temperatures", defaultValue = "500:2500:21", paramLabel = "T",
            description = "LO:HI:N or a comma-separated list, in K (default: ${DEFAULT-VALUE})")
    String temperatures;

    @Option(names = "--gradient", description = "also give ∂G_f/∂θ, eV per unit θ")
    boolean gradient;

    @Mixin
    PhaseModelOptions model;

    @Option(names = "--plot", paramLabel = "FILE", description = "write G_f(T) with its error band, E_f and the unsolved region" + CommandSupport.PLOT_FORMATS)
    Path plot;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        CommandSupport.checkPlot(plot, "--plot");
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        IsosurfacePhase d = PhaseLoader.isosurface(defect, "--defect"), p = PhaseLoader.isosurface(perfect, "--perfect");
        double[] theta = this.theta.read(err, d, p).theta();
        DefectFormation formation = DefectFormation.of(model.withScores(d, err), model.withScores(p, err), model.mode, model.errorModel);
        DefectFormation.Formation[] rows = formation.at(theta, ts, gradient);
        double staticEnergy = formation.staticEnergy(theta);
        Renderers.print(result(d.name(), p.name(), formation, staticEnergy, rows), output.format, out);
        long unsolved = java.util.Arrays.stream(rows).filter(r -> !r.solved()).count();
        if (unsolved > 0) {
            err.printf(Locale.ROOT, "defect: warning: %d of %d temperatures unsolved (α* at the edge of a cell's sampled range): "
                    + "G_f there is an extrapolation%n", unsolved, rows.length);
        }
        if (plot != null) {
            Plots.defectFormation(plot, d.name(), p.name(), staticEnergy, rows);
            err.println("defect: wrote " + plot);
        }
        return ExitCodes.OK;
    }

    private Result result(String d, String p, DefectFormation f, double staticEnergy, DefectFormation.Formation[] rows) {
        Result result = new Result("defect").conventionUnits("G_f and staticEnergy eV per defect, cell free energies eV/atom, K");
        String mode = model.mode.name().toLowerCase(Locale.ROOT), errors = model.errorModel.name().toLowerCase(Locale.ROOT);
        result.fields().record("defect").put("phase", d).put("store", defect.toString()).put("atoms", null, "atoms in the cell", f.defectAtoms());
        result.fields().record("perfect").put("phase", p).put("store", perfect.toString()).put("atoms", null, "atoms in the cell", f.perfectAtoms());
        result.fields().put("model", theta.source().toString()).put("mode", mode).put("errorModel", errors)
                .put("staticEnergy", "eV per defect", "E_f: the static (0 K) formation energy of the stores' reference structures", staticEnergy);
        boolean split = rows.length > 0 && !Double.isNaN(rows[0].statisticalError()); // the reference error model does not split its error bar
        ResultTable t = new ResultTable("results").column(Columns.temperature())
                .column(Column.of("formationFreeEnergy", "eV per defect", "G_f = F(defect) − (N_d/N_p)·F(perfect), each cell's θ·D_0 + F")
                        .shown("G_f", "%.6f"))
                .column(Columns.error("error", "eV per defect", "G_f", "δG_f", "%.6f"));
        if (split) {
            t.column(Column.of("statisticalError", "eV per defect", "statistical part of δG_f").shown("statistical", "%.6f"))
                    .column(Column.of("systematicError", "eV per defect", "systematic part of δG_f").shown("systematic", "%.6f"));
        }
        t.column(Column.of("solved", null, "α* inside both cells' sampled ranges").shown("solved", null));
        String[] cells = {"defect", "perfect"}, names = {d, p};
        for (int c = 0; c < 2; c++) {
            t.column(Column.of("freeEnergy", "eV/atom", "F − θ·D_0 of the " + cells[c] + " cell").in(cells[c]).shown("F(" + names[c] + ")", "%.9f"))
                    .column(Columns.error("error", "eV/atom", "F of the " + cells[c] + " cell", "δF", "%.6f").in(cells[c]))
                    .column(Columns.alphaStar().in(cells[c]).notInText())
                    .column(Columns.solved().in(cells[c]));
        }
        if (gradient) t.column(Column.of("gradient", "eV per defect per unit θ", "∂G_f/∂θ, one value per component").shown("∂G_f/∂θ", "%.9g"));
        for (DefectFormation.Formation r : rows) {
            List<Object> row = new ArrayList<>(List.of(r.temperature(), r.freeEnergy(), r.error()));
            if (split) row.addAll(List.of(r.statisticalError(), r.systematicError()));
            row.add(r.solved());
            for (FreeEnergy cell : new FreeEnergy[] {r.defect(), r.perfect()}) row.addAll(List.of(cell.freeEnergy(), cell.error(), cell.alphaStar(), cell.solved()));
            if (gradient) row.add(r.gradient());
            t.row(row.toArray());
        }
        return result.table(t)
                .heading(String.format(Locale.ROOT, "G_f = F(%s, %d atoms) − (%d/%d)·F(%s, %d atoms), %s mode, %s error model", d, f.defectAtoms(),
                        f.defectAtoms(), f.perfectAtoms(), p, f.perfectAtoms(), mode, errors))
                .heading(String.format(Locale.ROOT, "static formation energy E_f = %.6f eV (0 K, the stores' reference structures)", staticEnergy))
                .heading("solved: α* inside both cells' sampled ranges; F of a cell per atom, relative to its θ·D_0");
    }
}
