package org.scoredos.descriptor;

/**
 * The expansion functions U_j(r) of one neighbour (Wigner matrices of the rotation that maps
 * the neighbour onto the 3-sphere) and their derivatives, by the Cayley–Klein recursion
 *
 * <pre>U_j(ma, mb) = √((j−ma)/(j−mb)) ā U_{j−1}(ma, mb) − √(ma/(j−mb)) b̄ U_{j−1}(ma−1, mb)</pre>
 *
 * with a = (z0 − i z)/r0, b = (y − i x)/r0, z0 = r cot θ0, θ0 = rfac0 π (r − rmin0)/(rcut − rmin0).
 * Only rows mb ≤ j/2 are computed (for odd j also row (j+1)/2, by symmetry, which layer j+1
 * reads); the rest follow from U(j−ma, j−mb) = (−1)^(ma+mb) conj U(ma, mb).
 */
final class HypersphericalHarmonics {
    private final BispectrumIndex ix;
    private final double rfac0;
    private final double rmin0;
    private final double[] ca; // √((j−ma)/(j−mb)) at U index (ma, mb) of layer j, 0 at ma = j
    private final double[] cb; // √(ma/(j−mb)), 0 at ma = 0
    // Non-zero entries G_α(ma, ma') of the su(2) generators in every layer: dU(exp(tX_α)·g)/dt
    // at t = 0 is G_α·U(g), X_α the tangents δa = i, δb = 1, δb = i at the identity.
    private final int[][] genLayer, genRow, genCol;
    private final double[][] genRe, genIm;

    HypersphericalHarmonics(BispectrumIndex ix, SnapParameters params) {
        this.ix = ix;
        this.rfac0 = params.rfac0();
        this.rmin0 = params.rmin0();
        ca = new double[ix.uSize];
        cb = new double[ix.uSize];
        for (int j = 1; j <= ix.twojmax; j++) {
            for (int mb = 0; 2 * mb <= j; mb++) {
                for (int ma = 0; ma <= j; ma++) {
                    int e = ix.uOffset[j] + mb * (j + 1) + ma;
                    ca[e] = Math.sqrt((double) (j - ma) / (j - mb));
                    cb[e] = Math.sqrt((double) ma / (j - mb));
                }
            }
        }
        genLayer = new int[3][];
        genRow = new int[3][];
        genCol = new int[3][];
        genRe = new double[3][];
        genIm = new double[3][];
        double[] idr = new double[ix.uSize], idi = new double[ix.uSize];
        recurse(1, 0, 0, 0, idr, idi);
        for (int g = 0; g < 3; g++) {
            double[] gr = new double[ix.uSize], gi = new double[ix.uSize];
            derivative(1, 0, 0, 0, 0, g == 0 ? 1 : 0, g == 1 ? 1 : 0, g == 2 ? 1 : 0, idr, idi, gr, gi);
            completeBySymmetry(gr, gi);
            java.util.List<double[]> nonzero = new java.util.ArrayList<>();
            for (int j = 0; j <= ix.twojmax; j++) {
                for (int col = 0; col <= j; col++) {
                    for (int row = 0; row <= j; row++) {
                        int e = ix.uOffset[j] + col * (j + 1) + row;
                        if (Math.abs(gr[e]) + Math.abs(gi[e]) > 1e-14) nonzero.add(new double[] {j, row, col, gr[e], gi[e]});
                    }
                }
            }
            genLayer[g] = nonzero.stream().mapToInt(v -> (int) v[0]).toArray();
            genRow[g] = nonzero.stream().mapToInt(v -> (int) v[1]).toArray();
            genCol[g] = nonzero.stream().mapToInt(v -> (int) v[2]).toArray();
            genRe[g] = nonzero.stream().mapToDouble(v -> v[3]).toArray();
            genIm[g] = nonzero.stream().mapToDouble(v -> v[4]).toArray();
        }
    }

    /**
     * U of the neighbour into ur/ui and, in {@code c[3k+α]}, the real coefficients with
     * ∂U/∂r_k = Σ_α c_kα G_α·U (unswitched): ∂g/∂r_k·g† = Σ_α c_kα X_α for the SU(2) element
     * g = [[ā, b], [−b̄, a]] that U represents.
     */
    void valuesAndGeneratorCoefficients(double x, double y, double z, double r, double rcut,
            double[] ur, double[] ui, double[] c) {
        double rscale0 = rfac0 * Math.PI / (rcut - rmin0);
        double theta0 = (r - rmin0) * rscale0;
        double z0 = r * Math.cos(theta0) / Math.sin(theta0);
        double dz0dr = z0 / r - r * rscale0 * (r * r + z0 * z0) / (r * r);
        double r0inv = 1 / Math.sqrt(r * r + z0 * z0);
        double ar = z0 * r0inv, ai = -z * r0inv, br = y * r0inv, bi = -x * r0inv;
        recurse(ar, ai, br, bi, ur, ui);
        double dr0invdr = -r0inv * r0inv * r0inv * (r + z0 * dz0dr);
        double ux = x / r, uy = y / r, uz = z / r;
        double gx = dr0invdr * ux, gy = dr0invdr * uy, gz = dr0invdr * uz;
        generatorCoefficients(ar, ai, br, bi, dz0dr * ux * r0inv + z0 * gx, -z * gx, y * gx, -x * gx - r0inv, c, 0);
        generatorCoefficients(ar, ai, br, bi, dz0dr * uy * r0inv + z0 * gy, -z * gy, y * gy + r0inv, -x * gy, c, 3);
        generatorCoefficients(ar, ai, br, bi, dz0dr * uz * r0inv + z0 * gz, -z * gz - r0inv, y * gz, -x * gz, c, 6);
    }

