package org.scoredos.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.scoredos.campaign.CampaignStore;
import org.scoredos.campaign.Progress;
import org.scoredos.campaign.SparkContexts;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.model.ModelDescription;
import org.scoredos.model.ModelFiles;
import org.scoredos.compression.CompressionSettings;
import org.scoredos.io.BadInputException;
import org.scoredos.store.HadoopSummaryStore;
import org.scoredos.store.SummaryStore;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Structure;
import org.scoredos.structure.StructureFiles;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.StoreModel;
import org.scoredos.units.Units;

/**
 * Runs an ingestion: everything that can be refused is checked on the driver before Spark
 * starts (the output, the files and their labels, the SNAP files, the first frame, the
 * reference), then the Spark job, then one summary store written atomically: nothing is
 * written when anything fails.
 */
public final class IngestLauncher {
    private IngestLauncher() {}

    /**
     * @param temperature      one temperature for every file, or null with {@code temperaturesFile}
     * @param coeff            .snapcoeff for element radii and weights, or null (radius 0.5, weight 1)
     * @param reference        the static lattice (for D_0, V_0 and the reference cell), or null
     * @param mass             atomic mass, amu, or null to take it from the files
     */
    public record Options(List<String> snapshots, Double temperature, java.nio.file.Path temperaturesFile,
            java.nio.file.Path params, java.nio.file.Path coeff, java.nio.file.Path reference, Double mass,
            String out, String name, String master, int partitions, CompressionSettings compression,
            Duration progressEvery) {}

    /** What was written: the store's location, its phase and per-cell counts. */
    public record Outcome(String name, String output, int files, List<IngestJob.CellCount> cells) {}

    public static Outcome run(Options o, PrintWriter err) throws IOException {
        SparkConf conf = SparkContexts.conf("scoredos ingest", o.master());
        Configuration hadoop = SparkContexts.hadoopConfiguration(conf);
        Path out = new Path(URI.create(CampaignStore.uriOf(o.out())));
        FileSystem outFs = out.getFileSystem(hadoop);
        checkOutput(outFs, out, o.out());
        String name = o.name() != null ? o.name() : out.getName();
        if (name.isBlank() || name.contains("/")) throw new BadInputException("--name: '" + name + "' is not a phase name");

        List<SnapshotFile> files = o.temperature() != null
                ? SnapshotFiles.of(o.snapshots(), o.temperature(), hadoop)
                : SnapshotFiles.of(o.snapshots(), o.temperaturesFile(), hadoop);
        requireFile(o.params(), "--params");
        if (o.coeff() != null) requireFile(o.coeff(), "--coeff");
        ModelDescription model = ModelFiles.snap(o.params(), o.coeff());
        SnapBispectrum snap = model.bispectrum();
        Structure first = model.typed(IngestJob.firstFrame(files.get(0), hadoop), files.get(0).uri());
        ReferenceConstants reference = reference(first, files.get(0).uri(), o, model);

        Progress progress = Progress.of(err, "ingest " + name, o.progressEvery());
        progress.say(String.format(Locale.ROOT, "%d files, %d temperatures, %d atoms per frame", files.size(),
                files.stream().mapToDouble(SnapshotFile::temperature).distinct().count(), first.size()));
        PhaseSummary phase;
        try (JavaSparkContext sc = SparkContexts.start(conf)) {
            sc.setLogLevel("WARN");
            IngestJob.ReferenceModel referenceModel = referenceModel(model, o.coeff() == null, reference.d0());
            FrameDescriptors source = new FrameDescriptors(model, sc.hadoopConfiguration(), first, lattice(referenceModel, reference));
            phase = new IngestJob(sc, progress, o.partitions()).summarise(name, files, source, snap.descriptorCount(),
                    reference, o.compression(), referenceModel).withModel(storeModel(model, o.coeff() == null, reference.mass()));
        }
        String provenance = "scoredos ingest " + String.join(" ", o.snapshots());
        checkOutput(outFs, out, o.out()); // nobody wrote there meanwhile
        if ("file".equals(outFs.getUri().getScheme())) {
            SummaryStore.write(phase, java.nio.file.Path.of(out.toUri()), provenance);
        } else {
            HadoopSummaryStore.writeReplacing(phase, outFs, out, provenance);
        }
        progress.say("summary store written to " + out);
        return new Outcome(name, out.toString(), files.size(), IngestJob.counts(phase, files));
    }

