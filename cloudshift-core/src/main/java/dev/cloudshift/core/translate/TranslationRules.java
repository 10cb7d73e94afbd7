package dev.cloudshift.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The translation rules of one direction: {@code catalog/translate/<source>-to-<target>/<source_type>.yaml}, one file
 * per source resource type (format in docs/translate-rules.md).
 */
public final class TranslationRules {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, TranslationRules> CACHE = new ConcurrentHashMap<>();

    /** The rule of one source type. Exactly one of targets, absorbed or todo says what becomes of it. */
    public record TypeRule(String source, String file, String varPrefix, List<TargetRule> targets, String absorbed,
            String todo, String hook, Object data, String origin) {
        public TypeRule {
            targets = List.copyOf(targets);
        }
    }

    /**
     * One target resource written for a source resource.
     *
     * @param references source attribute -> target attribute: an expression {@code ${aws_db_instance.main.address}}
     *                   in another resource becomes {@code azurerm_postgresql_flexible_server.main.fqdn}
     * @param outputs    output name -> target attribute, written to outputs.tf
     */
    public record TargetRule(String type, String name, Map<String, ValueSpec> attributes, List<BlockRule> blocks,
            Map<String, String> references, Map<String, String> outputs, boolean single, String whenFrom, List<String> whenIn,
            String file, String whenDefault) {

        public TargetRule {
            whenIn = whenIn == null ? List.of() : whenIn;
        }

        /** Whether this target applies to a source resource ({@code when: {from: engine, in: [postgres]}}; without {@code in}: the attribute is set). */
        public boolean applies(dev.cloudshift.core.plan.PlannedResource r) {
            if (whenFrom == null) {
                return true;
            }
            Object v = ValueSpec.read(r, whenFrom);
            if (v == null) {
                v = whenDefault; // when: {from: raw.direction, in: [ingress], default: INGRESS}: the provider's default
            }
            if (whenIn.isEmpty()) {
                return v != null && !"".equals(v); // when: {from: x} alone: only where the source sets x
            }
            return v != null && whenIn.contains(String.valueOf(v).toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * A nested block: its arguments, nested blocks and an optional per-instance switch ({@code enabled}). With
     * {@code as: object} or {@code as: tuple} it is no HCL block but an argument holding an object ({@code {...}}) or a
     * one-element tuple ({@code [{...}]}) built the same way, optionally wrapped in a function call ({@code call:
     * jsonencode}): the container_definitions of a task definition, an IAM policy document. Inside such a value every
     * nested block is an object (or a tuple with {@code as: tuple}) too. With
     * {@code forEach} the block is repeated, once per item of that list (source rules, allow blocks): items not
     * matching {@code where} (field -> allowed values) are left out, each with a TODO saying {@code skipped}; a list
     * field named by {@code expand} gives one item per element (one rule per port); an item whose {@code required}
     * arguments come out missing becomes a TODO instead of a block. {@code todo: reason} makes every item a TODO (deny
     * blocks, which the target cannot express).
     */
    public record BlockRule(String type, ValueSpec enabled, Map<String, ValueSpec> attributes, List<BlockRule> blocks,
            String as, String call, ValueSpec forEach, Map<String, List<String>> where, String expand, List<String> required,
            String skipped, boolean todoAll) {

        public BlockRule {
            where = where == null ? Map.of() : where;
            required = required == null ? List.of() : List.copyOf(required);
        }

        BlockRule(String type, ValueSpec enabled, Map<String, ValueSpec> attributes, List<BlockRule> blocks) {
            this(type, enabled, attributes, blocks, "block", null, null, null, null, null, null, false);
        }

        /** Whether this block is written as an argument value rather than an HCL block. */
        public boolean isValue() {
            return !"block".equals(as);
        }

        /** The items of a repeated block for one source instance; those {@code where} leaves out go to skippedItems. */
        List<Map<?, ?>> items(ValueSpec.Context c, List<Map<?, ?>> skippedItems) {
            Object v = forEach.evaluate(c);
            List<?> list = v instanceof List<?> l ? l : v instanceof Map<?, ?> m ? List.of(m) : List.of();
            List<Map<?, ?>> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> m)) {
                    continue;
                }
                if (todoAll || !matches(m)) {
                    skippedItems.add(m);
                } else if (expand != null && m.get(expand) instanceof List<?> parts && !parts.isEmpty()) {
                    for (Object part : parts) {
                        Map<Object, Object> one = new LinkedHashMap<>(m);
                        one.put(expand, part);
                        out.add(one);
                    }
                } else {
                    out.add(m);
                }
            }
            return out;
        }

        private boolean matches(Map<?, ?> item) {
            for (Map.Entry<String, List<String>> w : where.entrySet()) {
                Object v = item.get(w.getKey());
                if (v == null || !w.getValue().contains(String.valueOf(v).toLowerCase(java.util.Locale.ROOT))) {
                    return false;
                }
            }
            return true;
        }
    }

