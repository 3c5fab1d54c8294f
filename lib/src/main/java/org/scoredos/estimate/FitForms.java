package org.scoredos.estimate;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The A(V) fit form's systematic part of a fixed-pressure result: each quantity's half range over
 * the fit of degree m and those one degree below and above ({@link EquationOfState#neighbours}),
 * which the volumes admit about as well. Like the score orders' spread of F it is reported beside
 * the bar, not added to it: it is not noise, and the form that is right is not known. The other
 * forms give values only ({@link GibbsValues}): their bars are never read.
 */
final class FitForms {
    private FitForms() {}

    /** {@code main} with every quantity's {@link GibbsFreeEnergy.Quantity#fitForm} from the other forms' values at its T and P. */
    static GibbsFreeEnergy spread(GibbsFreeEnergy main, List<GibbsValues> others) {
        return new GibbsFreeEnergy(main.temperature(), main.pressure(), spread(main.gibbs(), others, GibbsValues::gibbs),
                main.statisticalError(), main.systematicError(), spread(main.volume(), others, GibbsValues::volume),
                spread(main.expansion(), others, GibbsValues::expansion), spread(main.bulkModulus(), others, GibbsValues::bulkModulus),
                spread(main.entropy(), others, GibbsValues::entropy), spread(main.enthalpy(), others, GibbsValues::enthalpy),
                spread(main.heatCapacity(), others, GibbsValues::heatCapacity), main.eosResidual(), main.alphaStar(), main.solved(),
                main.gradient());
    }

    private static GibbsFreeEnergy.Quantity spread(GibbsFreeEnergy.Quantity q, List<GibbsValues> others, ToDoubleFunction<GibbsValues> of) {
        double lowest = q.value(), highest = q.value();
        for (GibbsValues o : others) {
            double x = of.applyAsDouble(o);
            if (!Double.isFinite(x)) continue;
            lowest = Math.min(lowest, x);
            highest = Math.max(highest, x);
        }
        return new GibbsFreeEnergy.Quantity(q.value(), q.error(), q.fitResidual(), 0.5 * (highest - lowest));
    }
}
