package org.scoredos.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapCoefficients;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.io.BadInputException;
import org.scoredos.io.InputFiles;

/**
 * Reads a model the LAMMPS way, from the lines of a potential-library {@code .snap} file:
 * {@code variable NAME equal|index VALUE}, {@code ${NAME}} (and {@code $X}) substitution,
 * {@code &} line continuation, {@code #} comments, {@code pair_style snap} or
 * {@code pair_style hybrid/overlay zbl INNER OUTER snap}, {@code pair_coeff I J zbl Z1 Z2} and
 * {@code pair_coeff * * [snap] COEFF PARAM EL1 EL2 ...} (LAMMPS type t ↔ EL_t of the coefficient
 * file). The coefficient and parameter files are looked up next to the {@code .snap} file, then in
 * {@code $LAMMPS_POTENTIALS}. Every other command or style is refused with file:line, so a model
 * is never silently computed without one of its terms.
 */
public final class LammpsModelFile {
    private final String source;
    private final Path directory;
    private final Path potentials;
    private final Map<String, String> variables = new HashMap<>();
    private int styleLine;
    private boolean hybrid;
    private double[] zblCutoffs;
    private final List<Command> zblCoeffs = new ArrayList<>();
    private Command snapCoeff;

    private record Command(int line, List<String> words) {}

    private LammpsModelFile(Path file, Path potentials) {
        this.source = file.toString();
        Path parent = file.toAbsolutePath().getParent();
        this.directory = parent == null ? Path.of(".") : parent;
        this.potentials = potentials;
    }

    /** Reads {@code file}, resolving model files next to it and then in {@code $LAMMPS_POTENTIALS}. */
    public static ModelDescription read(Path file) throws IOException {
        String env = System.getenv("LAMMPS_POTENTIALS");
        return read(file, env == null || env.isBlank() ? null : Path.of(env));
    }

    /** As {@link #read(Path)} with the fallback directory given (null for none). */
    public static ModelDescription read(Path file, Path potentials) throws IOException {
        LammpsModelFile reader = new LammpsModelFile(file, potentials);
        for (Command c : commands(reader.source, InputFiles.lines(file))) reader.execute(c);
        return reader.description();
    }

