package org.scoredos.potential;

import java.util.Arrays;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.descriptor.SnapCoefficients;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.descriptor.SnapWorkspace;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.structure.Structure;

/**
 * The (q)SNAP potential of LAMMPS's {@code pair_style snap}: E = Σ_i (β0 + β·D^i) with D^i the
 * atom's descriptor (bispectrum, plus ½B_k², B_k B_l when quadraticflag), β the coefficient block
 * of atom i's element. Forces come from the Y-array form of the bispectrum derivative; the
 * virial from the same per-pair forces, kept apart by giving every pair a ghost neighbour.
 * As a {@link LinearModel}: Φ is D summed per element over N, c the β blocks, E₀ = Σ β0.
 * Thread-safe: the bispectrum engine keeps per-thread scratch.
 */
public final class LinearSnapPotential implements LinearModel {
    private final SnapBispectrum bispectrum;
    private final double[][] coefficients; // per type: β0, then β

    public LinearSnapPotential(SnapBispectrum bispectrum, double[][] coefficientsByType) {
        int expected = 1 + bispectrum.descriptorCount();
        for (double[] c : coefficientsByType) {
            if (c.length != expected) {
                throw new IllegalArgumentException("each element needs " + expected + " coefficients, got " + c.length);
            }
        }
        this.bispectrum = bispectrum;
        this.coefficients = Arrays.stream(coefficientsByType).map(double[]::clone).toArray(double[][]::new);
    }

    /** The potential of a parameter file and a coefficient file (type t uses element t). */
    public static LinearSnapPotential of(SnapParameters params, SnapCoefficients coefficients) {
        double[][] beta = coefficients.elements().stream().map(e -> e.coefficients()).toArray(double[][]::new);
        return new LinearSnapPotential(SnapBispectrum.of(params, coefficients), beta);
    }

    /** One element: E = Σ_i (beta0 + beta·D^i), beta one coefficient per descriptor component (θ). */
    public static LinearSnapPotential singleElement(SnapBispectrum bispectrum, double beta0, double[] beta) {
        double[] c = new double[beta.length + 1];
        c[0] = beta0;
        System.arraycopy(beta, 0, c, 1, beta.length);
        return new LinearSnapPotential(bispectrum, new double[][] {c});
    }

    public SnapBispectrum bispectrum() {
        return bispectrum;
    }

    @Override
    public double cutoff() {
        return bispectrum.cutoff();
    }

    @Override
    public int featureCount() {
        return coefficients.length * bispectrum.descriptorCount();
    }

    @Override
    public double[] coefficients() {
        int d = bispectrum.descriptorCount();
        double[] c = new double[featureCount()];
        for (int t = 0; t < coefficients.length; t++) System.arraycopy(coefficients[t], 1, c, t * d, d);
        return c;
    }

    @Override
    public double[] features(Structure structure) {
        NeighborList list = bispectrum.neighbors(structure);
        SnapWorkspace ws = bispectrum.workspace();
        int d = bispectrum.descriptorCount();
        double[] atom = new double[d];
        double[] phi = new double[featureCount()];
        for (int i = 0; i < structure.size(); i++) {
            bispectrum.compute(structure, list, i, ws, atom);
            int o = (structure.type(i) - 1) * d;
            for (int k = 0; k < d; k++) phi[o + k] += atom[k];
        }
        for (int k = 0; k < phi.length; k++) phi[k] /= structure.size();
        return phi;
    }

    @Override
    public double offset(Structure structure) {
        double e = 0;
        for (int i = 0; i < structure.size(); i++) e += coefficients[structure.type(i) - 1][0];
        return e;
    }

    @Override
    public NeighborList neighbors(Structure structure, double skin) {
        return bispectrum.neighbors(structure, skin);
    }

    @Override
    public void addAtomForces(Structure structure, NeighborList list, int i, double[] forces) {
        SnapWorkspace ws = bispectrum.workspace();
        double[] d = new double[bispectrum.descriptorCount()];
        double[] beta = coefficients[structure.type(i) - 1];
        bispectrum.compute(structure, list, i, ws, d);
        bispectrum.addForces(list, i, slopes(beta, d), ws, forces);
    }

