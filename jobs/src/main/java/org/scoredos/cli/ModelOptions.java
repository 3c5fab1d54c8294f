package org.scoredos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.scoredos.model.ModelDescription;
import org.scoredos.model.ModelFiles;
import org.scoredos.structure.Structure;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How a command is given a model (a picocli mixin): a LAMMPS potential-library file
 * ({@code --model FILE.snap}, ZBL overlays and element mapping included), or a
 * {@code --params}/{@code --coeff} pair. Either way the command gets one {@link ModelDescription}.
 */
final class ModelOptions {
    /** From this size on, the commands say on stderr what they are doing (about 0.1 ms per atom). */
    static final int LARGE = 100_000;

    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--model", paramLabel = "FILE.snap",
            description = "LAMMPS model file (pair_style snap or hybrid/overlay zbl … snap, its pair_coeff lines; the "
                    + ".snapcoeff/.snapparam it names are found next to it, then in $LAMMPS_POTENTIALS); replaces --params/--coeff")
    Path model;

    @Option(names = "--params", paramLabel = "FILE", description = "LAMMPS .snapparam file (with --coeff, instead of --model)")
    Path params;

    @Option(names = "--coeff", paramLabel = "FILE", description = "LAMMPS .snapcoeff file or plain coefficient list (with --params)")
    Path coeff;

    @Option(names = "--elements", paramLabel = "EL", split = ",",
            description = "the element of each LAMMPS atom type, in type order (e.g. W,Mo), as pair_coeff * * … W Mo names them; "
                    + "with --params/--coeff (default: the .snapcoeff's block order). Extended XYZ species are matched by name")
    java.util.List<String> elements;

    /** The model; {@code coefficientsNeeded}: whether --params alone (a descriptor without coefficients) is refused. */
    ModelDescription read(boolean coefficientsNeeded) throws IOException {
        CommandLine cl = mixee.commandLine();
        if (model != null) {
            if (params != null || coeff != null) throw new CommandLine.ParameterException(cl, "--model replaces --params and --coeff: give one or the other");
            if (elements != null) throw new CommandLine.ParameterException(cl, "--model names its types on its pair_coeff line: --elements goes with --params/--coeff");
            return ModelFiles.lammps(model);
        }
        if (params == null) throw new CommandLine.ParameterException(cl, "a model is needed: --model FILE.snap, or --params and --coeff");
        if (coefficientsNeeded && coeff == null) throw new CommandLine.ParameterException(cl, "--params needs --coeff (or give --model FILE.snap)");
        ModelDescription d = ModelFiles.snap(params, coeff);
        return elements == null ? d : d.withTypes(elements, "--elements");
    }

    /** Where the model came from, as the result's metadata names it: the --model file, or the --params and --coeff files. */
    String source() {
        if (model != null) return model.toString();
        return coeff == null ? params.toString() : params + " " + coeff;
    }

    /** The structure file with its species matched to the model's elements ({@link ModelDescription#typed}). */
    static Structure structure(Path file, ModelDescription d) throws IOException {
        return d.typed(StructureInput.read(file), file.toString());
    }

    /** One progress line on stderr for large structures. */
    static void announce(PrintWriter err, String command, int natoms, boolean forces) {
        if (natoms < LARGE) return;
        err.printf(Locale.ROOT, "scoredos %s: %d atoms, about %.0f s%n", command, natoms, natoms * (forces ? 1e-4 : 4e-5));
        err.flush();
    }
}
