package org.scoredos.estimate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scoredos.io.BadInputException;
import org.scoredos.store.StoreManifest;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.DescriptorDosReader;
import org.scoredos.summary.PhaseSummary;

/**
 * Reads a phase from disk in whichever form it comes: each {@link Format} recognises its own
 * files, tried in order, and a summary store directory is the fallback (which then names what is
 * wrong with the path). A new kind of phase is a new format here, not a branch in a command.
 */
public final class PhaseLoader {
    /** One on-disk form of a phase. */
    interface Format {
        boolean recognises(Path path) throws IOException;

        /** @param what how the path was given (the option), for error messages */
        StoredPhase read(Path path, String what) throws IOException;
    }

    /** A DescriptorDOS campaign exported to JSON (.json or .json.gz). */
    private static final Format DESCRIPTOR_DOS = new Format() {
        @Override
        public boolean recognises(Path path) {
            String file = path.getFileName() == null ? "" : path.getFileName().toString();
            return Files.isRegularFile(path) && (file.endsWith(".json") || file.endsWith(".json.gz"));
        }

        @Override
        public StoredPhase read(Path path, String what) throws IOException {
            return new IsosurfacePhase(DescriptorDosReader.read(path));
        }
    };

    /**
     * A campaign's output directory (its stores under summaries/), or a directory of summary
     * stores: one store is that phase at its volume, several a {@link MultiVolumePhase}.
     */
    private static final Format CAMPAIGN = new Format() {
        @Override
        public boolean recognises(Path path) throws IOException {
            return !stores(path).isEmpty();
        }

        @Override
        public StoredPhase read(Path path, String what) throws IOException {
            List<Path> dirs = stores(path);
            if (dirs.size() == 1) return new IsosurfacePhase(isosurfaceStore(dirs.get(0), what));
            List<PhaseSummary> phases = new ArrayList<>(dirs.size());
            for (Path dir : dirs) phases.add(isosurfaceStore(dir, what));
            return new MultiVolumePhase(campaignName(path, phases.get(0).name()), phases);
        }
    };

    private static final List<Format> FORMATS = List.of(DESCRIPTOR_DOS, CAMPAIGN);
    private static final Pattern STRAIN_SUFFIX = Pattern.compile("-strain[+-]\\d+\\.\\d+$");

    private PhaseLoader() {}

    /** The phase at {@code path}, in whichever form it is stored. */
    public static StoredPhase read(Path path, String what) throws IOException {
        for (Format f : FORMATS) if (f.recognises(path)) return f.read(path, what);
        if (Files.exists(path)) {
            PhaseSummary phase = SummaryStore.read(path);
            if (phase.conditioning() == Conditioning.TEMPERATURE) return new MdPhase(phase);
        }
        return new IsosurfacePhase(isosurfaceStore(path, what));
    }

    /**
     * A phase sampled at one volume on isosurfaces (a summary store or a DescriptorDOS file), for
     * what needs its summaries themselves; any other kind of phase is refused.
     */
    public static IsosurfacePhase isosurface(Path path, String what) throws IOException {
        StoredPhase phase = read(path, what);
        if (phase instanceof IsosurfacePhase one) return one;
        if (phase instanceof MdPhase) throw new BadInputException(what + ": " + path + ": a store of MD snapshots (scoredos ingest); this needs an isosurface store");
        throw new BadInputException(what + ": " + path + ": a phase sampled at several volumes; this needs one strain's summary store");
    }

    /**
     * The summary stores a directory holds: those under its summaries/ (a campaign's output), or,
     * when it is not a store itself, its subdirectories that are; sorted by name.
     */
    static List<Path> stores(Path path) throws IOException {
        if (!Files.isDirectory(path)) return List.of();
        Path summaries = path.resolve("summaries");
        Path parent = Files.isDirectory(summaries) ? summaries : isStore(path) ? null : path;
        if (parent == null) return List.of();
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(PhaseLoader::isStore).sorted().toList();
        }
    }

    private static boolean isStore(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(StoreManifest.FILE_NAME));
    }

    /** A campaign's phase name: its stores' name without the strain, else the directory's. */
    private static String campaignName(Path path, String store) {
        Matcher m = STRAIN_SUFFIX.matcher(store);
        if (m.find()) return store.substring(0, m.start());
        Path named = path.getFileName() != null && path.getFileName().toString().equals("summaries") ? path.getParent() : path;
        return named == null || named.getFileName() == null ? store : named.getFileName().toString();
    }

    /** A summary store directory whose cells are isosurfaces. */
    static PhaseSummary isosurfaceStore(Path path, String what) throws IOException {
        if (!Files.exists(path)) throw new BadInputException(what + ": " + path + ": no such summary store");
        PhaseSummary phase = SummaryStore.read(path);
        if (phase.conditioning() != Conditioning.ISOSURFACE) {
            // its cells are labelled by MD temperature or energy, not α: reading them as isosurfaces would be wrong
            String kind = phase.conditioning() == Conditioning.ENERGY
                    ? "an energy-conditioned store (from a kinetic campaign) is for inspection only"
                    : "a " + phase.conditioning().key() + "-conditioned store (from scoredos ingest)";
            throw new BadInputException(what + ": " + path + ": " + kind
                    + "; the free-energy estimators need isosurface- or temperature-conditioned summaries");
        }
        return phase;
    }
}
