package org.scoredos.campaign;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.scoredos.descriptor.SnapElement;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.Hessian;
import org.scoredos.harmonic.HessianCache;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.HessianForm;
import org.scoredos.harmonic.SparseHessian;
import org.scoredos.harmonic.SparseHessianCalculator;
import org.scoredos.harmonic.SparseSpectrum;
import org.scoredos.model.ModelDescription;
import org.scoredos.model.SampledFeatures;
import org.scoredos.potential.LinearModel;
import org.scoredos.potential.FireRelaxation;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Elements;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;
import org.scoredos.structure.StructureFiles;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.StoreModel;

/**
 * The driver's part before any sampling: read the files a config names, build each strain's
 * harmonic reference (its Hessian from the on-disk cache when already computed; dense or
 * sparse by {@link HessianForm}) and the descriptor source the executors will rebuild. The
 * reference model's fixed terms (ZBL) are in its Hessian and follow the descriptor in every
 * recorded vector, D_0 included ({@link SampledFeatures}).
 */
final class CampaignSetup {
    /** The per-strain constants, the broadcastable descriptor source and the campaign identity. */
    record Prepared(List<ReferenceConstants> phases, SnapshotDescriptors source, String identity, StoreModel model) {}

    private CampaignSetup() {}

    @SuppressWarnings("try") // the stage only reports while the work runs
    static Prepared prepare(CampaignConfig c, Path configFile, Path hessianCache, Progress progress) throws IOException {
        Path base = configFile.toAbsolutePath().getParent();
        SnapParameters descriptorParams = CampaignFiles.descriptor(c, base);
        ModelDescription reference = CampaignFiles.reference(c, base);
        SampledFeatures features = new SampledFeatures(reference, descriptorParams);
        LinearModel potential = reference.model();
        List<String> elements = reference.elements().stream().map(e -> e.name()).toList();
        Structure lattice = withMasses(c, configFile, elements, lattice(c, base, reference));
        AtomMasses masses = AtomMasses.of(lattice);

        HessianCache cache = new HessianCache(hessianCache);
        HessianCalculator calculator = new HessianCalculator(HessianCalculator.DEFAULT_STEP, true);
        List<byte[]> potentialIdentity = List.of(reference.identity());
        List<ReferenceConstants> constants = new ArrayList<>();
        List<PhaseReference> phases = new ArrayList<>();
        boolean sparse = HessianForm.fromEnvironment().sparseFor(lattice.size());
        SparseHessianCalculator sparseCalculator = new SparseHessianCalculator(HessianCalculator.DEFAULT_STEP, true);
        for (double strain : c.strains()) {
            Structure strained = HarmonicReference.strained(lattice, strain);
            Structure x0 = c.relax() == null ? strained : relaxed(c, configFile, potential, strained, strain, progress);
            // a relaxed cell's positions are not the lattice's: its Hessian is cached under them
            String key = HessianCache.key(c.relax() != null ? x0 : lattice, strain, calculator.step(), potentialIdentity);
            String what = String.format(Locale.ROOT, "%s Hessian of %d atoms at strain %+.4f", sparse ? "sparse" : "dense", x0.size(), strain);
            HarmonicReference ref;
            if (sparse) {
                SparseHessian h = cache.getOrComputeSparse(key, () -> {
                    AtomicLong done = new AtomicLong();
                    try (Progress.Stage stage = progress.count(what, "displaced coordinates", sparseCalculator.displacedCoordinates(x0), done::get)) {
                        return sparseCalculator.compute(potential, x0, finished -> done.accumulateAndGet(finished, Math::max));
                    }
                });
                ref = new HarmonicReference(x0, masses, strain, potential.energy(x0), h, SparseSpectrum.of(h));
                phases.add(PhaseReference.sparse(ref));
            } else {
                Hessian h = cache.getOrCompute(key, () -> {
                    AtomicLong done = new AtomicLong();
                    try (Progress.Stage stage = progress.count(what, "displaced coordinates", calculator.displacedCoordinates(x0), done::get)) {
                        return calculator.compute(potential, x0, finished -> done.accumulateAndGet(finished, Math::max));
                    }
                });
                // both decompositions from the cache after the first run (a few tenths of a second of CPU each)
                ref = new HarmonicReference(x0, masses, strain, potential.energy(x0), cache.modes(key, h));
                phases.add(PhaseReference.of(ref, cache.reprojectedModes(key, h)));
            }
            constants.add(c.sampler().kind().constants(ref, features.of(x0)));
        }
        SnapshotDescriptors source = new SampledDescriptors(c.seed(), c.sampler().key(),
                c.kinetic() == null ? null : c.kinetic().dynamics(), descriptorParams, reference, phases, features.count(),
                features);
        List<StoreModel.Species> species = new ArrayList<>();
        for (int k = 0; k < elements.size(); k++) {
            SnapElement e = reference.elements().get(k);
            species.add(StoreModel.Species.of(e.name(), speciesMass(c, configFile, lattice, k, e.name()), e.radius(), e.weight()));
        }
        StoreModel model = new StoreModel(species, descriptorParams, reference.fixedTerms());
        return new Prepared(constants, source, CampaignIdentity.of(c, base), model);
    }

