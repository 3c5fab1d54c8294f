package org.scoredos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The code version, one declaration for every place that prints or records it (`--version`,
 * store manifests, campaign manifests, Parquet footers): the Maven project version, filtered
 * into a resource at build time, so classes run from a build tree say the same as the jars.
 */
public final class ScoreDosVersion {
    private static final String VERSION = load();

    private ScoreDosVersion() {}

    /** e.g. "0.1.0-SNAPSHOT". */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ScoreDosVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) throw new IllegalStateException("org/scoredos/version.properties is missing from the build");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
