package org.scoredos.descriptor;

import org.scoredos.io.BadInputException;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.structure.Structure;

/**
 * The SNAP bispectrum exactly as LAMMPS computes it ({@code compute sna/atom}, {@code pair_style
 * snap}): per-atom components B_{j1 j2 j} in LAMMPS's order, bzero subtracted, optionally divided
 * by j+1 (bnormflag), cosine switching, element radii and weights, optional explicit
 * multi-element blocks (chemflag), optional quadratic products, and the derivatives needed for forces.
 *
 * <p>One instance per parameter set holds only immutable tables (Clebsch–Gordan coefficients,
 * indices) and is safe to share between threads; each thread works in its own
 * {@link SnapWorkspace} (the convenience methods use a thread-local one).
 *
 * <p>Atom type t (from 1) has radius {@code radius[t-1]} and weight {@code weight[t-1]}; a pair
 * interacts when 0 < r² < rcut², rcut = rcutfac·(R_i + R_j). The bispectrum does not depend on
 * the species otherwise unless chemflag: then each element e has its own density U^e (the
 * neighbours of that element, plus the self term on the atom's own element, or on every element
 * with wselfallflag) and the components come in n³ blocks B^{abc} = U^c·Z(U^a, U^b), block
 * (a·n + b)·n + c of bispectrumCount()/n³ components each, as LAMMPS orders them.
 */
public final class SnapBispectrum {
    /** Closer than this, two atoms are a broken structure, not physics. */
    public static final double MIN_DISTANCE = 0.1;

    private final SnapParameters params;
    private final BispectrumIndex index;
    private final HypersphericalHarmonics harmonics;
    private final BispectrumContraction contraction;
    private final double[] radius;
    private final double[] weight;
    private final int channels; // densities: elements with chemflag, else 1
    private final double[] bzero; // per component of one block
    private final ThreadLocal<SnapWorkspace> local = ThreadLocal.withInitial(this::newWorkspace);

    public SnapBispectrum(SnapParameters params, double[] radius, double[] weight) {
        if (radius.length != weight.length) throw new IllegalArgumentException("need one radius and one weight per type");
        checkCutoffs(params, radius);
        this.params = params;
        this.index = new BispectrumIndex(params.twojmax());
        this.harmonics = new HypersphericalHarmonics(index, params);
        this.channels = params.chem() ? radius.length : 1;
        this.contraction = new BispectrumContraction(index, params.bnorm(), channels);
        this.radius = radius.clone();
        this.weight = weight.clone();
        this.bzero = new double[index.bCount];
        if (params.bzero()) {
            // the isolated atom (self term w_self = 1): Σ over the identity's diagonal, j + 1
            for (int b = 0; b < index.bCount; b++) bzero[b] = params.bnorm() ? 1 : index.bj[b] + 1;
        }
    }

