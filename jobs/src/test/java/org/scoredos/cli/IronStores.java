package org.scoredos.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.DescriptorDosReader;

/** The bundled DescriptorDOS iron campaigns (bcc, 128 atoms; fcc, 108) as summary stores fitted at one Chebyshev order, and their θ file. */
record IronStores(Path bcc, Path fcc, Path coeff) {
    static final Path DIR = Path.of("../lib/src/test/resources/descriptordos-fe").toAbsolutePath().normalize();

    /** Both phases imported under {@code stores} ({@code fe-bcc}, {@code fe-fcc}). */
    static IronStores fitted(Path stores, int order) throws IOException {
        ScoreMatcher fit = new ScoreMatcher(PolynomialBasis.of("chebyshev", order));
        Path bcc = stores.resolve("fe-bcc"), fcc = stores.resolve("fe-fcc");
        SummaryStore.write(fit.fit(DescriptorDosReader.read(DIR.resolve("fe_bcc_444.json.gz"))), bcc);
        SummaryStore.write(fit.fit(DescriptorDosReader.read(DIR.resolve("fe_fcc_333.json.gz"))), fcc);
        return new IronStores(bcc, fcc, DIR.resolve("X_Fe.snapcoeff"));
    }
}
