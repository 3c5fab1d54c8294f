package org.scoredos.ensemble;

import java.util.Arrays;

/**
 * What an ensemble's members say together: per temperature the mean, standard deviation and
 * quantiles of F (one phase) or ΔF (two) over the members, the fraction of members solved there
 * and their mean error bar; and the distribution of T_c — how many members have one, how many of
 * those are extrapolated, its mean, spread, quantiles and histogram.
 */
public final class EnsembleStatistics {
    private EnsembleStatistics() {}

    /**
     * One temperature.
     *
     * @param quantiles      at the requested levels, eV/atom
     * @param solvedFraction members with every phase solved here
     * @param meanError      the members' mean estimator error bar (δF or δΔF), eV/atom
     */
    public record AtTemperature(double temperature, double mean, double std, double[] quantiles, double solvedFraction,
            double meanError) {}

    /**
     * The T_c distribution over the members that have one.
     *
     * @param withTransition      members whose ΔF changes sign on the grid
     * @param extrapolated        of those, the ones whose T_c is extrapolated
     * @param quantiles           of T_c at the requested levels, K (NaN when no member has a T_c)
     * @param meanError           the members' mean δT_c, K
     * @param edges               histogram bin edges, K (bins + 1)
     * @param counts              members per bin
     * @param extrapolatedCounts  extrapolated members per bin
     */
    public record TcDistribution(int members, int withTransition, int extrapolated, double mean, double std, double[] quantiles,
            double meanError, double[] edges, int[] counts, int[] extrapolatedCounts) {
        /** The extrapolated fraction of the members with a T_c (NaN when none has one). */
        public double extrapolatedFraction() {
            return withTransition == 0 ? Double.NaN : (double) extrapolated / withTransition;
        }
    }

    /** Per temperature of the grid. */
    public static AtTemperature[] perTemperature(MemberResult[] members, double[] temperatures, double[] levels) {
        AtTemperature[] out = new AtTemperature[temperatures.length];
        double[] v = new double[members.length];
        for (int i = 0; i < temperatures.length; i++) {
            int solved = 0;
            double error = 0;
            for (int m = 0; m < members.length; m++) {
                v[m] = members[m].quantity(i);
                error += members[m].quantityError(i);
                if (members[m].solvedAt(i)) solved++;
            }
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            out[i] = new AtTemperature(temperatures[i], mean(v, v.length), std(v, v.length), quantiles(sorted, levels),
                    (double) solved / members.length, error / members.length);
        }
        return out;
    }

    /** The T_c distribution (two phases), with {@code bins} histogram bins over the T_c range. */
    public static TcDistribution tc(MemberResult[] members, double[] levels, int bins) {
        double[] tc = new double[members.length], err = new double[members.length];
        boolean[] extrapolated = new boolean[members.length];
        int n = 0, outside = 0;
        for (MemberResult m : members) {
            if (!m.hasTransition()) continue;
            tc[n] = m.tc();
            err[n] = m.tcError();
            extrapolated[n] = m.tcExtrapolated();
            if (extrapolated[n]) outside++;
            n++;
        }
        double[] sorted = Arrays.copyOf(tc, n);
        Arrays.sort(sorted);
        double meanError = 0;
        int finiteErrors = 0;
        for (int k = 0; k < n; k++) {
            if (Double.isFinite(err[k])) {
                meanError += err[k];
                finiteErrors++;
            }
        }
        double lo = n == 0 ? 0 : sorted[0], hi = n == 0 ? 0 : sorted[n - 1];
        if (hi == lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) edges[b] = b == bins ? hi : lo + (hi - lo) * b / bins;
        int[] counts = new int[bins], extrapolatedCounts = new int[bins];
        for (int k = 0; k < n; k++) {
            int b = Math.min(bins - 1, (int) ((tc[k] - lo) / (hi - lo) * bins));
            counts[b]++;
            if (extrapolated[k]) extrapolatedCounts[b]++;
        }
        return new TcDistribution(members.length, n, outside, n == 0 ? Double.NaN : mean(tc, n), std(tc, n), quantiles(sorted, levels),
                finiteErrors == 0 ? Double.NaN : meanError / finiteErrors, edges, counts, extrapolatedCounts);
    }

    /** Quantiles of sorted values by linear interpolation between order statistics (NumPy's default). */
    public static double[] quantiles(double[] sorted, double[] levels) {
        double[] q = new double[levels.length];
        int n = sorted.length;
        for (int k = 0; k < levels.length; k++) {
            if (n == 0) {
                q[k] = Double.NaN;
                continue;
            }
            double h = (n - 1) * levels[k];
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, n - 1);
            q[k] = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }
        return q;
    }

    private static double mean(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += v[i];
        return s / n;
    }

    /** The sample standard deviation (n − 1); NaN below two values. */
    private static double std(double[] v, int n) {
        if (n < 2) return Double.NaN;
        double m = mean(v, n), s = 0;
        for (int i = 0; i < n; i++) s += (v[i] - m) * (v[i] - m);
        return Math.sqrt(s / (n - 1));
    }
}