    /**
     * The element radii a bispectrum of {@code params} takes: one at least, each positive, and
     * rmin0 below the smallest pair cutoff rcutfac·2R (a property of the parameter and coefficient
     * files together, checked by their reader without building the bispectrum).
     */
    public static void checkCutoffs(SnapParameters params, double[] radius) {
        if (radius.length == 0) throw new IllegalArgumentException("need one radius and one weight per type");
        for (double rad : radius) {
            if (!(rad > 0) || !Double.isFinite(rad)) throw new IllegalArgumentException("radius must be positive, got " + rad);
        }
        double smallest = Double.MAX_VALUE;
        for (double rad : radius) smallest = Math.min(smallest, 2 * rad * params.rcutfac());
        if (params.rmin0() >= smallest) {
            throw new BadInputException("rmin0 (" + params.rmin0() + " Å) must be below the smallest pair cutoff rcutfac·2R ("
                    + smallest + " Å)");
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

    /** Number of bispectrum components, every element block (55 at 2J = 8 without chemflag). */
    public int bispectrumCount() {
        return channels * channels * channels * index.bCount;
    }

    /** Number of descriptor components: the bispectrum plus, with quadraticflag, its products. */
    public int descriptorCount() {
        return params.descriptorCount(radius.length);
    }

    /** The (2j1, 2j2, 2j) indices of bispectrum component k (of any element block). */
    public int[] triple(int k) {
        int c = k % index.bCount;
        return new int[] {index.bj1[c], index.bj2[c], index.bj[c]};
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
        return new SnapWorkspace(this, index, channels);
    }

    /** The full neighbour list this bispectrum needs, after checking the structure's types. */
    public NeighborList neighbors(Structure structure) {
        return neighbors(structure, 0);
    }

    /** As {@link #neighbors(Structure)}, with pairs out to the cutoff + {@code skin} Å (for lists reused under small moves). */
    public NeighborList neighbors(Structure structure, double skin) {
        int maxType = maxType(structure);
        if (maxType > radius.length) {
            throw new BadInputException("the structure has atom type " + maxType + " but the SNAP model defines "
                    + radius.length + " element(s)");
        }
        return NeighborList.build(structure, cutoff() + skin);
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
        int nb = ws.b.length;
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
        checkLoaded(list, i, ws);
        completeZ(ws);
        contraction.y(dEdB, ws.zr, ws.zi, ws.yr, ws.yi);
        // ∂U/∂r_k = Σ_α c_kα G_α·U, so ∂E/∂r_k needs only U and the per-atom W_α = G_α†·Y
        for (int e = 0; e < channels; e++) harmonics.adjointGenerators(ws.yr[e], ws.yi[e], ws.wr[e], ws.wi[e]);
        double[] ur = ws.ur, ui = ws.ui;
        double[] c = ws.generator;
        int[] uOffset = index.uOffset;
        for (int n = 0; n < ws.count; n++) {
            double r = ws.r[n];
            harmonics.valuesAndGeneratorCoefficients(ws.x[n], ws.y[n], ws.z[n], r, ws.rcut[n], ur, ui, c);
            // the neighbour's U enters only its own element's density
            int e = ws.channel[n];
            double[] yr = ws.yr[e], yi = ws.yi[e];
            double[] w0r = ws.wr[e][0], w0i = ws.wi[e][0], w1r = ws.wr[e][1], w1i = ws.wi[e][1], w2r = ws.wr[e][2], w2i = ws.wi[e][2];
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int j = 0; j <= index.twojmax; j++) {
                int o = uOffset[j];
                int end = o + (j / 2 + 1) * (j + 1);
                for (int u = o; u < end; u++) {
                    double a = ur[u], b = ui[u];
                    s0 += a * yr[u] + b * yi[u];
                    s1 += a * w0r[u] + b * w0i[u];
                    s2 += a * w1r[u] + b * w1i[u];
                    s3 += a * w2r[u] + b * w2i[u];
                }
            }
            double sfac = ws.w[n] * switching(r, ws.rcut[n]);
            double dsfac = ws.w[n] * switchingDerivative(r, ws.rcut[n]) / r * s0;
            double fx = dsfac * ws.x[n] + sfac * (c[0] * s1 + c[1] * s2 + c[2] * s3);
            double fy = dsfac * ws.y[n] + sfac * (c[3] * s1 + c[4] * s2 + c[5] * s3);
            double fz = dsfac * ws.z[n] + sfac * (c[6] * s1 + c[7] * s2 + c[8] * s3);
            int j = ws.nbr[n];
            forces[3 * i] += fx;
            forces[3 * i + 1] += fy;
            forces[3 * i + 2] += fz;
            forces[3 * j] -= fx;
            forces[3 * j + 1] -= fy;
            forces[3 * j + 2] -= fz;
        }
    }

    private static void checkLoaded(NeighborList list, int i, SnapWorkspace ws) {
        if (ws.atom != i || ws.list != list) {
            throw new IllegalStateException("compute() of atom " + i + " must come first in this workspace");
        }
    }

    /** Z of the triples that are no component, once per atom. */
    private void completeZ(SnapWorkspace ws) {
        if (ws.zComplete) return;
        contraction.remainingZ(ws.utr, ws.uti, ws.zr, ws.zi);
        ws.zComplete = true;
    }

    /**
     * ∂D/∂x of the per-structure descriptor D (the mean over atoms), [component][3N]: the
     * descriptor gradients behind forces of any linear model (F = −N θ·∂D/∂x) and, by finite
     * differences of this Jacobian, descriptor Hessians.
     */
    public double[][] averageJacobian(Structure structure) {
        NeighborList list = neighbors(structure);
        SnapWorkspace ws = local.get();
        double[][] jacobian = new double[descriptorCount()][3 * structure.size()];
        double[] atom = new double[descriptorCount()];
        for (int i = 0; i < structure.size(); i++) {
            compute(structure, list, i, ws, atom);
            addGradient(list, i, ws, 1.0 / structure.size(), jacobian);
        }
        return jacobian;
    }

    /**
     * Adds scale·∂D^i/∂x (atom i's descriptor, quadratic products included) to
     * {@code jacobian[component][3N]}. Call right after {@link #compute} of the same atom with
     * the same workspace.
     */
    public void addGradient(NeighborList list, int i, SnapWorkspace ws, double scale, double[][] jacobian) {
        checkLoaded(list, i, ws);
        completeZ(ws);
        BispectrumIndex ix = index;
        int nb = ix.bCount;
        int n3 = ws.b.length;
        int ch = channels;
        for (int n = 0; n < ws.count; n++) {
            double r = ws.r[n];
            harmonics.valuesAndDerivatives(ws.x[n], ws.y[n], ws.z[n], r, ws.rcut[n], ws);
            double sfac = ws.w[n] * switching(r, ws.rcut[n]);
            double dsfac = ws.w[n] * switchingDerivative(r, ws.rcut[n]) / r;
            for (int p = 0; p < ch * ch; p++) pairGradient(ws, n, sfac, dsfac, p);
            // ∂B^{abc} = [c = e] ∂U_j·Z^{ab} + [a = e] f1 ∂U_j1·Z^{cb} + [b = e] f2 ∂U_j2·Z^{ca}, e the neighbour's density
            int e = ws.channel[n];
            for (int a = 0; a < ch; a++) {
                for (int b = 0; b < ch; b++) {
                    for (int c = 0; c < ch; c++) {
                        int at = ((a * ch + b) * ch + c) * nb;
                        for (int k = 0; k < nb; k++) {
                            double f0 = contraction.componentScale(k);
                            double dx = 0, dy = 0, dz = 0;
                            if (c == e) {
                                int p = a * ch + b, t = ix.bZ[k];
                                dx += f0 * ws.gx[p][t];
                                dy += f0 * ws.gy[p][t];
                                dz += f0 * ws.gz[p][t];
                            }
                            if (a == e) {
                                int p = c * ch + b, t = ix.bZ1[k];
                                double f = f0 * ix.bF1[k];
                                dx += f * ws.gx[p][t];
                                dy += f * ws.gy[p][t];
                                dz += f * ws.gz[p][t];
                            }
                            if (b == e) {
                                int p = c * ch + a, t = ix.bZ2[k];
                                double f = f0 * ix.bF2[k];
                                dx += f * ws.gx[p][t];
                                dy += f * ws.gy[p][t];
                                dz += f * ws.gz[p][t];
                            }
                            ws.dbx[at + k] = dx;
                            ws.dby[at + k] = dy;
                            ws.dbz[at + k] = dz;
                        }
                    }
                }
            }
            int j = ws.nbr[n];
            for (int k = 0; k < n3; k++) {
                if (ws.dbx[k] != 0 || ws.dby[k] != 0 || ws.dbz[k] != 0) addPair(jacobian[k], i, j, scale, ws.dbx[k], ws.dby[k], ws.dbz[k]);
            }
            if (params.quadratic()) {
                int q = n3;
                for (int a = 0; a < n3; a++) {
                    double ba = ws.b[a];
                    addPair(jacobian[q++], i, j, scale * ba, ws.dbx[a], ws.dby[a], ws.dbz[a]);
                    for (int d = a + 1; d < n3; d++) {
                        double bd = ws.b[d];
                        addPair(jacobian[q++], i, j, scale, ba * ws.dbx[d] + bd * ws.dbx[a],
                                ba * ws.dby[d] + bd * ws.dby[a], ba * ws.dbz[d] + bd * ws.dbz[a]);
                    }
                }
            }
        }
    }

    /** Per Z triple of density pair p: 2 Σ_half Re[conj(∂(w fc U))·Z^p] of neighbour n along x, y, z. */
    private void pairGradient(SnapWorkspace ws, int n, double sfac, double dsfac, int p) {
        BispectrumIndex ix = index;
        double[] zr = ws.zr[p], zi = ws.zi[p], gx = ws.gx[p], gy = ws.gy[p], gz = ws.gz[p];
        for (int t = 0; t < ix.zCount; t++) {
            int j = ix.zj[t];
            int o = ix.uOffset[j];
            int st = ix.zStore[t];
            int h = BispectrumIndex.half(j);
            double a0 = 0, ax = 0, ay = 0, az = 0;
            for (int e = 0; e < h; e++) {
                double w = (j & 1) == 0 && e == h - 1 ? 0.5 : 1;
                double wzr = w * zr[st + e], wzi = w * zi[st + e];
                a0 += ws.ur[o + e] * wzr + ws.ui[o + e] * wzi;
                ax += ws.dxr[o + e] * wzr + ws.dxi[o + e] * wzi;
                ay += ws.dyr[o + e] * wzr + ws.dyi[o + e] * wzi;
                az += ws.dzr[o + e] * wzr + ws.dzi[o + e] * wzi;
            }
            gx[t] = 2 * (dsfac * ws.x[n] * a0 + sfac * ax);
            gy[t] = 2 * (dsfac * ws.y[n] * a0 + sfac * ay);
            gz[t] = 2 * (dsfac * ws.z[n] * a0 + sfac * az);
        }
    }

    /** A derivative with respect to r_ij = x_j − x_i: +scale·d on atom j, −scale·d on atom i. */
    private static void addPair(double[] row, int i, int j, double scale, double dx, double dy, double dz) {
        row[3 * j] += scale * dx;
        row[3 * j + 1] += scale * dy;
        row[3 * j + 2] += scale * dz;
        row[3 * i] -= scale * dx;
        row[3 * i + 1] -= scale * dy;
        row[3 * i + 2] -= scale * dz;
    }

    // ---------------------------------------------------------------- neighbours

    private void load(Structure structure, NeighborList list, int i, SnapWorkspace ws) {
        if (ws.owner != this) throw new IllegalArgumentException("the workspace belongs to another SnapBispectrum");
        if (list.cutoff() < cutoff()) {
            throw new IllegalArgumentException("the neighbour list's cutoff " + list.cutoff() + " Å is below the SNAP cutoff " + cutoff() + " Å");
        }
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
            ws.nbr[n] = j;
            ws.x[n] = dx;
            ws.y[n] = dy;
            ws.z[n] = dz;
            ws.r[n] = r;
            ws.rcut[n] = rc;
            ws.w[n] = weight[tj - 1];
            ws.channel[n] = channel(tj);
            n++;
        }
        ws.count = n;
        ws.atomChannel = channel(ti);
        ws.atom = i;
        ws.list = list;
    }