    /** ∂E_i/∂B of an atom with descriptor d: β, plus the quadratic terms' chain rule. */
    private double[] slopes(double[] beta, double[] d) {
        int nb = bispectrum.bispectrumCount();
        double[] dEdB = Arrays.copyOfRange(beta, 1, 1 + nb);
        if (bispectrum.parameters().quadratic()) addQuadraticSlopes(beta, d, nb, dEdB);
        return dEdB;
    }

    @Override
    public Evaluation evaluate(Structure structure, boolean withForces, boolean withVirial) {
        return evaluate(structure, withForces, withVirial, null);
    }

    /** Φ and the forces from one pass: each atom's descriptor is computed once, for its features and its forces. */
    @Override
    public FeaturesAndForces featuresAndForces(Structure structure) {
        double[] phi = new double[featureCount()];
        Evaluation e = evaluate(structure, true, false, phi);
        for (int k = 0; k < phi.length; k++) phi[k] /= structure.size();
        return new FeaturesAndForces(phi, e);
    }

    /** The evaluation, adding each atom's descriptor to its element's block of {@code sums} (Φ·N) when that is not null. */
    private Evaluation evaluate(Structure structure, boolean withForces, boolean withVirial, double[] sums) {
        NeighborList list = bispectrum.neighbors(structure);
        int n = structure.size();
        // For the virial every pair writes its force onto a ghost of its own (atoms n.., types of the neighbours).
        NeighborList pairs = withVirial ? list.withGhostNeighbours() : list;
        Structure atoms = withVirial ? withGhostTypes(structure, list) : structure;
        double[] buffer = withForces || withVirial ? new double[3 * atoms.size()] : null;
        SnapWorkspace ws = bispectrum.workspace();
        int nb = bispectrum.bispectrumCount();
        boolean quadratic = bispectrum.parameters().quadratic();
        double[] d = new double[bispectrum.descriptorCount()];
        double[] dEdB = new double[nb];
        double energy = 0;
        for (int i = 0; i < n; i++) {
            double[] beta = coefficients[structure.type(i) - 1];
            bispectrum.compute(atoms, pairs, i, ws, d);
            if (sums != null) {
                int o = (structure.type(i) - 1) * d.length;
                for (int k = 0; k < d.length; k++) sums[o + k] += d[k];
            }
            double e = beta[0];
            for (int k = 0; k < d.length; k++) e += beta[k + 1] * d[k];
            energy += e;
            if (buffer == null) continue;
            System.arraycopy(beta, 1, dEdB, 0, nb);
            if (quadratic) addQuadraticSlopes(beta, d, nb, dEdB);
            bispectrum.addForces(pairs, i, dEdB, ws, buffer);
        }
        if (!withVirial) return new Evaluation(energy, buffer, null);
        double[] virial = new double[6];
        double[] forces = withForces ? Arrays.copyOf(buffer, 3 * n) : null;
        for (int p = 0; p < list.pairs(); p++) {
            int g = 3 * (n + p);
            Evaluation.addPair(virial, list.dx(p), list.dy(p), list.dz(p), buffer[g], buffer[g + 1], buffer[g + 2]);
            if (forces == null) continue;
            int j = 3 * list.neighbor(p);
            for (int a = 0; a < 3; a++) forces[j + a] += buffer[g + a];
        }
        return new Evaluation(energy, forces, virial);
    }

    /** The structure with one ghost atom per pair of {@code list}, typed as the pair's neighbour (positions unused). */
    private static Structure withGhostTypes(Structure structure, NeighborList list) {
        int n = structure.size();
        int[] types = Arrays.copyOf(structure.types(), n + list.pairs());
        for (int p = 0; p < list.pairs(); p++) types[n + p] = structure.type(list.neighbor(p));
        return new Structure(structure.cell(), new double[3 * types.length], types, structure.massByType());
    }

    /** ∂/∂B_a of Σ β_aa ½B_a² + Σ_{a<c} β_ac B_a B_c, in LAMMPS's coefficient order. */
    private static void addQuadraticSlopes(double[] beta, double[] d, int nb, double[] dEdB) {
        int k = 1 + nb;
        for (int a = 0; a < nb; a++) {
            dEdB[a] += beta[k++] * d[a];
            for (int c = a + 1; c < nb; c++) {
                double bac = beta[k++];
                dEdB[a] += bac * d[c];
                dEdB[c] += bac * d[a];
            }
        }
    }
}
