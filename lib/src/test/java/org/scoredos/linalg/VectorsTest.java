package org.scoredos.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VectorsTest {
    @Test
    void sumsAreExactOnSmallIntegers() {
        assertEquals(12.0, Vectors.dot(new double[] {1, 2, 3}, new double[] {4, -5, 6}), 0.0);
        assertEquals(5.0, Vectors.norm(new double[] {3, 4}), 0.0);
        // 2·1 + 2·1·(1·−2) + 3·(−2)²
        assertEquals(10.0, Vectors.quadratic(new double[][] {{2, 1}, {1, 3}}, new double[] {1, -2}), 0.0);
    }

    /** In index order from 0, as the loops they replaced: 1 is lost against 1e16 before −1e16 cancels it (the reverse order keeps it). */
    @Test
    void termsAreAddedInIndexOrder() {
        double[] ones = {1, 1, 1};
        assertEquals(0.0, Vectors.dot(new double[] {1, 1e16, -1e16}, ones), 0.0);
        assertEquals(1.0, Vectors.dot(new double[] {-1e16, 1e16, 1}, ones), 0.0);
        // row by row: M_1·x = 1e16 − 1e16 cancels within its row; term by term the 1 of x_0 M_00 x_0 would be lost against 1e16
        assertEquals(1.0, Vectors.quadratic(new double[][] {{1, 0}, {1e16, -1e16}}, new double[] {1, 1}), 0.0);
    }
}
