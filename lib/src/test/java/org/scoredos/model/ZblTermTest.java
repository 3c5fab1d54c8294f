package org.scoredos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ZBL as LAMMPS pair zbl: the screened Coulomb core, and a switch that takes value, slope and curvature to 0 at the cutoff. */
class ZblTermTest {
    private static final double INNER = 4.0, OUTER = 4.8;

    private static ZblTerm tantalumTungsten() {
        double[][][] z = {{{73, 73}, {73, 74}}, {{74, 73}, null}};
        return new ZblTerm(new ZblSettings(INNER, OUTER, z));
    }

    @Test
    void coreIsTheUniversalScreenedCoulombPotential() {
        ZblTerm zbl = tantalumTungsten();
        double r = 1.2;
        // Ziegler–Biersack–Littmark: a = 0.8854 a_B / (Z1^0.23 + Z2^0.23) with 0.8854 a_B = 0.46850 Å, e²/4πε₀ = 14.399645 eV·Å
        double a = 0.46850 / (Math.pow(73, 0.23) + Math.pow(74, 0.23));
        double x = r / a;
        double screening = 0.18175 * Math.exp(-3.19980 * x) + 0.50986 * Math.exp(-0.94229 * x)
                + 0.28022 * Math.exp(-0.40290 * x) + 0.02817 * Math.exp(-0.20162 * x);
        double coulomb = 73 * 74 * 14.399645 / r * screening;
        double shift = zbl.pairEnergy(1, 2, 1.0) - coulombOf(73, 74, 1.0);
        assertEquals(coulomb + shift, zbl.pairEnergy(1, 2, r), 1e-9 * coulomb);
        assertEquals(zbl.pairEnergy(1, 2, r), zbl.pairEnergy(2, 1, r), 0);
        assertEquals(0, zbl.pairEnergy(2, 2, r), 0, "no charges given for the pair: no ZBL");
        // the shift is the constant C = −φ(rc) + tc/2 φ'(rc) − tc²/12 φ''(rc), small against the core
        assertEquals(true, Math.abs(shift) < 1e-3 * coulomb);
    }

    private static double coulombOf(double z1, double z2, double r) {
        double a = 0.46850 / (Math.pow(z1, 0.23) + Math.pow(z2, 0.23));
        double x = r / a;
        return z1 * z2 * 14.399645 / r * (0.18175 * Math.exp(-3.19980 * x) + 0.50986 * Math.exp(-0.94229 * x)
                + 0.28022 * Math.exp(-0.40290 * x) + 0.02817 * Math.exp(-0.20162 * x));
    }

    @Test
    void switchingEndsSmoothlyAtTheCutoff() {
        ZblTerm zbl = tantalumTungsten();
        double below = OUTER - 1e-7;
        assertEquals(0, zbl.pairEnergy(1, 1, below), 1e-15);
        assertEquals(0, zbl.pairDerivative(1, 1, below), 1e-12);
        double h = 1e-6;
        double curvature = (zbl.pairDerivative(1, 1, below) - zbl.pairDerivative(1, 1, below - h)) / h;
        double inside = (zbl.pairDerivative(1, 1, 3.0) - zbl.pairDerivative(1, 1, 3.0 - h)) / h;
        assertEquals(0, curvature, 1e-5 * Math.abs(inside));
        assertEquals(0, zbl.pairEnergy(1, 1, OUTER), 0);
        assertEquals(0, zbl.pairEnergy(1, 1, 6.0), 0);
    }

    @Test
    void derivativeIsTheSlopeOfTheEnergyOnBothSidesOfTheInnerCutoff() {
        ZblTerm zbl = tantalumTungsten();
        for (double r : new double[] {0.8, 2.5, INNER - 0.01, INNER + 0.01, 4.5, OUTER - 0.05}) {
            double h = 1e-6;
            double slope = (zbl.pairEnergy(1, 2, r + h) - zbl.pairEnergy(1, 2, r - h)) / (2 * h);
            assertEquals(slope, zbl.pairDerivative(1, 2, r), 1e-6 * Math.max(1, Math.abs(slope)), "r = " + r);
        }
    }
}
