package dev.cloudshift.core.ingest.tfjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import dev.cloudshift.core.secrets.SecretDetector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the output of {@code terraform show -json} for a saved plan or a state.
 *
 * <p>The file is recognised by its keys: {@code format_version} (major version 1) with {@code planned_values}
 * (a plan) or {@code values} (a state). Any other JSON is ignored with a diagnostic saying so; invalid JSON
 * gives {@code file:line:column: expected valid JSON ...}.
 *
 * <p>Each managed resource instance becomes a {@link Resource}: the address exactly as Terraform writes it
 * ({@code module.db.aws_db_instance.this}, {@code aws_subnet.private[0]}, {@code aws_s3_bucket.b["logs"]}),
 * type, provider from the type prefix ({@code aws_} -> aws, {@code azurerm_}/{@code azuread_} -> azure,
 * {@code google_} -> gcp), category null, attributes empty, and {@code raw} = the planned values (plan) or
 * values (state), with
 * <ul>
 *   <li>values marked sensitive ({@code sensitive_values}, {@code after_sensitive}) as {@code "<sensitive>"},
 *       and so are string values whose attribute name or content is a credential (see
 *       {@link SecretDetector}); JSON-encoded strings such as ECS {@code container_definitions} are redacted
 *       inside (an environment entry {@code {name: DB_PASSWORD, value: ...}} loses its value) and kept as JSON;</li>
 *   <li>values not known until apply ({@code after_unknown}) as {@code "${<expression>}"}: the first reference
 *       of the attribute's configuration expression ({@code ${aws_db_instance.main.address}}), or
 *       {@code ${<address>.<attribute path>}} for computed attributes.</li>
 * </ul>
 * {@code dependsOn} comes from the configuration's expression references and {@code depends_on} (through
 * module inputs {@code var.x} and module outputs {@code module.m.out}), and for states from each instance's
 * {@code depends_on}. Data sources are not resources of the inventory and are skipped. The position of a
 * resource is where its address first appears in the file.
 */
public final class TerraformJsonReader {

    public static final String SENSITIVE = "<sensitive>";

    private final SecretDetector detector;
    private final dev.cloudshift.core.secrets.Redactor redactor;
    private final ObjectMapper mapper;

    public TerraformJsonReader() {
        this(SecretDetector.defaults());
    }

