package org.scoredos.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.scoredos.campaign.CampaignConfig;
import org.scoredos.campaign.CampaignConfigReader;
import org.scoredos.campaign.CampaignJob;
import org.scoredos.cli.ScoreDos;
import picocli.CommandLine;

/**
 * Every name the Markdown docs give a user exists: repository paths in code spans and example
 * command lines, {@code scoredos} commands and the options written after them (checked against
 * picocli's model of {@link ScoreDos}), and the stores an example reads are ones the repository
 * holds or an earlier example of the same document writes ({@code --out}, or a campaign's
 * {@code OUT/summaries/NAME}). Reads files only: no command runs.
 */
class DocumentationNamesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Top-level directories of the repository: a code token starting with one is a repository path. */
    private static final Pattern REPO_PATH = Pattern.compile("^(?:\\./)?((?:lib|jobs|conf|deploy|notebooks|\\.ci)/[^\\s`'\"(),;\\]]*)");

    /**
     * Repository paths that only a build or a run creates, so the test cannot find them in a
     * clean checkout: Maven's {@code target/} directories (jars, test classes, fuzz failures,
     * the bench class path) and the notebooks' work directory.
     */
    private static final Pattern CREATED_BY_BUILD_OR_RUN = Pattern.compile("(^|/)target(/|$)|^notebooks/work(/|$)");

    /**
     * Files an example asks the user to bring, named to show their form: they are not in the
     * repository on purpose.
     */
    private static final Set<String> USER_FILES = Set.of(
            "my-ta.data", // energy --model: the user's own structure
            "temperatures.tsv", // ingest --temperatures-file: the user's map of trajectories
            "fe_bcc_444.json.gz", "fe_fcc_333.json.gz", // import-descriptordos: the user's export (in cwd)
            "theta.txt", // a plain θ list in a warning's text
            "wider.snapparam"); // verify --params: the refused definition in an error's text

    /** Options whose value names an input file or store. */
    private static final Set<String> INPUT_OPTIONS = Set.of("--summaries", "--phase", "--defect", "--perfect", "--ti-from",
            "--coeff", "--params", "--structure", "--config", "--input", "--mean", "--covariance", "--model", "--reference",
            "--dynmat");

    private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern SCOREDOS = Pattern.compile("(?:^|[/`])scoredos ([a-z][a-z-]*)(?=[\\s`:]|$)", Pattern.MULTILINE);
    private static final Pattern OPTION = Pattern.compile("^\\[?(--[a-z][a-z0-9-]*)");

    private final CommandLine cli = ScoreDos.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

    @Test
    void everyRepositoryPathInTheDocsExists() {
        List<String> missing = new ArrayList<>();
        for (Path doc : docs()) {
            for (String token : codeTokens(doc)) {
                Matcher m = REPO_PATH.matcher(token);
                if (!m.find()) continue;
                String path = m.group(1).replaceAll("[.:]+$", "");
                if (CREATED_BY_BUILD_OR_RUN.matcher(path).find() || isPlaceholder(path)) continue;
                if (!exists(path)) missing.add(where(doc) + ": " + path);
            }
        }
        assertTrue(missing.isEmpty(), "paths named in the docs that are not in the repository: " + missing);
    }

    @Test
    void everyCommandAndOptionInTheDocsExists() {
        Map<String, CommandLine> commands = cli.getSubcommands();
        List<String> unknown = new ArrayList<>();
        for (Path doc : docs()) {
            String text = read(doc);
            Matcher named = SCOREDOS.matcher(text);
            while (named.find()) {
                if (!commands.containsKey(named.group(1))) unknown.add(where(doc) + ": scoredos " + named.group(1));
            }
            for (List<String> line : commandLines(doc, commands.keySet())) {
                CommandLine command = commands.get(line.get(0));
                for (String token : line.subList(1, line.size())) {
                    Matcher o = OPTION.matcher(token);
                    if (o.find() && !command.getCommandSpec().optionsMap().containsKey(o.group(1))) {
                        unknown.add(where(doc) + ": " + line.get(0) + " " + o.group(1));
                    }
                }
            }
        }
        assertTrue(unknown.isEmpty(), "commands or options named in the docs that scoredos does not have: " + unknown);
    }

    @Test
    void everyStoreAnExampleReadsExistsOrIsWrittenByAnExample() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Path doc : docs()) {
            List<List<String>> lines = commandLines(doc, cli.getSubcommands().keySet());
            Set<String> written = new HashSet<>();
            for (List<String> line : lines) written.addAll(outputs(line));
            for (List<String> line : lines) {
                for (int i = 1; i + 1 < line.size(); i++) {
                    if (!INPUT_OPTIONS.contains(line.get(i))) continue;
                    String value = line.get(i + 1);
                    if (line.get(i).equals("--phase")) value = value.substring(value.indexOf('=') + 1);
                    if (!isChecked(value)) continue;
                    if (!exists(value) && !written.contains(value)) unknown.add(where(doc) + ": " + line.get(0) + " " + line.get(i) + " " + value);
                }
            }
        }
        assertTrue(unknown.isEmpty(), "inputs of examples that are neither in the repository nor written by an example: " + unknown);
    }

    /** What one example command line writes: its {@code --out}, and a campaign's summary stores. */
    private static Set<String> outputs(List<String> line) throws IOException {
        Set<String> out = new HashSet<>();
        String dir = value(line, "--out");
        if (dir != null) out.add(dir);
        String config = line.get(0).equals("quickstart") ? "conf/campaigns/quickstart.yaml" : value(line, "--config");
        if ((line.get(0).equals("campaign") || line.get(0).equals("quickstart")) && config != null && exists(config)) {
            CampaignConfig c = CampaignConfigReader.read(ROOT.resolve(config));
            String base = dir != null ? dir : line.get(0).equals("quickstart") ? "scoredos-quickstart" : c.output();
            out.add(base);
            for (int p = 0; p < c.strains().size(); p++) out.add(base + "/summaries/" + CampaignJob.phaseName(c, p));
        }
        return out;
    }

    private static String value(List<String> line, String option) {
        int i = line.indexOf(option);
        return i >= 0 && i + 1 < line.size() ? line.get(i + 1) : null;
    }

    /** A value the store check can judge: a plain relative path, not a placeholder, URI, glob or a file of the user's. */
    private static boolean isChecked(String value) {
        return !value.startsWith("/") && !value.contains("://") && !isPlaceholder(value)
                && !USER_FILES.contains(Path.of(value).getFileName().toString());
    }

    /** A name standing for something (FILE, DIR, THETA, …), a glob or an elision. */
    private static boolean isPlaceholder(String path) {
        return path.matches(".*(\\b[A-Z]{2,}\\b|…|\\.\\.\\.|\\$|<|\\{).*") || path.contains("*") && !globMatches(path);
    }

    private static boolean exists(String path) {
        if (path.contains("*")) return globMatches(path);
        // a class named by its source path without the extension, e.g. lib/src/test/java/org/scoredos/score/FitGuardTest
        return Files.exists(ROOT.resolve(path)) || Files.isRegularFile(ROOT.resolve(path + ".java"));
    }

    private static boolean globMatches(String glob) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return repositoryFiles().stream().anyMatch(m::matches);
    }

    private static List<Path> files;

    /** The repository's files (relative), build outputs and .git left out; listed once. */
    private static synchronized List<Path> repositoryFiles() {
        if (files == null) {
            try (Stream<Path> walk = Files.walk(ROOT)) {
                files = walk.map(ROOT::relativize).filter(p -> !p.toString().matches("(.*/)?(target|\\.git|node_modules|work)(/.*)?")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /**
     * The {@code scoredos} command lines of a document, each as [command, tokens…]: indented
     * code lines (with their {@code \} continuations) and code spans that start with a
     * command, e.g. {@code `estimate --thermo`}.
     */
    private static List<List<String>> commandLines(Path doc, Set<String> commands) {
        List<String> candidates = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        for (String line : codeLines(doc)) {
            joined.append(line.strip());
            if (line.endsWith("\\")) {
                joined.setLength(joined.length() - 1);
                joined.append(' ');
                continue;
            }
            candidates.add(joined.toString());
            joined.setLength(0);
        }
        candidates.addAll(spans(doc));
        List<List<String>> out = new ArrayList<>();
        for (String c : candidates) {
            String s = c.replaceFirst("#.*$", "").strip();
            int at = s.indexOf("scoredos ");
            String rest = at >= 0 && (at == 0 || "/ ".indexOf(s.charAt(at - 1)) >= 0) ? s.substring(at + "scoredos ".length()) : s;
            List<String> tokens = new ArrayList<>(List.of(rest.strip().split("\\s+")));
            if (tokens.isEmpty() || !commands.contains(tokens.get(0))) continue;
            List<String> clean = new ArrayList<>();
            for (String t : tokens) clean.add(t.replaceAll("^\\[+|[\\],]+$", "").replaceAll("^'|'$", ""));
            out.add(clean);
        }
        return out;
    }

    /** Every whitespace-separated token of the document's code spans and code lines. */
    private static List<String> codeTokens(Path doc) {
        List<String> out = new ArrayList<>();
        List<String> code = new ArrayList<>(codeLines(doc));
        code.addAll(spans(doc));
        for (String line : code) {
            for (String t : line.strip().split("[\\s=]+")) out.add(t.replaceAll("^[\\[('\"]+", ""));
        }
        return out;
    }

    /** Indented (four spaces, after a blank line or more code) and fenced code lines. */
    private static List<String> codeLines(Path doc) {
        List<String> out = new ArrayList<>();
        boolean fenced = false;
        boolean inBlock = false;
        String previous = "";
        for (String line : read(doc).split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            boolean indented = line.startsWith("    ") && (previous.isBlank() || inBlock);
            inBlock = indented || (inBlock && line.isBlank());
            if (fenced || indented) out.add(line);
            previous = line;
        }
        return out;
    }

    private static List<String> spans(Path doc) {
        List<String> out = new ArrayList<>();
        for (String line : read(doc).split("\n")) {
            if (line.startsWith("    ")) continue;
            Matcher m = SPAN.matcher(line);
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }

    private static List<Path> docs() {
        return repositoryFiles().stream().filter(p -> p.toString().endsWith(".md")).map(ROOT::resolve).sorted().toList();
    }

    private static String where(Path doc) {
        return ROOT.relativize(doc).toString();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
