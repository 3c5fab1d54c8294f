package org.scoredos.cli;

import org.scoredos.cli.result.Column;
import org.scoredos.units.Units;

/** The columns several commands' results share, declared once with their units and wording. */
final class Columns {
    static final String SOLVED = "α* inside the sampled α range (false: at its edge, the value is an extrapolation)";

    private Columns() {}

    static Column temperature() {
        return Column.of("temperature", "K", "temperature").shown("T", "%.2f");
    }

    /** F relative to the lattice energy θ·D_0, in eV/atom. */
    static Column freeEnergy(String description) {
        return Column.of("freeEnergy", "eV/atom", description).shown("F", "%.9f");
    }

    /** The error bar of the column before it, in its unit. */
    static Column error(String name, String unit, String of, String label, String pattern) {
        return Column.of(name, unit, "error bar of " + of).plusMinus(label, pattern);
    }

    static Column statisticalError() {
        return Column.of("statisticalError", "eV/atom", "statistical part of the error bar (sampling)").shown("statistical", "%.6f");
    }

    static Column systematicError() {
        return Column.of("systematicError", "eV/atom", "systematic part of the error bar (score-fit truncation)").shown("systematic", "%.6f");
    }

    static Column alphaStar() {
        return Column.of("alphaStar", null, "the optimal isosurface α* (dimensionless)").shown("α*", "%.5f");
    }

    static Column solved() {
        return Column.of("solved", null, SOLVED).shown("solved", null);
    }

    /** An entropy or heat capacity: eV/(K atom) in JSON and CSV, k_B/atom in the text table. */
    static Column perKelvin(String name, String description, String label) {
        return Column.of(name, "eV/(K atom)", description).shown(label, "k_B/atom", 1 / Units.KB, "%.4f");
    }

    static Column gradient() {
        return Column.of("gradient", "eV/atom per unit θ", "∂(θ·D_0 + F)/∂θ: the thermal-average descriptor, one value per component")
                .shown("gradient", "%.9g");
    }
}
