package org.scoredos.campaign;

import java.io.Serializable;
import org.scoredos.harmonic.HarmonicModes;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.HessianCache;
import org.scoredos.harmonic.SparseHessian;
import org.scoredos.harmonic.SparseSpectrum;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/**
 * What an executor needs to rebuild a phase's {@link HarmonicReference}: the strained lattice,
 * its energy and, for a dense Hessian, the modes samples are drawn from — those of the Hessian
 * projected once more ({@link HessianCache#reprojectedModes}: every output so far was sampled
 * from them, and the driver's own modes, of the Hessian as stored, differ in their last bits);
 * decomposed once and kept in the Hessian cache, so no executor decomposes (in local mode the
 * executors get this very object). A sparse one travels as its neighbour blocks (O(N)) with the
 * constants the driver computed, and no eigenbasis exists anywhere.
 */
record PhaseReference(double[][] cell, double[] origin, double[] positions, int[] types, double[] massByType,
        AtomMasses masses, double strain, double latticeEnergy, HarmonicModes modes, SparseHessian sparse, SparseSpectrum spectrum)
        implements Serializable {

    /** @param sampled the modes the samples are drawn from ({@link HessianCache#reprojectedModes}) */
    static PhaseReference of(HarmonicReference ref, HarmonicModes sampled) {
        Structure s = ref.structure();
        return new PhaseReference(s.cell().matrix(), s.cell().origin(), s.positions(), s.types(), s.massByType(),
                ref.masses(), ref.strain(), ref.latticeEnergy(), sampled, null, null);
    }

    static PhaseReference sparse(HarmonicReference ref) {
        Structure s = ref.structure();
        return new PhaseReference(s.cell().matrix(), s.cell().origin(), s.positions(), s.types(), s.massByType(),
                ref.masses(), ref.strain(), ref.latticeEnergy(), null, ref.sparseHessian(), ref.sparseSpectrum());
    }

    HarmonicReference rebuild() {
        Structure s = new Structure(new Cell(cell, origin), positions, types, massByType);
        if (sparse != null) return new HarmonicReference(s, masses, strain, latticeEnergy, sparse, spectrum);
        return new HarmonicReference(s, masses, strain, latticeEnergy, modes);
    }
}
