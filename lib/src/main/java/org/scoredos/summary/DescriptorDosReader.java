package org.scoredos.summary;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipException;
import org.scoredos.io.InputFiles;
import org.scoredos.io.BadInputException;
import org.scoredos.linalg.Vectors;

/**
 * Reads a DescriptorDOS compressed campaign exported to JSON (optionally gzip-compressed): an
 * array of isosurface-cell objects with the keys of its pickle (cov_eval, cov_evec, cov_counts,
 * cov_bins, D_mean, D_var, calls, IsoSurfaceMeasured_mean, N, mass, D_0, V_0, log_det,
 * omega_mean, U_0, alpha_shift, Strain, C_0, x_0). The per-phase keys must agree across cells.
 * Cells come back sorted by the measured isosurface value, as the reference sorts them.
 */
public final class DescriptorDosReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String file;

    private DescriptorDosReader(String file) {
        this.file = file;
    }

    /** Reads the campaign at {@code path}; the phase is named after the file (without .json[.gz]). */
    public static PhaseSummary read(Path path) throws IOException {
        String name = path.getFileName().toString().replaceFirst("\\.json(\\.gz)?$", "");
        return new DescriptorDosReader(path.toString()).parse(readTree(path), name);
    }

    private static JsonNode readTree(Path path) throws IOException {
        // read whole into a tree: bounded as other whole files are, by what the gzip holds
        try (InputStream in = InputFiles.decompressed(path, InputFiles.MAX_WHOLE_FILE_BYTES)) {
            return MAPPER.readTree(in);
        } catch (JsonParseException e) {
            throw new BadInputException(path + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (StreamConstraintsException e) { // a string, number or nesting beyond the JSON parser's limits
            throw new BadInputException(path + ": not a DescriptorDOS export: " + e.getOriginalMessage(), e);
        } catch (ZipException | EOFException e) {
            throw new BadInputException(path + ": truncated or corrupted gzip data: " + e.getMessage(), e);
        }
    }

    private PhaseSummary parse(JsonNode root, String name) {
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw BadInputException.at(file, 0, null, "expected a non-empty JSON array of isosurface cells");
        }
        JsonNode first = root.get(0);
        ReferenceConstants reference = reference(first, 0);
        double alphaShift = number(first, "alpha_shift", 0);
        // α = ln τ − ln(ω̄/2U_0): the shift is not free, and a wrong one moves every cell
        double expectedShift = Math.log(reference.omegaBar() / (2 * reference.u0()));
        if (!(Math.abs(alphaShift - expectedShift) <= 1e-9 * Math.max(1, Math.abs(expectedShift)))) {
            throw field(0, "alpha_shift", alphaShift + " is not ln(omega_mean / 2 U_0) = " + expectedShift);
        }
        int d = reference.components();

        List<CellSummary> cells = new ArrayList<>();
        for (int a = 0; a < root.size(); a++) {
            JsonNode c = root.get(a);
            checkSamePhase(c, first, a);
            double tau = number(c, "IsoSurfaceMeasured_mean", a);
            if (!(tau > 0)) throw field(a, "IsoSurfaceMeasured_mean", "must be positive, got " + tau);
            long samples = (long) number(c, "calls", a);
            if (samples < 2) throw field(a, "calls", "needs at least 2 samples, got " + samples);
            double[] mean = vector(c, "D_mean", d, a);
            double[][] covariance = matrix(c, "D_var", d, d, a);
            double[] eigenvalues = vector(c, "cov_eval", d, a);
            double[][] rotation = matrix(c, "cov_evec", d, d, a);
            double[][] edges = matrix(c, "cov_bins", d, -1, a);
            int bins = edges[0].length - 1;
            if (bins < 2) throw field(a, "cov_bins", "needs at least 3 edges per component");
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < bins; j++) {
                    if (!(edges[k][j + 1] > edges[k][j])) {
                        throw field(a, "cov_bins", "component " + k + ": edges must increase");
                    }
                }
            }
            long[][] counts = counts(c, d, bins, a);
            checkDecomposition(a, covariance, eigenvalues, rotation);
            for (int k = 0; k < d; k++) {
                long total = 0;
                for (long n : counts[k]) total += n;
                if (total > samples) throw field(a, "cov_counts", "component " + k + " counts " + total + " samples, the cell has " + samples);
            }
            cells.add(new CellSummary(tau, Math.log(tau) - alphaShift, samples, mean, covariance,
                    eigenvalues, rotation, edges, counts, null));
        }
        cells.sort(Comparator.comparingDouble(CellSummary::tau));
        for (int a = 1; a < cells.size(); a++) {
            if (!(cells.get(a).tau() > cells.get(a - 1).tau())) {
                throw BadInputException.at(file, 0, "IsoSurfaceMeasured_mean", "two cells at τ = " + cells.get(a).tau()
                        + ": each isosurface appears once");
            }
        }
        return new PhaseSummary(name, reference, cells);
    }

    private ReferenceConstants reference(JsonNode c, int a) {
        int n = (int) number(c, "N", a);
        if (n < 1) throw field(a, "N", "must be a positive atom count, got " + n);
        double mass = number(c, "mass", a);
        if (!(mass > 0)) throw field(a, "mass", "must be positive, got " + mass);
        double volume = number(c, "V_0", a);
        if (!(volume > 0)) throw field(a, "V_0", "must be positive, got " + volume);
        double[] d0 = vector(c, "D_0", -1, a);
        double omegaBar = number(c, "omega_mean", a);
        if (!(omegaBar > 0)) throw field(a, "omega_mean", "must be positive, got " + omegaBar);
        double u0 = number(c, "U_0", a);
        if (!(u0 > 0)) throw field(a, "U_0", "must be positive, got " + u0);
        double[][] cell = matrix(c, "C_0", 3, 3, a);
        double det = cell[0][0] * (cell[1][1] * cell[2][2] - cell[1][2] * cell[2][1])
                - cell[0][1] * (cell[1][0] * cell[2][2] - cell[1][2] * cell[2][0])
                + cell[0][2] * (cell[1][0] * cell[2][1] - cell[1][1] * cell[2][0]);
        if (!(Math.abs(Math.abs(det) - volume) <= 1e-6 * volume)) {
            throw field(a, "C_0", "its volume " + Math.abs(det) + " Å³ is not V_0 = " + volume + " Å³");
        }
        double[] positions = vector(c, "x_0", 3 * n, a);
        double reach = 2 * (Vectors.norm(cell[0]) + Vectors.norm(cell[1]) + Vectors.norm(cell[2]));
        for (int i = 0; i < positions.length; i++) {
            if (!(Math.abs(positions[i]) <= reach)) {
                throw field(a, "x_0", "atom " + (i / 3 + 1) + " at " + positions[i] + " Å lies far outside the cell C_0");
            }
        }
        return new ReferenceConstants(n, mass, volume, d0, omegaBar, number(c, "log_det", a), 3 * n - 3,
                u0, number(c, "Strain", a), cell, positions);
    }

    /**
     * The eigen-decomposition must be one: orthonormal eigenvectors, non-negative eigenvalues and
     * variances, and C = R Λ Rᵀ, each to far better than the estimator needs (the reference's
     * files hold them to 1e-14). A zeroed eigenvector matrix used to change F silently.
     */
    private void checkDecomposition(int a, double[][] covariance, double[] eigenvalues, double[][] rotation) {
        int d = eigenvalues.length;
        double scale = 0;
        for (int i = 0; i < d; i++) scale = Math.max(scale, Math.abs(covariance[i][i]));
        for (double l : eigenvalues) scale = Math.max(scale, Math.abs(l));
        for (int i = 0; i < d; i++) {
            if (!(covariance[i][i] >= 0)) throw field(a, "D_var", "variance " + i + " is negative: " + covariance[i][i]);
            if (!(eigenvalues[i] >= -1e-9 * scale)) throw field(a, "cov_eval", "eigenvalue " + i + " is negative: " + eigenvalues[i]);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double dot = 0, reconstructed = 0;
                for (int k = 0; k < d; k++) {
                    dot += rotation[k][i] * rotation[k][j];
                    reconstructed += rotation[i][k] * eigenvalues[k] * rotation[j][k];
                }
                if (!(Math.abs(dot - (i == j ? 1 : 0)) <= 1e-8)) {
                    throw field(a, "cov_evec", "eigenvectors " + i + " and " + j + " are not orthonormal (dot product " + dot + ")");
                }
                if (!(Math.abs(reconstructed - covariance[i][j]) <= 1e-8 * scale)) {
                    throw field(a, "cov_evec", "R Λ Rᵀ differs from D_var at [" + i + "][" + j + "]: not its eigen-decomposition");
                }
            }
        }
    }

    /** The per-phase keys must hold the same values in every cell. */
    private void checkSamePhase(JsonNode c, JsonNode first, int a) {
        for (String key : new String[] {"N", "mass", "V_0", "D_0", "omega_mean", "log_det", "U_0", "alpha_shift", "Strain"}) {
            if (!c.has(key)) throw field(a, key, "missing");
            if (!c.get(key).equals(first.get(key))) {
                throw field(a, key, "differs from cell 0: a campaign file holds one phase at one volume");
            }
        }
    }

    private double number(JsonNode c, String key, int a) {
        JsonNode v = c.get(key);
        if (v == null) throw field(a, key, "missing");
        if (!v.isNumber()) throw field(a, key, "expected a number, got " + v.getNodeType());
        double x = v.asDouble();
        if (!Double.isFinite(x)) throw field(a, key, "not finite");
        return x;
    }

    private double[] vector(JsonNode c, String key, int length, int a) {
        JsonNode v = c.get(key);
        if (v == null) throw field(a, key, "missing");
        if (!v.isArray()) throw field(a, key, "expected an array");
        if (length >= 0 && v.size() != length) throw field(a, key, "expected " + length + " values, got " + v.size());
        if (v.isEmpty()) throw field(a, key, "empty");
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode x = v.get(i);
            if (!x.isNumber() || !Double.isFinite(x.asDouble())) throw field(a, key, "entry " + i + " is not a finite number");
            out[i] = x.asDouble();
        }
        return out;
    }

    private double[][] matrix(JsonNode c, String key, int rows, int cols, int a) {
        JsonNode v = c.get(key);
        if (v == null) throw field(a, key, "missing");
        if (!v.isArray() || v.size() != rows) throw field(a, key, "expected " + rows + " rows");
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            JsonNode row = v.get(r);
            int expected = cols >= 0 ? cols : v.get(0).size();
            if (!row.isArray() || row.size() != expected) throw field(a, key, "row " + r + ": expected " + expected + " values");
            out[r] = new double[expected];
            for (int j = 0; j < expected; j++) {
                JsonNode x = row.get(j);
                if (!x.isNumber() || !Double.isFinite(x.asDouble())) throw field(a, key, "entry [" + r + "][" + j + "] is not a finite number");
                out[r][j] = x.asDouble();
            }
        }
        return out;
    }

    private long[][] counts(JsonNode c, int d, int bins, int a) {
        JsonNode v = c.get("cov_counts");
        if (v == null) throw field(a, "cov_counts", "missing");
        if (!v.isArray() || v.size() != d) throw field(a, "cov_counts", "expected " + d + " rows");
        long[][] out = new long[d][bins];
        for (int k = 0; k < d; k++) {
            JsonNode row = v.get(k);
            if (!row.isArray() || row.size() != bins) throw field(a, "cov_counts", "row " + k + ": expected " + bins + " counts (one per bin)");
            for (int j = 0; j < bins; j++) {
                JsonNode x = row.get(j);
                if (!x.canConvertToExactIntegral() || x.asLong() < 0) {
                    throw field(a, "cov_counts", "entry [" + k + "][" + j + "] is not a non-negative integer");
                }
                out[k][j] = x.asLong();
            }
        }
        return out;
    }

    private BadInputException field(int cell, String key, String reason) {
        return new BadInputException(file + ": cell " + cell + ": " + key + ": " + reason);
    }
}