    /** p = da·ā + b·conj(db) = i c1 and q = db·ā − conj(da)·b = c2 + i c3. */
    private static void generatorCoefficients(double ar, double ai, double br, double bi,
            double dar, double dai, double dbr, double dbi, double[] c, int at) {
        c[at] = dai * ar - dar * ai + bi * dbr - br * dbi;
        c[at + 1] = dbr * ar + dbi * ai - dar * br - dai * bi;
        c[at + 2] = dbi * ar - dbr * ai - dar * bi + dai * br;
    }

    /**
     * W_α = G_α†·Y on rows mb ≤ j/2 of every layer, so that Σ Re[conj(G_α U)·Y] = Σ Re[conj(U)·W_α]
     * over those rows.
     */
    void adjointGenerators(double[] yr, double[] yi, double[][] wr, double[][] wi) {
        for (int g = 0; g < 3; g++) {
            double[] outR = wr[g], outI = wi[g];
            java.util.Arrays.fill(outR, 0);
            java.util.Arrays.fill(outI, 0);
            int[] layer = genLayer[g], row = genRow[g], col = genCol[g];
            double[] gre = genRe[g], gim = genIm[g];
            for (int q = 0; q < layer.length; q++) {
                int j = layer[q], o = ix.uOffset[j];
                int ma = row[q], mac = col[q];
                double cr = gre[q], ci = -gim[q];
                for (int mb = 0; 2 * mb <= j; mb++) {
                    int from = o + mb * (j + 1) + ma, to = o + mb * (j + 1) + mac;
                    outR[to] += cr * yr[from] - ci * yi[from];
                    outI[to] += cr * yi[from] + ci * yr[from];
                }
            }
        }
    }

    /** U of the neighbour at (x, y, z), distance r, pair cutoff rcut, into ur/ui. */
    void values(double x, double y, double z, double r, double rcut, double[] ur, double[] ui) {
        double rscale0 = rfac0 * Math.PI / (rcut - rmin0);
        double theta0 = (r - rmin0) * rscale0;
        double z0 = r * Math.cos(theta0) / Math.sin(theta0);
        double r0inv = 1 / Math.sqrt(r * r + z0 * z0);
        recurse(z0 * r0inv, -z * r0inv, y * r0inv, -x * r0inv, ur, ui);
    }

    private void recurse(double ar, double ai, double br, double bi, double[] ur, double[] ui) {
        int[] uOffset = ix.uOffset;
        ur[0] = 1;
        ui[0] = 0;
        for (int j = 1; j <= ix.twojmax; j++) {
            int o = uOffset[j], op = uOffset[j - 1];
            for (int mb = 0; 2 * mb <= j; mb++) {
                int e = o + mb * (j + 1);
                int p = op + mb * j;
                // ma = 0: only the ā term
                double pr = ur[p], pi = ui[p];
                double c = ca[e];
                ur[e] = c * (ar * pr + ai * pi);
                ui[e] = c * (ar * pi - ai * pr);
                for (int ma = 1; ma < j; ma++) {
                    double qr = pr, qi = pi; // U_{j−1}(ma−1, mb)
                    pr = ur[p + ma];
                    pi = ui[p + ma];
                    double a = ca[e + ma], b = cb[e + ma];
                    ur[e + ma] = a * (ar * pr + ai * pi) - b * (br * qr + bi * qi);
                    ui[e + ma] = a * (ar * pi - ai * pr) - b * (br * qi - bi * qr);
                }
                // ma = j: only the b̄ term
                double b = cb[e + j];
                ur[e + j] = -b * (br * pr + bi * pi);
                ui[e + j] = -b * (br * pi - bi * pr);
            }
            if ((j & 1) == 1) mirrorRow(ur, ui, j, (j + 1) / 2);
        }
    }

