package org.scoredos.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;
import org.scoredos.potential.Evaluation;
import org.scoredos.potential.LinearModel;
import org.scoredos.structure.Structure;

/**
 * A quadratic SNAP model's products block as one fixed term ({@link ModelDescription#withFixedQuadratic}):
 * the same energies, forces and stress as the model with its products as features, θ the linear β.
 */
class QuadraticBlockTest {
    private static final String CU = "Cu_Zuo_JPCA2020.quadratic";

    private static ModelDescription cu() throws IOException {
        assumeTrue(Files.isRegularFile(ModelFixtures.POTENTIALS.resolve(CU + ".snap")), "the LAMMPS potential library is not installed");
        return ModelFixtures.published(CU);
    }

    @Test
    void theFixedBlockGivesThePublishedModelsEnergyForcesAndStress() throws IOException {
        ModelDescription features = cu();
        ModelDescription fixed = features.withFixedQuadratic();
        Structure s = ModelFixtures.crystal(true, 3.63552, 2, 0.12, 1, 7);
        Evaluation a = features.model().evaluate(s, true, true), b = fixed.model().evaluate(s, true, true);
        assertEquals(a.energy(), b.energy(), 1e-10 * Math.abs(a.energy()));
        assertArrayEquals(a.forces(), b.forces(), 1e-10);
        assertArrayEquals(a.virial(), b.virial(), 1e-9);
        // the Hessian's route: per-atom forces over a skinned neighbour list
        LinearModel m = fixed.model();
        double[] perAtom = new double[3 * s.size()];
        var list = m.neighbors(s, 0.3);
        for (int i = 0; i < s.size(); i++) m.addAtomForces(s, list, i, perAtom);
        assertArrayEquals(a.forces(), perAtom, 1e-10);

        // 30 linear features and E_quad/N with coefficient 1: N c·Φ + E₀ is the energy
        assertEquals(31, m.featureCount());
        assertEquals(30, fixed.snap().descriptorCount());
        double[] phi = m.features(s), c = m.coefficients();
        assertEquals(1.0, c[30], 0);
        double e = m.offset(s);
        for (int k = 0; k < phi.length; k++) e += s.size() * c[k] * phi[k];
        assertEquals(a.energy(), e, 1e-10 * Math.abs(a.energy()));
        assertTrue(Math.abs(phi[30]) > 0.1, "the products carry a large part of the energy: E_quad/N = " + phi[30] + " eV");
        assertArrayEquals(java.util.Arrays.copyOf(features.elements().get(0).linear(), 30), fixed.elements().get(0).linear(), 0);
        assertEquals(features.elements().get(0).constant(), fixed.elements().get(0).constant(), 0);
    }

    @Test
    void theDefinitionNamesTheCoefficientsAndRefusesOtherBlocks() throws IOException {
        ModelDescription features = cu();
        QuadraticBlock block = (QuadraticBlock) features.withFixedQuadratic().fixedTerms().get(0);
        assertEquals(465, block.products()[0].length);
        assertTrue(block.definition().startsWith("snap-quadratic products=465 sha256:"), block.definition());
        QuadraticBlock same = new QuadraticBlock(block.snap(), block.radius(), block.weight(), block.products());
        assertEquals(block, same);
        assertEquals(block.definition(), same.definition());
        double[][] changed = block.products();
        changed[0][100] += 1e-12 * Math.abs(changed[0][100]) + 1e-300;
        assertNotEquals(block.products()[0][100], changed[0][100], "the accessor hands out a copy");
        QuadraticBlock other = new QuadraticBlock(block.snap(), block.radius(), block.weight(), changed);
        assertNotEquals(block.definition(), other.definition(), "one coefficient in the last digits is another model");
        assertNotEquals(block, other);
    }

    @Test
    void aModelWithoutProductsHasNoBlockToFix() throws IOException {
        assumeTrue(Files.isRegularFile(ModelFixtures.POTENTIALS.resolve("Cu_Zuo_JPCA2020.snap")));
        ModelDescription linear = ModelFixtures.published("Cu_Zuo_JPCA2020");
        BadInputException e = assertThrows(BadInputException.class, linear::withFixedQuadratic);
        assertTrue(e.getMessage().contains("Cu_Zuo_JPCA2020.snap") && e.getMessage().contains("quadraticflag 0"), e.getMessage());
        assertEquals(List.of(), linear.fixedTerms());
    }
}