    /** The structure with every type's mass resolved from the config ({@link CampaignConfig#massByType}). */
    private static Structure withMasses(CampaignConfig c, Path configFile, List<String> elements, Structure s) throws IOException {
        try {
            return s.withMassByType(c.massByType(elements, s.massByType()));
        } catch (ConfigError e) {
            throw CampaignConfigReader.refusal(configFile, e);
        }
    }

    /**
     * The mass the store records for the model's element k: its type's in the structure, or for
     * an element the structure does not hold, the config's (mass or masses) or else its
     * standard atomic weight.
     */
    private static double speciesMass(CampaignConfig c, Path configFile, Structure lattice, int k, String element) throws IOException {
        if (k < lattice.typeCount()) return lattice.massOfType(k + 1);
        Double given = c.mass() != null ? c.mass() : c.masses() != null ? c.masses().get(element) : null;
        double m = given != null ? given : Elements.mass(element);
        if (Double.isNaN(m)) {
            throw CampaignConfigReader.refusal(configFile, new ConfigError(c.masses() != null ? "masses" : "mass",
                    "no mass for the model's element " + element + ", which the structure does not hold: give it in masses"));
        }
        return m;
    }

    /** x0 relaxed at fixed cell under the reference potential; a relaxation that does not converge stops the run (exit 2). */
    private static Structure relaxed(CampaignConfig c, Path configFile, LinearModel potential, Structure x0, double strain,
            Progress progress) throws IOException {
        FireRelaxation.Settings settings = c.relax().settings();
        progress.say(String.format(Locale.ROOT, "relaxing %d atoms at strain %+.4f under the reference potential (FIRE, largest force below %.3g eV/Å)",
                x0.size(), strain, settings.forceTolerance()));
        FireRelaxation.Result r = FireRelaxation.relax(potential, x0, settings, null);
        if (!r.converged()) {
            throw CampaignConfigReader.refusal(configFile, new ConfigError("relax.maxSteps", String.format(Locale.ROOT,
                    "the relaxation at strain %+.4f did not converge in %d steps: largest force %.3g eV/Å, tolerance %.3g eV/Å "
                            + "(raise maxSteps or forceTolerance, or start from a structure closer to a minimum)",
                    strain, r.steps(), r.maxForce(), settings.forceTolerance())));
        }
        progress.say(String.format(Locale.ROOT, "relaxed in %d steps: energy %.6f eV (%+.6f eV), largest force %.3g eV/Å",
                r.steps(), r.energy(), r.energy() - r.initialEnergy(), r.maxForce()));
        return r.structure();
    }

    /** The structure (its species matched to the reference model's elements) or the built lattice. */
    private static Structure lattice(CampaignConfig c, Path base, ModelDescription reference) throws IOException {
        CampaignConfig.StructureSpec s = c.structure();
        if (s.file() != null) {
            Path file = CampaignFiles.resolve(base, s.file());
            return reference.typed(StructureFiles.read(file), file.toString());
        }
        int nx = s.repeat().get(0), ny = s.repeat().get(1), nz = s.repeat().get(2);
        Structure built = switch (s.lattice()) {
            case "bcc" -> Lattices.bcc(s.a(), nx, ny, nz);
            case "fcc" -> Lattices.fcc(s.a(), nx, ny, nz);
            case "diamond" -> Lattices.diamond(s.a(), nx, ny, nz);
            case "a15" -> Lattices.a15(s.a(), nx, ny, nz);
            case "hcp" -> Lattices.hcp(s.a(), s.c(), nx, ny, nz);
            default -> throw new IllegalStateException("lattice " + s.lattice() + " passed validation");
        };
        return built;
    }
}