    /** Joins {@code &} continuations and drops comments and blank lines; each command keeps its first line's number. */
    private static List<Command> commands(String source, List<String> lines) {
        List<Command> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int first = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).stripTrailing();
            if (text.length() == 0) first = n + 1;
            boolean continues = line.endsWith("&");
            text.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (continues && n + 1 < lines.size()) continue;
            String command = stripComment(text.toString()).trim();
            text.setLength(0);
            if (!command.isEmpty()) out.add(new Command(first, List.of(command.split("\\s+"))));
        }
        return out;
    }

    private static String stripComment(String s) {
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }

    private void execute(Command raw) {
        Command c = new Command(raw.line, raw.words.stream().map(w -> substitute(raw.line, w)).toList());
        switch (c.words.get(0)) {
            case "variable" -> variable(c);
            case "pair_style" -> pairStyle(c);
            case "pair_coeff" -> pairCoeff(c);
            default -> throw bad(c.line, c.words.get(0), "command not supported in a model file (supported: variable, "
                    + "pair_style snap or hybrid/overlay zbl INNER OUTER snap, pair_coeff)");
        }
    }

    /** ${NAME} and $X as LAMMPS substitutes them, before the command runs. */
    private String substitute(int line, String word) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < word.length(); k++) {
            char ch = word.charAt(k);
            if (ch != '$' || k + 1 >= word.length()) {
                out.append(ch);
                continue;
            }
            String name;
            if (word.charAt(k + 1) == '{') {
                int close = word.indexOf('}', k + 2);
                if (close < 0) throw bad(line, word, "unterminated ${...}");
                name = word.substring(k + 2, close);
                k = close;
            } else {
                name = String.valueOf(word.charAt(k + 1));
                k++;
            }
            String value = variables.get(name);
            if (value == null) throw bad(line, "$" + name, "variable not defined before this line");
            out.append(value);
        }
        return out.toString();
    }

    private void variable(Command c) {
        List<String> w = c.words;
        if (w.size() != 4) throw bad(c.line, "variable", "expected 'variable NAME equal|index VALUE', got '" + String.join(" ", w) + "'");
        String name = w.get(1);
        switch (w.get(2)) {
            case "index" -> variables.putIfAbsent(name, w.get(3)); // LAMMPS keeps an index variable's first definition
            case "equal" -> {
                number(c.line, name, w.get(3)); // a formula would need LAMMPS's evaluator: only plain numbers
                variables.put(name, w.get(3));
            }
            default -> throw bad(c.line, "variable", "style '" + w.get(2) + "' not supported (equal or index)");
        }
    }

    private void pairStyle(Command c) {
        if (styleLine > 0) throw bad(c.line, "pair_style", "given twice (first on line " + styleLine + ")");
        styleLine = c.line;
        List<String> w = c.words.subList(1, c.words.size());
        if (w.equals(List.of("snap"))) return;
        if (w.isEmpty() || !w.get(0).equals("hybrid/overlay")) {
            throw bad(c.line, "pair_style", "'" + String.join(" ", w) + "' not supported (snap, or hybrid/overlay zbl INNER OUTER snap)");
        }
        hybrid = true;
        boolean snap = false;
        for (int k = 1; k < w.size(); k++) {
            String style = w.get(k);
            if (style.equals("snap") && !snap) {
                snap = true;
            } else if (style.equals("zbl") && zblCutoffs == null && k + 2 < w.size()) {
                double inner = number(c.line, "zbl inner cutoff", w.get(k + 1));
                double outer = number(c.line, "zbl outer cutoff", w.get(k + 2));
                if (!(inner > 0 && inner <= outer)) {
                    throw bad(c.line, "zbl", "needs 0 < INNER ≤ OUTER, got " + inner + " and " + outer);
                }
                zblCutoffs = new double[] {inner, outer};
                k += 2;
            } else {
                throw bad(c.line, "pair_style", "sub-style '" + style + "' not supported (hybrid/overlay of zbl INNER OUTER and snap)");
            }
        }
        if (!snap) throw bad(c.line, "pair_style", "hybrid/overlay without snap");
    }

    private void pairCoeff(Command c) {
        if (styleLine == 0) throw bad(c.line, "pair_coeff", "comes before pair_style");
        List<String> w = c.words;
        if (w.size() < 4) throw bad(c.line, "pair_coeff", "expected 'pair_coeff I J ...', got '" + String.join(" ", w) + "'");
        String style = hybrid ? w.get(3) : "snap";
        if (style.equals("zbl") && zblCutoffs != null) {
            if (w.size() != 6) throw bad(c.line, "pair_coeff", "expected 'pair_coeff I J zbl Z1 Z2'");
            zblCoeffs.add(c);
        } else if (style.equals("snap")) {
            if (snapCoeff != null) throw bad(c.line, "pair_coeff", "snap given twice (first on line " + snapCoeff.line + ")");
            List<String> args = hybrid ? w.subList(4, w.size()) : w.subList(3, w.size());
            if (!w.get(1).equals("*") || !w.get(2).equals("*") || args.size() < 3) {
                throw bad(c.line, "pair_coeff", "expected 'pair_coeff * * " + (hybrid ? "snap " : "") + "COEFF PARAM EL1 [EL2 ...]'");
            }
            snapCoeff = new Command(c.line, args);
        } else {
            throw bad(c.line, "pair_coeff", "style '" + style + "' not supported (only the styles of pair_style)");
        }
    }

    private ModelDescription description() throws IOException {
        if (snapCoeff == null) throw bad(0, "pair_coeff", "no 'pair_coeff * * snap COEFF PARAM ELEMENTS' line");
        List<String> a = snapCoeff.words;
        Path coeffFile = locate(snapCoeff.line, a.get(0));
        Path paramFile = locate(snapCoeff.line, a.get(1));
        SnapParameters params = SnapParameterReader.read(paramFile);
        SnapCoefficients coefficients = SnapCoefficientReader.read(coeffFile, params);
        List<String> names = a.subList(2, a.size());
        if (names.contains("NULL")) {
            throw bad(snapCoeff.line, "NULL", "a type without SNAP is not supported (every atom type must be a SNAP element)");
        }
        ModelDescription typed = ModelDescription.snap(params, coefficients).withTypes(names, source + ":" + snapCoeff.line);
        ZblSettings zbl = zblCutoffs == null ? null : zbl(names.size());
        return new ModelDescription(source, params, typed.elements(), zbl == null ? List.of() : List.of(zbl));
    }

    /** The ZBL charges per type pair from the pair_coeff lines (I J ranges as in LAMMPS; I = J needs Z1 = Z2). */
    private ZblSettings zbl(int types) {
        double[][][] charge = new double[types][types][];
        for (Command c : zblCoeffs) {
            int[] i = bounds(c.line, c.words.get(1), types);
            int[] j = bounds(c.line, c.words.get(2), types);
            double z1 = number(c.line, "Z1", c.words.get(4));
            double z2 = number(c.line, "Z2", c.words.get(5));
            if (!(z1 > 0 && z2 > 0)) throw bad(c.line, "zbl", "nuclear charges must be positive, got " + z1 + ", " + z2);
            int count = 0;
            for (int t = i[0]; t <= i[1]; t++) {
                for (int u = Math.max(j[0], t); u <= j[1]; u++) {
                    if (t == u && z1 != z2) throw bad(c.line, "zbl", "type " + t + " with itself needs Z1 = Z2, got " + z1 + ", " + z2);
                    charge[t - 1][u - 1] = new double[] {z1, z2};
                    charge[u - 1][t - 1] = new double[] {z2, z1};
                    count++;
                }
            }
            if (count == 0) throw bad(c.line, "pair_coeff", "sets no type pair (I must not exceed J)");
        }
        return new ZblSettings(zblCutoffs[0], zblCutoffs[1], charge);
    }

    /** A LAMMPS type range: N, *, N*, *N, M*N, within 1..types. */
    private int[] bounds(int line, String word, int types) {
        int star = word.indexOf('*');
        int lo, hi;
        try {
            if (star < 0) {
                lo = hi = Integer.parseInt(word);
            } else {
                lo = star == 0 ? 1 : Integer.parseInt(word.substring(0, star));
                hi = star == word.length() - 1 ? types : Integer.parseInt(word.substring(star + 1));
            }
        } catch (NumberFormatException e) {
            throw bad(line, "pair_coeff", "'" + word + "' is not a type or type range");
        }
        if (lo < 1 || hi > types || lo > hi) {
            throw bad(line, "pair_coeff", "type range '" + word + "' outside the " + types + " type(s) of the snap pair_coeff");
        }
        return new int[] {lo, hi};
    }

    private Path locate(int line, String name) {
        Path beside = directory.resolve(name);
        if (Files.isRegularFile(beside)) return beside;
        if (potentials != null && Files.isRegularFile(potentials.resolve(name))) return potentials.resolve(name);
        throw bad(line, name, "file not found next to the model file" + (potentials == null ? "" : " nor in " + potentials)
                + " (LAMMPS_POTENTIALS)");
    }

    private double number(int line, String field, String word) {
        try {
            double x = Double.parseDouble(word);
            if (Double.isFinite(x)) return x;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(line, field, "'" + word + "' is not a finite number");
    }

    private BadInputException bad(int line, String field, String reason) {
        return BadInputException.at(source, line, field, reason);
    }
}
