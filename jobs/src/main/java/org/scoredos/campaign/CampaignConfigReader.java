package org.scoredos.campaign;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scoredos.io.BadInputException;

/**
 * Reads a campaign config strictly: unknown keys, duplicate keys, wrong types (no silent
 * string-to-number or float-to-integer coercion) and impossible values are refused with one
 * line "file:line: key: reason".
 */
public final class CampaignConfigReader {
    private static final YAMLMapper MAPPER = strictMapper();

    private CampaignConfigReader() {}

    public static CampaignConfig read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such campaign config");
        // Bytes that are not UTF-8 become U+FFFD, so the parser names the line instead of an I/O error.
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file.toString());
    }

    static CampaignConfig parse(String yaml, String source) {
        if (yaml.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
            throw BadInputException.at(source, 0, null, "empty campaign config");
        }
        try {
            return MAPPER.readValue(yaml, CampaignConfig.class);
        } catch (JsonProcessingException e) {
            throw translate(e, source, yaml);
        }
    }

    /** A refusal of a config's value found after reading it, at the line of {@code error}'s key in {@code file}. */
    static BadInputException refusal(Path file, ConfigError error) throws IOException {
        String yaml = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return BadInputException.at(file.toString(), lineOfPath(yaml, error.field), error.field, error.reason);
    }

    /** The canonical JSON form of a config (keys in declaration order), for manifests and identities. */
    static String canonicalJson(CampaignConfig config) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BadInputException translate(JsonProcessingException e, String source, String yaml) {
        int line = line(e.getLocation());
        if (e instanceof UnknownKey u) {
            String path = path(u, null);
            return BadInputException.at(source, line > 0 ? line : lineOfPath(yaml, path), path,
                    "unknown key (known: " + u.known + ")");
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof ConfigError c) {
            return validation(source, yaml, path(v, c.field), c.reason);
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return BadInputException.at(source, line, path(f, null), "'" + f.getValue() + "' is not one of "
                    + Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
                            .map(String::toLowerCase).collect(Collectors.joining(", ")));
        }
        if (e instanceof MismatchedInputException m) {
            return BadInputException.at(source, line, path(m, null), "expected " + describe(m.getTargetType()));
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof ConfigError c) {
            return validation(source, yaml, path(m, c.field), c.reason);
        }
        String reason = e.getOriginalMessage();
        return BadInputException.at(source, line, null, "not a valid campaign config: "
                + (reason == null ? e.getClass().getSimpleName() : reason.lines().findFirst().orElse("")));
    }

    /**
     * An unknown key. Records are read through a token buffer that forgets locations, so the
     * line is found afterwards in the text ({@link #lineOfPath}).
     */
    private static final class UnknownKey extends JsonMappingException {
        private static final long serialVersionUID = 1L;
        final String known;

        UnknownKey(JsonParser p, String key, String known) {
            super(p, "unknown key " + key, p.currentTokenLocation());
            this.known = known;
            prependPath(new Reference(null, key));
        }
    }

    private static final class UnknownKeyHandler extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                JsonDeserializer<?> deserializer, Object bean, String key) throws IOException {
            throw new UnknownKey(p, key, known(deserializer.getKnownPropertyNames()));
        }
    }

    /**
     * A value refused by a config record's constructor. Jackson reports where the record ended
     * (the line after a block), so the line is that of the key the path names, looked up in the
     * text; a required key that is absent gets the line of its section, or none at top level.
     */
    private static BadInputException validation(String source, String yaml, String path, String reason) {
        return BadInputException.at(source, lineOfPath(yaml, path), path, reason);
    }

    /**
     * The line of the mapping key at {@code path} ("histogram.bins", "tau.count", "strains[1]"),
     * following block nesting by indentation and flow mappings on one line; for an absent key the
     * line of the deepest section found, 0 if none.
     */
    static int lineOfPath(String yaml, String path) {
        List<String> lines = yaml.lines().map(CampaignConfigReader::withoutComment).toList();
        String[] keys = path.replaceAll("\\[\\d+]", "").split("\\.");
        int from = 0, parentIndent = -1, found = 0;
        for (int k = 0; k < keys.length; k++) {
            Pattern key = Pattern.compile("^ *" + Pattern.quote(keys[k]) + " *:");
            int childIndent = -1, at = -1;
            for (int i = from; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.isBlank()) continue;
                int indent = l.length() - l.stripLeading().length();
                if (indent <= parentIndent) break;  // the section ended
                if (childIndent < 0) childIndent = indent;
                if (indent == childIndent && key.matcher(l).find()) {
                    at = i;
                    break;
                }
            }
            if (at < 0) return found;
            found = at + 1;
            String value = lines.get(at).substring(lines.get(at).indexOf(':') + 1);
            if (value.strip().startsWith("{")) {
                // a flow mapping: the remaining keys are on this line, if present at all
                return found;
            }
            from = at + 1;
            parentIndent = childIndent;
        }
        return found;
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf(" #");
        return line.startsWith("#") ? "" : hash >= 0 ? line.substring(0, hash) : line;
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    }

    /** "histogram.bins", "tau[2]": the path Jackson followed, plus the field a constructor named. */
    private static String path(JsonMappingException e, String field) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        if (field != null && !field.isEmpty()) {
            if (sb.length() > 0) sb.append('.');
            sb.append(field);
        }
        return sb.toString();
    }

    private static String known(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String describe(Class<?> type) {
        if (type == null) return "another kind of value";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "an integer";
        if (type == Double.class || type == double.class) return "a number";
        if (type == String.class) return "a string";
        if (List.class.isAssignableFrom(type) || type.isArray()) return "a list";
        return "a mapping (key: value lines)";
    }

    private static YAMLMapper strictMapper() {
        YAMLMapper m = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .addHandler(new UnknownKeyHandler())
                .build();
        for (LogicalType t : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return m;
    }
}
