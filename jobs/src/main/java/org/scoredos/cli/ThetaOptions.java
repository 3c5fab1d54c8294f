package org.scoredos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.io.BadInputException;
import org.scoredos.model.ModelDescription;
import org.scoredos.model.ModelFiles;
import org.scoredos.estimate.StoredPhase;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the estimation commands take θ from (a picocli mixin): {@code --coeff} (a single-element
 * .snapcoeff or a plain list) or {@code --model FILE.snap} (its single element's β).
 */
final class ThetaOptions {
    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--coeff", paramLabel = "FILE",
            description = "θ: a single-element LAMMPS .snapcoeff (β0 kept aside) or a plain list of the d numbers")
    Path coeff;

    @Option(names = "--model", paramLabel = "FILE.snap",
            description = "θ from a LAMMPS model file (one SNAP element, no fixed terms such as ZBL), instead of --coeff")
    Path model;

    /** The file θ comes from. */
    Path source() {
        if ((coeff == null) == (model == null)) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "give θ as --coeff FILE or --model FILE.snap (one of them)");
        }
        return coeff != null ? coeff : model;
    }

    /** The model description θ belongs to: from --model, or a pure SNAP model of --params and --coeff. */
    ModelDescription description(Path params) throws IOException {
        source();
        if (model != null) return singleElementWithoutFixedTerms(ModelFiles.lammps(model));
        return ModelFiles.snap(params, coeff);
    }

    /** θ, checked against the phases' stores (see {@link CommandSupport#theta}). */
    CoefficientFile read(PrintWriter err, StoredPhase... phases) throws IOException {
        Path from = source();
        if (model == null) return CommandSupport.theta(from, CommandSupport.coefficients(from, phases), err, phases);
        ModelDescription d = singleElementWithoutFixedTerms(ModelFiles.lammps(model));
        return CommandSupport.theta(from, CoefficientFile.of(d.elements().get(0)), err, phases);
    }

    /**
     * The estimation works on one element's θ over the store's sampled descriptors: a fixed term
     * (ZBL) was not sampled with them, so its free energy would silently be missing.
     */
    private ModelDescription singleElementWithoutFixedTerms(ModelDescription d) {
        if (d.elements().size() != 1) {
            throw new BadInputException(model + ": the estimation needs a single-element model, this one has " + d.elements().size());
        }
        if (!d.fixedTerms().isEmpty()) {
            throw new BadInputException(model + ": fixed terms " + d.fixedTerms() + " are not part of the stores' descriptors; "
                    + "the free energy would miss them (give the SNAP part as --coeff to estimate it alone)");
        }
        return d;
    }
}
