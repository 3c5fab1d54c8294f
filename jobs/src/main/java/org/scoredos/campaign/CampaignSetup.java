package org.scoredos.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapCoefficients;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.harmonic.HarmonicModes;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.Hessian;
import org.scoredos.harmonic.HessianCache;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.HessianForm;
import org.scoredos.harmonic.SparseHessian;
import org.scoredos.harmonic.SparseHessianCalculator;
import org.scoredos.harmonic.SparseSpectrum;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;
import org.scoredos.structure.StructureFiles;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.StoreModel;

/**
 * The driver's part before any sampling: read the files a config names, build each strain's
 * harmonic reference (its Hessian from the on-disk cache when already computed; dense or
 * sparse by {@link HessianForm}) and the descriptor source the executors will rebuild.
 */
final class CampaignSetup {
    /** The per-strain constants, the broadcastable descriptor source and the campaign identity. */
    record Prepared(List<ReferenceConstants> phases, SnapshotDescriptors source, String identity, StoreModel model) {}

    private CampaignSetup() {}

    @SuppressWarnings("try") // the stage only reports while the work runs
    static Prepared prepare(CampaignConfig c, Path configFile, Path hessianCache, Progress progress) throws IOException {
        Path base = configFile.toAbsolutePath().getParent();
        Path descriptorFile = CampaignFiles.resolve(base, c.descriptor());
        Path referenceParamsFile = CampaignFiles.resolve(base, c.reference().params() != null ? c.reference().params() : c.descriptor());
        Path coeffFile = CampaignFiles.resolve(base, c.reference().coeff());
        List<String> descriptorLines = Files.readAllLines(descriptorFile);
        List<String> referenceParamLines = Files.readAllLines(referenceParamsFile);
        List<String> coeffLines = Files.readAllLines(coeffFile);
        SnapParameters descriptorParams = SnapParameterReader.parse(descriptorFile.toString(), descriptorLines);
        SnapParameters referenceParams = SnapParameterReader.parse(referenceParamsFile.toString(), referenceParamLines);
        SnapCoefficients coefficients = SnapCoefficientReader.parse(coeffFile.toString(), coeffLines, referenceParams);
        SnapBispectrum snap = SampledDescriptors.bispectrum(descriptorParams, coefficients);
        LinearSnapPotential potential = LinearSnapPotential.of(referenceParams, coefficients);
        Structure lattice = lattice(c, base);

        HessianCache cache = new HessianCache(hessianCache);
        HessianCalculator calculator = new HessianCalculator(HessianCalculator.DEFAULT_STEP, true);
        List<byte[]> potentialIdentity = List.of(Files.readAllBytes(coeffFile), Files.readAllBytes(referenceParamsFile));
        List<ReferenceConstants> constants = new ArrayList<>();
        List<PhaseReference> phases = new ArrayList<>();
        boolean sparse = HessianForm.fromEnvironment().sparseFor(lattice.size());
        SparseHessianCalculator sparseCalculator = new SparseHessianCalculator(HessianCalculator.DEFAULT_STEP, true);
        for (double strain : c.strains()) {
            Structure x0 = HarmonicReference.strained(lattice, strain);
            String key = HessianCache.key(lattice, strain, calculator.step(), potentialIdentity);
            String what = String.format(Locale.ROOT, "%s Hessian of %d atoms at strain %+.4f", sparse ? "sparse" : "dense", x0.size(), strain);
            double mass = HarmonicReference.resolveMass(lattice, c.mass());
            HarmonicReference ref;
            if (sparse) {
                SparseHessian h = cache.getOrComputeSparse(key, () -> {
                    AtomicLong done = new AtomicLong();
                    try (Progress.Stage stage = progress.count(what, "displaced coordinates", sparseCalculator.displacedCoordinates(x0), done::get)) {
                        return sparseCalculator.compute(potential, x0, finished -> done.accumulateAndGet(finished, Math::max));
                    }
                });
                ref = new HarmonicReference(x0, mass, strain, potential.energy(x0), h, SparseSpectrum.of(h));
                phases.add(PhaseReference.sparse(ref));
            } else {
                Hessian h = cache.getOrCompute(key, () -> {
                    AtomicLong done = new AtomicLong();
                    try (Progress.Stage stage = progress.count(what, "displaced coordinates", calculator.displacedCoordinates(x0), done::get)) {
                        return calculator.compute(potential, x0, finished -> done.accumulateAndGet(finished, Math::max));
                    }
                });
                ref = new HarmonicReference(x0, mass, strain, potential.energy(x0), HarmonicModes.of(h));
                phases.add(PhaseReference.of(ref, h));
            }
            constants.add(c.sampler().kind().constants(ref, snap.average(x0)));
        }
        SnapshotDescriptors source = new SampledDescriptors(c.seed(), c.sampler().key(),
                c.kinetic() == null ? null : c.kinetic().dynamics(), descriptorLines, referenceParamLines,
                coeffLines, phases, snap.descriptorCount());
        double mass = HarmonicReference.resolveMass(lattice, c.mass());
        StoreModel model = new StoreModel(coefficients.elements().stream()
                .map(e -> StoreModel.Species.of(e.name(), mass, e.radius(), e.weight())).toList(), descriptorParams);
        return new Prepared(constants, source, CampaignIdentity.of(c, base), model);
    }

    private static Structure lattice(CampaignConfig c, Path base) throws IOException {
        CampaignConfig.StructureSpec s = c.structure();
        if (s.file() != null) return StructureFiles.read(CampaignFiles.resolve(base, s.file()));
        int nx = s.repeat().get(0), ny = s.repeat().get(1), nz = s.repeat().get(2);
        Structure built = switch (s.lattice()) {
            case "bcc" -> Lattices.bcc(s.a(), nx, ny, nz);
            case "fcc" -> Lattices.fcc(s.a(), nx, ny, nz);
            case "diamond" -> Lattices.diamond(s.a(), nx, ny, nz);
            case "a15" -> Lattices.a15(s.a(), nx, ny, nz);
            case "hcp" -> Lattices.hcp(s.a(), s.c(), nx, ny, nz);
            default -> throw new IllegalStateException("lattice " + s.lattice() + " passed validation");
        };
        return built.withMassByType(new double[] {c.mass()});
    }
}
