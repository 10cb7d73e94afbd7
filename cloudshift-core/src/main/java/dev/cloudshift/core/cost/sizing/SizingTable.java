package dev.cloudshift.core.cost.sizing;

import static dev.cloudshift.core.model.AttributeValues.number;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cloudshift.core.model.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks a target SKU for a source size from {@code catalog/sizing/<source>-to-<target>.yaml}. A family lists the
 * source types it covers, the source SKUs with their vCPU, memory and tier, the target SKUs likewise, the rule
 * ({@code at_least}: the smallest target with at least the vCPU and memory, in the same tier;
 * {@code nearest_memory}: the target whose memory is closest, in the same tier) and explicit choices
 * ({@code map}) that win over the rule. Burstable sources match on memory only, because their vCPUs are a
 * baseline share.
 */
public final class SizingTable {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record Size(String sku, BigDecimal vcpu, BigDecimal memoryGb, String tier, String label, Map<String, String> set) {
    }

    record Family(String name, List<String> sourceTypes, String key, String rule, Map<String, Size> sourceSkus,
            List<Size> targets, Map<String, String> map, Map<String, String> tierNames, String defaultSku,
            boolean setsSize, Map<String, String> tierMap) {
    }

    private final String source;
    private final String target;
    private final List<Family> families;

    private SizingTable(String source, String target, List<Family> families) {
        this.source = source;
        this.target = target;
        this.families = families;
    }

    private static final Map<String, SizingTable> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The bundled table for a direction, or an empty table when there is none. */
    public static SizingTable bundled(String sourceProvider, String targetProvider) {
        return CACHE.computeIfAbsent(sourceProvider + "-to-" + targetProvider,
                k -> read(sourceProvider, targetProvider));
    }

    private static SizingTable read(String sourceProvider, String targetProvider) {
        String res = "catalog/sizing/" + sourceProvider + "-to-" + targetProvider + ".yaml";
        try (InputStream in = SizingTable.class.getClassLoader().getResourceAsStream(res)) {
            if (in == null) {
                return new SizingTable(sourceProvider, targetProvider, List.of());
            }
            return parse(YAML.readTree(in), res);
        } catch (IOException e) {
            throw new IllegalStateException(res + ": " + e.getMessage(), e);
        }
    }

    static SizingTable parse(JsonNode root, String name) {
        List<Family> fams = new ArrayList<>();
        for (JsonNode f : root.path("families")) {
            Map<String, Size> src = new LinkedHashMap<>();
            f.path("source_skus").fields().forEachRemaining(e -> src.put(e.getKey().toLowerCase(Locale.ROOT),
                    size(e.getKey(), e.getValue())));
            List<Size> tg = new ArrayList<>();
            for (JsonNode t : f.path("targets")) {
                tg.add(size(t.path("sku").asText(), t));
            }
            Map<String, String> map = new LinkedHashMap<>();
            f.path("map").fields().forEachRemaining(e -> map.put(e.getKey().toLowerCase(Locale.ROOT),
                    e.getValue().asText()));
            Map<String, String> tiers = new LinkedHashMap<>();
            f.path("tier_names").fields().forEachRemaining(e -> tiers.put(e.getKey(), e.getValue().asText()));
            List<String> types = new ArrayList<>();
            f.path("source_types").forEach(t -> types.add(t.asText()));
            if (types.isEmpty() || tg.isEmpty()) {
                throw new IllegalStateException(name + ": family " + f.path("name").asText("?")
                        + " needs source_types and targets");
            }
            fams.add(new Family(f.path("name").asText(), types, f.path("key").asText("instance_class"),
                    f.path("rule").asText("at_least"), src, tg, map, tiers, f.path("default").asText(null),
                    f.path("sets_size").asBoolean(false), tierMap(f)));
        }
        return new SizingTable(root.path("source").asText(), root.path("target").asText(), fams);
    }