    /**
     * The species (from --coeff's element lines, else one of radius 0.5 and weight 1, no symbol)
     * and the descriptor of --params; a single-element --coeff is also θ_ref, the model the MD ran with.
     */
    static StoreModel storeModel(ModelDescription model, boolean descriptorOnly, double mass) {
        List<StoreModel.Species> species = model.elements().stream().map(e -> descriptorOnly
                ? StoreModel.Species.ofMass(mass, e.radius(), e.weight())
                : StoreModel.Species.of(e.name(), mass, e.radius(), e.weight())).toList();
        StoreModel stored = new StoreModel(species, model.snap());
        return descriptorOnly || model.elements().size() != 1 ? stored : stored.withReferenceTheta(model.elements().get(0).linear());
    }

    /** θ_ref and β0 of a single-element --coeff (the model the MD ran with), with θ_ref·D_0 (NaN without a lattice), else unknown. */
    static IngestJob.ReferenceModel referenceModel(ModelDescription model, boolean descriptorOnly, double[] d0) {
        if (descriptorOnly || model.elements().size() != 1) return new IngestJob.ReferenceModel(null, 0, Double.NaN);
        double[] theta = model.elements().get(0).linear();
        double latticeEnergy = 0;
        for (int k = 0; k < theta.length; k++) latticeEnergy += theta[k] * d0[k];
        return new IngestJob.ReferenceModel(theta, model.elements().get(0).constant(), latticeEnergy);
    }

    /**
     * What the frames' energies are mapped about (method.md §6): θ_ref and the --reference lattice, when both are known
     * (a crystal of a single-element --coeff); else null (a liquid, or θ_ref unknown).
     */
    static FrameDescriptors.Lattice lattice(IngestJob.ReferenceModel model, ReferenceConstants reference) {
        if (model.theta() == null || !Arrays.stream(reference.d0()).allMatch(Double::isFinite)) return null;
        return new FrameDescriptors.Lattice(model.theta(), reference.cell(), reference.positions());
    }

    /** The output must be new (or an empty directory): an ingestion never replaces anything. */
    private static void checkOutput(FileSystem fs, Path out, String given) throws IOException {
        if (fs.exists(out) && (!fs.getFileStatus(out).isDirectory() || fs.listStatus(out).length > 0)) {
            throw new BadInputException("--out: " + given + ": already exists and is not an empty directory");
        }
    }

    private static void requireFile(java.nio.file.Path file, String option) {
        if (!Files.isRegularFile(file)) throw BadInputException.at(file.toString(), 0, option, "no such file");
    }

    /**
     * The phase constants: N and the mass from the frames (or --mass; several masses: their effective mass); V_0, the cell, the
     * positions and D_0 from the static lattice of --reference, else the first frame's cell
     * and positions with D_0 unknown (NaN). MD frames carry no harmonic model: ω̄ is NaN,
     * ⟨ln ν⟩ 0, M = 3N − 3, strain 0.
     */
    static ReferenceConstants reference(Structure first, String firstFile, Options o, ModelDescription model) throws IOException {
        SnapBispectrum snap = model.bispectrum();
        int atoms = first.size();
        double mass = o.mass() != null ? o.mass() : framesMass(first, firstFile);
        if (!(mass > 0) || Double.isInfinite(mass)) throw new BadInputException("--mass: must be positive and finite, got " + mass);
        Structure lattice = first;
        double[] d0 = new double[snap.descriptorCount()];
        Arrays.fill(d0, Double.NaN);
        if (o.reference() != null) {
            lattice = model.typed(StructureFiles.read(o.reference()), o.reference().toString());
            if (lattice.size() != atoms) {
                throw BadInputException.at(o.reference().toString(), 0, "--reference",
                        lattice.size() + " atoms, the frames have " + atoms);
            }
            d0 = snap.average(lattice);
        }
        return new ReferenceConstants(atoms, mass, lattice.cell().volume(), d0, Double.NaN, 0.0, 3 * atoms - 3, Units.U0, 0.0,
                lattice.cell().matrix(), lattice.positions());
    }

    /** The frames' atomic mass: their one mass, or for several their effective mass (AtomMasses), all the constants need. */
    private static double framesMass(Structure s, String file) {
        for (int i = 0; i < s.size(); i++) {
            if (Double.isNaN(s.mass(i))) {
                throw new BadInputException("--mass: " + file + " gives no mass for type " + s.type(i) + " (LAMMPS dumps carry none); give --mass");
            }
        }
        return AtomMasses.of(s).effectiveMass();
    }
}