    public TerraformJsonReader(SecretDetector detector) {
        this.detector = detector;
        this.redactor = new dev.cloudshift.core.secrets.Redactor(detector);
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).build())
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Reads {@code file} for environment {@code default}, naming it by its file name. */
    public TerraformJsonResult read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return read(file, name, "default");
    }

    /** Reads {@code file} as {@code displayName}, giving every resource {@code environment}. */
    public TerraformJsonResult read(Path file, String displayName, String environment) {
        List<Diagnostic> diags = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diags.add(Diagnostic.at(SourcePosition.ofFile(displayName), "cannot read the file (" + e.getClass().getSimpleName() + ")"));
            return new TerraformJsonResult(null, List.of(), diags);
        }
        JsonNode root;
        Map<String, SourcePosition> positions;
        try {
            root = mapper.readTree(bytes);
            positions = addressPositions(bytes, displayName);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String what = safe(e.getOriginalMessage());
            diags.add(loc != null && loc.getLineNr() > 0
                    ? new Diagnostic(displayName, loc.getLineNr(), Math.max(1, loc.getColumnNr()), "expected valid JSON: " + what)
                    : Diagnostic.at(SourcePosition.ofFile(displayName), "expected valid JSON: " + what));
            return new TerraformJsonResult(null, List.of(), diags);
        } catch (IOException | RuntimeException e) {
            diags.add(Diagnostic.at(SourcePosition.ofFile(displayName), "expected valid JSON (" + e.getClass().getSimpleName() + ")"));
            return new TerraformJsonResult(null, List.of(), diags);
        }
        if (root == null || !root.isObject() || !root.has("format_version") || !(root.has("planned_values") || root.has("values"))) {
            diags.add(new Diagnostic(displayName, 1, 1,
                    "expected Terraform JSON from `terraform show -json` (an object with format_version and planned_values or values); this file is not one and is ignored"));
            return new TerraformJsonResult(null, List.of(), diags);
        }
        String version = root.path("format_version").asText("");
        if (!version.startsWith("1.") && !version.equals("1") && !version.startsWith("0.")) {
            diags.add(new Diagnostic(displayName, 1, 1, "expected format_version 0.x or 1.x, found " + safe(version) + "; the file is ignored"));
            return new TerraformJsonResult(null, List.of(), diags);
        }
        Reading r = new Reading(displayName, environment, positions, diags);
        try {
            boolean plan = root.has("planned_values");
            r.read(root, plan);
            return new TerraformJsonResult(plan ? "plan" : "state", r.resources, diags);
        } catch (RuntimeException e) {
            diags.add(Diagnostic.at(SourcePosition.ofFile(displayName), "expected Terraform JSON of the documented shape (" + e.getClass().getSimpleName() + ")"));
            return new TerraformJsonResult(null, r.resources, diags);
        }
    }

    /** Parser messages quote tokens of the file; anything quoted longer than a few characters is clipped. */
    private static String safe(String message) {
        if (message == null) {
            return "";
        }
        String m = message;
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        return m.replaceAll("'[^']{4,}'", "'…'").replaceAll("\"[^\"]{4,}\"", "\"…\"").replaceAll("\\(String\\)\"[^\"]*\"", "");
    }

    /** Where each {@code "address": "..."} value first appears. */
    private Map<String, SourcePosition> addressPositions(byte[] bytes, String file) throws IOException {
        Map<String, SourcePosition> out = new HashMap<>();
        try (JsonParser p = mapper.getFactory().createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && "address".equals(p.currentName())) {
                    JsonToken v = p.nextToken();
                    if (v == JsonToken.VALUE_STRING) {
                        JsonLocation loc = p.currentTokenLocation();
                        out.putIfAbsent(p.getText(), new SourcePosition(file, loc.getLineNr(), loc.getColumnNr()));
                    } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    }
                }
            }
        }
        return out;
    }

    private static String provider(String type) {
        if (type.startsWith("aws_")) {
            return "aws";
        }
        if (type.startsWith("azurerm_") || type.startsWith("azuread_") || type.startsWith("azapi_")) {
            return "azure";
        }
        if (type.startsWith("google_")) {
            return "gcp";
        }
        int u = type.indexOf('_');
        return u > 0 ? type.substring(0, u) : type;
    }

    /** State of reading one file. */
    private final class Reading {
        final String file;
        final String environment;
        final Map<String, SourcePosition> positions;
        final List<Diagnostic> diags;
        final List<Resource> resources = new ArrayList<>();
        /** module config path ("" root, "module.a.module.b") -> configuration module object */
        final Map<String, JsonNode> configModules = new HashMap<>();
        /** "moduleInstance|type.name" -> instance addresses */
        final Map<String, List<String>> instances = new LinkedHashMap<>();
        final Map<String, JsonNode> changes = new HashMap<>();
        final Map<String, JsonNode> priorDependsOn = new HashMap<>();

        Reading(String file, String environment, Map<String, SourcePosition> positions, List<Diagnostic> diags) {
            this.file = file;
            this.environment = environment;
            this.positions = positions;
            this.diags = diags;
        }

        void read(JsonNode root, boolean plan) {
            JsonNode values = plan ? root.path("planned_values") : root.path("values");
            if (plan) {
                for (JsonNode rc : root.path("resource_changes")) {
                    if (rc.path("address").isTextual() && !rc.has("deposed")) {
                        changes.put(rc.path("address").asText(), rc.path("change"));
                    }
                }
                collectConfig(root.path("configuration").path("root_module"), "");
                collectPriorDependsOn(root.path("prior_state").path("values").path("root_module"));
            }
            List<JsonNode> all = new ArrayList<>();
            collectInstances(values.path("root_module"), all, 0);
            for (JsonNode inst : all) {
                String address = inst.path("address").asText();
                TerraformAddress a = TerraformAddress.parse(address);
                if (a != null) {
                    instances.computeIfAbsent(a.module() + "|" + a.resource(), k -> new ArrayList<>()).add(address);
                }
            }
            for (JsonNode inst : all) {
                resource(inst, plan);
            }
        }

        void collectConfig(JsonNode module, String path) {
            if (!module.isObject()) {
                return;
            }
            configModules.put(path, module);
            Iterator<Map.Entry<String, JsonNode>> calls = module.path("module_calls").fields();
            while (calls.hasNext()) {
                Map.Entry<String, JsonNode> c = calls.next();
                collectConfig(c.getValue().path("module"), TerraformAddress.join(path, "module." + c.getKey()));
            }
        }

        void collectPriorDependsOn(JsonNode module) {
            for (JsonNode r : module.path("resources")) {
                if (r.has("depends_on")) {
                    priorDependsOn.put(r.path("address").asText(), r.path("depends_on"));
                }
            }
            for (JsonNode c : module.path("child_modules")) {
                collectPriorDependsOn(c);
            }
        }

        void collectInstances(JsonNode module, List<JsonNode> out, int depth) {
            if (depth > 100) {
                return;
            }
            if (module.has("resources") && !module.path("resources").isArray()) {
                diags.add(new Diagnostic(file, 1, 1, "expected resources of module " + module.path("address").asText("(root)") + " to be a list"));
            }
            for (JsonNode r : module.path("resources")) {
                if (!r.isObject() || !r.path("address").isTextual() || !r.path("type").isTextual()) {
                    diags.add(Diagnostic.at(SourcePosition.ofFile(file), "expected each resource to have an address and a type; one entry without them was skipped"));
                    continue;
                }
                if ("data".equals(r.path("mode").asText()) || r.path("address").asText().startsWith("data.") || r.path("address").asText().contains(".data.")) {
                    continue;
                }
                out.add(r);
            }
            for (JsonNode c : module.path("child_modules")) {
                collectInstances(c, out, depth + 1);
            }
        }

        void resource(JsonNode inst, boolean plan) {
            String address = inst.path("address").asText();
            String type = inst.path("type").asText();
            TerraformAddress a = TerraformAddress.parse(address);
            SourcePosition pos = positions.getOrDefault(address, SourcePosition.ofFile(file));
            if (a == null) {
                diags.add(Diagnostic.at(pos, "expected a Terraform resource address like module.x.aws_y.z[\"k\"]; this one is kept as written"));
            }
            JsonNode change = changes.get(address);
            JsonNode sensitive = inst.path("sensitive_values");
            JsonNode unknown = null;
            if (change != null) {
                if (change.has("after_sensitive")) {
                    sensitive = merge(sensitive, change.path("after_sensitive"));
                }
                unknown = change.path("after_unknown");
            }
            JsonNode configResource = a == null ? null : configResource(a);
            Map<String, Object> raw = new LinkedHashMap<>();
            JsonNode values = inst.path("values");
            Iterator<Map.Entry<String, JsonNode>> it = values.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                raw.put(e.getKey(), value(e.getKey(), e.getValue(), sensitive.path(e.getKey()), address + "." + e.getKey()));
            }
            if (unknown != null && unknown.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> u = unknown.fields();
                while (u.hasNext()) {
                    Map.Entry<String, JsonNode> e = u.next();
                    Object current = raw.get(e.getKey());
                    Object filled = fillUnknown(current, e.getValue(), address + "." + e.getKey(),
                            expressionReference(configResource, e.getKey()));
                    if (filled != current || !raw.containsKey(e.getKey())) {
                        if (filled != null) {
                            raw.put(e.getKey(), filled);
                        }
                    }
                }
            }
            Set<String> deps = new LinkedHashSet<>();
            if (configResource != null && a != null) {
                Set<String> refs = new LinkedHashSet<>();
                collectReferences(configResource.path("expressions"), refs);
                collectReferences(configResource.path("count_expression"), refs);
                collectReferences(configResource.path("for_each_expression"), refs);
                for (JsonNode d : configResource.path("depends_on")) {
                    refs.add(d.asText());
                }
                for (String ref : refs) {
                    resolve(ref, a.module(), deps, 0);
                }
            }
            JsonNode stateDeps = inst.has("depends_on") ? inst.path("depends_on") : priorDependsOn.get(address);
            if (stateDeps != null) {
                for (JsonNode d : stateDeps) {
                    String dep = d.asText();
                    TerraformAddress da = TerraformAddress.parse(dep);
                    if (da != null && !da.resource().startsWith("data.")) {
                        List<String> matches = instances.get(da.module() + "|" + da.resource());
                        if (matches != null && da.index().isEmpty()) {
                            deps.addAll(matches);
                        } else {
                            deps.add(dep);
                        }
                    }
                }
            }
            deps.remove(address);
            resources.add(new Resource(address, type, provider(type), null, environment, Map.of(), raw, new ArrayList<>(deps), pos));
        }

        JsonNode configResource(TerraformAddress a) {
            JsonNode module = configModules.get(TerraformAddress.configPath(a.module()));
            if (module == null) {
                return null;
            }
            for (JsonNode r : module.path("resources")) {
                if (a.resource().equals(r.path("address").asText())) {
                    return r;
                }
            }
            return null;
        }

        /** The first reference of a resource's top-level attribute expression, or null. */
        String expressionReference(JsonNode configResource, String attribute) {
            if (configResource == null) {
                return null;
            }
            JsonNode refs = configResource.path("expressions").path(attribute).path("references");
            return refs.isArray() && refs.size() > 0 ? refs.get(0).asText() : null;
        }

        void collectReferences(JsonNode n, Set<String> out) {
            if (n.isObject()) {
                if (n.path("references").isArray()) {
                    for (JsonNode r : n.path("references")) {
                        out.add(r.asText());
                    }
                }
                Iterator<Map.Entry<String, JsonNode>> it = n.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getKey().equals("references")) {
                        collectReferences(e.getValue(), out);
                    }
                }
            } else if (n.isArray()) {
                for (JsonNode c : n) {
                    collectReferences(c, out);
                }
            }
        }

        /** Resolves a configuration reference made inside module instance {@code module} to resource instances. */
        void resolve(String ref, String module, Set<String> out, int depth) {
            if (depth > 20) {
                return;
            }
            String[] parts = ref.split("\\.");
            if (parts.length < 2) {
                return;
            }
            switch (parts[0]) {
                case "var" -> {
                    if (module.isEmpty()) {
                        return;
                    }
                    int cut = module.lastIndexOf(".module.");
                    String parent = cut >= 0 ? module.substring(0, cut) : "";
                    String self = cut >= 0 ? module.substring(cut + 1) : module;
                    String callName = TerraformAddress.configPath(self).substring("module.".length());
                    JsonNode parentConfig = configModules.get(TerraformAddress.configPath(parent));
                    if (parentConfig == null) {
                        return;
                    }
                    JsonNode call = parentConfig.path("module_calls").path(callName);
                    Set<String> refs = new LinkedHashSet<>();
                    collectReferences(call.path("expressions").path(stripIndex(parts[1])), refs);
                    for (String r : refs) {
                        resolve(r, parent, out, depth + 1);
                    }
                }
                case "module" -> {
                    String child = stripIndex(parts[1]);
                    String childConfig = TerraformAddress.join(TerraformAddress.configPath(module), "module." + child);
                    JsonNode cm = configModules.get(childConfig);
                    if (cm == null) {
                        return;
                    }
                    // every instance of the child module under this module instance
                    String prefix = TerraformAddress.join(module, "module." + child);
                    Set<String> childInstances = new LinkedHashSet<>();
                    for (String key : instances.keySet()) {
                        String mod = key.substring(0, key.indexOf('|'));
                        if (mod.equals(prefix) || mod.startsWith(prefix + "[")) {
                            int end = mod.indexOf(']', prefix.length());
                            childInstances.add(mod.startsWith(prefix + "[") && end > 0 ? mod.substring(0, end + 1) : prefix);
                        }
                    }
                    Set<String> refs = new LinkedHashSet<>();
                    if (parts.length >= 3) {
                        collectReferences(cm.path("outputs").path(stripIndex(parts[2])).path("expression"), refs);
                    } else {
                        collectReferences(cm.path("outputs"), refs);
                    }
                    for (String inst : childInstances) {
                        for (String r : refs) {
                            resolve(r, inst, out, depth + 1);
                        }
                    }
                }
                case "local", "each", "count", "path", "terraform", "self", "data" -> {
                    // not resources, or not resolvable from the JSON configuration
                }
                default -> {
                    String name = parts[1];
                    String index = "";
                    int b = name.indexOf('[');
                    if (b >= 0) {
                        index = name.substring(b);
                        name = name.substring(0, b);
                    }
                    List<String> matches = instances.get(module + "|" + parts[0] + "." + name);
                    if (matches == null) {
                        return;
                    }
                    if (!index.isEmpty()) {
                        String exact = TerraformAddress.join(module, parts[0] + "." + name + index);
                        if (matches.contains(exact)) {
                            out.add(exact);
                            return;
                        }
                    }
                    out.addAll(matches);
                }
            }
        }

        String stripIndex(String s) {
            int b = s.indexOf('[');
            return b >= 0 ? s.substring(0, b) : s;
        }

        /** A JSON value as a JSON-like Java value, secrets replaced. */
        Object value(String key, JsonNode v, JsonNode sensitive, String path) {
            if (sensitive != null && sensitive.isBoolean() && sensitive.asBoolean()) {
                return v == null || v.isNull() ? null : SENSITIVE;
            }
            if (v == null || v.isNull() || v.isMissingNode()) {
                return null;
            }
            if (v.isTextual()) {
                return redactString(key, v.asText());
            }
            if (v.isBoolean()) {
                return v.asBoolean();
            }
            if (v.isNumber()) {
                return v.isIntegralNumber() ? (Object) (v.canConvertToLong() ? (Object) v.asLong() : v.bigIntegerValue()) : v.decimalValue();
            }
            if (v.isArray()) {
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    out.add(value(key, v.get(i), sensitive == null ? null : sensitive.path(i), path + "[" + i + "]"));
                }
                return out;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            boolean envPair = v.has("name") && v.has("value") && v.path("name").isTextual();
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                Object val = value(k, e.getValue(), sensitive == null ? null : sensitive.path(k), path + "." + k);
                if (envPair && k.equals("value") && val instanceof String s && !s.startsWith("${")
                        && detector.isSecretKey(v.path("name").asText())) {
                    val = SENSITIVE;
                }
                out.put(k, val);
            }
            return out;
        }

        String redactString(String key, String s) {
            if (s.isEmpty()) {
                return s;
            }
            String t = s.strip();
            if ((t.startsWith("[") && t.endsWith("]")) || (t.startsWith("{") && t.endsWith("}"))) {
                try {
                    JsonNode inner = mapper.readTree(t);
                    if (inner != null && (inner.isArray() || inner.isObject())) {
                        Object redacted = value(key, inner, null, "");
                        return mapper.writeValueAsString(redacted);
                    }
                } catch (IOException | RuntimeException e) {
                    // not JSON after all: treat as a plain string
                }
            }
            if (s.startsWith("${") && s.endsWith("}")) {
                return s;
            }
            if (detector.isSecretKey(key)) {
                return SENSITIVE;
            }
            var url = dev.cloudshift.core.secrets.UrlParts.parse(s);
            if (url.isPresent() && url.get().hasPassword()) {
                // keep the endpoint, drop the credentials: postgresql://<user>:<redacted>@host:5432/db
                return redactor.shape(key, s);
            }
            if (detector.looksLikeCredential(s)) {
                return SENSITIVE;
            }
            return s;
        }

        /** Replaces values that are unknown until apply by {@code ${expression}} strings. */
        Object fillUnknown(Object current, JsonNode unknown, String path, String reference) {
            if (unknown.isBoolean()) {
                if (unknown.asBoolean() && current == null) {
                    return "${" + (reference != null ? reference : path) + "}";
                }
                return current;
            }
            if (unknown.isArray()) {
                List<Object> list = current instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
                for (int i = 0; i < unknown.size(); i++) {
                    while (list.size() <= i) {
                        list.add(null);
                    }
                    list.set(i, fillUnknown(list.get(i), unknown.get(i), path + "[" + i + "]", null));
                }
                return list.isEmpty() && current == null ? null : list;
            }
            if (unknown.isObject()) {
                if (!unknown.fields().hasNext()) {
                    return current;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> map = current instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = unknown.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Object filled = fillUnknown(map.get(e.getKey()), e.getValue(), path + "." + e.getKey(), null);
                    if (filled != null) {
                        map.put(e.getKey(), filled);
                    }
                }
                return map.isEmpty() && current == null ? null : map;
            }
            return current;
        }

        /** Union of two sensitivity structures. */
        JsonNode merge(JsonNode a, JsonNode b) {
            if (a == null || a.isMissingNode() || a.isNull() || (a.isBoolean() && !a.asBoolean())) {
                return b;
            }
            if (b == null || b.isMissingNode() || b.isNull() || (b.isBoolean() && !b.asBoolean())) {
                return a;
            }
            if (a.isBoolean() || b.isBoolean()) {
                return mapper.getNodeFactory().booleanNode(true);
            }
            if (a.isObject() && b.isObject()) {
                var out = a.deepCopy();
                Iterator<Map.Entry<String, JsonNode>> it = b.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    ((com.fasterxml.jackson.databind.node.ObjectNode) out).set(e.getKey(), merge(a.get(e.getKey()), e.getValue()));
                }
                return out;
            }
            if (a.isArray() && b.isArray()) {
                var out = mapper.createArrayNode();
                for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                    out.add(merge(a.get(i), b.get(i)));
                }
                return out;
            }
            return b;
        }
    }

}
