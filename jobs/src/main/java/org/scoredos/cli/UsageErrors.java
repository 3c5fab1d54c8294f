package org.scoredos.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Names the word of a command line that no command or option knows, with the closest that does. */
final class UsageErrors {
    private UsageErrors() {}

    /**
     * "unknown option '--confg' (did you mean '--config'?)" for the first word of {@code args}
     * that looks like an option of {@code cl}'s command but is none, "unknown command 'estmate'
     * (did you mean 'estimate'?)" for a first word that is no command; null when every word is known.
     */
    static String unknownWord(CommandLine cl, String[] args) {
        CommandSpec spec = cl.getCommandSpec();
        List<String> words = wordsFor(cl, args);
        if (spec.parent() == null && !spec.subcommands().isEmpty()) {
            for (String w : words) {
                if (w.startsWith("-")) continue;
                if (spec.subcommands().containsKey(w)) return null;
                return "unknown command '" + w + "'" + suggestion(w, new ArrayList<>(spec.subcommands().keySet()));
            }
        }
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) names.addAll(List.of(o.names()));
        for (String w : words) {
            if (!w.matches("--?[A-Za-z].*")) continue; // values such as -300 or -1:2 are no options
            String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            if (!names.contains(name) && spec.negatedOptionsMap().get(name) == null && !clusteredShortOptions(name, names)) {
                return "unknown option '" + name + "'" + suggestion(name, names);
            }
        }
        return null;
    }

    /** The words after the command's own name (the subcommand's words for a subcommand). */
    private static List<String> wordsFor(CommandLine cl, String[] args) {
        List<String> all = List.of(args);
        String name = cl.getCommandSpec().name();
        int at = cl.getCommandSpec().parent() == null ? -1 : all.indexOf(name);
        return all.subList(at + 1, all.size());
    }

    private static boolean clusteredShortOptions(String w, List<String> names) {
        if (w.startsWith("--") || w.length() < 3) return false;
        for (char c : w.substring(1).toCharArray()) if (!names.contains("-" + c)) return false;
        return true;
    }

    /** " (did you mean 'X'?)" for the closest known word within a third of its length in edits, else "". */
    static String suggestion(String word, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int dist = distance(word, k);
            if (dist < bestDistance) {
                best = k;
                bestDistance = dist;
            }
        }
        return best != null && bestDistance <= Math.max(2, word.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
