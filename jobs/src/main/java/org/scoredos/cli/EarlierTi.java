package org.scoredos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.scoredos.io.BadInputException;

/** F_TI ± σ per (model, temperature) from an earlier {@code verify --format json} output (eV/atom, estimator convention). */
final class EarlierTi {
    private final Path file;
    private final String option;
    private final Map<String, double[]> rows;

    private EarlierTi(Path file, String option, Map<String, double[]> rows) {
        this.file = file;
        this.option = option;
        this.rows = rows;
    }

    static EarlierTi read(Path file, String option) {
        if (!Files.isRegularFile(file)) throw new BadInputException(option + ": " + file + ": no such file");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(option + ": " + file + ": not a verify JSON output (" + e.getMessage().split("\n")[0] + ")");
        }
        JsonNode results = root == null ? null : root.get("results");
        if (results == null || !results.isArray()) throw new BadInputException(option + ": " + file + ": no \"results\" array");
        Map<String, double[]> rows = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            for (String key : new String[] {"model", "temperature", "freeEnergyTi", "errorTi"}) {
                if (r.get(key) == null || !r.get(key).isNumber()) {
                    throw new BadInputException(option + ": " + file + ": results[" + i + "]: missing number \"" + key + "\"");
                }
            }
            rows.put(key(r.get("model").asInt(), r.get("temperature").asDouble()),
                    new double[] {r.get("freeEnergyTi").asDouble(), r.get("errorTi").asDouble()});
        }
        return new EarlierTi(file, option, rows);
    }

    /** {F_TI, σ} of model m at T. */
    double[] at(int model, double temperature) {
        double[] v = rows.get(key(model, temperature));
        if (v == null) {
            throw new BadInputException(option + ": " + file + ": no TI result for model " + model + " at " + temperature
                    + " K (use the --perturb, --scale, --seed and --temperatures of that run)");
        }
        return v;
    }

    private static String key(int model, double temperature) {
        return model + "@" + temperature;
    }
}
