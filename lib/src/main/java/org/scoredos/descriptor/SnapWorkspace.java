package org.scoredos.descriptor;

import java.util.Arrays;

/**
 * Scratch memory of one thread working with one {@link SnapBispectrum}: the U, Z and Y
 * arrays of the current atom and its neighbours. Sized once (neighbour arrays grow on demand),
 * so the per-atom loops allocate nothing. Not thread-safe: one per thread.
 */
public final class SnapWorkspace {
    final SnapBispectrum owner;

    // total U of the current atom (full layers), one per density (element with chemflag)
    final double[][] utr, uti;
    // U of one neighbour and its derivative with respect to r_ij (x, y, z)
    final double[] ur, ui;
    final double[] dxr, dxi, dyr, dyi, dzr, dzi;
    // per density: Y = Σ dE/dB · ∂B/∂U, half layers, and G_α†·Y for the three rotation generators
    final double[][] yr, yi;
    final double[][][] wr, wi;
    final double[] generator = new double[9];
    // per ordered density pair (a·n + b): Z of every triple on half layers, the components'
    // triples by compute(), the rest when forces or gradients need them (zComplete)
    final double[][] zr, zi;
    // bispectrum of the current atom, every element block (bzero subtracted)
    final double[] b;
    // per density pair and Z triple: Σ_half Re[conj(∂U)·Z] along x, y, z for one neighbour; ∂B along x, y, z
    final double[][] gx, gy, gz;
    final double[] dbx, dby, dbz;

    // neighbours of the current atom inside their pair cutoff
    int atom = -1;
    int atomChannel;
    boolean zComplete;
    Object list;
    int count;
    int[] nbr = new int[64], channel = new int[64];
    double[] x = new double[64], y = new double[64], z = new double[64], r = new double[64];
    double[] rcut = new double[64], w = new double[64];

    SnapWorkspace(SnapBispectrum owner, BispectrumIndex index, int channels) {
        this.owner = owner;
        int n = index.uSize;
        int pairs = channels * channels;
        int components = pairs * channels * index.bCount;
        utr = new double[channels][n];
        uti = new double[channels][n];
        ur = new double[n];
        ui = new double[n];
        dxr = new double[n];
        dxi = new double[n];
        dyr = new double[n];
        dyi = new double[n];
        dzr = new double[n];
        dzi = new double[n];
        yr = new double[channels][n];
        yi = new double[channels][n];
        wr = new double[channels][3][n];
        wi = new double[channels][3][n];
        zr = new double[pairs][index.zStoreSize];
        zi = new double[pairs][index.zStoreSize];
        b = new double[components];
        gx = new double[pairs][index.zCount];
        gy = new double[pairs][index.zCount];
        gz = new double[pairs][index.zCount];
        dbx = new double[components];
        dby = new double[components];
        dbz = new double[components];
    }

    void ensureNeighbors(int n) {
        if (n <= nbr.length) return;
        int cap = Math.max(n, 2 * nbr.length);
        nbr = Arrays.copyOf(nbr, cap);
        channel = Arrays.copyOf(channel, cap);
        x = Arrays.copyOf(x, cap);
        y = Arrays.copyOf(y, cap);
        z = Arrays.copyOf(z, cap);
        r = Arrays.copyOf(r, cap);
        rcut = Arrays.copyOf(rcut, cap);
        w = Arrays.copyOf(w, cap);
    }
}
