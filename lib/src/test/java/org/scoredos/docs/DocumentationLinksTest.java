package org.scoredos.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: every document a source comment cites and every relative
 * link of a Markdown file resolves to a file of the repository, and every link to an anchor to
 * a heading of its document.
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
    /** A link to an anchor: [text](path#anchor) or [text](#anchor). */
    private static final Pattern ANCHOR_LINK = Pattern.compile("\\]\\(([^)\\s#]*)#([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*");
    private static final Pattern LINK_TEXT = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

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

    @Test
    void everyAnchorLinkNamesAHeading() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : files(".md")) {
            Matcher m = ANCHOR_LINK.matcher(prose(read(doc)));
            while (m.find()) {
                String file = m.group(1), anchor = URLDecoder.decode(m.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
                if (file.contains("://")) continue; // another site's page
                checked++;
                Path target = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.isRegularFile(target)) broken.add(ROOT.relativize(doc) + " → " + file + "#" + anchor + " (no such file)");
                else if (!headingAnchors(read(target)).contains(anchor)) broken.add(ROOT.relativize(doc) + " → " + file + "#" + anchor);
            }
        }
        assertTrue(checked > 0, "no anchor links found: the link pattern reads nothing");
        assertTrue(broken.isEmpty(), "links to anchors that no heading of the target document makes: " + broken);
    }

    @Test
    void headingAnchorsFollowGitHubsRules() {
        assertEquals(List.of("free-energy-convention", "scoredos-pressure-p-of-the-ti-engines-md", "usage", "usage-1",
                        "α-and-t_c-in-k", "the-guide", "no-trailing-hashes"),
                headingAnchors("# Free-energy convention\n## `scoredos pressure`: P of the TI engine's MD\ntext\n### Usage\n"
                        + "```\n# a comment in code\n```\n## Usage\n## α* and T_c (in K)\n## [The guide](jobs/docs/guide.md)\n## No trailing hashes ##\n"));
    }

    /**
     * The anchors GitHub gives a document's headings (ATX headings outside fenced code): the
     * heading's text (a link's text, not its target) lower-cased, every character but letters,
     * digits, marks, '_', '-' and spaces dropped, each space a '-'; a repeated anchor gets
     * "-1", "-2", … in order.
     */
    static List<String> headingAnchors(String markdown) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(markdown).split("\n", -1)) {
            Matcher h = HEADING.matcher(line);
            if (!h.matches()) continue;
            String slug = LINK_TEXT.matcher(h.group(1)).replaceAll("$1").toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\p{M}_\\- ]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            out.add(n == 0 ? slug : slug + "-" + n);
        }
        return out;
    }

    /** A document without its fenced code blocks: where a link is a link and a heading a heading. */
    private static String prose(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) fenced = !fenced;
            else if (!fenced) out.append(line).append('\n');
        }
        return out.toString();
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
