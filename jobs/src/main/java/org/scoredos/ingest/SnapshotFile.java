package org.scoredos.ingest;

import java.io.Serializable;

/** One trajectory file (a Hadoop URI) and the temperature, K, its frames were run at. */
public record SnapshotFile(String uri, double temperature) implements Serializable {}