    /** The density a type's neighbours enter: its element with chemflag, else the one density. */
    private int channel(int type) {
        return channels == 1 ? 0 : type - 1;
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

    // ---------------------------------------------------------------- U, B

    /**
     * Per density e: Σ over neighbours of that density of w_j fc(r) U(r_ij), plus the self term
     * (identity, w_self = 1) on the atom's own density, or on every density with wselfallflag;
     * all layers complete.
     */
    private void totalU(SnapWorkspace ws) {
        double[] ur = ws.ur, ui = ws.ui;
        for (int e = 0; e < channels; e++) {
            double[] tr = ws.utr[e], ti = ws.uti[e];
            java.util.Arrays.fill(tr, 0);
            java.util.Arrays.fill(ti, 0);
            if (e == ws.atomChannel || params.wselfAll()) {
                for (int j = 0; j <= index.twojmax; j++) {
                    for (int ma = 0; ma <= j; ma++) tr[index.uOffset[j] + ma * (j + 1) + ma] = 1;
                }
            }
        }
        for (int n = 0; n < ws.count; n++) {
            harmonics.values(ws.x[n], ws.y[n], ws.z[n], ws.r[n], ws.rcut[n], ur, ui);
            double sfac = ws.w[n] * switching(ws.r[n], ws.rcut[n]);
            double[] tr = ws.utr[ws.channel[n]], ti = ws.uti[ws.channel[n]];
            for (int j = 0; j <= index.twojmax; j++) {
                int o = index.uOffset[j];
                int end = o + BispectrumIndex.half(j);
                for (int e = o; e < end; e++) {
                    tr[e] += sfac * ur[e];
                    ti[e] += sfac * ui[e];
                }
            }
        }
        for (int e = 0; e < channels; e++) harmonics.completeBySymmetry(ws.utr[e], ws.uti[e]);
    }

    /**
     * Z of the component triples and B into ws.b, bzero subtracted: from the atom's own block
     * (a = b = c its density), or from every block with wselfallflag, where every density has
     * the self term.
     */
    private void bispectrum(SnapWorkspace ws) {
        contraction.componentZ(ws.utr, ws.uti, ws.zr, ws.zi);
        contraction.bispectrum(ws.utr, ws.uti, ws.zr, ws.zi, ws.b);
        int nb = index.bCount;
        int own = (ws.atomChannel * channels + ws.atomChannel) * channels + ws.atomChannel;
        for (int block = 0; block < channels * channels * channels; block++) {
            if (block != own && !params.wselfAll()) continue;
            for (int k = 0; k < nb; k++) ws.b[block * nb + k] -= bzero[k];
        }
        ws.zComplete = false;
    }

}
