package org.scoredos.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: every document a source comment cites and every relative
 * link of a Markdown file resolves to a file of the repository.
 */
class DocumentationLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Where a document cited by its bare name in code comments lives. */
    private static final Map<String, Path> CITED = Map.of(
            "method.md", ROOT.resolve("lib/docs/method.md"),
            "architecture.md", ROOT.resolve("jobs/docs/architecture.md"),
            "snap-conventions.md", ROOT.resolve("lib/docs/snap-conventions.md"));

    private static final Pattern DOC_NAME = Pattern.compile("([A-Za-z0-9_./-]+\\.md)\\b");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void everyDocumentCitedInSourceExists() {
        List<String> missing = new ArrayList<>();
        for (Path source : files(".java")) {
            Matcher m = DOC_NAME.matcher(comments(read(source)));
            while (m.find()) {
                String name = m.group(1);
                Path target = CITED.containsKey(name) ? CITED.get(name) : ROOT.resolve(name);
                if (!Files.isRegularFile(target)) missing.add(ROOT.relativize(source) + " cites " + name);
            }
        }
        assertTrue(missing.isEmpty(), "documents cited but not in the repository: " + missing);
    }

    @Test
    void everyRelativeMarkdownLinkResolves() {
        List<String> broken = new ArrayList<>();
        for (Path doc : files(".md")) {
            Matcher m = LINK.matcher(read(doc));
            while (m.find()) {
                String link = m.group(1);
                if (link.contains("://") || link.startsWith("mailto:")) continue;
                if (!Files.exists(doc.getParent().resolve(link))) broken.add(ROOT.relativize(doc) + " → " + link);
            }
        }
        assertTrue(broken.isEmpty(), "broken links: " + broken);
    }

    /** The comment lines of a Java source (doc comments and line comments). */
    private static String comments(String source) {
        StringBuilder out = new StringBuilder();
        for (String line : source.split("\n")) {
            String t = line.strip();
            if (t.startsWith("*") || t.startsWith("/*") || t.startsWith("//")) out.append(t).append('\n');
            else if (line.contains("//")) out.append(line, line.indexOf("//"), line.length()).append('\n');
        }
        return out.toString();
    }

    private static List<Path> files(String suffix) {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(suffix))
                    .filter(p -> !ROOT.relativize(p).toString().matches("(.*/)?(target|\\.git|node_modules|work)/.*"))
                    .filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
