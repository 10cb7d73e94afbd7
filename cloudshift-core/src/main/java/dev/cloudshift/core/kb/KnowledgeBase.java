package dev.cloudshift.core.kb;

import dev.cloudshift.core.model.Resource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service knowledge base: resource types with their category, service name and normalisation rules
 * (catalog/types/*.yaml), sizing tables (catalog/instance-types/*.yaml), service equivalences between
 * providers (catalog/mappings/&lt;provider&gt;/*.yaml) and the valid Terraform resource types of each target
 * provider (catalog/provider-types/*.txt). Everything is data; this class reads, validates and answers.
 *
 * <p>{@link #load()} reads the catalog from the classpath once and caches it; a malformed data file fails the
 * load with a {@link CatalogException} naming {@code file:line}. Lookups are hash lookups.
 */
public final class KnowledgeBase {

    /** Providers that have a type catalog. */
    public static final List<String> PROVIDERS = List.of("aws", "azure", "gcp", "compose");
    /** Providers a plan can target. */
    public static final List<String> TARGETS = List.of("aws", "azure", "gcp");

    private static final Set<String> TYPE_FILE_KEYS = Set.of("provider", "tables", "types");
    private static final Set<String> TYPE_KEYS = Set.of("category", "service", "service_by_engine", "attributes", "notes");
    private static final Set<String> SPEC_KEYS = Set.of("service", "resource_types", "notes", "alternatives", "absorbed_by",
            "unmapped", "variant_by", "variants", "default");
    private static final Map<String, List<String>> PREFIXES = Map.of(
            "aws", List.of("aws_"), "azure", List.of("azurerm_", "azuread_"), "gcp", List.of("google_"),
            "compose", List.of("compose_"));

    private static final java.util.regex.Pattern TYPE_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

    private static volatile KnowledgeBase classpathInstance;

    private record TypeEntry(TypeInfo info, List<AttributeRule> rules) {
    }

    /** What one source type becomes on one target: a fixed result, or a choice by an attribute's value. */
    private record TargetSpec(MappingResult fixed, String variantBy, RawPath variantPath,
                              Map<String, MappingResult> variants, MappingResult fallback) {
    }

    private final Vocabulary vocabulary;
    private final Map<String, TypeEntry> types;
    private final Map<String, List<TypeInfo>> typesByProvider;
    private final Map<String, InstanceSizes> sizes;
    private final Map<String, Map<String, TargetSpec>> mappings;
    private final Map<String, Set<String>> providerTypes;
    private final Set<String> betaTypes;

    private KnowledgeBase(Vocabulary vocabulary, Map<String, TypeEntry> types, Map<String, InstanceSizes> sizes,
                          Map<String, Map<String, TargetSpec>> mappings, Map<String, Set<String>> providerTypes,
                          Set<String> betaTypes) {
        this.betaTypes = betaTypes;
        this.vocabulary = vocabulary;
        this.types = types;
        this.sizes = sizes;
        this.mappings = mappings;
        this.providerTypes = providerTypes;
        Map<String, List<TypeInfo>> byProvider = new HashMap<>();
        for (TypeEntry e : types.values()) {
            byProvider.computeIfAbsent(e.info().provider(), k -> new ArrayList<>()).add(e.info());
        }
        byProvider.replaceAll((k, v) -> v.stream().sorted(java.util.Comparator.comparing(TypeInfo::type)).toList());
        this.typesByProvider = Map.copyOf(byProvider);
    }

    /** The knowledge base from the classpath catalog, read and validated once, then cached. */
    public static KnowledgeBase load() {
        KnowledgeBase kb = classpathInstance;
        if (kb == null) {
            synchronized (KnowledgeBase.class) {
                kb = classpathInstance;
                if (kb == null) {
                    kb = read(CatalogSource.classpath(KnowledgeBase.class.getClassLoader(), "catalog"));
                    classpathInstance = kb;
                }
            }
        }
        return kb;
    }

    /** Reads the catalog from another class loader's classpath (a plugin jar, or tests of jar packaging). */
    static KnowledgeBase loadFrom(ClassLoader loader) {
        return read(CatalogSource.classpath(loader, "catalog"));
    }

    /** Reads a catalog laid out like the classpath one from a directory (for checking data files). */
    public static KnowledgeBase loadFrom(Path catalogRoot) {
        CatalogSource source = CatalogSource.directory(catalogRoot);
        return read(new CatalogSource() {
            @Override
            public List<String> list(String folder) {
                return source.list(folder);
            }

            @Override
            public List<String> folders(String folder) {
                return source.folders(folder);
            }

            @Override
            public InputStream open(String name) throws IOException {
                return source.open(name);
            }

            @Override
            public String display(String name) {
                return catalogRoot.resolve(name).toString();
            }
        });
    }

    // ------------------------------------------------------------------ queries

    /** What the knowledge base knows about a type. */
    public Optional<TypeInfo> type(String type) {
        TypeEntry e = type == null ? null : types.get(type);
        return e == null ? Optional.empty() : Optional.of(e.info());
    }

    /** Every type of a provider ({@code aws}, {@code azure}, {@code gcp}, {@code compose}), sorted by name. */
    public List<TypeInfo> types(String provider) {
        return typesByProvider.getOrDefault(provider, List.of());
    }

    /** The valid Terraform resource types of a target provider (catalog/provider-types/&lt;provider&gt;.txt). */
    public Set<String> providerTypes(String provider) {
        return providerTypes.getOrDefault(provider, Set.of());
    }

    /** True for target types that exist only in the google-beta provider (marked in catalog/provider-types/gcp.txt). */
    public boolean needsBetaProvider(String resourceType) {
        return betaTypes.contains(resourceType);
    }

    /** vCPU and memory of an instance class / SKU from a provider's sizing table. */
    public Optional<InstanceSize> instanceSize(String provider, String sku) {
        InstanceSizes s = sizes.get(provider);
        return s == null ? Optional.empty() : s.lookup(sku);
    }

    /** The agreed categories. */
    public Set<String> categories() {
        return vocabulary.categories();
    }

    /** A copy of the resource with its category and normalised attributes (category {@code other} for unknown types). */
    public Resource normalise(Resource r) {
        return normaliseChecked(r).resource();
    }

    /** Like {@link #normalise(Resource)}, also saying whether the type was known and what could not be read. */
    public Normalised normaliseChecked(Resource r) {
        TypeEntry e = types.get(r.type());
        String provider = r.provider() != null ? r.provider() : providerOf(r.type());
        if (e == null) {
            Resource out = new Resource(r.address(), r.type(), provider, "other", r.environment(), r.attributes(),
                    r.raw(), r.dependsOn(), r.position());
            return new Normalised(out, false, List.of(r.type() + " is not in the knowledge base: categorised as other and left unmapped"));
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        InstanceSizes providerSizes = sizes.getOrDefault(e.info().provider(), InstanceSizes.empty());
        for (AttributeRule rule : e.rules()) {
            rule.apply(r.raw(), providerSizes).ifPresent(v -> attrs.put(rule.attribute(), v));
        }
        r.attributes().forEach((k, v) -> {
            if (v != null) {
                attrs.put(k, v);
            }
        });
        Resource out = new Resource(r.address(), r.type(), provider, e.info().category(), r.environment(), attrs,
                r.raw(), r.dependsOn(), r.position());
        return new Normalised(out, true, List.of());
    }

    /** Human service name: per engine where the type has engine-specific names ("RDS PostgreSQL"). */
    public String serviceName(Resource r) {
        TypeEntry e = types.get(r.type());
        if (e == null) {
            return r.type();
        }
        Object engine = r.attributes().get("engine");
        if (engine == null && !e.info().serviceByEngine().isEmpty()) {
            engine = normalise(r).attributes().get("engine");
        }
        return e.info().serviceFor(engine == null ? null : engine.toString());
    }

    /** Where a resource goes on a target provider ({@code aws}, {@code azure} or {@code gcp}). */
    public MappingResult map(Resource r, String targetProvider) {
        if (!TARGETS.contains(targetProvider)) {
            throw new IllegalArgumentException("unknown target provider '" + targetProvider + "'; expected one of " + TARGETS);
        }
        TypeEntry e = types.get(r.type());
        if (e == null) {
            return new MappingResult.Unmapped(r.type() + " is not in the CloudShift knowledge base; map it by hand");
        }
        if (e.info().provider().equals(targetProvider)) {
            return new MappingResult.Mapped(serviceName(r), List.of(r.type()), List.of(), List.of());
        }
        TargetSpec spec = mappings.getOrDefault(r.type(), Map.of()).get(targetProvider);
        if (spec == null) {
            return new MappingResult.Unmapped("no " + targetProvider + " equivalent of " + r.type()
                    + " is recorded in the knowledge base; map it by hand");
        }
        if (spec.fixed() != null) {
            return spec.fixed();
        }
        Object value;
        if (vocabulary.attributes().containsKey(spec.variantBy())) {
            value = r.attributes().get(spec.variantBy());
            if (value == null) {
                value = normalise(r).attributes().get(spec.variantBy());
            }
        } else {
            value = spec.variantPath().lookup(r.raw());
        }
        String key = JsonValues.isUnknown(value) ? null : JsonValues.toText(value);
        MappingResult hit = key == null ? null : spec.variants().get(key);
        if (hit != null) {
            return hit;
        }
        if (spec.fallback() != null) {
            return spec.fallback();
        }
        return new MappingResult.Unmapped("no " + targetProvider + " equivalent of " + r.type() + " with "
                + spec.variantBy() + " " + (key == null ? "not statically known" : "'" + key + "'")
                + " is recorded; map it by hand");
    }

    /** The target providers for which a mapping (or an explicit unmapped entry) is recorded for a type. */
    public Set<String> recordedTargets(String type) {
        return mappings.getOrDefault(type, Map.of()).keySet();
    }

    /**
     * Every result recorded for a type and target, keyed by variant value; a mapping without variants has the
     * single key {@code *}, the fallback of a variant mapping has the key {@code default}. Empty when nothing is
     * recorded. Used by coverage checks and by consumers that need every possible target type.
     */
    public Map<String, MappingResult> recordedMappings(String type, String targetProvider) {
        TargetSpec spec = mappings.getOrDefault(type, Map.of()).get(targetProvider);
        if (spec == null) {
            return Map.of();
        }
        if (spec.fixed() != null) {
            return Map.of("*", spec.fixed());
        }
        Map<String, MappingResult> out = new java.util.TreeMap<>(spec.variants());
        if (spec.fallback() != null) {
            out.put("default", spec.fallback());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Provider of a type from its prefix (aws_, azurerm_/azuread_, google_, compose_); null when none fits. */
    public static String providerOf(String type) {
        if (type == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : PREFIXES.entrySet()) {
            for (String p : e.getValue()) {
                if (type.startsWith(p)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ loading

    private static KnowledgeBase read(CatalogSource source) {
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
        for (String p : PROVIDERS) {
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
        for (String p : TARGETS) {
            providerTypes.put(p, readTypeList(source, "provider-types/" + p + ".txt", betaTypes));
        }

        Map<String, InstanceSizes> sizes = new HashMap<>();
        for (String p : PROVIDERS) {
            CatalogNode n = parsed.get("instance-types/" + p + ".yaml");
            if (n != null) {
                sizes.put(p, InstanceSizes.read(n));
            }
        }

        Map<String, TypeEntry> types = new HashMap<>();
        for (String file : typeFiles) {
            readTypes(parsed.get(file), vocabulary, types);
        }

        Map<String, Map<String, TargetSpec>> mappings = new HashMap<>();
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
                if (!TYPE_NAME.matcher(parts[0]).matches() || parts.length > 2
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

    private static void readTypes(CatalogNode root, Vocabulary vocabulary, Map<String, TypeEntry> types) {
        root.onlyKeys("type catalog", TYPE_FILE_KEYS);
        CatalogNode providerNode = root.get("provider");
        if (providerNode == null || !PROVIDERS.contains(providerNode.text("provider"))) {
            throw CatalogException.at(providerNode == null ? root : providerNode,
                    "a type catalog needs 'provider:' one of " + PROVIDERS);
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
            if (PREFIXES.get(provider).stream().noneMatch(type::startsWith)) {
                throw CatalogException.at(n, type + " does not belong to provider " + provider
                        + " (expected a name starting with " + PREFIXES.get(provider) + ")");
            }
            TypeEntry previous = types.get(type);
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
            Map<String, String> byEngine = new LinkedHashMap<>();
            if (n.get("service_by_engine") != null) {
                n.get("service_by_engine").entries("service_by_engine")
                        .forEach((k, v) -> byEngine.put(k, v.text("service name")));
            }
            List<AttributeRule> rules = new ArrayList<>();
            if (n.get("attributes") != null) {
                for (Map.Entry<String, CatalogNode> a : n.get("attributes").entries("attributes").entrySet()) {
                    rules.add(AttributeRule.read(a.getKey(), a.getValue(), vocabulary, tables));
                }
            }
            TypeInfo info = new TypeInfo(type, provider, category, service, byEngine,
                    rules.stream().map(AttributeRule::attribute).toList(), n.location());
            types.put(type, new TypeEntry(info, List.copyOf(rules)));
        }
    }

    private static void readMappings(CatalogNode root, String provider, Map<String, TypeEntry> types,
                                     Map<String, Set<String>> providerTypes, Vocabulary vocabulary,
                                     Map<String, Map<String, TargetSpec>> mappings, Map<String, String> fileOf) {
        if (!PROVIDERS.contains(provider)) {
            throw CatalogException.at(root, "mapping folder '" + provider + "' is not a provider; expected one of " + PROVIDERS);
        }
        for (Map.Entry<String, CatalogNode> m : root.entries("mappings by source type").entrySet()) {
            String type = m.getKey();
            CatalogNode n = m.getValue();
            TypeEntry entry = types.get(type);
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
            Map<String, TargetSpec> byTarget = new HashMap<>();
            for (Map.Entry<String, CatalogNode> t : n.entries("targets of " + type).entrySet()) {
                String target = t.getKey();
                if (!TARGETS.contains(target)) {
                    throw CatalogException.at(t.getValue(), "unknown target provider '" + target + "' for " + type
                            + "; expected one of " + TARGETS);
                }
                if (target.equals(provider)) {
                    throw CatalogException.at(t.getValue(), "mapping " + type + " to its own provider is implicit (identity); remove it");
                }
                byTarget.put(target, readSpec(type, target, t.getValue(), providerTypes.get(target), vocabulary));
            }
            mappings.put(type, Map.copyOf(byTarget));
        }
    }

    private static TargetSpec readSpec(String type, String target, CatalogNode n, Set<String> validTypes, Vocabulary vocabulary) {
        n.onlyKeys("mapping of " + type + " to " + target, SPEC_KEYS);
        if (n.get("variant_by") == null) {
            if (n.get("variants") != null || n.get("default") != null) {
                throw CatalogException.at(n, "'variants'/'default' need 'variant_by' (the attribute that picks the variant)");
            }
            return new TargetSpec(readResult(type, target, n, validTypes), null, null, null, null);
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
        return new TargetSpec(null, by, path, Map.copyOf(variants), fallback);
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