    private final String direction;
    private final Map<String, TypeRule> rules;

    private TranslationRules(String direction, Map<String, TypeRule> rules) {
        this.direction = direction;
        this.rules = Collections.unmodifiableMap(rules);
    }

    /** The bundled rules for a direction ({@code aws}, {@code azure}); empty when there are none. */
    public static TranslationRules bundled(String source, String target) {
        return CACHE.computeIfAbsent(source + "-to-" + target, TranslationRules::load);
    }

    /** The rules of several directions to one target, as one lookup by source type. */
    static TranslationRules combine(List<TranslationRules> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Map<String, TypeRule> all = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (TranslationRules r : parts) {
            all.putAll(r.rules);
            names.add(r.direction);
        }
        return new TranslationRules(String.join("+", names), all);
    }

    public String direction() {
        return direction;
    }

    public TypeRule rule(String sourceType) {
        return rules.get(sourceType);
    }

    public Map<String, TypeRule> rules() {
        return rules;
    }

    private static TranslationRules load(String direction) {
        String folder = "catalog/translate/" + direction;
        Map<String, TypeRule> out = new LinkedHashMap<>();
        for (String name : list(folder)) {
            if (!name.endsWith(".yaml") || name.startsWith("_")) {
                continue; // _name.yaml: a fragment of targets other rules include
            }
            String res = folder + "/" + name;
            try (InputStream in = TranslationRules.class.getClassLoader().getResourceAsStream(res)) {
                JsonNode root = YAML.readTree(in);
                for (JsonNode inc : root.path("include")) {
                    // a fragment of this folder (_network.yaml) or of another direction (compose-to-aws/_ecs_execution.yaml)
                    String fragment = inc.asText().contains("/") ? "catalog/translate/" + inc.asText() : folder + "/" + inc.asText();
                    appendTargets(root, fragment, res);
                }
                TypeRule r = parse(root, res);
                if (out.put(r.source(), r) != null) {
                    throw new IllegalStateException(res + ": a second rule for " + r.source());
                }
            } catch (IOException e) {
                throw new IllegalStateException(res + ": expected a YAML rule file (" + e.getMessage() + ")", e);
            }
        }
        return new TranslationRules(direction, out);
    }

    /**
     * {@code include: [_network.yaml]}: the fragment's targets are appended to the rule's (shared {@code single}
     * targets such as the VPC every compose service needs are written once, whichever rule makes them first).
     */
    private static void appendTargets(JsonNode root, String fragment, String where) throws IOException {
        try (InputStream in = TranslationRules.class.getClassLoader().getResourceAsStream(fragment)) {
            if (in == null || !(root instanceof com.fasterxml.jackson.databind.node.ObjectNode o)) {
                throw new IllegalStateException(where + ": included " + fragment + " is missing");
            }
            JsonNode targets = YAML.readTree(in).path("targets");
            if (!o.has("targets")) {
                o.putArray("targets");
            }
            ((com.fasterxml.jackson.databind.node.ArrayNode) o.get("targets")).addAll(
                    (com.fasterxml.jackson.databind.node.ArrayNode) targets);
        }
    }

    static TypeRule parse(JsonNode root, String where) {
        String source = root.path("source").asText(null);
        if (source == null) {
            throw new IllegalStateException(where + ": expected 'source: <resource type>'");
        }
        List<TargetRule> targets = new ArrayList<>();
        for (JsonNode t : root.path("targets")) {
            String type = t.path("type").asText(null);
            if (type == null) {
                throw new IllegalStateException(where + ": every target needs 'type'");
            }
            targets.add(new TargetRule(type, t.path("name").asText("{name}"),
                    attributes(t.path("attributes"), where + ": " + type),
                    blocks(t.path("blocks"), where + ": " + type, false),
                    strings(t.path("references")), strings(t.path("outputs")), t.path("single").asBoolean(false),
                    t.path("when").path("from").asText(null), whenIn(t.path("when").path("in")), t.path("file").asText(null),
                    t.path("when").path("default").asText(null)));
        }
        String absorbed = root.path("absorbed").asText(null);
        String todo = root.path("todo").asText(null);
        // targets with a todo: the targets are written and the TODO (above the first) says what they leave out
        int kinds = (targets.isEmpty() ? 0 : 1) + (absorbed != null ? 1 : 0) + (todo != null && targets.isEmpty() ? 1 : 0);
        if (kinds > 1 || (kinds == 0 && !root.has("hook"))) {
            throw new IllegalStateException(where + ": expected exactly one of targets, absorbed or todo");
        }
        return new TypeRule(source, root.path("file").asText("main"), root.path("var_prefix").asText(null), targets,
                absorbed, todo, root.path("hook").asText(null), data(root.get("data")), where);
    }

