package org.scoredos.descriptor;

import org.scoredos.io.BadInputException;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.structure.Structure;

/**
 * The SNAP bispectrum exactly as LAMMPS computes it ({@code compute sna/atom}, {@code pair_style
 * snap}): per-atom components B_{j1 j2 j} in LAMMPS's order, bzero subtracted, cosine switching,
 * element radii and weights, optional quadratic products, and the derivatives needed for forces.
 *
 * <p>One instance per parameter set holds only immutable tables (Clebsch–Gordan coefficients,
 * indices) and is safe to share between threads; each thread works in its own
 * {@link SnapWorkspace} (the convenience methods use a thread-local one).
 *
 * <p>Atom type t (from 1) has radius {@code radius[t-1]} and weight {@code weight[t-1]}; a pair
 * interacts when 0 < r² < rcut², rcut = rcutfac·(R_i + R_j). The bispectrum does not depend on
 * the species otherwise (no chemflag), but per-type tables keep multi-element use open.
 */
public final class SnapBispectrum {
    /** Closer than this, two atoms are a broken structure, not physics. */
    public static final double MIN_DISTANCE = 0.1;

    private final SnapParameters params;
    private final BispectrumIndex index;
    private final double[] radius;
    private final double[] weight;
    private final double[] bzero;
    private final ThreadLocal<SnapWorkspace> local = ThreadLocal.withInitial(this::newWorkspace);

    public SnapBispectrum(SnapParameters params, double[] radius, double[] weight) {
        if (radius.length == 0 || radius.length != weight.length) {
            throw new IllegalArgumentException("need one radius and one weight per type");
        }
        for (double rad : radius) {
            if (!(rad > 0) || !Double.isFinite(rad)) throw new IllegalArgumentException("radius must be positive, got " + rad);
        }
        this.params = params;
        this.index = new BispectrumIndex(params.twojmax());
        this.radius = radius.clone();
        this.weight = weight.clone();
        this.bzero = new double[index.bCount];
        if (params.bzero()) {
            for (int b = 0; b < index.bCount; b++) bzero[b] = index.bj[b] + 1; // self term w_self = 1
        }
    }

    /** Radii and weights from the element blocks of a coefficient file (type t ↔ element t). */
    public static SnapBispectrum of(SnapParameters params, SnapCoefficients coefficients) {
        return new SnapBispectrum(params, coefficients.radii(), coefficients.weights());
    }

    /** One species with the given radius and weight (rcut = 2·radius·rcutfac). */
    public static SnapBispectrum singleElement(SnapParameters params, double radius, double weight) {
        return new SnapBispectrum(params, new double[] {radius}, new double[] {weight});
    }

    public SnapParameters parameters() {
        return params;
    }

    /** Number of bispectrum components (55 at 2J = 8). */
    public int bispectrumCount() {
        return index.bCount;
    }

    /** Number of descriptor components: the bispectrum plus, with quadraticflag, its products. */
    public int descriptorCount() {
        return params.descriptorCount();
    }

    /** The (2j1, 2j2, 2j) indices of bispectrum component k. */
    public int[] triple(int k) {
        return new int[] {index.bj1[k], index.bj2[k], index.bj[k]};
    }

    /** The largest pair cutoff, Å. */
    public double cutoff() {
        double max = 0;
        for (double rad : radius) max = Math.max(max, rad);
        return 2 * max * params.rcutfac();
    }

    /** rcut of a pair of types (from 1), Å. */
    public double cutoff(int typeI, int typeJ) {
        return params.rcutfac() * (radius[typeI - 1] + radius[typeJ - 1]);
    }

    public SnapWorkspace newWorkspace() {
        return new SnapWorkspace(this, index);
    }

    /** The full neighbour list this bispectrum needs, after checking the structure's types. */
    public NeighborList neighbors(Structure structure) {
        if (structure.typeCount() > radius.length && maxType(structure) > radius.length) {
            throw new BadInputException("the structure has atom type " + maxType(structure) + " but the SNAP model defines "
                    + radius.length + " element(s)");
        }
        return NeighborList.build(structure, cutoff());
    }

    private static int maxType(Structure s) {
        int max = 0;
        for (int i = 0; i < s.size(); i++) max = Math.max(max, s.type(i));
        return max;
    }

    /** Descriptor of every atom, [atom][component]. */
    public double[][] perAtom(Structure structure) {
        NeighborList list = neighbors(structure);
        SnapWorkspace ws = local.get();
        double[][] out = new double[structure.size()][descriptorCount()];
        for (int i = 0; i < structure.size(); i++) compute(structure, list, i, ws, out[i]);
        return out;
    }

