package org.scoredos.estimate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.harmonic.HarmonicModes;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.Hessian;
import org.scoredos.harmonic.HessianCache;
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
        HessianCalculator calculator = new HessianCalculator(HessianCalculator.DEFAULT_STEP, true);
        Supplier<Hessian> compute = () -> {
            progress.accept(String.format(Locale.ROOT, "%s: Hessian of the reference model at the store's lattice (%d atoms)",
                    phase.name(), r.atoms()));
            return calculator.compute(potential, lattice);
        };
        String cache = settings.md().hessianCache();
        Hessian h = cache == null ? compute.get() : new HessianCache(Path.of(cache)).getOrCompute(
                HessianCache.key(lattice, 0.0, calculator.step(), List.of(identity(model.descriptor(), s, thetaRef))), compute);
        HarmonicReference harmonic = new HarmonicReference(lattice, HarmonicReference.resolveMasses(lattice, r.mass()), 0.0,
                potential.energy(lattice), HarmonicModes.of(h));
        return new TemperatureConditionedEstimator(phase, thetaRef, storedEnergy, harmonic::freeEnergy, anchor);
    }

    /** What θ_ref's Hessian depends on besides the lattice: the descriptor, the element's radius and weight, θ_ref. */
    private static byte[] identity(SnapParameters descriptor, StoreModel.Species species, double[] theta) {
        byte[] text = ("md-reference-v1 " + descriptor + " " + species.radius() + " " + species.weight()).getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(text.length + 8 * theta.length).put(text);
        for (double v : theta) b.putDouble(v);
        return b.array();
    }
}
