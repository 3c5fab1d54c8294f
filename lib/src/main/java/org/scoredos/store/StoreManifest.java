package org.scoredos.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scoredos.io.BadInputException;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.model.FixedTermSettings;
import org.scoredos.model.QuadraticBlock;
import org.scoredos.model.ZblSettings;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.StoreModel;

/**
 * The store's manifest.json: what the store holds, where it came from, and the files that
 * make it up (the commit point: a store is exactly the files its manifest names, each checked
 * by size and CRC-32C on read). The reference constants are repeated here for people and
 * scripts; the exact values are in the reference Parquet file.
 *
 * @param phase      phase name
 * @param generation incremented by every replacement; part of the data file names
 * @param conditioning what labels the cells: "isosurface" (τ, α; the default when absent),
 *                   "temperature" (MD snapshots; T in the cells' tau column, NaN α) or "energy"
 *                   (constant-energy MD of a kinetic campaign; the τ of the target energy, NaN α)
 * @param scores     the fitted score models, or null when the store has none
 * @param reference  informational copy of the scalar reference constants
 * @param createdBy  "scoredos VERSION"
 * @param source     provenance, e.g. "descriptordos:sha256:…"
 * @param files      role ("reference", "cells", "scores") → file
 * @param model      the species and descriptor definition the store was sampled for; null when
 *                   unknown (written as "unknown"; absent in stores written before it was recorded)
 */
