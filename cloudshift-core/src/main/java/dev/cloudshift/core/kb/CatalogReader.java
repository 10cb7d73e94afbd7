package dev.cloudshift.core.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a whole catalog into a {@link KnowledgeBase}: vocabulary, provider type lists, sizing
 * tables, type catalogs and mappings. Every problem is a {@link CatalogException} naming {@code file:line}.
 */
final class CatalogReader {

    private static final Set<String> TYPE_FILE_KEYS = Set.of("provider", "tables", "types");
    private static final Set<String> TYPE_KEYS = Set.of("category", "service", "service_by_engine", "service_by", "attributes", "notes");
    private static final Set<String> SPEC_KEYS = Set.of("service", "resource_types", "notes", "alternatives", "absorbed_by",
            "unmapped", "variant_by", "variants", "default");

    private CatalogReader() {
    }

    /** [a-z][a-z0-9_]*, checked by hand (regexes are slow in a cold JVM and this runs for every listed type). */
    private static boolean isTypeName(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static KnowledgeBase read(CatalogSource source) {
        // parse every YAML file first (in parallel: parsing dominates the load time), then validate and build
        // sequentially in a fixed order so that errors are deterministic
        List<String> typeFiles = yamlFiles(source.list("types"));
        List<String> mappingFolders = source.folders("mappings");
        List<String> mappingFiles = new ArrayList<>();
        for (String folder : mappingFolders) {
            mappingFiles.addAll(yamlFiles(source.list(folder)));
        }
        List<String> all = new ArrayList<>();
        all.add("vocabulary.yaml");
        for (String p : KnowledgeBase.PROVIDERS) {
            all.add("instance-types/" + p + ".yaml");
        }
        all.addAll(typeFiles);
        all.addAll(mappingFiles);
        Map<String, CatalogNode> parsed = new java.util.concurrent.ConcurrentHashMap<>();
        all.parallelStream().forEach(name -> {
            CatalogNode n = node(source, name, false);
            if (n != null) {
                parsed.put(name, n);
            }
        });
        if (!parsed.containsKey("vocabulary.yaml")) {
            throw new CatalogException(source.display("vocabulary.yaml") + ": missing knowledge-base file");
        }
        Vocabulary vocabulary = Vocabulary.read(parsed.get("vocabulary.yaml"));

        Map<String, Set<String>> providerTypes = new HashMap<>();
        Set<String> betaTypes = new HashSet<>();
        for (String p : KnowledgeBase.TARGETS) {
            providerTypes.put(p, readTypeList(source, "provider-types/" + p + ".txt", betaTypes));
        }

        Map<String, InstanceSizes> sizes = new HashMap<>();
        for (String p : KnowledgeBase.PROVIDERS) {
            CatalogNode n = parsed.get("instance-types/" + p + ".yaml");
            if (n != null) {
                sizes.put(p, InstanceSizes.read(n));
            }
        }

        Map<String, KnowledgeBase.TypeEntry> types = new HashMap<>();
        for (String file : typeFiles) {
            readTypes(parsed.get(file), vocabulary, types);
        }

        Map<String, Map<String, KnowledgeBase.TargetSpec>> mappings = new HashMap<>();
        Map<String, String> mappingFileOf = new HashMap<>();
        for (String file : mappingFiles) {
            String folder = file.substring(0, file.lastIndexOf('/'));
            String provider = folder.substring(folder.lastIndexOf('/') + 1);
            readMappings(parsed.get(file), provider, types, providerTypes, vocabulary, mappings, mappingFileOf);
        }
        return new KnowledgeBase(vocabulary, Map.copyOf(types), Map.copyOf(sizes), Map.copyOf(mappings),
                Map.copyOf(providerTypes), Set.copyOf(betaTypes));
    }

    private static List<String> yamlFiles(List<String> names) {
        return names.stream().filter(n -> n.endsWith(".yaml") || n.endsWith(".yml")).toList();
    }

    private static CatalogNode node(CatalogSource source, String name, boolean required) {
        try (InputStream in = source.open(name)) {
            if (in == null) {
                if (required) {
                    throw new CatalogException(source.display(name) + ": missing knowledge-base file");
                }
                return null;
            }
            return CatalogNode.read(source.display(name), in);
        } catch (IOException e) {
            throw new CatalogException(source.display(name) + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Set<String> readTypeList(CatalogSource source, String name, Set<String> betaTypes) {
        Set<String> out = new HashSet<>();
        try (InputStream in = source.open(name)) {
            if (in == null) {
                throw new CatalogException(source.display(name) + ": missing list of valid provider resource types");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int hash = t.indexOf('#');
                if (hash > 0) {
                    t = t.substring(0, hash).strip();
                }
                String[] parts = t.split("\\s+");
                if (!isTypeName(parts[0]) || parts.length > 2
                        || (parts.length == 2 && !parts[1].equals("google-beta"))) {
                    throw new CatalogException(source.display(name) + ":" + n
                            + ": expected one resource type name per line (optionally followed by google-beta), got '" + t + "'");
                }
                t = parts[0];
                if (parts.length == 2) {
                    betaTypes.add(t);
                }
                if (!out.add(t)) {
                    throw new CatalogException(source.display(name) + ":" + n + ": duplicate resource type " + t);
                }
            }
        } catch (IOException e) {
            throw new CatalogException(source.display(name) + ": cannot read: " + e.getMessage(), e);
        }
        return Collections.unmodifiableSet(out);
    }

    private static void readTypes(CatalogNode root, Vocabulary vocabulary, Map<String, KnowledgeBase.TypeEntry> types) {
        root.onlyKeys("type catalog", TYPE_FILE_KEYS);
        CatalogNode providerNode = root.get("provider");
        if (providerNode == null || !KnowledgeBase.PROVIDERS.contains(providerNode.text("provider"))) {
            throw CatalogException.at(providerNode == null ? root : providerNode,
                    "a type catalog needs 'provider:' one of " + KnowledgeBase.PROVIDERS);
        }
        String provider = providerNode.text("provider");
        Map<String, Map<String, Object>> tables = new HashMap<>();
        CatalogNode tablesNode = root.get("tables");
        if (tablesNode != null) {
            for (Map.Entry<String, CatalogNode> t : tablesNode.entries("tables").entrySet()) {
                Map<String, Object> table = new HashMap<>();
                t.getValue().entries("table " + t.getKey()).forEach((k, v) -> table.put(k, v.plain()));
                tables.put(t.getKey(), Collections.unmodifiableMap(table));
            }
        }
        CatalogNode typesNode = root.get("types");
        if (typesNode == null) {
            throw CatalogException.at(root, "a type catalog needs 'types:'");
        }
        for (Map.Entry<String, CatalogNode> t : typesNode.entries("types").entrySet()) {
            String type = t.getKey();
            CatalogNode n = t.getValue();
            if (KnowledgeBase.PREFIXES.get(provider).stream().noneMatch(type::startsWith)) {
                throw CatalogException.at(n, type + " does not belong to provider " + provider
                        + " (expected a name starting with " + KnowledgeBase.PREFIXES.get(provider) + ")");
            }
            KnowledgeBase.TypeEntry previous = types.get(type);
            if (previous != null) {
                throw CatalogException.at(n, "duplicate type " + type + " (already defined at " + previous.info().source() + ")");
            }
            n.onlyKeys("type " + type, TYPE_KEYS);
            if (n.get("category") == null || n.get("service") == null) {
                throw CatalogException.at(n, "type " + type + " needs 'category' and 'service'");
            }
            String category = n.get("category").text("category");
            if (!vocabulary.categories().contains(category)) {
                throw CatalogException.at(n.get("category"), "unknown category '" + category + "' for " + type
                        + "; expected one of " + new java.util.TreeSet<>(vocabulary.categories()));
            }
            String service = n.get("service").text("service");
            Map<String, String> variants = new LinkedHashMap<>();
            String variantBy = null;
            if (n.get("service_by_engine") != null && n.get("service_by") != null) {
                throw CatalogException.at(n.get("service_by"), "use either service_by_engine or service_by, not both");
            }
            if (n.get("service_by_engine") != null) {
                variantBy = "engine";
                n.get("service_by_engine").entries("service_by_engine")
                        .forEach((k, v) -> variants.put(k, v.text("service name")));
            } else if (n.get("service_by") != null) {
                CatalogNode sb = n.get("service_by");
                sb.onlyKeys("service_by", Set.of("attribute", "names"));
                if (sb.get("attribute") == null || sb.get("names") == null) {
                    throw CatalogException.at(sb, "service_by needs 'attribute' (a normalised attribute) and 'names'");
                }
                variantBy = sb.get("attribute").text("attribute");
                if (!vocabulary.attributes().containsKey(variantBy)) {
                    throw CatalogException.at(sb.get("attribute"), "unknown normalised attribute '" + variantBy + "' in service_by");
                }
                sb.get("names").entries("names").forEach((k, v) -> variants.put(k, v.text("service name")));
            }
            List<AttributeRule> rules = new ArrayList<>();
            if (n.get("attributes") != null) {
                for (Map.Entry<String, CatalogNode> a : n.get("attributes").entries("attributes").entrySet()) {
                    rules.add(AttributeRule.read(a.getKey(), a.getValue(), vocabulary, tables));
                }
            }
            TypeInfo info = new TypeInfo(type, provider, category, service, variantBy, variants,
                    rules.stream().map(AttributeRule::attribute).toList(), n.location());
            types.put(type, new KnowledgeBase.TypeEntry(info, List.copyOf(rules)));
        }
    }

    private static void readMappings(CatalogNode root, String provider, Map<String, KnowledgeBase.TypeEntry> types,
                                     Map<String, Set<String>> providerTypes, Vocabulary vocabulary,
                                     Map<String, Map<String, KnowledgeBase.TargetSpec>> mappings, Map<String, String> fileOf) {
        if (!KnowledgeBase.PROVIDERS.contains(provider)) {
            throw CatalogException.at(root, "mapping folder '" + provider + "' is not a provider; expected one of " + KnowledgeBase.PROVIDERS);
        }
        for (Map.Entry<String, CatalogNode> m : root.entries("mappings by source type").entrySet()) {
            String type = m.getKey();
            CatalogNode n = m.getValue();
            KnowledgeBase.TypeEntry entry = types.get(type);
            if (entry == null) {
                throw CatalogException.at(n, "mapping for " + type + ", which is not in catalog/types/" + provider
                        + ".yaml; add the type there first");
            }
            if (!entry.info().provider().equals(provider)) {
                throw CatalogException.at(n, type + " is a " + entry.info().provider() + " type; move its mapping to mappings/"
                        + entry.info().provider() + "/");
            }
            if (fileOf.containsKey(type)) {
                throw CatalogException.at(n, "duplicate mapping for " + type + " (already mapped in " + fileOf.get(type) + ")");
            }
            fileOf.put(type, n.location());
            Map<String, KnowledgeBase.TargetSpec> byTarget = new HashMap<>();
            for (Map.Entry<String, CatalogNode> t : n.entries("targets of " + type).entrySet()) {
                String target = t.getKey();
                if (!KnowledgeBase.TARGETS.contains(target)) {
                    throw CatalogException.at(t.getValue(), "unknown target provider '" + target + "' for " + type
                            + "; expected one of " + KnowledgeBase.TARGETS);
                }
                if (target.equals(provider)) {
                    throw CatalogException.at(t.getValue(), "mapping " + type + " to its own provider is implicit (identity); remove it");
                }
                byTarget.put(target, readSpec(type, target, t.getValue(), providerTypes.get(target), vocabulary));
            }
            mappings.put(type, Map.copyOf(byTarget));
        }
    }

    private static KnowledgeBase.TargetSpec readSpec(String type, String target, CatalogNode n, Set<String> validTypes, Vocabulary vocabulary) {
        n.onlyKeys("mapping of " + type + " to " + target, SPEC_KEYS);
        if (n.get("variant_by") == null) {
            if (n.get("variants") != null || n.get("default") != null) {
                throw CatalogException.at(n, "'variants'/'default' need 'variant_by' (the attribute that picks the variant)");
            }
            return new KnowledgeBase.TargetSpec(readResult(type, target, n, validTypes), null, null, null, null);
        }
        String by = n.get("variant_by").text("variant_by");
        RawPath path = null;
        if (!vocabulary.attributes().containsKey(by)) {
            path = RawPath.parse(by);
            if (path == null) {
                throw CatalogException.at(n.get("variant_by"), "variant_by '" + by + "' is neither a normalised attribute nor a raw path");
            }
        }
        for (String k : List.of("service", "resource_types", "notes", "alternatives", "absorbed_by", "unmapped")) {
            if (n.get(k) != null) {
                throw CatalogException.at(n.get(k), "'" + k + "' belongs inside a variant or 'default' when 'variant_by' is used");
            }
        }
        if (n.get("variants") == null) {
            throw CatalogException.at(n, "'variant_by' needs 'variants'");
        }
        Map<String, MappingResult> variants = new HashMap<>();
        for (Map.Entry<String, CatalogNode> v : n.get("variants").entries("variants").entrySet()) {
            v.getValue().onlyKeys("variant " + v.getKey(), Set.of("service", "resource_types", "notes", "alternatives",
                    "absorbed_by", "unmapped"));
            variants.put(v.getKey(), readResult(type, target, v.getValue(), validTypes));
        }
        MappingResult fallback = null;
        if (n.get("default") != null) {
            n.get("default").onlyKeys("default variant", Set.of("service", "resource_types", "notes", "alternatives",
                    "absorbed_by", "unmapped"));
            fallback = readResult(type, target, n.get("default"), validTypes);
        }
        return new KnowledgeBase.TargetSpec(null, by, path, Map.copyOf(variants), fallback);
    }

    private static MappingResult readResult(String type, String target, CatalogNode n, Set<String> validTypes) {
        if (n.get("unmapped") != null) {
            for (String k : List.of("service", "resource_types", "absorbed_by")) {
                if (n.get(k) != null) {
                    throw CatalogException.at(n.get(k), "an unmapped entry cannot also have '" + k + "'");
                }
            }
            CatalogNode u = n.get("unmapped");
            u.onlyKeys("unmapped", Set.of("reason"));
            String reason = u.get("reason") == null ? "" : u.get("reason").text("reason").strip();
            if (reason.isEmpty()) {
                throw CatalogException.at(u.get("reason") != null ? u.get("reason") : u, "unmapped " + type + " -> " + target + " needs a non-empty 'reason'");
            }
            return new MappingResult.Unmapped(reason);
        }
        if (n.get("service") == null) {
            throw CatalogException.at(n, "mapping of " + type + " to " + target + " needs 'service' (or 'unmapped: {reason: ...}')");
        }
        String service = n.get("service").text("service");
        String absorbedBy = null;
        if (n.get("absorbed_by") != null) {
            absorbedBy = n.get("absorbed_by").text("absorbed_by");
            checkTargetType(n.get("absorbed_by"), absorbedBy, target, validTypes);
        }
        List<String> resourceTypes = n.get("resource_types") == null ? List.of() : n.get("resource_types").texts("resource_types");
        if (resourceTypes.isEmpty()) {
            if (absorbedBy == null) {
                throw CatalogException.at(n, "mapping of " + type + " to " + target + " needs 'resource_types' (or 'absorbed_by')");
            }
            resourceTypes = List.of(absorbedBy);
        }
        for (String rt : resourceTypes) {
            checkTargetType(n.get("resource_types") == null ? n : n.get("resource_types"), rt, target, validTypes);
        }
        List<String> notes = n.get("notes") == null ? List.of() : n.get("notes").texts("notes");
        List<String> alternatives = n.get("alternatives") == null ? List.of() : n.get("alternatives").texts("alternatives");
        return new MappingResult.Mapped(service, resourceTypes, notes, alternatives, absorbedBy);
    }

    private static void checkTargetType(CatalogNode where, String rt, String target, Set<String> validTypes) {
        if (!validTypes.contains(rt)) {
            throw CatalogException.at(where, "'" + rt + "' is not a known " + target
                    + " resource type (catalog/provider-types/" + target + ".txt); check the provider documentation");
        }
    }
}
