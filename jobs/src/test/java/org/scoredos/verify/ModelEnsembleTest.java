package org.scoredos.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;

class ModelEnsembleTest {
    private static double[] theta() {
        double[] t = new double[55];
        for (int i = 0; i < t.length; i++) t[i] = (i % 2 == 0 ? 1 : -1) * (0.01 + i);
        return t;
    }

    @Test
    void modelZeroIsThetaAndTheSameSeedGivesTheSameModels() {
        double[][] a = ModelEnsemble.of(theta(), 4, 0.05, 9), b = ModelEnsemble.of(theta(), 4, 0.05, 9);
        assertEquals(5, a.length);
        assertArrayEquals(theta(), a[0], 0.0);
        for (int m = 0; m < a.length; m++) assertArrayEquals(a[m], b[m], 0.0);
        // model m does not depend on how many models were asked for
        double[][] more = ModelEnsemble.of(theta(), 6, 0.05, 9);
        for (int m = 0; m < a.length; m++) assertArrayEquals(a[m], more[m], 0.0);
        assertFalse(Arrays.equals(a[1], ModelEnsemble.of(theta(), 1, 0.05, 10)[1]), "another seed, another model");
        assertFalse(Arrays.equals(a[1], a[2]), "models differ from each other");
        double[][] none = ModelEnsemble.of(theta(), 2, 0.0, 9);
        assertArrayEquals(theta(), none[2], 0.0);
    }

    @Test
    void thePerturbationIsRelativeAndStandardNormal() {
        double s = 1e-3;
        double[] theta = theta();
        double[][] models = ModelEnsemble.of(theta, 200, s, 1);
        double sum = 0, squares = 0;
        int n = 0;
        for (int m = 1; m < models.length; m++) {
            for (int i = 0; i < theta.length; i++) {
                assertEquals(Math.signum(theta[i]), Math.signum(models[m][i]));
                double g = (models[m][i] / theta[i] - 1) / s;
                sum += g;
                squares += g * g;
                n++;
            }
        }
        double mean = sum / n, variance = squares / n - mean * mean;
        assertEquals(0, mean, 4 / Math.sqrt(n), "mean of g");
        assertEquals(1, variance, 4 * Math.sqrt(2.0 / n), "variance of g");
    }

    @Test
    void badCountsAndScalesAreBadInput() {
        assertTrue(assertThrows(BadInputException.class, () -> ModelEnsemble.of(theta(), -1, 0.01, 1)).getMessage().startsWith("--perturb"));
        assertTrue(assertThrows(BadInputException.class, () -> ModelEnsemble.of(theta(), 1, -0.01, 1)).getMessage().startsWith("--scale"));
        assertThrows(BadInputException.class, () -> ModelEnsemble.of(theta(), 1, Double.NaN, 1));
    }
}
