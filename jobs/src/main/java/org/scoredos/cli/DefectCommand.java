package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scoredos.cli.plot.PngPlots;
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
            "δG_f under the calibrated error model (default): statistical N_d·sqrt(δf_d² + δf_p²) of the independent campaigns "
                + "⊕ systematic, the spread of G_f itself over score orders p ± 1 of both cells (a bias common to both cancels); "
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

    @Option(names = "--plot", paramLabel = "FILE.png", description = "write G_f(T) with its error band, E_f and the unsolved region, as a PNG")
    Path plot;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        CommandSupport.checkOutput(plot, "--plot");
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        IsosurfacePhase d = PhaseLoader.isosurface(defect, "--defect"), p = PhaseLoader.isosurface(perfect, "--perfect");
        double[] theta = this.theta.read(err, d, p).theta();
        DefectFormation formation = DefectFormation.of(model.withScores(d, err), model.withScores(p, err), model.mode, model.errorModel);
        DefectFormation.Formation[] rows = formation.at(theta, ts, gradient);
        double staticEnergy = formation.staticEnergy(theta);
        switch (output.format) {
            case JSON -> JsonOutput.print(out, json(d.name(), p.name(), formation, staticEnergy, rows));
            case CSV -> csv(out, formation, staticEnergy, rows);
            default -> text(out, d.name(), p.name(), formation, staticEnergy, rows);
        }
        out.flush();
        long unsolved = java.util.Arrays.stream(rows).filter(r -> !r.solved()).count();
        if (unsolved > 0) {
            err.printf(Locale.ROOT, "defect: warning: %d of %d temperatures unsolved (α* at the edge of a cell's sampled range): "
                    + "G_f there is an extrapolation%n", unsolved, rows.length);
        }
        if (plot != null) {
            PngPlots.defectFormation(plot, d.name(), p.name(), staticEnergy, rows);
            err.println("defect: wrote " + plot);
        }
        return ExitCodes.OK;
    }

    private Map<String, Object> json(String d, String p, DefectFormation f, double staticEnergy, DefectFormation.Formation[] rows) {
        Map<String, Object> root = new LinkedHashMap<>();
        CommandSupport.declareConvention(root);
        root.put("units", "G_f, staticEnergy and their errors: eV per defect; gradient: eV per unit θ; cells' freeEnergy: eV/atom; K");
        root.put("defect", cell(d, f.defectAtoms()));
        root.put("perfect", cell(p, f.perfectAtoms()));
        root.put("mode", model.mode.name().toLowerCase(Locale.ROOT));
        root.put("errorModel", model.errorModel.name().toLowerCase(Locale.ROOT));
        root.put("staticEnergy", staticEnergy);
        List<Map<String, Object>> results = new ArrayList<>();
        for (DefectFormation.Formation r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("temperature", r.temperature());
            row.put("formationFreeEnergy", r.freeEnergy());
            row.put("error", TransitionFlags.finite(r.error()));
            if (!Double.isNaN(r.statisticalError())) { // the reference error model does not split its error bar
                row.put("statisticalError", r.statisticalError());
                row.put("systematicError", r.systematicError());
            }
            row.put("solved", r.solved());
            row.put("defect", TransitionFlags.json(r.defect()));
            row.put("perfect", TransitionFlags.json(r.perfect()));
            if (gradient) row.put("gradient", r.gradient());
            results.add(row);
        }
        root.put("results", results);
        return root;
    }

    private static Map<String, Object> cell(String name, int atoms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", name);
        m.put("atoms", atoms);
        return m;
    }

    private void csv(PrintWriter out, DefectFormation f, double staticEnergy, DefectFormation.Formation[] rows) {
        CommandSupport.conventionLine(out, "G_f and staticEnergy eV per defect, cell free energies eV/atom, K");
        out.printf(Locale.ROOT, "# defect atoms %d, perfect atoms %d, staticEnergy %s%n", f.defectAtoms(), f.perfectAtoms(), staticEnergy);
        StringBuilder head = new StringBuilder("temperature,formationFreeEnergy,error,statisticalError,systematicError,solved,"
                + "defectFreeEnergy,defectError,defectAlphaStar,defectSolved,perfectFreeEnergy,perfectError,perfectAlphaStar,perfectSolved");
        if (gradient) for (int k = 0; k < rows[0].gradient().length; k++) head.append(",gradient").append(k);
        out.println(head);
        for (DefectFormation.Formation r : rows) {
            StringBuilder row = new StringBuilder();
            row.append(r.temperature()).append(',').append(r.freeEnergy()).append(',').append(r.error()).append(',')
                    .append(r.statisticalError()).append(',').append(r.systematicError()).append(',').append(r.solved())
                    .append(',').append(csv(r.defect())).append(',').append(csv(r.perfect()));
            if (gradient) for (double g : r.gradient()) row.append(',').append(g);
            out.println(row);
        }
    }

    /** An error part, or "-" where the error model does not split the error bar. */
    private static String part(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.6f", value);
    }

    private static String csv(FreeEnergy f) {
        return f.freeEnergy() + "," + f.error() + "," + f.alphaStar() + "," + f.solved();
    }

    private void text(PrintWriter out, String d, String p, DefectFormation f, double staticEnergy, DefectFormation.Formation[] rows) {
        CommandSupport.conventionLine(out, "G_f eV per defect, cell free energies eV/atom, K");
        out.printf(Locale.ROOT, "G_f = F(%s, %d atoms) − (%d/%d)·F(%s, %d atoms), %s mode, %s error model%n", d, f.defectAtoms(),
                f.defectAtoms(), f.perfectAtoms(), p, f.perfectAtoms(), model.mode.name().toLowerCase(Locale.ROOT),
                model.errorModel.name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "static formation energy E_f = %.6f eV (0 K, the stores' reference structures)%n", staticEnergy);
        out.println("solved: α* inside both cells' sampled ranges; F of a cell per atom, relative to its θ·D_0");
        out.printf(Locale.ROOT, "%10s %12s %10s %11s %10s %6s  %14s %9s %6s  %14s %9s %6s%n", "T (K)", "G_f (eV)", "±δG_f",
                "statistical", "systematic", "solved", "F(" + d + ")", "±δF", "solved", "F(" + p + ")", "±δF", "solved");
        for (DefectFormation.Formation r : rows) {
            out.printf(Locale.ROOT, "%10.2f %12.6f %10.6f %11s %10s %6s  %14.9f %9.6f %6s  %14.9f %9.6f %6s%n", r.temperature(), r.freeEnergy(),
                    r.error(), part(r.statisticalError()), part(r.systematicError()), r.solved() ? "yes" : "no",
                    r.defect().freeEnergy(), r.defect().error(), r.defect().solved() ? "yes" : "no", r.perfect().freeEnergy(), r.perfect().error(), r.perfect().solved() ? "yes" : "no");
            if (gradient) {
                StringBuilder g = new StringBuilder("           ∂G_f/∂θ:");
                for (double x : r.gradient()) g.append(' ').append(String.format(Locale.ROOT, "%.9g", x));
                out.println(g);
            }
        }
    }
}
