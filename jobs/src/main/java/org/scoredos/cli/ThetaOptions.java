package org.scoredos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.io.BadInputException;
import org.scoredos.model.ModelDescription;
import org.scoredos.model.ModelFiles;
import org.scoredos.model.QuadraticBlock;
import org.scoredos.estimate.StoredPhase;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the estimation commands take θ from (a picocli mixin): {@code --coeff} (a single-element
 * .snapcoeff or a plain list) or {@code --model FILE.snap} (its single element's β, and its fixed
 * terms, which must be the stores').
 */
final class ThetaOptions {
    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--coeff", paramLabel = "FILE",
            description = "θ: a single-element LAMMPS .snapcoeff (β0 kept aside) or a plain list of the d numbers")
    Path coeff;

    @Option(names = "--model", paramLabel = "FILE.snap",
            description = "θ from a LAMMPS model file (one SNAP element; a ZBL overlay must be the one the store was sampled with; "
                    + "a quadratic model's products block, where the store records it as a fixed term, must be that one), "
                    + "instead of --coeff")
    Path model;

    /** The file θ comes from. */
    Path source() {
        if ((coeff == null) == (model == null)) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "give θ as --coeff FILE or --model FILE.snap (one of them)");
        }
        return coeff != null ? coeff : model;
    }

    /**
     * The model description θ belongs to: from --model, or a pure SNAP model of --params and --coeff.
     * A quadratic model against stores that record its products block as a fixed term is taken in
     * that form (θ its linear β), so the block is checked with the fixed terms.
     */
    ModelDescription description(Path params, StoredPhase... phases) throws IOException {
        source();
        if (model == null) return ModelFiles.snap(params, coeff);
        ModelDescription d = singleElement(ModelFiles.lammps(model));
        return d.snap().quadratic() && productsFixed(phases) ? d.withFixedQuadratic() : d;
    }

    /** θ, checked against the phases' stores (see {@link CommandSupport#theta}). */
    CoefficientFile read(PrintWriter err, StoredPhase... phases) throws IOException {
        Path from = source();
        if (model == null) return CommandSupport.theta(from, CommandSupport.coefficients(from, phases), err, phases);
        ModelDescription d = description(null, phases);
        return CommandSupport.theta(from, CoefficientFile.of(d.elements().get(0), d.fixedTerms()), err, phases);
    }

    private static boolean productsFixed(StoredPhase... phases) {
        for (StoredPhase p : phases) {
            if (p.model() != null && p.model().terms().stream().anyMatch(t -> t instanceof QuadraticBlock)) return true;
        }
        return false;
    }

    /** The estimation works on one element's θ; its fixed terms are checked against the stores' with θ. */
    private ModelDescription singleElement(ModelDescription d) {
        if (d.elements().size() != 1) {
            throw new BadInputException(model + ": the estimation needs a single-element model, this one has " + d.elements().size());
        }
        return d;
    }
}