    private static Map<String, ValueSpec> attributes(JsonNode n, String where) {
        Map<String, ValueSpec> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), ValueSpec.parse(e.getValue(), where + "." + e.getKey())));
        return out;
    }

    private static List<BlockRule> blocks(JsonNode n, String where, boolean insideValue) {
        List<BlockRule> out = new ArrayList<>();
        for (JsonNode b : n) {
            String type = b.path("type").asText(null);
            if (type == null) {
                throw new IllegalStateException(where + ": every block needs 'type'");
            }
            String as = b.path("as").asText(insideValue ? "object" : "block");
            if (!List.of("block", "object", "tuple").contains(as) || insideValue && as.equals("block")) {
                throw new IllegalStateException(where + "." + type + ": expected as: " + (insideValue ? "" : "block, ")
                        + "object or tuple, found " + as);
            }
            String call = b.path("call").asText(null);
            if (call != null && (as.equals("block") || !call.matches("[a-z][a-z0-9_]*"))) {
                throw new IllegalStateException(where + "." + type + ": call: needs as: object or tuple and a function name");
            }
            Map<String, List<String>> filter = new LinkedHashMap<>();
            b.path("where").fields().forEachRemaining(e -> filter.put(e.getKey(), whenIn(e.getValue())));
            List<String> required = new ArrayList<>();
            b.path("required").forEach(x -> required.add(x.asText()));
            if (!b.has("for_each") && (b.has("where") || b.has("expand") || b.has("required") || b.has("skipped") || b.has("todo"))) {
                throw new IllegalStateException(where + "." + type + ": where, expand, required, skipped and todo need for_each");
            }
            out.add(new BlockRule(type, b.has("enabled") ? ValueSpec.parse(b.get("enabled"), where + "." + type + ".enabled") : null,
                    attributes(b.path("attributes"), where + "." + type),
                    blocks(b.path("blocks"), where + "." + type, !as.equals("block")), as, call,
                    b.has("for_each") ? ValueSpec.parse(b.get("for_each"), where + "." + type + ".for_each") : null,
                    filter, b.path("expand").asText(null), required, b.path("todo").asText(b.path("skipped").asText(null)),
                    b.has("todo")));
        }
        return out;
    }

    /**
     * The values of {@code when: {from: x, in: [a, b]}} or of a {@code where} field; an empty list (no {@code in}, or
     * {@code when: {from: x, present: true}}) means any value that is set.
     */
    private static List<String> whenIn(JsonNode in) {
        List<String> out = new ArrayList<>();
        in.forEach(x -> out.add(x.asText().toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    private static Map<String, String> strings(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** YAML scalars and collections as JSON-like Java values (numbers as BigDecimal). */
    static Object data(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return new BigDecimal(n.asText());
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(data(x)));
            return l;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), data(e.getValue())));
        return m;
    }

    /** File names directly in a classpath folder, sorted (works from a directory and from a jar). */
    static List<String> list(String folder) {
        URL url = TranslationRules.class.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        try {
            if (url.getProtocol().equals("file")) {
                try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
                    return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
                }
            }
            if (url.getProtocol().equals("jar")) {
                JarURLConnection conn = (JarURLConnection) url.openConnection();
                conn.setUseCaches(false);
                String prefix = folder + "/";
                List<String> out = new ArrayList<>();
                try (JarFile jar = conn.getJarFile()) {
                    Enumeration<JarEntry> en = jar.entries();
                    while (en.hasMoreElements()) {
                        String n = en.nextElement().getName();
                        if (n.startsWith(prefix) && n.length() > prefix.length() && n.indexOf('/', prefix.length()) < 0) {
                            out.add(n.substring(prefix.length()));
                        }
                    }
                }
                return out.stream().sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("cannot list " + folder + " from " + url.getProtocol() + " URLs");
    }
}
