package org.scoredos.estimate;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.io.BadInputException;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.StoreModel;

/**
 * A phase of MD snapshots of one model θ_ref, grouped by temperature ({@code scoredos ingest}):
 * its estimator is {@link TemperatureConditionedEstimator} (method.md §6), θ_ref the one ingest
 * recorded (or the settings'), F_ref anchored by the harmonic free energy of θ_ref's Hessian at
 * the store's lattice and/or the settings' anchor; a store without a lattice (a liquid) without
 * an anchor gives F_θ − F_ref only.
 */
public record MdPhase(PhaseSummary summary) implements SingleStorePhase {
    @Override
    public TemperatureConditionedEstimator estimator(EstimatorSettings settings, Consumer<String> progress) {
        if (settings.pressure() != null) {
            throw new BadInputException(summary.name() + ": MD snapshots at one volume have no pressure dependence");
        }
        StoreModel model = summary.model();
        double[] given = settings.md().theta();
        if (given == null && (model == null || model.referenceTheta() == null)) {
            throw new BadInputException(summary.name() + ": a store of MD snapshots that records no θ_ref: give --reference-coeff "
                    + "(the model the MD ran with) or ingest with --params and --coeff");
        }
        if (model == null) {
            throw new BadInputException(summary.name() + ": the store records no descriptor (ingest with --params): "
                    + "the reference model cannot be read against it");
        }
        if (!model.fixedTerms().isEmpty()) { // ingest records none: its θ_ref's Hessian below is SNAP's alone
            throw new BadInputException(summary.name() + ": a store of MD snapshots with fixed terms " + model.fixedTerms()
                    + " is not supported");
        }
        PhaseSummary phase = settings.withScores(summary, progress);
        // ⟨U⟩ stored by ingest is of its θ_ref; another θ_ref takes N θ_ref·⟨D⟩ instead
        boolean storedEnergy = given == null || java.util.Arrays.equals(given, model.referenceTheta());
        double[] thetaRef = given != null ? given : model.referenceTheta();
        double[] anchor = settings.md().anchor(summary.name());
        ReferenceConstants r = phase.reference();
        if (!Arrays.stream(r.d0()).allMatch(Double::isFinite)) { // no lattice: a liquid (difference mode unless anchored)
            return new TemperatureConditionedEstimator(phase, thetaRef, storedEnergy, null, anchor);
        }
        StoreModel.Species s = model.species().get(0);
        // β0 moves no force: the Hessian of θ_ref with the store's element radius and weight
        LinearSnapPotential potential = LinearSnapPotential.singleElement(
                SnapBispectrum.singleElement(model.descriptor(), s.radius(), s.weight()), 0, thetaRef);
        int[] types = new int[r.atoms()];
        Arrays.fill(types, 1);
        Structure lattice = new Structure(new Cell(r.cell(), new double[3]), r.positions(), types, new double[] {r.mass()});
        progress.accept(String.format(Locale.ROOT, "%s: Hessian of the reference model at the store's lattice (%d atoms)",
                phase.name(), r.atoms()));
        HarmonicReference harmonic = HarmonicReference.compute(lattice, potential, 0.0, r.mass(),
                new HessianCalculator(HessianCalculator.DEFAULT_STEP, true));
        return new TemperatureConditionedEstimator(phase, thetaRef, storedEnergy, harmonic::freeEnergy, anchor);
    }
}