    /** The per-structure descriptor D: the mean of the per-atom descriptors. */
    public double[] average(Structure structure) {
        NeighborList list = neighbors(structure);
        SnapWorkspace ws = local.get();
        int d = descriptorCount();
        double[] atom = new double[d];
        double[] sum = new double[d];
        for (int i = 0; i < structure.size(); i++) {
            compute(structure, list, i, ws, atom);
            for (int k = 0; k < d; k++) sum[k] += atom[k];
        }
        for (int k = 0; k < d; k++) sum[k] /= structure.size();
        return sum;
    }

    /** The thread's own workspace (for callers that loop over atoms themselves). */
    public SnapWorkspace workspace() {
        return local.get();
    }

    /**
     * Descriptor of atom i (bispectrum, then the quadratic products ½B_k², B_k B_l for l > k when
     * quadraticflag) into {@code out}; leaves the atom's U in {@code ws} for {@link #addForces}.
     */
    public void compute(Structure structure, NeighborList list, int i, SnapWorkspace ws, double[] out) {
        load(structure, list, i, ws);
        totalU(ws);
        bispectrum(ws);
        int nb = index.bCount;
        System.arraycopy(ws.b, 0, out, 0, nb);
        if (params.quadratic()) {
            int k = nb;
            for (int a = 0; a < nb; a++) {
                double ba = ws.b[a];
                out[k++] = 0.5 * ba * ba;
                for (int c = a + 1; c < nb; c++) out[k++] = ba * ws.b[c];
            }
        }
    }

    /**
     * Adds the forces of an atom energy E_i = Σ_k dEdB_k·B_k^i (dEdB over the bispectrum
     * components only; fold quadratic terms in by the chain rule) to {@code forces} (flat, 3N):
     * F_i += ∂E_i/∂r_ij and F_j −= ∂E_i/∂r_ij for every neighbour j. Call right after
     * {@link #compute} of the same atom with the same workspace.
     */
    public void addForces(NeighborList list, int i, double[] dEdB, SnapWorkspace ws, double[] forces) {
        if (ws.atom != i || ws.list != list) {
            throw new IllegalStateException("addForces needs compute() of atom " + i + " first in this workspace");
        }
        computeY(ws, dEdB);
        BispectrumIndex ix = index;
        for (int n = 0; n < ws.count; n++) {
            double r = ws.r[n];
            neighborUAndDerivative(ws, ws.x[n], ws.y[n], ws.z[n], r, ws.rcut[n]);
            double s0 = 0, sx = 0, sy = 0, sz = 0;
            for (int j = 0; j <= ix.twojmax; j++) {
                int o = ix.uOffset[j];
                int h = BispectrumIndex.half(j);
                int last = (j & 1) == 0 ? h - 1 : h; // the centre of an even layer counts half
                double a0 = 0, ax = 0, ay = 0, az = 0;
                for (int e = o; e < o + last; e++) {
                    double yr = ws.yr[e], yi = ws.yi[e];
                    a0 += ws.ur[e] * yr + ws.ui[e] * yi;
                    ax += ws.dxr[e] * yr + ws.dxi[e] * yi;
                    ay += ws.dyr[e] * yr + ws.dyi[e] * yi;
                    az += ws.dzr[e] * yr + ws.dzi[e] * yi;
                }
                if (last < h) {
                    int e = o + last;
                    double yr = 0.5 * ws.yr[e], yi = 0.5 * ws.yi[e];
                    a0 += ws.ur[e] * yr + ws.ui[e] * yi;
                    ax += ws.dxr[e] * yr + ws.dxi[e] * yi;
                    ay += ws.dyr[e] * yr + ws.dyi[e] * yi;
                    az += ws.dzr[e] * yr + ws.dzi[e] * yi;
                }
                s0 += a0;
                sx += ax;
                sy += ay;
                sz += az;
            }
            double sfac = ws.w[n] * switching(r, ws.rcut[n]);
            double dsfac = ws.w[n] * switchingDerivative(r, ws.rcut[n]) / r;
            double fx = 2 * (dsfac * ws.x[n] * s0 + sfac * sx);
            double fy = 2 * (dsfac * ws.y[n] * s0 + sfac * sy);
            double fz = 2 * (dsfac * ws.z[n] * s0 + sfac * sz);
            int j = ws.nbr[n];
            forces[3 * i] += fx;
            forces[3 * i + 1] += fy;
            forces[3 * i + 2] += fz;
            forces[3 * j] -= fx;
            forces[3 * j + 1] -= fy;
            forces[3 * j + 2] -= fz;
        }
    }

