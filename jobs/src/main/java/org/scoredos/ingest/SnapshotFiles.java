package org.scoredos.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.scoredos.campaign.CampaignStore;
import org.scoredos.io.BadInputException;
import org.scoredos.io.InputFiles;
import org.scoredos.structure.TrajectoryFrames;

/**
 * The trajectory files of an ingestion: every --snapshots glob expanded by the Hadoop file
 * system of its URI (local paths and any Hadoop URI), sorted by URI so that a run is
 * deterministic, each labelled by its temperature: one for all, or per file from a mapping.
 *
 * <p>Mapping file: one {@code NAME TEMPERATURE} pair per line (tab or spaces; '#' comments),
 * where NAME is a file's name or a trailing part of its path ({@code run-300K/traj.dump}), or a
 * directory, written with a trailing slash ({@code T300/}: every file below a directory of that
 * name or path); a file takes the temperature of the longest NAME it matches.
 */
public final class SnapshotFiles {
    private SnapshotFiles() {}

    /** The files of {@code globs}, sorted and without repeats, each labelled by {@code temperature}. */
    public static List<SnapshotFile> of(List<String> globs, double temperature, Configuration conf) throws IOException {
        checkTemperature(temperature, "--temperature");
        return label(expand(globs, conf), uri -> temperature);
    }

    /** The files of {@code globs}, labelled from the mapping file {@code map}. */
    public static List<SnapshotFile> of(List<String> globs, Path map, Configuration conf) throws IOException {
        Map<String, Double> byName = readMap(map);
        List<String> uris = expand(globs, conf);
        return label(uris, uri -> {
            String best = null;
            for (String name : byName.keySet()) {
                if (matches(uri, name) && (best == null || name.length() > best.length())) best = name;
            }
            if (best == null) {
                throw new BadInputException("--temperatures-file: " + map + ": no temperature for " + uri);
            }
            return byName.get(best);
        });
    }

    /** A file name or trailing path matches the end of the URI; a directory (NAME/) any file below it. */
    static boolean matches(String uri, String name) {
        if (name.endsWith("/")) return uri.startsWith(name) || uri.contains("/" + name);
        return uri.equals(name) || uri.endsWith("/" + name);
    }

    private interface Labels {
        double of(String uri);
    }

    private static List<SnapshotFile> label(List<String> uris, Labels labels) {
        List<SnapshotFile> out = new ArrayList<>();
        for (String uri : uris) out.add(new SnapshotFile(uri, labels.of(uri)));
        return out;
    }

    private static List<String> expand(List<String> globs, Configuration conf) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        for (String glob : globs) {
            String uri = CampaignStore.uriOf(glob);
            org.apache.hadoop.fs.Path pattern = new org.apache.hadoop.fs.Path(URI.create(uri));
            FileSystem fs;
            try {
                fs = pattern.getFileSystem(conf);
            } catch (IOException | IllegalArgumentException e) { // no such scheme, an HDFS URI without a host, ...
                throw new BadInputException("--snapshots '" + glob + "': " + e.getMessage(), e);
            }
            FileStatus[] found = fs.globStatus(pattern);
            int matched = 0;
            for (FileStatus st : found == null ? new FileStatus[0] : found) {
                if (!st.isFile()) continue;
                String file = st.getPath().toString();
                TrajectoryFrames.format(st.getPath().getName()); // an unknown extension is refused here
                files.put(file, file);
                matched++;
            }
            if (matched == 0) throw new BadInputException("--snapshots: no trajectory file matches '" + glob + "'");
        }
        return List.copyOf(files.keySet());
    }

    private static Map<String, Double> readMap(Path map) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> lines = InputFiles.lines(map);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String[] f = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (f.length == 1 && f[0].isEmpty()) continue;
            if (f.length != 2) throw BadInputException.at(map.toString(), i + 1, null, "expected NAME TEMPERATURE, got '" + line.trim() + "'");
            double t;
            try {
                t = Double.parseDouble(f[1]);
            } catch (NumberFormatException e) {
                throw BadInputException.at(map.toString(), i + 1, f[0], "'" + f[1] + "' is not a temperature");
            }
            if (!(t > 0) || Double.isInfinite(t)) {
                throw BadInputException.at(map.toString(), i + 1, f[0], "temperature must be positive and finite, got " + f[1]);
            }
            if (out.put(f[0], t) != null) throw BadInputException.at(map.toString(), i + 1, f[0], "named twice");
        }
        if (out.isEmpty()) throw BadInputException.at(map.toString(), 0, null, "no NAME TEMPERATURE lines");
        return out;
    }

    private static void checkTemperature(double t, String option) {
        if (!(t > 0) || Double.isInfinite(t)) throw new BadInputException(option + ": must be positive and finite, got " + t);
    }
}
