package org.scoredos.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.scoredos.descriptor.SnapParameters;

/**
 * The products block of a quadratic SNAP model (LAMMPS quadraticflag 1), E_quad = Σ_i ½ B_iᵀ α B_i,
 * as a fixed term: θ then ranges over the linear coefficients, and the recorded samples carry
 * E_quad/N as one component instead of d(d+1)/2 products (which live on the d-dimensional
 * manifold of the bispectrum and are too many for per-cell PCA and score fits).
 *
 * @param snap     the quadratic model's bispectrum settings (quadraticflag 1)
 * @param radius   SNAP radius per atom type
 * @param weight   SNAP neighbour weight per atom type
 * @param products per atom type, the d(d+1)/2 coefficients of ½B_k², B_k B_l in LAMMPS's order
 */
public record QuadraticBlock(SnapParameters snap, double[] radius, double[] weight, double[][] products)
        implements FixedTermSettings {

    public QuadraticBlock {
        if (!snap.quadratic()) throw new IllegalArgumentException("a quadratic block needs quadraticflag 1");
        int types = products.length;
        if (types == 0 || radius.length != types || weight.length != types) {
            throw new IllegalArgumentException("radius, weight and products need one entry per type");
        }
        int d = snap.withQuadratic(false).descriptorCount(types);
        radius = radius.clone();
        weight = weight.clone();
        products = products.clone();
        for (int t = 0; t < types; t++) {
            if (products[t].length != d * (d + 1) / 2) {
                throw new IllegalArgumentException("type " + (t + 1) + " has " + products[t].length + " products, expected " + d * (d + 1) / 2);
            }
            products[t] = products[t].clone();
        }
    }

    /** The coefficients per type, a copy. */
    @Override
    public double[][] products() {
        double[][] copy = products.clone();
        for (int t = 0; t < copy.length; t++) copy[t] = copy[t].clone();
        return copy;
    }

    @Override
    public double[] radius() {
        return radius.clone();
    }

    @Override
    public double[] weight() {
        return weight.clone();
    }

    /** The number of atom types the block covers. */
    public int types() {
        return products.length;
    }

    /**
     * "snap-quadratic", the number of products per type and the SHA-256 of every setting that
     * changes E_quad (bispectrum settings, radii, weights, coefficients at full precision).
     */
    @Override
    public String definition() {
        StringBuilder sb = new StringBuilder(snap.toString());
        for (int t = 0; t < types(); t++) {
            sb.append(';').append(radius[t]).append(',').append(weight[t]);
            for (double c : products[t]) sb.append(',').append(c);
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return String.format(Locale.ROOT, "snap-quadratic products=%d sha256:%s", products[0].length, HexFormat.of().formatHex(h));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public FixedTerm term() {
        return new QuadraticSnapTerm(this);
    }

    /** Equal by value (a record compares arrays by reference). */
    @Override
    public boolean equals(Object o) {
        return o instanceof QuadraticBlock q && snap.equals(q.snap) && Arrays.equals(radius, q.radius) && Arrays.equals(weight, q.weight)
                && Arrays.deepEquals(products, q.products);
    }

    @Override
    public int hashCode() {
        return snap.hashCode() * 31 + Arrays.deepHashCode(products);
    }
}
