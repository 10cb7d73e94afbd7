package dev.cloudshift.core.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the resources of one provider are priced, from {@code catalog/pricing/<provider>.yaml}: the default
 * region, the types that cost nothing of their own ({@code free}), types known to cost money that cannot be
 * priced yet ({@code unpriced}: type -> reason), and for each priced type its cost components. A component
 * names the catalog SKU (a template filled from the resource's attributes, e.g. {@code rds-{engine}-{instance_class}}),
 * its unit, and its monthly quantity as a product of factors: a number, {@code attr:NAME[:DEFAULT]},
 * {@code span:TYPICAL:LOW:HIGH[:DEFAULT]} (a range from attributes such as replicas and autoscaling bounds),
 * {@code usage:KEY} (a usage assumption with its low/typical/high) or {@code if:ATTR:FACTOR} (a multiplier when a
 * boolean attribute is true, e.g. Multi-AZ doubles the instance). A component may apply only {@code when} attributes
 * have given values, or {@code unless} they do (Aurora Serverless v2 instances bill ACU-hours, not instance hours).
 * A {@code shared} type (a registry or environment that several mapped resources name) is priced once per
 * environment and side; later occurrences get a zero line saying where it was priced.
 */
public final class PricingRules {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, PricingRules> CACHE = new ConcurrentHashMap<>();

    /** One cost component of a priced type. */
    public record Component(String name, String sku, String unit, List<String> factors, Map<String, String> defaults,
            String note, String region, Map<String, String> when, Map<String, String> unless) {

        /** Whether the component applies: every {@code when} attribute equals its value, no {@code unless} one does. */
        public boolean appliesTo(Map<String, Object> attrs) {
            for (var w : when.entrySet()) {
                if (!w.getValue().equals(String.valueOf(attrs.get(w.getKey())))) {
                    return false;
                }
            }
            for (var u : unless.entrySet()) {
                if (u.getValue().equals(String.valueOf(attrs.get(u.getKey())))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A priced type: its service name, where missing size attributes come from, and its components. */
    public record Rule(String type, String service, String attributesFrom, boolean shared, List<Component> components) {
    }

    private final String provider;
    private final String region;
    private final Set<String> free;
    private final Map<String, String> unpriced;
    private final Map<String, Rule> rules;
    private final String unpricedAll;

    private PricingRules(String provider, String region, Set<String> free, Map<String, String> unpriced,
            Map<String, Rule> rules, String unpricedAll) {
        this.provider = provider;
        this.region = region;
        this.free = free;
        this.unpriced = unpriced;
        this.rules = rules;
        this.unpricedAll = unpricedAll;
    }

    public static PricingRules forProvider(String provider) {
        return CACHE.computeIfAbsent(provider, PricingRules::load);
    }

    private static PricingRules load(String provider) {
        String res = "catalog/pricing/" + provider + ".yaml";
        try (InputStream in = PricingRules.class.getClassLoader().getResourceAsStream(res)) {
            if (in == null) {
                return new PricingRules(provider, null, Set.of(), Map.of(), Map.of(),
                        "no pricing rules for provider " + provider);
            }
            return parse(YAML.readTree(in), provider, res);
        } catch (IOException e) {
            throw new IllegalStateException(res + ": " + e.getMessage(), e);
        }
    }

    static PricingRules parse(JsonNode root, String provider, String name) {
        Set<String> free = new LinkedHashSet<>();
        root.path("free").forEach(n -> free.add(n.asText()));
        Map<String, String> unpriced = new LinkedHashMap<>();
        root.path("unpriced").fields().forEachRemaining(e -> unpriced.put(e.getKey(), e.getValue().asText()));
        Map<String, Rule> rules = new LinkedHashMap<>();
        root.path("resources").fields().forEachRemaining(e -> {
            List<Component> comps = new ArrayList<>();
            for (JsonNode c : e.getValue().path("components")) {
                List<String> factors = new ArrayList<>();
                c.path("factors").forEach(f -> factors.add(f.asText()));
                Map<String, String> defaults = new LinkedHashMap<>();
                c.path("defaults").fields().forEachRemaining(d -> defaults.put(d.getKey(), d.getValue().asText()));
                if (!c.hasNonNull("sku") || !c.hasNonNull("name")) {
                    throw new IllegalStateException(name + ": " + e.getKey() + ": every component needs name and sku");
                }
                Map<String, String> when = new LinkedHashMap<>();
                c.path("when").fields().forEachRemaining(d -> when.put(d.getKey(), d.getValue().asText()));
                Map<String, String> unless = new LinkedHashMap<>();
                c.path("unless").fields().forEachRemaining(d -> unless.put(d.getKey(), d.getValue().asText()));
                comps.add(new Component(c.get("name").asText(), c.get("sku").asText(), c.path("unit").asText(""),
                        factors, defaults, c.path("note").asText(null), c.path("region").asText(null), when, unless));
            }
            if (free.contains(e.getKey())) {
                throw new IllegalStateException(name + ": " + e.getKey() + " is both free and priced");
            }
            rules.put(e.getKey(), new Rule(e.getKey(), e.getValue().path("service").asText(e.getKey()),
                    e.getValue().path("attributes_from").asText(null), e.getValue().path("shared").asBoolean(false), comps));
        });
        return new PricingRules(root.path("provider").asText(provider), root.path("region").asText(null), free,
                unpriced, rules, root.path("unpriced_all").asText(null));
    }

    public String provider() {
        return provider;
    }

    public String region() {
        return region;
    }

    public boolean isFree(String type) {
        return free.contains(type);
    }

    public Set<String> freeTypes() {
        return free;
    }

    public String unpricedReason(String type) {
        return unpriced.get(type);
    }

    /** A reason that applies to every resource of this provider (e.g. self-hosted compose services), or null. */
    public String unpricedAll() {
        return unpricedAll;
    }

    public Rule rule(String type) {
        return rules.get(type);
    }

    public Map<String, Rule> rules() {
        return rules;
    }
}
