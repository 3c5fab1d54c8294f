package org.scoredos.estimate;

/**
 * The Gibbs free energy of a phase at one pressure and temperature, per atom, and what follows
 * from it. Each quantity carries its error bar: its statistical part — with jackknife replicas of
 * the volumes (a campaign's shards, {@link Jackknife}) and the calibrated model, the replicas'
 * spread, which counts the correlation between volumes; otherwise propagated linearly from the
 * per-volume free energies' error bars through the equation of state's weights: the calibrated
 * model's bars (statistical parts) as independent between volumes (an upper bound for V* and B_T:
 * the strains share their random numbers), the reference model's bands moving all volumes together,
 * and temperature derivatives taking the error band as correlated between neighbouring
 * temperatures (δS is the slope of δG(T)) — in quadrature with the A(V) fit residual's part
 * ({@link Quantity#fitResidual}). Beside the bar, not in it, the fit form's spread
 * ({@link Quantity#fitForm}).
 *
 * @param temperature  T, K
 * @param pressure     P, GPa
 * @param gibbs        G = min_V [A(V, T) + PV], eV/atom (lattice energy included)
 * @param statisticalError the statistical part of δG, eV/atom (NaN under the reference error model)
 * @param systematicError  the score orders' spread of G, reported beside δG and not in it, eV/atom (NaN under the reference error model)
 * @param volume       V*, Å³/atom
 * @param expansion    the linear thermal expansion coefficient (1/3V*) d(V*)/dT, 1/K
 * @param bulkModulus  the isothermal bulk modulus B_T = V* ∂²A/∂V², GPa
 * @param entropy      S = −∂G/∂T, eV/(K·atom)
 * @param enthalpy     H = G + TS, eV/atom
 * @param heatCapacity C_P = −T ∂²G/∂T², eV/(K·atom)
 * @param eosResidual  the standard error of the A(V) fit at T, eV/atom
 * @param alphaStar    α* of the sampled volume nearest V*, Å² (log scale)
 * @param solved       V* strictly inside the sampled volumes and every volume solved (α* inside
 *                     its sampled range) at T and its neighbouring temperatures; else G is an extrapolation
 * @param gradient     ∂G/∂θ, the envelope derivative Σ_i w_i(V*) ∂A_i/∂θ, or null when not asked for
 */
public record GibbsFreeEnergy(double temperature, double pressure, Quantity gibbs, double statisticalError, double systematicError,
        Quantity volume, Quantity expansion, Quantity bulkModulus, Quantity entropy, Quantity enthalpy, Quantity heatCapacity,
        double eosResidual, double alphaStar, boolean solved, double[] gradient) {

    /**
     * A value and its error bar, in the units of the field that holds it.
     *
     * @param fitResidual the part of {@code error} from the A(V) fit's residual: the per-volume values'
     *                    scatter about the fit, taken as independent between volumes and carried
     *                    through the fit's weights (r·|q| for Σ_i q_i y_i, r the residual of the y_i's
     *                    fit). It is what the volumes' shared sample sets cannot see: each cell's frame
     *                    is fixed once per campaign and is the same in every jackknife replica
     *                    (method.md, "Error bars that count the correlation"); 0 where not computed
     * @param fitForm     half the range of the value over the A(V) fit's degrees m − 1, m and m + 1
     *                    ({@link EquationOfState#neighbours}): systematic, reported beside the bar and
     *                    not in it; NaN where not computed
     */
    public record Quantity(double value, double error, double fitResidual, double fitForm) {
        /** Without a fit: no residual part, no form spread. */
        public Quantity(double value, double error) {
            this(value, error, 0, Double.NaN);
        }
    }
}
