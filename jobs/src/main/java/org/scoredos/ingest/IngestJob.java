package org.scoredos.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.scoredos.campaign.CampaignLimits;
import org.scoredos.campaign.Progress;
import org.scoredos.compression.CompressionSettings;
import org.scoredos.compression.TwoPassCompression;
import org.scoredos.io.BadInputException;
import org.scoredos.structure.Structure;
import org.scoredos.structure.TrajectoryFrames;
import org.scoredos.summary.CellFrame;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.DescriptorMoments;
import org.scoredos.summary.EnergySeries;
import org.scoredos.summary.MdAverages;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.RotatedHistogram;

/**
 * Summaries of existing MD snapshots on Spark (architecture.md §1, "or: MD snapshot files"):
 * one task per trajectory file streams its frames and keeps their descriptors; the files of
 * one temperature form one cell.
 *
 * <ol>
 *   <li>pass 1: moments per file (frames folded in order), merged per cell in file order; the
 *       driver fixes each cell's PCA frame and bin edges exactly as a campaign does;</li>
 *   <li>pass 2: histogram counts per file in its cell's frame, added up;</li>
 *   <li>per cell, ⟨U⟩ and the frames' effective count from the energy series in time order
 *       ({@link EnergySeries}: the frames' own energies when they carry them, else θ_ref·D);</li>
 *   <li>score models fitted per (cell, component); one temperature-conditioned phase.</li>
 * </ol>
 * Files are sorted by URI and merged in that order, so the summaries are bit-identical for any
 * number of partitions or executors. Bad input in a file (a malformed frame, another atom
 * count) is reported by its task and raised on the driver, first file first.
 */
public final class IngestJob {
    /** Atoms a frame may have: what bounds each frame's memory and text however a file decompresses. */
    static final TrajectoryFrames.AtomLimit FRAME_ATOMS = new TrajectoryFrames.AtomLimit(CampaignLimits.ATOMS,
            CampaignLimits.hint(CampaignLimits.ATOMS, "SCOREDOS_MAX_ATOMS"));
    private final JavaSparkContext sc;
    private final Progress progress;
    private final int partitions;

    /** @param partitions Spark partitions for the files (0: one per file) */
    public IngestJob(JavaSparkContext sc, Progress progress, int partitions) {
        this.sc = sc;
        this.progress = progress;
        this.partitions = partitions;
    }

    /** One cell of the result: its temperature, files and frames. */
    public record CellCount(double temperature, int files, long frames) {}

    /** The temperature-conditioned phase of {@code files}, cells in increasing temperature. */
    @SuppressWarnings("try") // the stages only report while the work runs
    public PhaseSummary summarise(String name, List<SnapshotFile> files, FrameDescriptors source, int components,
            ReferenceConstants reference, CompressionSettings settings, ReferenceModel referenceModel) {
        TwoPassCompression compression = new TwoPassCompression(settings, components);
        // cell of every file: temperatures in increasing order
        double[] temperatures = files.stream().mapToDouble(SnapshotFile::temperature).distinct().sorted().toArray();
        int[] cellOf = new int[files.size()];
        List<Indexed> indexed = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            cellOf[i] = Arrays.binarySearch(temperatures, files.get(i).temperature());
            indexed.add(new Indexed(i, files.get(i)));
        }
        Broadcast<FrameDescriptors> describer = sc.broadcast(source);
        LongAccumulator filesDone = sc.sc().longAccumulator("files described");
        int slices = Math.max(1, Math.min(partitions > 0 ? partitions : files.size(), files.size()));
        JavaRDD<FrameDescriptors.Described> described = sc.parallelize(indexed, slices)
                .map(f -> {
                    FrameDescriptors.Described d = describer.value().describe(f.index(), f.file());
                    filesDone.add(1);
                    return d;
                })
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<FileMoments> moments;
            try (Progress.Stage stage = progress.count("descriptors + moments", "files", files.size(), filesDone::value)) {
                moments = new ArrayList<>(described.map(d -> FileMoments.of(d, compression)).collect());
            }
            moments.sort(Comparator.comparingInt(FileMoments::file));
            for (FileMoments m : moments) if (m.error() != null) throw new BadInputException(m.error());
            DescriptorMoments[] merged = new DescriptorMoments[temperatures.length];
            ArrayList<CellFrame> frames = new ArrayList<>();
            for (int c = 0; c < merged.length; c++) {
                int cell = c;
                merged[c] = compression.merge(moments.stream().filter(m -> cellOf[m.file()] == cell).map(FileMoments::moments).toList());
                String label = String.format(Locale.ROOT, "temperature %s K", temperatures[c]);
                String rank = compression.rankWarning(label + ": " + merged[c].count() + " frames", merged[c].count(), "frames");
                if (rank != null) progress.say(rank);
                frames.add(compression.frame(label, merged[c]));
            }
            progress.say(String.format(Locale.ROOT, "%d cells: PCA frames and histogram edges fixed", frames.size()));
            MdAverages[] md = averages(described, files, temperatures, cellOf, reference.atoms(), referenceModel);

