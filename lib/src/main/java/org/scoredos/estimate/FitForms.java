package org.scoredos.estimate;

import java.util.List;
import java.util.function.Function;

/**
 * The A(V) fit form's systematic part of a fixed-pressure result: each quantity's half range over
 * the fit of degree m and those one degree below and above ({@link EquationOfState#neighbours}),
 * which the volumes admit about as well. Like the score orders' spread of F it is reported beside
 * the bar, not added to it: it is not noise, and the form that is right is not known.
 */
final class FitForms {
    private FitForms() {}

    /** {@code main} with every quantity's {@link GibbsFreeEnergy.Quantity#fitForm} from the other forms' results at its T and P. */
    static GibbsFreeEnergy spread(GibbsFreeEnergy main, List<GibbsFreeEnergy> others) {
        return new GibbsFreeEnergy(main.temperature(), main.pressure(), spread(main, others, GibbsFreeEnergy::gibbs),
                main.statisticalError(), main.systematicError(), spread(main, others, GibbsFreeEnergy::volume),
                spread(main, others, GibbsFreeEnergy::expansion), spread(main, others, GibbsFreeEnergy::bulkModulus),
                spread(main, others, GibbsFreeEnergy::entropy), spread(main, others, GibbsFreeEnergy::enthalpy),
                spread(main, others, GibbsFreeEnergy::heatCapacity), main.eosResidual(), main.alphaStar(), main.solved(),
                main.gradient());
    }

    private static GibbsFreeEnergy.Quantity spread(GibbsFreeEnergy main, List<GibbsFreeEnergy> others,
            Function<GibbsFreeEnergy, GibbsFreeEnergy.Quantity> of) {
        GibbsFreeEnergy.Quantity q = of.apply(main);
        double lowest = q.value(), highest = q.value();
        for (GibbsFreeEnergy o : others) {
            double x = of.apply(o).value();
            if (!Double.isFinite(x)) continue;
            lowest = Math.min(lowest, x);
            highest = Math.max(highest, x);
        }
        return new GibbsFreeEnergy.Quantity(q.value(), q.error(), q.fitResidual(), 0.5 * (highest - lowest));
    }
}
