package org.scoredos.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.scoredos.ensemble.MemberResult;
import org.scoredos.io.BadInputException;
import org.scoredos.io.OutputFiles;
import org.scoredos.store.ParquetTable;
import org.scoredos.units.FreeEnergyConvention;

/**
 * {@code ensemble --out}: every member's results, one row per (member, temperature), as CSV (the
 * convention line first) or Parquet (the convention in the file's metadata), written atomically.
 * One phase: member, temperature, latticeEnergy, freeEnergy, error, alphaStar, solved. Two: member,
 * temperature, deltaF, deltaFError, solved, tc, tcError, tcExtrapolated (the member's, on each of
 * its rows; NaN without a transition), then first… and second… as for one phase.
 */
final class EnsembleOutput {
    private EnsembleOutput() {}

    /** The target's format must be known and the file writable, before any work. */
    static void checkTarget(Path out) {
        if (out == null) return;
        if (!isCsv(out) && !isParquet(out)) throw new BadInputException("--out " + out + ": name a .csv or .parquet file");
        CommandSupport.checkOutput(out, "--out");
    }

    static void write(Path out, String[] phases, double[] temperatures, MemberResult[] members) throws IOException {
        Map<String, Object> columns = columns(phases, temperatures, members);
        if (isParquet(out)) {
            ParquetTable table = new ParquetTable();
            for (Map.Entry<String, Object> c : columns.entrySet()) {
                if (c.getValue() instanceof int[] v) table.ints(c.getKey(), v);
                else if (c.getValue() instanceof double[] v) table.doubles(c.getKey(), v);
                else table.booleans(c.getKey(), (boolean[]) c.getValue());
            }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("convention", FreeEnergyConvention.csvComment());
            meta.put("phases", String.join(",", phases));
            OutputFiles.write(out, o -> o.write(table.encode(meta)));
        } else {
            OutputFiles.write(out, o -> o.write(csv(columns).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static Map<String, Object> columns(String[] phases, double[] t, MemberResult[] members) {
        int nt = t.length, rows = members.length * nt;
        Map<String, Object> c = new LinkedHashMap<>();
        int[] member = new int[rows];
        double[] temperature = new double[rows];
        for (int m = 0; m < members.length; m++) {
            for (int i = 0; i < nt; i++) {
                member[m * nt + i] = members[m].member();
                temperature[m * nt + i] = t[i];
            }
        }
        c.put("member", member);
        c.put("temperature", temperature);
        if (phases.length == 2) {
            double[] delta = new double[rows], deltaError = new double[rows], tc = new double[rows], tcError = new double[rows];
            boolean[] solved = new boolean[rows], extrapolated = new boolean[rows];
            for (int m = 0; m < members.length; m++) {
                for (int i = 0; i < nt; i++) {
                    int r = m * nt + i;
                    delta[r] = members[m].deltaF()[i];
                    deltaError[r] = members[m].deltaFError()[i];
                    solved[r] = members[m].solvedAt(i);
                    tc[r] = members[m].tc();
                    tcError[r] = members[m].tcError();
                    extrapolated[r] = members[m].tcExtrapolated();
                }
            }
            c.put("deltaF", delta);
            c.put("deltaFError", deltaError);
            c.put("solved", solved);
            c.put("tc", tc);
            c.put("tcError", tcError);
            c.put("tcExtrapolated", extrapolated);
        }
        for (int p = 0; p < phases.length; p++) {
            String prefix = phases.length == 1 ? "" : p == 0 ? "first" : "second";
            double[] lattice = new double[rows], f = new double[rows], error = new double[rows], alpha = new double[rows];
            boolean[] solved = new boolean[rows];
            for (int m = 0; m < members.length; m++) {
                for (int i = 0; i < nt; i++) {
                    int r = m * nt + i;
                    lattice[r] = members[m].latticeEnergy()[p];
                    f[r] = members[m].freeEnergy()[p][i];
                    error[r] = members[m].error()[p][i];
                    alpha[r] = members[m].alphaStar()[p][i];
                    solved[r] = members[m].solved()[p][i];
                }
            }
            c.put(name(prefix, "latticeEnergy"), lattice);
            c.put(name(prefix, "freeEnergy"), f);
            c.put(name(prefix, "error"), error);
            c.put(name(prefix, "alphaStar"), alpha);
            c.put(name(prefix, "solved"), solved);
        }
        return c;
    }

    private static String csv(Map<String, Object> columns) {
        Object[] values = columns.values().toArray();
        int rows = ((int[]) values[0]).length;
        StringBuilder sb = new StringBuilder(rows * 16 * values.length + 256);
        sb.append(FreeEnergyConvention.csvComment()).append('\n');
        sb.append(String.join(",", columns.keySet())).append('\n');
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < values.length; f++) {
                if (f > 0) sb.append(',');
                if (values[f] instanceof int[] v) sb.append(v[r]);
                else if (values[f] instanceof double[] v) sb.append(v[r]);
                else sb.append(((boolean[]) values[f])[r]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String name(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    private static boolean isCsv(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static boolean isParquet(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }
}
