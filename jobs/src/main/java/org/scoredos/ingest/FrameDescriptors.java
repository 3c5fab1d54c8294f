package org.scoredos.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
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
import org.scoredos.potential.FeaturesAndForces;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;
import org.scoredos.structure.TrajectoryFrames;
import org.scoredos.thermo.MappedEnergy;

/**
 * The executor's part: streams one trajectory file frame by frame from its Hadoop file system
 * and keeps only each frame's per-atom-averaged SNAP descriptor (and its energy, when the file gives one; and, for a
 * crystal of a known θ_ref and lattice, θ_ref's harmonically mapped energy, {@link MappedEnergy}). Broadcast once; the
 * SNAP engine is built lazily, once per executor, from the model description it carries.
 */
final class FrameDescriptors implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ModelDescription model;
    private final HashMap<String, String> hadoop;
    private final int atoms;
    private final int[] types;
    private final String[] speciesByType;
    private final Lattice lattice;
    private transient volatile SnapBispectrum snap;
    private transient volatile Mapping mapping;

    /** θ_ref (single element, no β0) and the static lattice its MD vibrates about: what maps the frames' energies. */
    record Lattice(double[] thetaRef, double[][] cell, double[] positions) implements Serializable {}

    /** θ_ref's potential on the engine, and the mapped energy about the lattice it gives. */
    private record Mapping(LinearSnapPotential reference, MappedEnergy energy) {}

    /**
     * @param model the descriptor settings and element radii and weights
     * @param first   the first frame, typed by the model: every frame must have its atom count and species
     * @param lattice θ_ref and the lattice to map the frames' energies about, or null (not a crystal of a known θ_ref)
     */
    FrameDescriptors(ModelDescription model, Configuration conf, Structure first, Lattice lattice) {
        this.model = model;
        this.lattice = lattice;
        this.hadoop = new HashMap<>();
        for (Map.Entry<String, String> e : conf) hadoop.put(e.getKey(), e.getValue());
        this.atoms = first.size();
        this.types = first.types();
        this.speciesByType = first.speciesByType();
    }

    /**
     * One file's descriptors in frame order with the frames' own potential energies (eV, whole
     * cell; NaN where a frame gives none) and θ_ref's mapped energies A (eV, whole cell; null when
     * not mapped, {@code unmapped} saying why if it was tried), or why the file was refused (bad
     * input is reported, not thrown).
     */
    record Described(int file, double[][] descriptors, double[] energies, double[] mapped, String unmapped, String error)
            implements Serializable {}

    Described describe(int index, SnapshotFile file) throws IOException {
        SnapBispectrum engine = engine();
        List<double[]> out = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        Mapping mapper = mapping();
        List<Double> mapped = mapper != null ? new ArrayList<>() : null;
        String unmapped = null;
        Path path = new Path(URI.create(file.uri()));
        Configuration conf = new Configuration(false);
        hadoop.forEach(conf::set);
        FileSystem fs = path.getFileSystem(conf);
        try (TrajectoryFrames frames = TrajectoryFrames.open(fs.open(path), file.uri(), IngestJob.FRAME_ATOMS)) {
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
                    if (mapped == null) {
                        out.add(engine.average(s));
                    } else { // the descriptors and θ_ref's forces from one pass over the atoms
                        FeaturesAndForces f = mapper.reference().featuresAndForces(s);
                        out.add(f.features());
                        try {
                            mapped.add(mapper.energy().of(s, f.evaluation()));
                        } catch (BadInputException e) { // not a vibrating crystal in the reference's atom order
                            unmapped = frame + ": " + e.getMessage();
                            mapped = null;
                        }
                    }
                } catch (BadInputException e) { // e.g. an atom type the SNAP model does not define
                    throw BadInputException.at(file.uri(), frames.frameLine(), "frame " + (out.size() + 1), e.getMessage());
                }
            }
            if (out.isEmpty()) throw BadInputException.at(file.uri(), 0, null, "no frames");
        } catch (BadInputException e) {
            return new Described(index, null, null, null, null, e.getMessage());
        } catch (IOException | java.io.UncheckedIOException e) {
            BadInputException gzip = TrajectoryFrames.brokenGzip(file.uri(), e);
            if (gzip == null) throw e;
            return new Described(index, null, null, null, null, gzip.getMessage());
        }
        return new Described(index, out.toArray(double[][]::new), energies.stream().mapToDouble(Double::doubleValue).toArray(),
                mapped != null ? mapped.stream().mapToDouble(Double::doubleValue).toArray() : null, unmapped, null);
    }

    private static String name(String species, int type) {
        return species != null ? species : "type " + type;
    }

    /** θ_ref's mapped energy about the lattice (built once per executor), or null when there is none to map about. */
    private Mapping mapping() {
        if (lattice == null) return null;
        Mapping m = mapping;
        if (m == null) {
            synchronized (this) {
                if (mapping == null) {
                    Structure sites = new Structure(new Cell(lattice.cell(), new double[3]), lattice.positions(), types,
                            new double[java.util.Arrays.stream(types).max().orElse(1)]);
                    LinearSnapPotential reference = LinearSnapPotential.singleElement(engine(), 0, lattice.thetaRef());
                    mapping = new Mapping(reference, new MappedEnergy(sites, reference));
                }
                m = mapping;
            }
        }
        return m;
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
