package org.scoredos.thermo;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.scoredos.linalg.Vectors;

/**
 * The λ quadrature of thermodynamic integration: n-point Gauss–Legendre nodes and weights on
 * [0, 1], nodes increasing. Exact for polynomials of degree 2n − 1; the integrand ⟨ΔU⟩_λ of a
 * crystal is smooth and nearly linear, so 5–8 nodes leave a quadrature error far below the
 * statistical one. The end points are never sampled.
 */
public final class LambdaPath {
    private final double[] nodes;
    private final double[] weights;

    public LambdaPath(int count) {
        if (count < 1 || count > 64) throw new IllegalArgumentException("λ nodes must number 1 to 64, got " + count);
        GaussIntegrator rule = new GaussIntegratorFactory().legendreHighPrecision(count, 0, 1);
        nodes = new double[count];
        weights = new double[count];
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(rule::getPoint));
        for (int i = 0; i < count; i++) {
            nodes[i] = rule.getPoint(order[i]);
            weights[i] = rule.getWeight(order[i]);
        }
    }

    public int size() {
        return nodes.length;
    }

    /** λ_k. */
    public double node(int k) {
        return nodes[k];
    }

    /** w_k, summing to 1. */
    public double weight(int k) {
        return weights[k];
    }

    /** Σ_k w_k f_k for integrand values at the nodes. */
    public double integrate(double[] values) {
        if (values.length != nodes.length) throw new IllegalArgumentException("need " + nodes.length + " values, got " + values.length);
        return Vectors.dot(weights, values);
    }

    /** sqrt(Σ_k w_k² σ_k²): the standard error of {@link #integrate} for independent node errors. */
    public double propagate(double[] errors) {
        if (errors.length != nodes.length) throw new IllegalArgumentException("need " + nodes.length + " errors, got " + errors.length);
        double s = 0;
        for (int k = 0; k < nodes.length; k++) s += weights[k] * weights[k] * errors[k] * errors[k];
        return Math.sqrt(s);
    }
}