    // ---------------------------------------------------------------- neighbours

    private void load(Structure structure, NeighborList list, int i, SnapWorkspace ws) {
        int start = list.start(i);
        int count = list.count(i);
        ws.ensureNeighbors(count);
        int ti = structure.type(i);
        int n = 0;
        for (int p = start; p < start + count; p++) {
            int j = list.neighbor(p);
            int tj = structure.type(j);
            double dx = list.dx(p), dy = list.dy(p), dz = list.dz(p);
            double r2 = dx * dx + dy * dy + dz * dz;
            double rc = cutoff(ti, tj);
            if (!(r2 < rc * rc)) continue;
            double r = Math.sqrt(r2);
            if (r < MIN_DISTANCE) {
                throw new BadInputException(String.format("atoms %d and %d are only %.4g Å apart (SNAP needs at least %s Å)",
                        i + 1, j + 1, r, MIN_DISTANCE));
            }
            ws.pair[n] = p;
            ws.nbr[n] = j;
            ws.x[n] = dx;
            ws.y[n] = dy;
            ws.z[n] = dz;
            ws.r[n] = r;
            ws.rcut[n] = rc;
            ws.w[n] = weight[tj - 1];
            n++;
        }
        ws.count = n;
        ws.atom = i;
        ws.list = list;
    }

    private double switching(double r, double rcut) {
        if (!params.switching() || r <= params.rmin0()) return 1;
        return 0.5 * (Math.cos(Math.PI * (r - params.rmin0()) / (rcut - params.rmin0())) + 1);
    }

    private double switchingDerivative(double r, double rcut) {
        if (!params.switching() || r <= params.rmin0()) return 0;
        double scale = Math.PI / (rcut - params.rmin0());
        return -0.5 * Math.sin(scale * (r - params.rmin0())) * scale;
    }

    // ---------------------------------------------------------------- U

    /** Σ over neighbours of w_j fc(r) U(r_ij) plus the self term, all layers complete. */
    private void totalU(SnapWorkspace ws) {
        BispectrumIndex ix = index;
        double[] tr = ws.utr, ti = ws.uti;
        java.util.Arrays.fill(tr, 0);
        java.util.Arrays.fill(ti, 0);
        for (int j = 0; j <= ix.twojmax; j++) {
            for (int ma = 0; ma <= j; ma++) tr[ix.uOffset[j] + ma * (j + 1) + ma] = 1; // w_self = 1
        }
        for (int n = 0; n < ws.count; n++) {
            neighborU(ws, ws.x[n], ws.y[n], ws.z[n], ws.r[n], ws.rcut[n]);
            double sfac = ws.w[n] * switching(ws.r[n], ws.rcut[n]);
            for (int j = 0; j <= ix.twojmax; j++) {
                int o = ix.uOffset[j];
                int end = o + BispectrumIndex.half(j);
                for (int e = o; e < end; e++) {
                    tr[e] += sfac * ws.ur[e];
                    ti[e] += sfac * ws.ui[e];
                }
            }
        }
        for (int j = 0; j <= ix.twojmax; j++) mirror(tr, ti, ix.uOffset[j], j, BispectrumIndex.half(j), (j + 1) * (j + 1));
    }

