package org.scoredos.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bookkeeping of in-place replacement, shared by every file system: data file names carry
 * a generation number, the next generation is one above any seen (in the manifest or among
 * the files, even of a damaged store), and after a commit the files of other generations and
 * stale manifest temporaries are garbage.
 */
final class Generations {
    static final String MANIFEST_TMP = "." + StoreManifest.FILE_NAME + ".tmp-";
    private static final Pattern DATA_FILE = Pattern.compile("(reference|cells|scores)-(\\d+)\\.parquet");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Generations() {}

    /** The generation after the latest one in {@code manifest} (may be unreadable or null) or among {@code names}. */
    static int next(byte[] manifest, Iterable<String> names) {
        int latest = 0;
        if (manifest != null) {
            try {
                JsonNode g = new ObjectMapper().readTree(manifest).get("generation");
                if (g != null && g.canConvertToInt()) latest = g.asInt();
            } catch (IOException e) {
                // an unreadable manifest: the file names still tell
            }
        }
        for (String name : names) {
            Matcher m = DATA_FILE.matcher(name);
            if (m.matches()) latest = Math.max(latest, Integer.parseInt(m.group(2)));
        }
        return latest + 1;
    }

    /** Of {@code names}, the store files a commit that keeps {@code keep} leaves behind. */
    static List<String> garbage(Iterable<String> names, Set<String> keep) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if ((DATA_FILE.matcher(name).matches() || name.startsWith(MANIFEST_TMP)) && !keep.contains(name)) out.add(name);
        }
        return out;
    }

    static String randomSuffix() {
        return Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }
}