    /**
     * U and its derivatives with respect to the neighbour's x, y, z (unswitched), into the
     * workspace's ur/ui and dxr…dzi.
     */
    void valuesAndDerivatives(double x, double y, double z, double r, double rcut, SnapWorkspace ws) {
        double rscale0 = rfac0 * Math.PI / (rcut - rmin0);
        double theta0 = (r - rmin0) * rscale0;
        double z0 = r * Math.cos(theta0) / Math.sin(theta0);
        double dz0dr = z0 / r - r * rscale0 * (r * r + z0 * z0) / (r * r);
        double r0inv = 1 / Math.sqrt(r * r + z0 * z0);
        double ar = z0 * r0inv, ai = -z * r0inv, br = y * r0inv, bi = -x * r0inv;
        recurse(ar, ai, br, bi, ws.ur, ws.ui);

        // ∂/∂r_k of 1/r0 and z0 go through r only; a and b also depend on z, y, x explicitly
        double dr0invdr = -r0inv * r0inv * r0inv * (r + z0 * dz0dr);
        double ux = x / r, uy = y / r, uz = z / r;
        double gx = dr0invdr * ux, gy = dr0invdr * uy, gz = dr0invdr * uz;
        derivative(ar, ai, br, bi, dz0dr * ux * r0inv + z0 * gx, -z * gx, y * gx, -x * gx - r0inv,
                ws.ur, ws.ui, ws.dxr, ws.dxi);
        derivative(ar, ai, br, bi, dz0dr * uy * r0inv + z0 * gy, -z * gy, y * gy + r0inv, -x * gy,
                ws.ur, ws.ui, ws.dyr, ws.dyi);
        derivative(ar, ai, br, bi, dz0dr * uz * r0inv + z0 * gz, -z * gz - r0inv, y * gz, -x * gz,
                ws.ur, ws.ui, ws.dzr, ws.dzi);
    }

    /** One Cartesian component of ∂U by the differentiated recursion, given U. */
    private void derivative(double ar, double ai, double br, double bi, double dar, double dai, double dbr, double dbi,
            double[] ur, double[] ui, double[] dr, double[] di) {
        int[] uOffset = ix.uOffset;
        dr[0] = 0;
        di[0] = 0;
        for (int j = 1; j <= ix.twojmax; j++) {
            int o = uOffset[j], op = uOffset[j - 1];
            for (int mb = 0; 2 * mb <= j; mb++) {
                int e = o + mb * (j + 1);
                int p = op + mb * j;
                double pr = ur[p], pi = ui[p], dpr = dr[p], dpi = di[p];
                double c = ca[e];
                dr[e] = c * (dar * pr + dai * pi + ar * dpr + ai * dpi);
                di[e] = c * (dar * pi - dai * pr + ar * dpi - ai * dpr);
                for (int ma = 1; ma < j; ma++) {
                    double qr = pr, qi = pi, dqr = dpr, dqi = dpi;
                    pr = ur[p + ma];
                    pi = ui[p + ma];
                    dpr = dr[p + ma];
                    dpi = di[p + ma];
                    double a = ca[e + ma], b = cb[e + ma];
                    dr[e + ma] = a * (dar * pr + dai * pi + ar * dpr + ai * dpi)
                            - b * (dbr * qr + dbi * qi + br * dqr + bi * dqi);
                    di[e + ma] = a * (dar * pi - dai * pr + ar * dpi - ai * dpr)
                            - b * (dbr * qi - dbi * qr + br * dqi - bi * dqr);
                }
                double b = cb[e + j];
                dr[e + j] = -b * (dbr * pr + dbi * pi + br * dpr + bi * dpi);
                di[e + j] = -b * (dbr * pi - dbi * pr + br * dpi - bi * dpr);
            }
            if ((j & 1) == 1) mirrorRow(dr, di, j, (j + 1) / 2);
        }
    }

    /** Row mb of layer j from row j−mb: U(ma, mb) = (−1)^(ma+mb) conj U(j−ma, j−mb). */
    private void mirrorRow(double[] re, double[] im, int j, int mb) {
        int o = ix.uOffset[j];
        int dst = o + mb * (j + 1);
        int src = o + (j - mb) * (j + 1) + j;
        for (int ma = 0; ma <= j; ma++, src--) {
            if (((ma + mb) & 1) == 0) {
                re[dst + ma] = re[src];
                im[dst + ma] = -im[src];
            } else {
                re[dst + ma] = -re[src];
                im[dst + ma] = im[src];
            }
        }
    }

    /** Completes every layer of a total U from its first half (rows mb ≤ j/2). */
    void completeBySymmetry(double[] re, double[] im) {
        for (int j = 0; j <= ix.twojmax; j++) {
            int o = ix.uOffset[j];
            int size = (j + 1) * (j + 1);
            for (int e = BispectrumIndex.half(j); e < size; e++) {
                int src = size - 1 - e;
                int ma = src % (j + 1), mb = src / (j + 1);
                if (((ma + mb) & 1) == 0) {
                    re[o + e] = re[o + src];
                    im[o + e] = -im[o + src];
                } else {
                    re[o + e] = -re[o + src];
                    im[o + e] = im[o + src];
                }
            }
        }
    }
}
