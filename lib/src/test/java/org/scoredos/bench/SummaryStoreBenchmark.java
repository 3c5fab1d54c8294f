package org.scoredos.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.store.StoreManifest;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.DescriptorDosReader;
import org.scoredos.summary.PhaseSummary;

/**
 * Loading one phase from its summary store (warm JVM, files in the page cache): the iron
 * campaigns of the test resources, 20 cells × 55 components × 99 bins, with Chebyshev
 * order-7 score models fitted. The store's size is printed at setup.
 * Run with {@code deploy/bin/bench SummaryStoreBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SummaryStoreBenchmark {
    @Param({"fe_bcc_444", "fe_fcc_333"})
    public String phase;

    private Path root;
    private Path store;

    @Setup
    public void setUp() throws IOException, URISyntaxException {
        Path input = Path.of(SummaryStoreBenchmark.class.getResource("/descriptordos-fe/" + phase + ".json.gz").toURI());
        PhaseSummary fitted = new ScoreMatcher(PolynomialBasis.of("chebyshev", 7)).fit(DescriptorDosReader.read(input));
        root = Files.createTempDirectory("summary-store-bench");
        store = root.resolve(phase);
        StoreManifest m = SummaryStore.write(fitted, store, "benchmark");
        System.err.printf("%n%s store: %d bytes (%s)%n", phase, m.totalBytes(), m.files());
    }

    @Benchmark
    public PhaseSummary readPhase() throws IOException {
        return SummaryStore.read(store);
    }

    @Benchmark
    public StoreManifest readManifest() throws IOException {
        return SummaryStore.manifest(store);
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
