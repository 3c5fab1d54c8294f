package org.scoredos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapCoefficients;
import org.scoredos.estimate.TemperatureConditionedEstimator;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.io.BadInputException;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.StoreModel;
import picocli.CommandLine.Option;

/**
 * The options of a temperature-conditioned store (MD snapshots, {@code scoredos ingest}):
 * the model the MD ran with, and how its own free energy is anchored (method.md §6).
 */
final class MdReferenceOptions {
    @Option(names = "--reference-coeff", paramLabel = "FILE.snapcoeff",
            description = "for a store of MD snapshots (scoredos ingest): θ_ref, the model the MD ran with, as a LAMMPS "
                    + ".snapcoeff of the store's descriptor (default: the θ_ref ingest recorded from its --coeff); its harmonic "
                    + "free energy at the store's lattice anchors F_ref")
    Path referenceCoeff;

    @Option(names = "--anchor", paramLabel = "T0=F0",
            description = "for a store of MD snapshots: the reference model's free energy F0 (eV/atom, relative to its lattice "
                    + "energy, 3N convention) at T0 (K), from TI or a coexistence calculation; default: the harmonic limit T → 0")
    String anchor;

    /** The MD estimator of {@code phase}: θ_ref from --reference-coeff, F_harm of its Hessian at the store's lattice. */
    TemperatureConditionedEstimator estimator(PhaseSummary phase, PrintWriter err) throws IOException {
        StoreModel model = phase.model();
        if (referenceCoeff == null && (model == null || model.referenceTheta() == null)) {
            throw new BadInputException("--reference-coeff: required for " + phase.name()
                    + ", a store of MD snapshots that records no θ_ref: the .snapcoeff of the model the MD ran with");
        }
        if (model == null) {
            throw new BadInputException(phase.name() + ": the store records no descriptor (ingest with --params): "
                    + "the reference model's harmonic free energy cannot be computed");
        }
        double[] thetaRef;
        LinearSnapPotential potential;
        if (referenceCoeff != null) {
            thetaRef = CommandSupport.theta(referenceCoeff, err, phase).theta();
            SnapCoefficients coefficients = SnapCoefficientReader.read(referenceCoeff, model.descriptor());
            potential = LinearSnapPotential.of(model.descriptor(), coefficients);
        } else { // θ_ref as ingest recorded it, with the store's element radius and weight (β0 moves no force)
            thetaRef = model.referenceTheta();
            StoreModel.Species s = model.species().get(0);
            potential = LinearSnapPotential.singleElement(SnapBispectrum.singleElement(model.descriptor(), s.radius(), s.weight()),
                    0, thetaRef);
        }
        ReferenceConstants r = phase.reference();
        int[] types = new int[r.atoms()];
        java.util.Arrays.fill(types, 1);
        Structure lattice = new Structure(new Cell(r.cell(), new double[3]), r.positions(), types, new double[] {r.mass()});
        err.printf(Locale.ROOT, "%s: Hessian of the reference model at the store's lattice (%d atoms)%n", phase.name(), r.atoms());
        err.flush();
        HarmonicReference harmonic = HarmonicReference.compute(lattice, potential, 0.0, r.mass(),
                new HessianCalculator(HessianCalculator.DEFAULT_STEP, true));
        return new TemperatureConditionedEstimator(phase, thetaRef, harmonic::freeEnergy, anchor());
    }

    private double[] anchor() {
        if (anchor == null) return null;
        String[] kv = anchor.split("=", -1);
        try {
            double t = Double.parseDouble(kv[0].trim()), f = Double.parseDouble(kv[1].trim());
            if (kv.length != 2 || !(t > 0) || !Double.isFinite(t) || !Double.isFinite(f)) throw new NumberFormatException();
            return new double[] {t, f};
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new BadInputException("--anchor: expected T0=F0 (K, eV/atom), got '" + anchor + "'");
        }
    }
}