    private static Map<String, String> tierMap(JsonNode f) {
        Map<String, String> m = new LinkedHashMap<>();
        f.path("tier_map").fields().forEachRemaining(e -> m.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        return m;
    }

    private static Size size(String sku, JsonNode n) {
        Map<String, String> set = new LinkedHashMap<>();
        n.path("set").fields().forEachRemaining(e -> set.put(e.getKey(), e.getValue().asText()));
        return new Size(sku, n.has("vcpu") ? n.get("vcpu").decimalValue() : BigDecimal.ZERO,
                n.has("memory_gb") ? n.get("memory_gb").decimalValue() : null,
                n.path("tier").asText("general"), n.path("label").asText(sku), set);
    }

    /**
     * Attributes the chosen target SKU gives the target resource: its vCPU and memory (GiB) for families that set
     * the target's size (containers, Cloud SQL), and the {@code set} values of the target entry (for example the
     * node count of a Standard Redis cache); empty when the SKU is not in a covering family.
     */
    public Map<String, Object> targetAttributes(String sourceType, String targetSku) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Family f : families) {
            if (f.sourceTypes().contains(sourceType)) {
                f.targets().stream().filter(t -> t.sku().equals(targetSku)).findFirst().ifPresent(t -> {
                    if (f.setsSize()) {
                        out.put("vcpu", t.vcpu());
                        out.put("memory_gb", t.memoryGb());
                    }
                    out.putAll(t.set());
                });
                break;
            }
        }
        return out;
    }

    public boolean covers(String sourceType) {
        for (Family f : families) {
            if (f.sourceTypes().contains(sourceType)) {
                return true;
            }
        }
        return false;
    }

    /** Sizes a resource, or empty when no family covers its type. */
    public Optional<SizingDecision> size(Resource r) {
        return size(r.address(), r.type(), r.attributes());
    }

    /**
     * Sizes a resource given by its address, type and (normalised) attributes, or empty when no family covers its
     * type; what {@link #size(Resource)} does, without building a {@link Resource} to carry them.
     */
    public Optional<SizingDecision> size(String address, String type, Map<String, Object> attributes) {
        for (Family f : families) {
            if (f.sourceTypes().contains(type)) {
                return Optional.of(size(f, address, attributes));
            }
        }
        return Optional.empty();
    }

    private SizingDecision size(Family f, String address, Map<String, Object> attributes) {
        Object keyVal = attributes.get(f.key());
        String srcSku = keyVal == null ? null : String.valueOf(keyVal);
        if (srcSku != null && f.map().containsKey(srcSku.toLowerCase(Locale.ROOT))) {
            String t = f.map().get(srcSku.toLowerCase(Locale.ROOT));
            Size ts = f.targets().stream().filter(x -> x.sku().equals(t)).findFirst().orElse(null);
            return new SizingDecision(address, srcSku, t, describe(f.sourceSkus().get(srcSku.toLowerCase(Locale.ROOT)), srcSku)
                    + " -> " + t + (ts == null ? "" : " (" + describeTarget(ts) + ")") + ": chosen in " + f.name() + " table");
        }
        Size src = srcSku == null ? null : f.sourceSkus().get(srcSku.toLowerCase(Locale.ROOT));
        if (src == null) {
            BigDecimal vcpu = number(attributes.get("vcpu"));
            BigDecimal mem = number(attributes.get("memory_gb"));
            if (vcpu != null || mem != null) {
                String tier = attributes.get("tier") == null ? "general"
                        : String.valueOf(attributes.get("tier")).toLowerCase(Locale.ROOT);
                tier = f.tierMap().getOrDefault(tier, tier);
                src = new Size(srcSku == null ? dims(vcpu, mem) : srcSku,
                        vcpu, mem, f.tierNames().containsKey(tier) || tierExists(f, tier) ? tier : "general", null, Map.of());
            }
        }
        if (src == null) {
            String t = f.defaultSku() != null ? f.defaultSku() : f.targets().get(0).sku();
            return new SizingDecision(address, srcSku == null ? "unknown" : srcSku, t,
                    (srcSku == null ? "size not stated" : srcSku + " not in the " + f.name() + " table")
                            + " -> " + t + ": smallest " + f.name() + " target (default)");
        }
        final Size s = src;
        List<Size> sameTier = f.targets().stream().filter(t -> t.tier().equals(s.tier())).toList();
        List<Size> pool = sameTier.isEmpty() ? f.targets() : sameTier;
        String tierName = f.tierNames().getOrDefault(s.tier(), s.tier());
        Size chosen;
        String how;
        boolean memoryOnly = "burstable".equals(s.tier()) || "nearest_memory".equals(f.rule()) || s.vcpu() == null
                || pool.stream().allMatch(t -> t.vcpu().signum() == 0);
        if ("nearest_memory".equals(f.rule())) {
            chosen = pool.stream().filter(t -> t.memoryGb() != null)
                    .min(Comparator.comparing((Size t) -> t.memoryGb().subtract(s.memoryGb()).abs())
                            .thenComparing(Size::memoryGb))
                    .orElse(pool.get(0));
            how = "nearest memory in " + tierName;
        } else {
            chosen = pool.stream()
                    .filter(t -> s.memoryGb() == null || t.memoryGb().compareTo(s.memoryGb()) >= 0)
                    .filter(t -> memoryOnly || t.vcpu().compareTo(s.vcpu()) >= 0)
                    .min(Comparator.comparing(Size::vcpu).thenComparing(Size::memoryGb))
                    .orElseGet(() -> pool.stream().max(Comparator.comparing(Size::memoryGb)).orElseThrow());
            how = !memoryOnly ? "nearest >= vCPU and memory in " + tierName
                    : "burstable".equals(s.tier()) ? "smallest with >= memory in " + tierName + " (burstable vCPU is a baseline share)"
                    : "smallest with >= memory in " + tierName;
        }
        return new SizingDecision(address, s.sku(), chosen.sku(),
                describe(s, s.sku()) + " -> " + chosen.sku() + " (" + describeTarget(chosen) + "): " + how);
    }

    private static boolean tierExists(Family f, String tier) {
        return f.targets().stream().anyMatch(t -> t.tier().equals(tier));
    }

    private static String describe(Size s, String fallback) {
        if (s == null || (s.vcpu() == null && s.memoryGb() == null)) {
            return fallback;
        }
        return dims(s.vcpu(), s.memoryGb());
    }

    private static String describeTarget(Size t) {
        return dims(t.vcpu(), t.memoryGb());
    }

    private static String dims(BigDecimal vcpu, BigDecimal mem) {
        boolean cpu = vcpu != null && vcpu.signum() > 0;
        if (mem == null) {
            return cpu ? plain(vcpu) + " vCPU" : "size not stated";
        }
        return (cpu ? plain(vcpu) + " vCPU / " : "") + plain(mem) + " GiB";
    }

    private static String plain(BigDecimal b) {
        return b == null ? "?" : b.stripTrailingZeros().toPlainString();
    }

    public String source() {
        return source;
    }

    public String target() {
        return target;
    }
}