            Broadcast<ArrayList<CellFrame>> frameBroadcast = sc.broadcast(frames);
            Broadcast<int[]> cells = sc.broadcast(cellOf);
            RotatedHistogram[] histograms = new RotatedHistogram[temperatures.length];
            for (int c = 0; c < histograms.length; c++) histograms[c] = new RotatedHistogram(components, settings.bins());
            try {
                List<FileHistogram> counted = described.map(d -> new FileHistogram(d.file(),
                        compression.histogram(d.descriptors(), frameBroadcast.value().get(cells.value()[d.file()])))).collect();
                // counts add exactly, in any order
                for (FileHistogram h : counted) histograms[cellOf[h.file()]].merge(h.histogram());
            } finally {
                frameBroadcast.destroy();
                cells.destroy();
            }
            List<CellSummary> summaries = new ArrayList<>();
            for (int c = 0; c < temperatures.length; c++) {
                summaries.add(compression.cell(temperatures[c], Double.NaN, merged[c], frames.get(c), histograms[c]).withMd(md[c]));
            }
            progress.say("fitting score models");
            return compression.fit(name, reference, summaries, Conditioning.TEMPERATURE, null, progress::say);
        } finally {
            described.unpersist(true); // blocking: the context may close right after
            describer.destroy();
        }
    }

    /**
     * θ_ref (null: unknown, no --coeff) and its β0, eV/atom: what the frames' own energies are checked against; with
     * θ_ref·D_0 (eV/atom; NaN without a lattice) the mapped energies' zero.
     */
    public record ReferenceModel(double[] theta, double beta0, double latticeEnergy) implements Serializable {}

    /**
     * Per cell: ⟨U⟩/N with its blocked error and the frames' effective count, from the energy
     * series of its files in file order (frames in time order); warns when the frames' own
     * energies are not those of θ_ref or only some frames have one.
     */
    private MdAverages[] averages(JavaRDD<FrameDescriptors.Described> described, List<SnapshotFile> files, double[] temperatures,
            int[] cellOf, int atoms, ReferenceModel model) {
        double latticeEnergy = model.latticeEnergy();
        List<FileEnergies> collected = new ArrayList<>(described
                .map(d -> new FileEnergies(d.file(), EnergySeries.of(d.descriptors(), d.energies(), atoms, model.theta(), model.beta0(),
                        d.mapped(), latticeEnergy), d.unmapped()))
                .collect());
        collected.sort(Comparator.comparingInt(FileEnergies::file));
        for (FileEnergies f : collected) {
            if (f.unmapped() != null) {
                progress.say(String.format(Locale.ROOT, "warning: %s: %s; ⟨U⟩ of temperature %s K from the plain energies",
                        files.get(f.file()).uri(), f.unmapped(), temperatures[cellOf[f.file()]]));
            }
        }
        MdAverages[] out = new MdAverages[temperatures.length];
        for (int c = 0; c < out.length; c++) {
            int cell = c;
            EnergySeries series = EnergySeries.concat(collected.stream().filter(f -> cellOf[f.file()] == cell).map(FileEnergies::series).toList());
            String label = String.format(Locale.ROOT, "warning: temperature %s K: ", temperatures[c]);
            if (series.partial()) {
                progress.say(label + "only some frames carry their energy; ⟨U⟩ comes from θ_ref·D for all");
            }
            double off = series.disagreement();
            if (off > EnergySeries.CONSISTENT) {
                progress.say(label + String.format(Locale.ROOT, "the frames' energies differ from the --coeff model's (β0 + θ_ref·D) by "
                        + "%.2g eV/atom RMS: MD of another model? ⟨U⟩ comes from the frames' energies", off));
            }
            out[c] = series.averages(temperatures[c]);
        }
        return out;
    }

    /** One file's energy series, and why its energies were not mapped (null: mapped, or never tried). */
    record FileEnergies(int file, EnergySeries series, String unmapped) implements Serializable {}

    /** Per cell, in increasing temperature: the number of files and frames. */
    public static List<CellCount> counts(PhaseSummary phase, List<SnapshotFile> files) {
        Map<Double, Integer> perTemperature = new TreeMap<>();
        for (SnapshotFile f : files) perTemperature.merge(f.temperature(), 1, Integer::sum);
        List<CellCount> out = new ArrayList<>();
        for (CellSummary c : phase.cells()) out.add(new CellCount(c.tau(), perTemperature.getOrDefault(c.tau(), 0), c.samples()));
        return out;
    }

    /** The first frame of a file, read on the driver (it fixes the atom count and, without --reference, the cell). */
    public static Structure firstFrame(SnapshotFile file, Configuration conf) throws IOException {
        Path path = new Path(URI.create(file.uri()));
        FileSystem fs = path.getFileSystem(conf);
        try (TrajectoryFrames frames = TrajectoryFrames.open(fs.open(path), file.uri(), FRAME_ATOMS)) {
            if (!frames.hasNext()) throw BadInputException.at(file.uri(), 0, null, "no frames");
            return frames.next();
        } catch (IOException | java.io.UncheckedIOException e) {
            BadInputException gzip = TrajectoryFrames.brokenGzip(file.uri(), e);
            if (gzip == null) throw e;
            throw gzip;
        }
    }

    record Indexed(int index, SnapshotFile file) implements Serializable {}

    /** A file's moments (frames folded in order), or its error. */
    record FileMoments(int file, DescriptorMoments moments, String error) implements Serializable {
        static FileMoments of(FrameDescriptors.Described d, TwoPassCompression compression) {
            if (d.error() != null) return new FileMoments(d.file(), null, d.error());
            return new FileMoments(d.file(), compression.moments(d.descriptors()), null);
        }
    }

    /** A file's histogram counts in its cell's frame. */
    record FileHistogram(int file, RotatedHistogram histogram) implements Serializable {}
}
