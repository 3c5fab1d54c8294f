package org.scoredos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.estimate.ErrorModel;
import org.scoredos.estimate.FreeEnergy;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;

/**
 * The calibrated statistical error of F against a delete-one-group jackknife over a campaign's
 * shards: the shards of every cell are dealt into G groups, each replicate drops one group's
 * histogram counts from every cell and refits the score models, and the jackknife variance is
 * (G − 1)/G Σ_g (F_g − F̄)². Unlike the propagated error it keeps whatever correlation the
 * components of one sample have (they are uncorrelated by the PCA, not independent).
 *
 * <pre>java -cp CLASSPATH org.scoredos.bench.ShardJackknife CAMPAIGN_DIR PHASE COEFF G T...</pre>
 * (CLASSPATH as deploy/bin/bench builds it.)
 */
public final class ShardJackknife {
    private ShardJackknife() {}

    public static void main(String[] args) throws Exception {
        Path campaign = Path.of(args[0]);
        PhaseSummary phase = SummaryStore.read(campaign.resolve("summaries").resolve(args[1]));
        double[] theta = CoefficientFile.read(Path.of(args[2]), phase.reference().components()).theta();
        int groups = Integer.parseInt(args[3]);
        double[] temperatures = new double[args.length - 4];
        for (int i = 0; i < temperatures.length; i++) temperatures[i] = Double.parseDouble(args[4 + i]);
        int cells = phase.cells().size(), d = phase.reference().components();
        // per cell, per group: the summed shard counts
        long[][][][] grouped = new long[cells][groups][][];
        ObjectMapper json = new ObjectMapper();
        for (int a = 0; a < cells; a++) {
            CellSummary cell = phase.cells().get(a);
            List<Path> shards;
            try (Stream<Path> s = Files.list(campaign.resolve("shards").resolve(String.format("cell-%05d", a)))) {
                shards = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            }
            long[][] sum = new long[d][cell.bins()];
            for (int g = 0; g < groups; g++) grouped[a][g] = new long[d][cell.bins()];
            for (int i = 0; i < shards.size(); i++) {
                JsonNode counts = json.readTree(shards.get(i).toFile()).get("counts");
                for (int k = 0; k < d; k++) {
                    for (int j = 0; j < cell.bins(); j++) {
                        long c = counts.get(k).get(j).asLong();
                        grouped[a][i % groups][k][j] += c;
                        sum[k][j] += c;
                    }
                }
            }
            if (!java.util.Arrays.deepEquals(sum, cell.counts())) throw new IllegalStateException("cell " + a + ": shard counts do not add up to the store's");
        }
        PolynomialBasis basis = PolynomialBasis.of(phase.cells().get(0).scores().basis(), phase.cells().get(0).scores().order());
        FreeEnergy[] full = IsosurfaceEstimator.of(phase, IsosurfaceEstimator.Mode.SMOOTH, ErrorModel.CALIBRATED)
                .estimate(theta, temperatures, false);
        double[][] f = new double[groups][];
        for (int g = 0; g < groups; g++) {
            List<CellSummary> left = new ArrayList<>();
            for (int a = 0; a < cells; a++) {
                CellSummary c = phase.cells().get(a);
                long[][] counts = new long[d][c.bins()];
                for (int k = 0; k < d; k++) for (int j = 0; j < c.bins(); j++) counts[k][j] = c.counts()[k][j] - grouped[a][g][k][j];
                left.add(new CellSummary(c.tau(), c.alpha(), c.samples(), c.mean(), c.covariance(), c.eigenvalues(), c.rotation(),
                        c.binEdges(), counts, null));
            }
            PhaseSummary replicate = new ScoreMatcher(basis).fit(new PhaseSummary(phase.name(), phase.reference(), left, phase.conditioning()));
            FreeEnergy[] r = IsosurfaceEstimator.of(replicate, IsosurfaceEstimator.Mode.SMOOTH).estimate(theta, temperatures, false);
            f[g] = new double[temperatures.length];
            for (int i = 0; i < r.length; i++) f[g][i] = r[i].freeEnergy();
        }
        for (int i = 0; i < temperatures.length; i++) {
            double mean = 0;
            for (double[] row : f) mean += row[i] / groups;
            double var = 0;
            for (double[] row : f) var += (row[i] - mean) * (row[i] - mean);
            double jack = Math.sqrt((groups - 1.0) / groups * var);
            System.out.printf("%s %.0f K: jackknife over %d shard groups %.4f meV/atom, propagated statistical %.4f meV/atom (ratio %.2f)%n",
                    phase.name(), temperatures[i], groups, 1e3 * jack, 1e3 * full[i].statisticalError(), full[i].statisticalError() / jack);
        }
    }
}
