package dev.cloudshift.core.kb;

import dev.cloudshift.core.model.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service knowledge base: resource types with their category, service name and normalisation rules
 * (catalog/types/*.yaml), sizing tables (catalog/instance-types/*.yaml), service equivalences between
 * providers (catalog/mappings/&lt;provider&gt;/*.yaml) and the valid Terraform resource types of each target
 * provider (catalog/provider-types/*.txt). Everything is data; {@link CatalogReader} reads and validates it,
 * this class answers.
 *
 * <p>{@link #load()} reads the catalog from the classpath once and caches it; a malformed data file fails the
 * load with a {@link CatalogException} naming {@code file:line}. Lookups are hash lookups.
 */
public final class KnowledgeBase {

    /** Providers that have a type catalog. */
    public static final List<String> PROVIDERS = List.of("aws", "azure", "gcp", "compose");
    /** Providers a plan can target. */
    public static final List<String> TARGETS = List.of("aws", "azure", "gcp");

    static final Map<String, List<String>> PREFIXES = Map.of(
            "aws", List.of("aws_"), "azure", List.of("azurerm_", "azuread_"), "gcp", List.of("google_"),
            "compose", List.of("compose_"));

    private static volatile KnowledgeBase classpathInstance;

    record TypeEntry(TypeInfo info, List<AttributeRule> rules) {
    }

    /** What one source type becomes on one target: a fixed result, or a choice by an attribute's value. */
    record TargetSpec(MappingResult fixed, String variantBy, RawPath variantPath,
                      Map<String, MappingResult> variants, MappingResult fallback) {
    }

    private final Vocabulary vocabulary;
    private final Map<String, TypeEntry> types;
    private final Map<String, List<TypeInfo>> typesByProvider;
    private final Map<String, InstanceSizes> sizes;
    private final Map<String, Map<String, TargetSpec>> mappings;
    private final Map<String, Set<String>> providerTypes;
    private final Set<String> betaTypes;

    KnowledgeBase(Vocabulary vocabulary, Map<String, TypeEntry> types, Map<String, InstanceSizes> sizes,
                  Map<String, Map<String, TargetSpec>> mappings, Map<String, Set<String>> providerTypes,
                  Set<String> betaTypes) {
        this.vocabulary = vocabulary;
        this.types = types;
        this.sizes = sizes;
        this.mappings = mappings;
        this.providerTypes = providerTypes;
        this.betaTypes = betaTypes;
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
                    kb = CatalogReader.read(CatalogSource.classpath(KnowledgeBase.class.getClassLoader(), "catalog"));
                    classpathInstance = kb;
                }
            }
        }
        return kb;
    }

    /** Reads the catalog from another class loader's classpath (a plugin jar, or tests of jar packaging). */
    static KnowledgeBase loadFrom(ClassLoader loader) {
        return CatalogReader.read(CatalogSource.classpath(loader, "catalog"));
    }

    /** Reads a catalog laid out like the classpath one from a directory (for checking data files). */
    public static KnowledgeBase loadFrom(Path catalogRoot) {
        CatalogSource source = CatalogSource.directory(catalogRoot);
        return CatalogReader.read(new CatalogSource() {
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

    /** Human service name, precise where the type names variants ("RDS PostgreSQL", "Application Load Balancer"). */
    public String serviceName(Resource r) {
        TypeEntry e = types.get(r.type());
        if (e == null) {
            return r.type();
        }
        String by = e.info().serviceVariantBy();
        if (by == null) {
            return e.info().service();
        }
        Object value = r.attributes().get(by);
        if (value == null) {
            value = normalise(r).attributes().get(by);
        }
        return e.info().serviceFor(JsonValues.isUnknown(value) ? null : JsonValues.toText(value));
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
}
