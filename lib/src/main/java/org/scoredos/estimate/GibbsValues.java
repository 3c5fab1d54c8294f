package org.scoredos.estimate;

import org.scoredos.units.Units;

/**
 * G(P, T) and what follows from it at one temperature for one A(V) fit form, values only: A_i =
 * lattice_i + F_i fitted and A(V) + PV minimised at T − δ, T and T + δ, the temperature derivatives
 * central differences over them. All the fit form's spread reads ({@link FitForms}); the full result
 * ({@link GibbsEstimator#at}) adds the bars, residual parts and ∂G/∂θ to it.
 */
final class GibbsValues {
    private final double temperature, step;
    /** Per point of the stencil (T − δ, T, T + δ): the per-volume A_i, the fit's coefficients, V* and A(V*) + PV*. */
    private final double[][] energies, fits;
    private final double[] minima, gibbs;
    /** d²A/dV² at V* of T. */
    private final double curvature;

    private GibbsValues(double temperature, double step, double[][] energies, double[][] fits, double[] minima, double[] gibbs,
            double curvature) {
        this.temperature = temperature;
        this.step = step;
        this.energies = energies;
        this.fits = fits;
        this.minima = minima;
        this.gibbs = gibbs;
        this.curvature = curvature;
    }

    /**
     * From the per-volume estimates f[i] at columns c, c+1, c+2 (T − δ, T, T + δ) with lattice energies
     * {@code lattice}, A(V) fitted with {@code eos}; {@code pressure} in eV/Å³.
     */
    static GibbsValues of(EquationOfState eos, double pressure, FreeEnergy[][] f, double[] lattice, int c, double step) {
        int n = lattice.length;
        double[][] energies = new double[3][n], fits = new double[3][];
        double[] minima = new double[3], gibbs = new double[3];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n; i++) energies[k][i] = lattice[i] + f[i][c + k].freeEnergy();
            fits[k] = eos.fit(energies[k]);
            minima[k] = eos.minimum(fits[k], pressure);
            gibbs[k] = eos.value(fits[k], minima[k]) + pressure * minima[k];
        }
        return new GibbsValues(f[0][c + 1].temperature(), step, energies, fits, minima, gibbs, eos.curvature(fits[1], minima[1]));
    }

    /** T, K. */
    double temperature() {
        return temperature;
    }

    /** G, eV/atom. */
    double gibbs() {
        return gibbs[1];
    }

    /** V*, Å³/atom. */
    double volume() {
        return minima[1];
    }

    /** (1/3V*) d(V*)/dT, 1/K. */
    double expansion() {
        return (minima[2] - minima[0]) / (2 * step) / (3 * minima[1]);
    }

    /** B_T = V* d²A/dV², GPa. */
    double bulkModulus() {
        return minima[1] * curvature * Units.GPA_PER_EV_PER_A3;
    }

    /** S = −dG/dT, eV/(K·atom). */
    double entropy() {
        return -(gibbs[2] - gibbs[0]) / (2 * step);
    }

    /** H = G + TS, eV/atom. */
    double enthalpy() {
        return gibbs[1] + temperature * entropy();
    }

    /** C_P = −T d²G/dT², eV/(K·atom). */
    double heatCapacity() {
        return -temperature * (gibbs[2] - 2 * gibbs[1] + gibbs[0]) / (step * step);
    }

    /** d²A/dV² at V* of T, eV/Å⁶. */
    double curvature() {
        return curvature;
    }

    /** The per-volume A_i at stencil point k (0, 1, 2: T − δ, T, T + δ). */
    double[] energies(int k) {
        return energies[k];
    }

    /** The A(V) fit's coefficients at stencil point k. */
    double[] fit(int k) {
        return fits[k];
    }

    /** V* at stencil point k, Å³/atom. */
    double minimum(int k) {
        return minima[k];
    }
}
