package org.scoredos.harmonic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.structure.Structure;
import org.scoredos.thermo.TungstenFixtures;

class HessianCacheTest {
    private static final Structure FCC = TestCrystals.fcc(3.61, 1, TestCrystals.CU_MASS);
    private static final List<byte[]> MORSE = List.of("morse 0.3429 1.3588 2.866 5.5".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @Test
    void computesOnceAndReturnsTheSameBits() throws IOException {
        HessianCache cache = new HessianCache(dir.resolve("hessians"));
        String key = HessianCache.key(FCC, 0.0, 1e-4, MORSE);
        AtomicInteger computed = new AtomicInteger();
        Hessian first = cache.getOrCompute(key, () -> {
            computed.incrementAndGet();
            return new HessianCalculator().compute(TestCrystals.morseCopper(), FCC);
        });
        Hessian again = new HessianCache(dir.resolve("hessians")).getOrCompute(key, () -> {
            computed.incrementAndGet();
            return null;
        });
        assertEquals(1, computed.get());
        assertArrayEquals(first.toFlat(), again.toFlat());
        assertEquals(first.rawAsymmetry(), again.rawAsymmetry());
        try (Stream<Path> files = Files.list(dir.resolve("hessians"))) {
            assertEquals(List.of(key + ".hessian"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void theKeyFollowsEverythingTheMatrixDependsOn() {
        String key = HessianCache.key(FCC, 0.0, 1e-4, MORSE);
        assertEquals(key, HessianCache.key(TestCrystals.fcc(3.61, 1, TestCrystals.CU_MASS), 0.0, 1e-4, MORSE));
        assertNotEquals(key, HessianCache.key(FCC, 0.01, 1e-4, MORSE));
        assertNotEquals(key, HessianCache.key(FCC, 0.0, 1e-5, MORSE));
        assertNotEquals(key, HessianCache.key(FCC, 0.0, 1e-4, List.of("morse 0.3429 1.3588 2.866 5.6".getBytes(StandardCharsets.UTF_8))));
        assertNotEquals(key, HessianCache.key(TestCrystals.fcc(3.60, 1, TestCrystals.CU_MASS), 0.0, 1e-4, MORSE));
        // file boundaries count: ("ab","c") is not ("a","bc")
        assertNotEquals(HessianCache.key(FCC, 0, 1e-4, List.of("ab".getBytes(StandardCharsets.UTF_8), "c".getBytes(StandardCharsets.UTF_8))),
                HessianCache.key(FCC, 0, 1e-4, List.of("a".getBytes(StandardCharsets.UTF_8), "bc".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aCorruptEntryIsRecomputed() throws IOException {
        HessianCache cache = new HessianCache(dir);
        String key = HessianCache.key(FCC, 0.0, 1e-4, MORSE);
        Hessian h = new HessianCalculator().compute(TestCrystals.morseCopper(), FCC);
        cache.store(key, h);
        Path entry = dir.resolve(key + ".hessian");
        byte[] bytes = Files.readAllBytes(entry);
        bytes[100] ^= 1;
        Files.write(entry, bytes);
        assertNull(cache.load(key));
        Files.write(entry, Arrays.copyOf(bytes, 50));
        assertNull(cache.load(key));
        assertArrayEquals(h.toFlat(), cache.getOrCompute(key, () -> h).toFlat());
        assertArrayEquals(h.toFlat(), cache.load(key).toFlat());
    }

    @Test
    void sparseEntriesRoundTripBitForBitAndCorruptOnesAreRecomputed() throws IOException {
        HessianCache cache = new HessianCache(dir);
        Structure bcc = TestCrystals.bcc(3.1803, 2, TestCrystals.W_MASS);
        String key = HessianCache.key(bcc, 0.0, 1e-4, MORSE);
        SparseHessian h = new SparseHessianCalculator(1e-4, false).compute(TungstenFixtures.snap(), bcc);
        assertEquals(h, cache.getOrComputeSparse(key, () -> h));
        SparseHessian back = cache.loadSparse(key);
        assertEquals(h, back);
        assertEquals(h.rawAsymmetry(), back.rawAsymmetry());
        for (int k = 0; k < h.dimension(); k += 7) assertEquals(h.get(k, 5), back.get(k, 5));
        assertNull(cache.load(key), "the dense entry is another file");
        Path file = dir.resolve(key + ".sparse-hessian");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertNull(cache.loadSparse(key));
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        assertNull(cache.loadSparse(key));
    }

    /**
     * A dense entry's modes, and those of the entry projected once more, come back bit for bit as a
     * fresh decomposition gives them; a damaged entry, or one of another matrix, is decomposed again.
     */
    @Test
    void modesRoundTripBitForBitAndOnlyForTheirMatrix() throws IOException {
        HessianCache cache = new HessianCache(dir);
        Structure bcc = TestCrystals.bcc(3.1803, 2, TestCrystals.W_MASS);
        String key = HessianCache.key(bcc, 0.0, 1e-4, MORSE);
        Hessian h = new HessianCalculator().compute(TungstenFixtures.snap(), bcc);
        HarmonicModes fresh = HarmonicModes.of(h), reprojected = HarmonicModes.of(Hessian.of(h.toArray()));
        assertSameModes(fresh, cache.modes(key, h));
        assertSameModes(fresh, new HessianCache(dir).modes(key, h));
        assertSameModes(reprojected, cache.reprojectedModes(key, h));
        assertSameModes(reprojected, new HessianCache(dir).reprojectedModes(key, h));
        assertFalse(Arrays.equals(fresh.eigenvalues(), reprojected.eigenvalues()), "the two routes differ in their last bits, so both are kept");

        Path file = dir.resolve(key + ".modes");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertSameModes(fresh, cache.modes(key, h));
        assertFalse(Arrays.equals(bytes, Files.readAllBytes(file)), "the damaged entry is replaced");

        // the same key for another matrix (a Hessian computed again, other last bits): its own decomposition
        Hessian other = Hessian.of(h.toArray());
        assertSameModes(reprojected, cache.modes(key, other));
    }

    private static void assertSameModes(HarmonicModes expected, HarmonicModes actual) {
        assertArrayEquals(expected.eigenvalues(), actual.eigenvalues());
        assertEquals(expected.zeroModes(), actual.zeroModes());
        assertEquals(expected.omegaBar(), actual.omegaBar());
        assertEquals(expected.meanLogNu(), actual.meanLogNu());
        for (int l = 0; l < expected.stableModes(); l++) assertArrayEquals(expected.mode(l), actual.mode(l));
    }

    /** The entries' bytes are those of the cache format as first written (existing caches stay valid): SHA-256 of each file. */
    @Test
    void entriesKeepTheirFormat() throws Exception {
        HessianCache cache = new HessianCache(dir);
        cache.store("dense", new HessianCalculator().compute(TestCrystals.morseCopper(), FCC));
        Structure bcc = TestCrystals.bcc(3.1803, 2, TestCrystals.W_MASS);
        cache.storeSparse("sparse", new SparseHessianCalculator(1e-4, false).compute(TungstenFixtures.snap(), bcc));
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        String dense = java.util.HexFormat.of().formatHex(sha.digest(Files.readAllBytes(dir.resolve("dense.hessian"))));
        String sparse = java.util.HexFormat.of().formatHex(sha.digest(Files.readAllBytes(dir.resolve("sparse.sparse-hessian"))));
        assertEquals("1de1437d084aa040658f08dd9b871ec6243f6a104d480fbd683a1d3222327445", dense);
        assertEquals("56c01849a5263706a4817538cc69aa683adfa0ee10eb2ac8a9e9a0db931d110d", sparse);
    }
}
