package org.scoredos.verify;

import java.io.Serializable;
import org.scoredos.thermo.LambdaSample;

/** A TI task's {@link LambdaSample} on its way back from an executor, with the task's global number. */
record TaskSample(int task, int index, int temperatureIndex, int node, double temperature, double lambda,
                  double meanDifference, double error, double kineticTemperature) implements Serializable {
    static TaskSample of(int task, LambdaSample s) {
        return new TaskSample(task, s.index(), s.temperatureIndex(), s.node(), s.temperature(), s.lambda(), s.meanDifference(),
                s.error(), s.kineticTemperature());
    }

    LambdaSample sample() {
        return new LambdaSample(index, temperatureIndex, node, temperature, lambda, meanDifference, error, kineticTemperature);
    }
}
