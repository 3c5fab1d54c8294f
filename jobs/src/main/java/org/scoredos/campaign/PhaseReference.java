package org.scoredos.campaign;

import java.io.Serializable;
import org.scoredos.harmonic.HarmonicModes;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.Hessian;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/**
 * What an executor needs to rebuild a phase's {@link HarmonicReference}: the strained lattice,
 * its energy and the Hessian, as plain arrays. The modes are re-derived from the Hessian on
 * the executor (the same bits as on the driver: one deterministic decomposition).
 */
record PhaseReference(double[][] cell, double[] origin, double[] positions, int[] types, double[] massByType,
        double mass, double strain, double latticeEnergy, double[][] hessian) implements Serializable {

    static PhaseReference of(HarmonicReference ref, Hessian hessian) {
        Structure s = ref.structure();
        return new PhaseReference(s.cell().matrix(), s.cell().origin(), s.positions(), s.types(), s.massByType(),
                ref.mass(), ref.strain(), ref.latticeEnergy(), hessian.toArray());
    }

    HarmonicReference rebuild() {
        Structure s = new Structure(new Cell(cell, origin), positions, types, massByType);
        return new HarmonicReference(s, mass, strain, latticeEnergy, HarmonicModes.of(Hessian.of(hessian)));
    }
}
