package org.scoredos.estimate;

/**
 * The points central differences of F(T) take: T − h, T, T + h for each T, with h = min(1 K, T/4)
 * so that T − h stays above 0 K. Shared by the fixed-pressure and fixed-volume thermal quantities.
 *
 * @param steps  h per temperature, K
 * @param points 3 per temperature: T − h, T, T + h
 */
record TemperatureStencil(double[] steps, double[] points) {
    static final double STEP = 1.0;

    static TemperatureStencil of(double[] temperatures) {
        int n = temperatures.length;
        double[] steps = new double[n], points = new double[3 * n];
        for (int j = 0; j < n; j++) {
            double t = temperatures[j];
            steps[j] = Math.min(STEP, t / 4);
            points[3 * j] = t - steps[j];
            points[3 * j + 1] = t;
            points[3 * j + 2] = t + steps[j];
        }
        return new TemperatureStencil(steps, points);
    }
}
