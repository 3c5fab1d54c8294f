package org.scoredos.campaign;

import java.io.Serializable;
import org.scoredos.harmonic.HarmonicModes;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.Hessian;
import org.scoredos.harmonic.SparseHessian;
import org.scoredos.harmonic.SparseSpectrum;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/**
 * What an executor needs to rebuild a phase's {@link HarmonicReference}: the strained lattice,
 * its energy and the Hessian, as plain arrays. A dense Hessian's modes are re-derived on every
 * executor from this array (one deterministic decomposition, so local or remote, first run or
 * resumed, the samples have the same bits; the driver's own modes, built by another route, can
 * differ from them in the last bits, so samples never use those); a sparse one
 * travels as its neighbour blocks (O(N)) with the constants the driver computed, and no
 * eigenbasis exists anywhere.
 */
record PhaseReference(double[][] cell, double[] origin, double[] positions, int[] types, double[] massByType,
        AtomMasses masses, double strain, double latticeEnergy, double[][] hessian, SparseHessian sparse, SparseSpectrum spectrum)
        implements Serializable {

    static PhaseReference of(HarmonicReference ref, Hessian hessian) {
        Structure s = ref.structure();
        return new PhaseReference(s.cell().matrix(), s.cell().origin(), s.positions(), s.types(), s.massByType(),
                ref.masses(), ref.strain(), ref.latticeEnergy(), hessian.toArray(), null, null);
    }

    static PhaseReference sparse(HarmonicReference ref) {
        Structure s = ref.structure();
        return new PhaseReference(s.cell().matrix(), s.cell().origin(), s.positions(), s.types(), s.massByType(),
                ref.masses(), ref.strain(), ref.latticeEnergy(), null, ref.sparseHessian(), ref.sparseSpectrum());
    }

    HarmonicReference rebuild() {
        Structure s = new Structure(new Cell(cell, origin), positions, types, massByType);
        if (sparse != null) return new HarmonicReference(s, masses, strain, latticeEnergy, sparse, spectrum);
        return new HarmonicReference(s, masses, strain, latticeEnergy, HarmonicModes.of(Hessian.of(hessian)));
    }
}
