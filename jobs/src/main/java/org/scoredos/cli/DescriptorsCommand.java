package org.scoredos.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.model.ModelDescription;
import org.scoredos.structure.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scoredos descriptors}: the SNAP bispectrum of one structure, as LAMMPS computes it. */
@Command(
        name = "descriptors",
        mixinStandardHelpOptions = true,
        description = {
            "SNAP bispectrum of a structure, component for component as LAMMPS's compute sna/atom: the average "
                    + "over atoms (compute reduce ave; the descriptor D of the method) and optionally every atom's vector.",
            "",
            "The bispectrum settings, radii and weights come from --model FILE.snap, or from --params with --coeff when "
                    + "given, else radius 0.5 and weight 1 (rcut = rcutfac)."
        })
final class DescriptorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--structure", required = true, paramLabel = "FILE",
            description = "structure: " + CommandSupport.STRUCTURE_FORMATS)
    Path structure;

    @Mixin
    ModelOptions model;

    @Option(names = "--per-atom", description = "also print every atom's bispectrum")
    boolean perAtom;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        ModelDescription description = model.read(false);
        SnapBispectrum bispectrum = description.bispectrum();
        Structure s = ModelOptions.structure(structure, description);
        ModelOptions.announce(spec.commandLine().getErr(), "descriptors", s.size(), false);
        double[][] atoms = bispectrum.perAtom(s);
        double[] average = new double[bispectrum.descriptorCount()];
        for (double[] atom : atoms) for (int k = 0; k < average.length; k++) average[k] += atom[k];
        for (int k = 0; k < average.length; k++) average[k] /= s.size();

        Renderers.print(result(bispectrum, s.size(), average, atoms), output.format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /**
     * The average D (JSON {@code average}, as before), the same values beside each component's
     * (2j1, 2j2, 2j) in the table {@code bispectrum}, and with --per-atom the N×d matrix {@code perAtom}.
     * Bispectrum components are dimensionless.
     */
    private Result result(SnapBispectrum bispectrum, int natoms, double[] average, double[][] atoms) {
        Result result = new Result("descriptors").withoutConvention();
        result.fields().put("structure", structure.toString()).put("model", model.source())
                .put("natoms", null, "atoms in the structure", natoms)
                .put("components", null, "descriptor components d (bispectrum, plus the quadratic terms with quadraticflag 1)", average.length)
                .put("twojmax", null, "2J, the bispectrum's band limit", bispectrum.parameters().twojmax())
                .put("average", null, "the descriptor D: each component averaged over the atoms (compute reduce ave), dimensionless", average);
        result.heading(String.format(Locale.ROOT, "SNAP bispectrum of %s: %d atoms, %d components (2J = %d), dimensionless", structure, natoms,
                average.length, bispectrum.parameters().twojmax()));
        ResultTable table = new ResultTable("bispectrum")
                .column(Column.of("component", null, "component index from 1, as LAMMPS's c_sna[k]").shown("component", "%d"))
                .column(Column.of("twoJ1", null, "2j1 of the component (none for a quadratic term)").shown("2j1", "%d"))
                .column(Column.of("twoJ2", null, "2j2 of the component (none for a quadratic term)").shown("2j2", "%d"))
                .column(Column.of("twoJ", null, "2j of the component (none for a quadratic term)").shown("2j", "%d"))
                .column(Column.of("average", null, "the component averaged over the atoms, dimensionless").shown("average", "%.15g"));
        for (int k = 0; k < average.length; k++) {
            int[] t = k < bispectrum.bispectrumCount() ? bispectrum.triple(k) : null;
            table.row(k + 1, t == null ? null : t[0], t == null ? null : t[1], t == null ? null : t[2], average[k]);
        }
        result.table(table);
        if (perAtom) {
            ResultTable each = new ResultTable("perAtom");
            for (int k = 1; k <= average.length; k++) each.column(Column.of("B" + k, null, null).shown("B" + k, "%.15g"));
            each.asMatrix("every atom's bispectrum, atoms in the structure's order, components B1 … Bd (dimensionless)");
            for (double[] atom : atoms) each.row(java.util.Arrays.stream(atom).boxed().toArray());
            result.table(each);
        }
        return result;
    }
}