public record StoreManifest(
        String phase,
        int generation,
        int cells,
        int components,
        int bins,
        int atoms,
        Conditioning conditioning,
        Scores scores,
        Map<String, Number> reference,
        String createdAt,
        String createdBy,
        String source,
        Map<String, StoredFile> files,
        StoreModel model) {

    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Bounds that keep every list length (d², d·bins) within an int. */
    private static final int MAX_COMPONENTS = 10_000, MAX_BINS = 100_000, MAX_CELLS = 100_000;

    /** Basis, order p and coefficients per component M of the fitted score models. */
    public record Scores(String basis, int order, int coefficients) {}

    /** One data file: its name inside the store, its size and CRC-32C (8 hex digits). */
    public record StoredFile(String path, long bytes, String crc32c) {}

    public StoreManifest {
        reference = Map.copyOf(reference);
        files = Map.copyOf(files);
        if (conditioning == null) throw new IllegalArgumentException("a manifest needs its conditioning");
    }

    /** Bytes of the data files plus the manifest itself. */
    public long totalBytes() {
        return files.values().stream().mapToLong(StoredFile::bytes).sum() + toJson().length;
    }

    byte[] toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", SchemaVersion.FORMAT);
        root.put("schemaVersion", SchemaVersion.CURRENT);
        root.put("phase", phase);
        root.put("generation", generation);
        root.put("cells", cells);
        root.put("components", components);
        root.put("bins", bins);
        root.put("atoms", atoms);
        root.put("conditioning", conditioning.key());
        ObjectNode ref = root.putObject("reference");
        new TreeMap<>(reference).forEach((k, v) -> ref.set(k, MAPPER.valueToTree(v)));
        if (scores == null) {
            root.putNull("scores");
        } else {
            ObjectNode s = root.putObject("scores");
            s.put("basis", scores.basis());
            s.put("order", scores.order());
            s.put("coefficients", scores.coefficients());
        }
        root.put("createdAt", createdAt);
        root.put("createdBy", createdBy);
        root.put("source", source);
        writeModel(root);
        ObjectNode fs = root.putObject("files");
        new TreeMap<>(files).forEach((role, f) -> {
            ObjectNode n = fs.putObject(role);
            n.put("path", f.path());
            n.put("bytes", f.bytes());
            n.put("crc32c", f.crc32c());
        });
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a manifest; {@code where} names it in errors. Checks format and version first. */
    static StoreManifest parse(byte[] json, String where) {
        JsonNode root;
        try {
            root = MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BadInputException(where + ": not valid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " "), e);
        }
        if (root == null || !root.isObject()) throw field(where, null, "expected a JSON object");
        String format = text(root, "format", where);
        if (!SchemaVersion.FORMAT.equals(format)) {
            throw field(where, "format", "expected \"" + SchemaVersion.FORMAT + "\", got \"" + format + "\"");
        }
        SchemaVersion.check(integer(root, "schemaVersion", where), where);

        Conditioning conditioning = Conditioning.ISOSURFACE; // stores from before MD ingestion say nothing
        JsonNode c = root.get("conditioning");
        if (c != null) {
            conditioning = c.isTextual() ? Conditioning.ofKey(c.asText()) : null;
            if (conditioning == null) throw field(where, "conditioning", "expected " + Conditioning.keys() + ", got " + c);
        }
        Scores scores = null;
        JsonNode s = root.get("scores");
        if (s != null && !s.isNull()) {
            if (!s.isObject()) throw field(where, "scores", "expected an object or null");
            scores = new Scores(text(s, "basis", where), integer(s, "order", where), bounded(s, "coefficients", 100, where));
        }
        Map<String, Number> reference = new LinkedHashMap<>();
        JsonNode ref = root.get("reference");
        if (ref != null && ref.isObject()) {
            ref.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) reference.put(e.getKey(), e.getValue().numberValue());
            });
        }
        JsonNode fs = root.get("files");
        if (fs == null || !fs.isObject()) throw field(where, "files", "missing");
        Map<String, StoredFile> files = new LinkedHashMap<>();
        fs.fields().forEachRemaining(e -> {
            JsonNode f = e.getValue();
            String path = text(f, "path", where);
            if (path.contains("/") || path.contains("\\") || path.startsWith(".")) {
                throw field(where, "files." + e.getKey() + ".path", "must be a plain file name, got \"" + path + "\"");
            }
            JsonNode bytes = f.get("bytes");
            if (bytes == null || !bytes.canConvertToLong() || bytes.asLong() < 0) throw field(where, "files." + e.getKey() + ".bytes", "missing or not a size");
            files.put(e.getKey(), new StoredFile(path, bytes.asLong(), text(f, "crc32c", where)));
        });
        StoreModel model = model(root.get("model"), where);
        int components = bounded(root, "components", MAX_COMPONENTS, where);
        if (model != null && model.components() != components) {
            throw field(where, "model.descriptor", "defines " + model.components() + " components, the store holds " + components);
        }
        return new StoreManifest(text(root, "phase", where), integer(root, "generation", where),
                bounded(root, "cells", MAX_CELLS, where), components,
                bounded(root, "bins", MAX_BINS, where), bounded(root, "atoms", Integer.MAX_VALUE / 3, where),
                conditioning, scores, reference, text(root, "createdAt", where),
                text(root, "createdBy", where), text(root, "source", where), files, model);
    }

    private void writeModel(ObjectNode root) {
        if (model == null) {
            root.put("model", "unknown");
            return;
        }
        ObjectNode m = root.putObject("model");
        var elements = m.putArray("elements");
        for (StoreModel.Species s : model.species()) {
            ObjectNode e = elements.addObject();
            if (s.symbol() == null) e.putNull("symbol");
            else e.put("symbol", s.symbol());
            e.put("mass", s.mass());
            e.put("radius", s.radius());
            e.put("weight", s.weight());
        }
        SnapParameters p = model.descriptor();
        ObjectNode d = m.putObject("descriptor");
        d.put("kind", "snap");
        d.put("twojmax", p.twojmax());
        d.put("rcutfac", p.rcutfac());
        d.put("rfac0", p.rfac0());
        d.put("rmin0", p.rmin0());
        d.put("switchflag", p.switching() ? 1 : 0);
        d.put("bzeroflag", p.bzero() ? 1 : 0);
        d.put("quadraticflag", p.quadratic() ? 1 : 0);
        d.put("wselfallflag", p.wselfAll() ? 1 : 0);
        d.put("bnormflag", p.bnorm() ? 1 : 0);
        d.put("chemflag", p.chem() ? 1 : 0);
        d.put("components", model.parameters());
        writeFixedTerms(m, model.terms());
        m.put("definition", model.definition());
        m.put("hash", model.hash());
        if (model.referenceTheta() != null) {
            var theta = m.putArray("referenceTheta");
            for (double v : model.referenceTheta()) theta.add(v);
        }
    }

    /**
     * The fixed terms whose energies per atom follow the descriptor's components, in order:
     * written only when there are some (stores without them keep their manifests). ZBL as its
     * cutoffs (Å) and the nuclear charges of each type pair t ≤ u it acts on; a qSNAP products
     * block as its coefficients per type (its bispectrum is the descriptor's with quadraticflag 1,
     * its radii and weights the species').
     */
    private static void writeFixedTerms(ObjectNode m, List<FixedTermSettings> terms) {
        if (terms.isEmpty()) return;
        var list = m.putArray("fixedTerms");
        for (FixedTermSettings term : terms) {
            ObjectNode o = list.addObject();
            if (term instanceof ZblSettings zbl) writeZbl(o, zbl);
            else writeProducts(o, (QuadraticBlock) term);
        }
    }

    private static void writeZbl(ObjectNode z, ZblSettings zbl) {
        z.put("type", "zbl");
        z.put("inner", zbl.inner());
        z.put("outer", zbl.outer());
        var charges = z.putArray("charges");
        for (int t = 0; t < zbl.types(); t++) {
            for (int u = t; u < zbl.types(); u++) {
                double[] q = zbl.charge()[t][u];
                if (q == null) continue;
                ObjectNode pair = charges.addObject();
                pair.putArray("types").add(t + 1).add(u + 1);
                pair.putArray("z").add(q[0]).add(q[1]);
            }
        }
    }

    private static void writeProducts(ObjectNode o, QuadraticBlock block) {
        o.put("type", "snap-quadratic");
        var products = o.putArray("products");
        for (double[] perType : block.products()) {
            var row = products.addArray();
            for (double c : perType) row.add(c);
        }
    }

    /** The fixed terms entry: absent → none; otherwise ZBL and products terms over the model's types. */
    private static List<FixedTermSettings> fixedTerms(JsonNode m, List<StoreModel.Species> species, SnapParameters descriptor, String where) {
        JsonNode terms = m.get("fixedTerms");
        if (terms == null) return List.of();
        if (!terms.isArray() || terms.isEmpty()) throw field(where, "model.fixedTerms", "expected a list of fixed terms");
        List<FixedTermSettings> out = new java.util.ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            JsonNode t = terms.get(k);
            String at = "model.fixedTerms[" + k + "]";
            String type = t.isObject() ? text(t, "type", where) : "";
            try {
                switch (type) {
                    case "zbl" -> out.add(zbl(t, species.size(), at, where));
                    case "snap-quadratic" -> out.add(products(t, species, descriptor, at, where));
                    default -> throw field(where, at + ".type", "expected \"zbl\" or \"snap-quadratic\"");
                }
            } catch (IllegalArgumentException e) {
                throw field(where, at, e.getMessage());
            }
        }
        return out;
    }

    private static ZblSettings zbl(JsonNode z, int types, String at, String where) {
        double[][][] charge = new double[types][types][];
        JsonNode charges = z.get("charges");
        if (charges == null || !charges.isArray()) throw field(where, at + ".charges", "missing");
        for (JsonNode pair : charges) {
            JsonNode t = pair.get("types"), q = pair.get("z");
            if (t == null || !t.isArray() || t.size() != 2 || q == null || !q.isArray() || q.size() != 2
                    || !t.get(0).canConvertToInt() || !t.get(1).canConvertToInt() || !q.get(0).isNumber() || !q.get(1).isNumber()) {
                throw field(where, at + ".charges", "expected {\"types\": [t, u], \"z\": [Z_t, Z_u]} entries");
            }
            int a = t.get(0).asInt(), b = t.get(1).asInt();
            if (a < 1 || b < a || b > types) throw field(where, at + ".charges", "type pair " + a + "-" + b + " outside 1.." + types);
            charge[a - 1][b - 1] = new double[] {q.get(0).asDouble(), q.get(1).asDouble()};
            charge[b - 1][a - 1] = new double[] {q.get(1).asDouble(), q.get(0).asDouble()};
        }
        return new ZblSettings(real(z, "inner", where), real(z, "outer", where), charge);
    }

    private static QuadraticBlock products(JsonNode o, List<StoreModel.Species> species, SnapParameters descriptor, String at, String where) {
        JsonNode rows = o.get("products");
        if (rows == null || !rows.isArray() || rows.size() != species.size()) {
            throw field(where, at + ".products", "expected one list of coefficients per species");
        }
        double[][] products = new double[species.size()][];
        for (int t = 0; t < products.length; t++) {
            JsonNode row = rows.get(t);
            if (!row.isArray()) throw field(where, at + ".products[" + t + "]", "expected a list of numbers");
            products[t] = new double[row.size()];
            for (int k = 0; k < row.size(); k++) {
                if (!row.get(k).isNumber() || !Double.isFinite(row.get(k).asDouble())) {
                    throw field(where, at + ".products[" + t + "][" + k + "]", "not a finite number");
                }
                products[t][k] = row.get(k).asDouble();
            }
        }
        return new QuadraticBlock(descriptor.withQuadratic(true), species.stream().mapToDouble(StoreModel.Species::radius).toArray(),
                species.stream().mapToDouble(StoreModel.Species::weight).toArray(), products);
    }

    /** The model entry: absent (an older store) or "unknown" → null; otherwise checked against its own hash. */
    private static StoreModel model(JsonNode m, String where) {
        if (m == null || m.isNull() || (m.isTextual() && m.asText().equals("unknown"))) return null;
        if (!m.isObject()) throw field(where, "model", "expected an object or \"unknown\"");
        JsonNode els = m.get("elements");
        if (els == null || !els.isArray() || els.isEmpty()) throw field(where, "model.elements", "missing or empty");
        java.util.List<StoreModel.Species> species = new java.util.ArrayList<>();
        for (JsonNode e : els) {
            JsonNode sym = e.get("symbol");
            String symbol = sym == null || sym.isNull() ? null : sym.asText();
            species.add(new StoreModel.Species(symbol, real(e, "mass", where), real(e, "radius", where), real(e, "weight", where)));
        }
        JsonNode d = m.get("descriptor");
        if (d == null || !d.isObject()) throw field(where, "model.descriptor", "missing");
        if (!"snap".equals(text(d, "kind", where))) throw field(where, "model.descriptor.kind", "expected \"snap\"");
        StoreModel model;
        try {
            SnapParameters descriptor = new SnapParameters(real(d, "rcutfac", where), real(d, "rfac0", where),
                    integer(d, "twojmax", where), real(d, "rmin0", where), integer(d, "bzeroflag", where) != 0,
                    integer(d, "quadraticflag", where) != 0, integer(d, "switchflag", where) != 0,
                    integer(d, "wselfallflag", where) != 0, integer(d, "bnormflag", where) != 0,
                    d.has("chemflag") && integer(d, "chemflag", where) != 0); // absent in stores written before chemflag
            model = new StoreModel(species, descriptor, fixedTerms(m, species, descriptor, where));
        } catch (IllegalArgumentException e) {
            throw field(where, "model.descriptor", e.getMessage());
        }
        String hash = text(m, "hash", where);
        if (!hash.equals(model.hash())) {
            throw field(where, "model.hash", "does not match the recorded descriptor definition (the manifest was edited or damaged)");
        }
        JsonNode theta = m.get("referenceTheta"); // stores of MD snapshots only
        if (theta == null) return model;
        if (!theta.isArray() || theta.size() != model.parameters()) {
            throw field(where, "model.referenceTheta", "expected " + model.parameters() + " numbers");
        }
        double[] t = new double[theta.size()];
        for (int i = 0; i < t.length; i++) {
            if (!theta.get(i).isNumber() || !Double.isFinite(theta.get(i).asDouble())) {
                throw field(where, "model.referenceTheta[" + i + "]", "not a finite number");
            }
            t[i] = theta.get(i).asDouble();
        }
        return model.withReferenceTheta(t);
    }

    private static double real(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) throw field(where, "model." + key, "missing or not a number");
        return v.asDouble();
    }

    private static String text(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) throw field(where, key, "missing or not a string");
        return v.asText();
    }

    private static int integer(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) throw field(where, key, "missing or not an integer");
        return v.asInt();
    }

    /** A positive count no larger than {@code max}: a damaged manifest must not size absurd arrays. */
    private static int bounded(JsonNode n, String key, int max, String where) {
        int v = integer(n, key, where);
        if (v < 1 || v > max) throw field(where, key, "must be between 1 and " + max + ", got " + v);
        return v;
    }

    private static BadInputException field(String where, String key, String reason) {
        return BadInputException.at(where, 0, key, reason);
    }
}