    /** Fills entries from..to−1 of layer j from U(j−ma, j−mb) = (−1)^(ma+mb) conj U(ma, mb). */
    private static void mirror(double[] re, double[] im, int o, int j, int from, int to) {
        int last = (j + 1) * (j + 1) - 1;
        for (int e = from; e < to; e++) {
            int src = last - e;
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

    /**
     * U of one neighbour by the Cayley–Klein recursion, rows 0..j/2 of every layer (plus, for
     * odd j, row (j+1)/2 by symmetry, which the next layer needs).
     */
    private void neighborU(SnapWorkspace ws, double x, double y, double z, double r, double rcut) {
        double rscale0 = params.rfac0() * Math.PI / (rcut - params.rmin0());
        double theta0 = (r - params.rmin0()) * rscale0;
        double z0 = r * Math.cos(theta0) / Math.sin(theta0);
        double r0inv = 1 / Math.sqrt(r * r + z0 * z0);
        double ar = z0 * r0inv, ai = -z * r0inv, br = y * r0inv, bi = -x * r0inv;
        double[] ur = ws.ur, ui = ws.ui;
        double[] rootpq = index.rootpq;
        int stride = index.twojmax + 1;
        ur[0] = 1;
        ui[0] = 0;
        for (int j = 1; j <= index.twojmax; j++) {
            int o = index.uOffset[j], op = index.uOffset[j - 1];
            for (int mb = 0; 2 * mb <= j; mb++) {
                int row = o + mb * (j + 1), prow = op + mb * j;
                for (int ma = 0; ma <= j; ma++) {
                    double re = 0, im = 0;
                    if (ma < j) {
                        double c = rootpq[(j - ma) * stride + j - mb];
                        double pr = ur[prow + ma], pi = ui[prow + ma];
                        re += c * (ar * pr + ai * pi);
                        im += c * (ar * pi - ai * pr);
                    }
                    if (ma > 0) {
                        double c = rootpq[ma * stride + j - mb];
                        double pr = ur[prow + ma - 1], pi = ui[prow + ma - 1];
                        re -= c * (br * pr + bi * pi);
                        im -= c * (br * pi - bi * pr);
                    }
                    ur[row + ma] = re;
                    ui[row + ma] = im;
                }
            }
            if ((j & 1) == 1) {
                int from = (j + 1) / 2 * (j + 1);
                mirror(ur, ui, o, j, from, from + j + 1);
            }
        }
    }

    /** U and ∂U/∂r_ij (unswitched) of one neighbour, same rows as {@link #neighborU}. */
    private void neighborUAndDerivative(SnapWorkspace ws, double x, double y, double z, double r, double rcut) {
        double rscale0 = params.rfac0() * Math.PI / (rcut - params.rmin0());
        double theta0 = (r - params.rmin0()) * rscale0;
        double sn = Math.sin(theta0), cs = Math.cos(theta0);
        double z0 = r * cs / sn;
        double dz0dr = z0 / r - r * rscale0 * (r * r + z0 * z0) / (r * r);
        double r0inv = 1 / Math.sqrt(r * r + z0 * z0);
        double ar = z0 * r0inv, ai = -z * r0inv, br = y * r0inv, bi = -x * r0inv;
        double ux = x / r, uy = y / r, uz = z / r;
        double dr0invdr = -r0inv * r0inv * r0inv * (r + z0 * dz0dr);
        double[] dr0inv = {dr0invdr * ux, dr0invdr * uy, dr0invdr * uz};
        double[] dz0 = {dz0dr * ux, dz0dr * uy, dz0dr * uz};
        double[] dar = new double[3], dai = new double[3], dbr = new double[3], dbi = new double[3];
        for (int k = 0; k < 3; k++) {
            dar[k] = dz0[k] * r0inv + z0 * dr0inv[k];
            dai[k] = -z * dr0inv[k];
            dbr[k] = y * dr0inv[k];
            dbi[k] = -x * dr0inv[k];
        }
        dai[2] -= r0inv;
        dbr[1] += r0inv;
        dbi[0] -= r0inv;

        double[] ur = ws.ur, ui = ws.ui;
        double[][] dr = {ws.dxr, ws.dyr, ws.dzr}, di = {ws.dxi, ws.dyi, ws.dzi};
        double[] rootpq = index.rootpq;
        int stride = index.twojmax + 1;
        ur[0] = 1;
        ui[0] = 0;
        for (int k = 0; k < 3; k++) {
            dr[k][0] = 0;
            di[k][0] = 0;
        }
        for (int j = 1; j <= index.twojmax; j++) {
            int o = index.uOffset[j], op = index.uOffset[j - 1];
            for (int mb = 0; 2 * mb <= j; mb++) {
                int row = o + mb * (j + 1), prow = op + mb * j;
                for (int ma = 0; ma <= j; ma++) {
                    double re = 0, im = 0;
                    double[] dre = {0, 0, 0}, dim = {0, 0, 0};
                    if (ma < j) {
                        double c = rootpq[(j - ma) * stride + j - mb];
                        int p = prow + ma;
                        double pr = ur[p], pi = ui[p];
                        re += c * (ar * pr + ai * pi);
                        im += c * (ar * pi - ai * pr);
                        for (int k = 0; k < 3; k++) {
                            double dpr = dr[k][p], dpi = di[k][p];
                            dre[k] += c * (dar[k] * pr + dai[k] * pi + ar * dpr + ai * dpi);
                            dim[k] += c * (dar[k] * pi - dai[k] * pr + ar * dpi - ai * dpr);
                        }
                    }
                    if (ma > 0) {
                        double c = rootpq[ma * stride + j - mb];
                        int p = prow + ma - 1;
                        double pr = ur[p], pi = ui[p];
                        re -= c * (br * pr + bi * pi);
                        im -= c * (br * pi - bi * pr);
                        for (int k = 0; k < 3; k++) {
                            double dpr = dr[k][p], dpi = di[k][p];
                            dre[k] -= c * (dbr[k] * pr + dbi[k] * pi + br * dpr + bi * dpi);
                            dim[k] -= c * (dbr[k] * pi - dbi[k] * pr + br * dpi - bi * dpr);
                        }
                    }
                    ur[row + ma] = re;
                    ui[row + ma] = im;
                    for (int k = 0; k < 3; k++) {
                        dr[k][row + ma] = dre[k];
                        di[k][row + ma] = dim[k];
                    }
                }
            }
            if ((j & 1) == 1) {
                int from = (j + 1) / 2 * (j + 1);
                mirror(ur, ui, o, j, from, from + j + 1);
                for (int k = 0; k < 3; k++) mirror(dr[k], di[k], o, j, from, from + j + 1);
            }
        }
    }

    // ---------------------------------------------------------------- Z, B, Y

    /** B_{j1 j2 j} = 2 Σ_half Re[conj(U_j) Z_{j1 j2 j}] − bzero, into ws.b. */
    private void bispectrum(SnapWorkspace ws) {
        BispectrumIndex ix = index;
        for (int k = 0; k < ix.bCount; k++) {
            int t = ix.bZ[k];
            int j = ix.zj[t];
            int o = ix.uOffset[j];
            double sum = 0;
            for (int mb = 0; 2 * mb <= j; mb++) {
                int maMax = 2 * mb == j ? mb : j;
                for (int ma = 0; ma <= maMax; ma++) {
                    double[] zz = zEntry(ws, t, ma, mb);
                    int e = o + mb * (j + 1) + ma;
                    double term = ws.utr[e] * zz[0] + ws.uti[e] * zz[1];
                    sum += 2 * mb == j && ma == mb ? 0.5 * term : term;
                }
            }
            ws.b[k] = 2 * sum - bzero[k];
        }
    }

    /** Y_j = Σ over Z triples feeding layer j of factor·dEdB·Z, half layers. */
    private void computeY(SnapWorkspace ws, double[] dEdB) {
        BispectrumIndex ix = index;
        java.util.Arrays.fill(ws.yr, 0);
        java.util.Arrays.fill(ws.yi, 0);
        for (int t = 0; t < ix.zCount; t++) {
            double f = ix.zBetaFactor[t] * dEdB[ix.zBeta[t]];
            if (f == 0) continue;
            int j = ix.zj[t];
            int o = ix.uOffset[j];
            for (int mb = 0; 2 * mb <= j; mb++) {
                int maMax = 2 * mb == j ? mb : j;
                for (int ma = 0; ma <= maMax; ma++) {
                    double[] zz = zEntry(ws, t, ma, mb);
                    int e = o + mb * (j + 1) + ma;
                    ws.yr[e] += f * zz[0];
                    ws.yi[e] += f * zz[1];
                }
            }
        }
    }

    /** Z_{j1 j2 j}(ma, mb) = Σ C C U_j1 U_j2 from the total U. */
    private double[] zEntry(SnapWorkspace ws, int t, int ma, int mb) {
        BispectrumIndex ix = index;
        int j1 = ix.zj1[t], j2 = ix.zj2[t], j = ix.zj[t];
        int c0 = ix.zCg[t];
        int off = (j1 + j2 - j) / 2;
        int o1 = ix.uOffset[j1], o2 = ix.uOffset[j2];
        double zr = 0, zi = 0;
        int ma1lo = Math.max(0, ma + off - j2), ma1hi = Math.min(j1, ma + off);
        int mb1lo = Math.max(0, mb + off - j2), mb1hi = Math.min(j1, mb + off);
        for (int mb1 = mb1lo; mb1 <= mb1hi; mb1++) {
            int mb2 = mb + off - mb1;
            double cgb = ix.cg[c0 + mb1 * (j2 + 1) + mb2];
            int row1 = o1 + mb1 * (j1 + 1), row2 = o2 + mb2 * (j2 + 1);
            double sr = 0, si = 0;
            for (int ma1 = ma1lo; ma1 <= ma1hi; ma1++) {
                int ma2 = ma + off - ma1;
                double cga = ix.cg[c0 + ma1 * (j2 + 1) + ma2];
                double u1r = ws.utr[row1 + ma1], u1i = ws.uti[row1 + ma1];
                double u2r = ws.utr[row2 + ma2], u2i = ws.uti[row2 + ma2];
                sr += cga * (u1r * u2r - u1i * u2i);
                si += cga * (u1r * u2i + u1i * u2r);
            }
            zr += cgb * sr;
            zi += cgb * si;
        }
        return new double[] {zr, zi};
    }
}
