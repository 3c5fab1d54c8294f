package org.scoredos.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.model.ModelDescription;
import org.scoredos.io.BadInputException;
import org.scoredos.structure.Structure;
import org.scoredos.structure.TrajectoryFrames;

/**
 * The executor's part: streams one trajectory file frame by frame from its Hadoop file system
 * and keeps only each frame's per-atom-averaged SNAP descriptor (and its energy, when the file gives one). Broadcast once; the SNAP
 * engine is built lazily, once per executor, from the model description it carries.
 */
final class FrameDescriptors implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ModelDescription model;
    private final HashMap<String, String> hadoop;
    private final int atoms;
    private final int[] types;
    private final String[] speciesByType;
    private transient volatile SnapBispectrum snap;

    /**
     * @param model the descriptor settings and element radii and weights
     * @param first the first frame, typed by the model: every frame must have its atom count and species
     */
    FrameDescriptors(ModelDescription model, Configuration conf, Structure first) {
        this.model = model;
        this.hadoop = new HashMap<>();
        for (Map.Entry<String, String> e : conf) hadoop.put(e.getKey(), e.getValue());
        this.atoms = first.size();
        this.types = first.types();
        this.speciesByType = first.speciesByType();
    }

    /**
     * One file's descriptors in frame order with the frames' own potential energies (eV, whole
     * cell; NaN where a frame gives none), or why the file was refused (bad input is reported, not thrown).
     */
    record Described(int file, double[][] descriptors, double[] energies, String error) implements Serializable {}

    Described describe(int index, SnapshotFile file) throws IOException {
        SnapBispectrum engine = engine();
        List<double[]> out = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        Path path = new Path(URI.create(file.uri()));
        Configuration conf = new Configuration(false);
        hadoop.forEach(conf::set);
        FileSystem fs = path.getFileSystem(conf);
        try (TrajectoryFrames frames = TrajectoryFrames.open(
                new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8)), file.uri())) {
            while (frames.hasNext()) {
                Structure read = frames.next();
                String frame = "frame " + (out.size() + 1);
                if (read.size() != atoms) {
                    throw BadInputException.at(file.uri(), frames.frameLine(), frame,
                            read.size() + " atoms, the first frame of the ingestion has " + atoms);
                }
                energies.add(frames.energy());
                try {
                    Structure s = model.typed(read, file.uri());
                    int changed = s.firstSpeciesChange(types, speciesByType);
                    if (changed >= 0) {
                        throw new BadInputException("atom " + (changed + 1) + " is " + name(s.species(changed), s.type(changed))
                                + ", in the first frame of the ingestion " + name(speciesByType[types[changed] - 1], types[changed])
                                + " (a trajectory's atoms keep their species)");
                    }
                    out.add(engine.average(s));
                } catch (BadInputException e) { // e.g. an atom type the SNAP model does not define
                    throw BadInputException.at(file.uri(), frames.frameLine(), "frame " + (out.size() + 1), e.getMessage());
                }
            }
            if (out.isEmpty()) throw BadInputException.at(file.uri(), 0, null, "no frames");
        } catch (BadInputException e) {
            return new Described(index, null, null, e.getMessage());
        }
        return new Described(index, out.toArray(double[][]::new), energies.stream().mapToDouble(Double::doubleValue).toArray(), null);
    }

    private static String name(String species, int type) {
        return species != null ? species : "type " + type;
    }

    private SnapBispectrum engine() {
        SnapBispectrum e = snap;
        if (e == null) {
            synchronized (this) {
                if (snap == null) snap = model.bispectrum();
                e = snap;
            }
        }
        return e;
    }
}
