package dev.cloudshift.core.cost;

import static dev.cloudshift.core.model.AttributeValues.number;
import dev.cloudshift.core.cost.catalog.PriceCatalog;
import dev.cloudshift.core.cost.catalog.PriceRow;
import dev.cloudshift.core.cost.sizing.SizingDecision;
import dev.cloudshift.core.cost.sizing.SizingTable;
import dev.cloudshift.core.cost.usage.UsageDefaults;
import dev.cloudshift.core.cost.usage.UsageProfile;
import dev.cloudshift.core.cost.usage.UsageRange;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.region.TargetRegions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prices the resources of each environment on their own cloud (source side) and, when a target provider is
 * given, on the target cloud after sizing (target side). Every resource gets at least one line: priced
 * components, or a zero line noted {@code free} or {@code unpriced: reason}. Prices come from the
 * {@link PriceCatalog}, quantities from {@link PricingRules} and the {@link UsageDefaults} of the environment.
 * <p>
 * Regions: a source resource is priced in its own region (its {@code region} attribute, else the source region of
 * its environment found by {@link TargetRegions}, else the provider's default); the target side in the region given
 * to the constructor, else the region the Terraform translation chooses for the environment ({@link TargetRegions}:
 * the target region nearest the source region), else the target provider's default. A SKU with no list price in
 * that region is unpriced (the note names the region); the default region's price is never used in its place.
 */
public final class CostEstimator {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    /** Pricing-rule texts read once per run (the rules are fixed data): factors split, SKU templates, decimals. */
    private static final Map<String, String[]> FACTORS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> TEMPLATES = new ConcurrentHashMap<>();
    private static final Map<String, BigDecimal> DECIMALS = new ConcurrentHashMap<>();
    /** Attributes naming the source's own SKU, dropped before the target side is priced. */
    private static final List<String> SOURCE_SKU_ATTRIBUTES = List.of("instance_class", "storage_type", "tier", "region",
            "target_sku");

    private final PriceCatalog catalog;
    private final UsageDefaults usage;
    private final String targetRegion;

    public CostEstimator(PriceCatalog catalog, UsageDefaults usage) {
        this(catalog, usage, null);
    }

    /**
     * @param targetRegion region to price the target side of every environment in (given by the user), or null for the
     *                     region the translation chooses per environment
     */
    public CostEstimator(PriceCatalog catalog, UsageDefaults usage, String targetRegion) {
        this.catalog = catalog;
        this.usage = usage;
        this.targetRegion = targetRegion;
    }

    /** Prices every environment (in the map's order). */
    public CostEstimate estimate(Map<String, List<CostInput>> environments, String targetProvider) {
        Set<String> providers = new TreeSet<>();
        environments.values().forEach(inputs -> inputs.forEach(i -> providers.add(i.resource().provider())));
        // environments are priced independently (catalog, rules and sizing tables are read-only): on both cores
        List<Map.Entry<String, List<CostInput>>> entries = new ArrayList<>(environments.entrySet());
        List<EnvironmentCost> envs = (entries.size() > 1 ? entries.parallelStream() : entries.stream())
                .map(e -> estimate(e.getKey(), e.getValue(), targetProvider))
                .toList();
        return new CostEstimate(String.join(",", providers), targetProvider, envs);
    }

    /** Prices one environment; {@code targetProvider} may be null for the source side only. */
    public EnvironmentCost estimate(String environment, List<CostInput> inputs, String targetProvider) {
        UsageProfile profile = usage.forEnvironment(environment);
        Pass pass = new Pass(profile);
        Map<String, Resource> byAddress = new HashMap<>();
        inputs.forEach(i -> byAddress.put(i.resource().address(), i.resource()));
        // the one region choice the Terraform translation makes too (source region -> nearest target region)
        TargetRegions.Found found = TargetRegions.ofEnvironment(() -> inputs.stream().map(CostInput::resource).iterator(),
                targetProvider);
        List<CostLine> lines = new ArrayList<>();
        List<SizingDecision> sizing = new ArrayList<>();
        Map<String, PricingRules> rulesOf = new HashMap<>(); // provider -> its rules, looked up once per environment
        for (CostInput in : inputs) {
            Resource r = in.resource();
            PricingRules rules = rulesOf.computeIfAbsent(r.provider(), PricingRules::forProvider);
            Map<String, Object> attrs = attributes(r, rules.rule(r.type()), byAddress);
            priceAttributes(r, attrs);
            lines.addAll(priceResource(pass, CostLine.SOURCE, rules, r.type(), r.address(), attrs, regionOf(r, rules, found),
                    null));
        }
        String region = null;
        if (targetProvider != null) {
            PricingRules rules = PricingRules.forProvider(targetProvider);
            region = targetRegion != null ? targetRegion
                    : found != null && found.target() != null ? found.target() : rules.region();
            pass.targetRegion = region;
            // Target types that a resource with its own cost maps to: a configuration-only resource (free on its
            // own cloud: a listener, an autoscaling policy, a task definition) mapping to the same type is part
            // of that target resource and is not priced a second time.
            Map<String, String> owners = new HashMap<>();
            for (CostInput in : inputs) {
                if (!rulesOf.computeIfAbsent(in.resource().provider(), PricingRules::forProvider).isFree(in.resource().type())) {
                    in.targetTypes().forEach(t -> owners.putIfAbsent(t, in.resource().address()));
                }
            }
            for (CostInput in : inputs) {
                Resource r = in.resource();
                if (in.unmappedReason() != null || in.targetTypes().isEmpty()) {
                    String why = in.unmappedReason() != null ? in.unmappedReason() : "no target mapping";
                    lines.add(zero(r.address(), CostLine.TARGET, in.targetService() == null ? "-" : in.targetService(),
                            "unpriced: unmapped: " + why));
                    continue;
                }
                if (in.absorbedBy() != null) {
                    lines.add(zero(r.address(), CostLine.TARGET, in.targetService() == null ? in.absorbedBy() : in.targetService(),
                            "free: a setting of " + in.absorbedBy() + ", priced with that resource"));
                    continue;
                }
                PricingRules sourceRules = rulesOf.computeIfAbsent(r.provider(), PricingRules::forProvider);
                Map<String, Object> sizingInput = attributes(r, sourceRules.rule(r.type()), byAddress);
                // The source's own SKU names mean nothing on the target: only sizing chooses them there.
                Map<String, Object> attrs = new LinkedHashMap<>(sizingInput);
                for (String k : SOURCE_SKU_ATTRIBUTES) {
                    attrs.remove(k);
                }
                SizingTable table = SizingTable.bundled(r.provider(), targetProvider);
                Optional<SizingDecision> d = table.size(r.address(), r.type(), sizingInput);
                d.ifPresent(x -> {
                    sizing.add(x);
                    attrs.put("target_sku", x.targetSku());
                    attrs.put("instance_class", x.targetSku());
                    attrs.putAll(table.targetAttributes(r.type(), x.targetSku()));
                });
                attrs.remove("region");
                boolean configurationOnly = sourceRules.isFree(r.type());
                for (String type : in.targetTypes()) {
                    String owner = owners.get(type);
                    if (configurationOnly && owner != null && !rules.isFree(type)) {
                        lines.add(zero(r.address(), CostLine.TARGET, in.targetService() == null ? type : in.targetService(),
                                "free: configures " + type + " priced with " + owner));
                        continue;
                    }
                    lines.addAll(priceResource(pass, CostLine.TARGET, rules, type, r.address(), attrs, region,
                            in.targetService()));
                }
            }
        }
        List<String> assumptions = new ArrayList<>();
        assumptions.add("usage profile '" + profile.name() + "' for environment '" + environment + "'");
        if (targetProvider != null) {
            assumptions.add(targetRegionAssumption(targetProvider, region, found, pass));
        }
        for (var u : pass.usedUsage.entrySet()) {
            assumptions.add(u.getKey() + " = " + u.getValue());
        }
        assumptions.addAll(pass.notes);
        for (SizingDecision s : sizing) {
            assumptions.add("sizing " + s.address() + ": " + s.reason());
        }
        // One pass over the lines: low, typical and high totals of each side.
        BigDecimal[] src = {ZERO, ZERO, ZERO};
        BigDecimal[] tgt = {ZERO, ZERO, ZERO};
        for (CostLine l : lines) {
            BigDecimal[] t = l.side().equals(CostLine.SOURCE) ? src : tgt;
            t[0] = t[0].add(l.lowUsd());
            t[1] = t[1].add(l.monthlyUsd());
            t[2] = t[2].add(l.highUsd());
        }
        return new EnvironmentCost(environment, targetProvider, src[1], targetProvider == null ? null : tgt[1],
                List.of(src[0], src[2]), targetProvider == null ? List.of() : List.of(tgt[0], tgt[2]),
                lines, assumptions, sizing);
    }

    /**
     * "target priced in azure region westeurope at list prices", with where a region other than the provider's default
     * comes from and how many target lines have no list price there.
     */
    private String targetRegionAssumption(String targetProvider, String region, TargetRegions.Found found, Pass pass) {
        String fallback = PricingRules.forProvider(targetProvider).region();
        StringBuilder sb = new StringBuilder("target priced in " + targetProvider + " region " + region + " at list prices");
        if (targetRegion != null) {
            if (!region.equals(fallback)) {
                sb.append(" (the region asked for)");
            }
        } else if (found != null && found.target() == null) {
            sb.append(" (the default: the source ").append(found.cloud()).append(" region ").append(found.source())
                    .append(" has no nearest ").append(targetProvider).append(" region in catalog/translate/regions.yaml)");
        } else if (found != null && !region.equals(fallback)) {
            sb.append(" (nearest to the source ").append(found.cloud()).append(" region ").append(found.source())
                    .append(", the region of the Terraform translation)");
        }
        if (!region.equals(fallback) && pass.missingInRegion > 0) {
            sb.append("; ").append(pass.missingInRegion).append(pass.missingInRegion == 1 ? " line has" : " lines have")
                    .append(" no ").append(region).append(" price in the catalog and ")
                    .append(pass.missingInRegion == 1 ? "is" : "are").append(" unpriced");
            if (pass.pricedInFallback > 0) {
                sb.append(" (").append(pass.pricedInFallback).append(" of them ")
                        .append(pass.pricedInFallback == 1 ? "has" : "have").append(" a list price in ").append(fallback)
                        .append(", not used for ").append(region).append(")");
            }
        }
        return sb.toString();
    }

    /** State of one environment's pricing: free grants left and the usage assumptions used. */
    private static final class Pass {
        final UsageProfile profile;
        /** The region the target side is priced in (null for the source side only). */
        String targetRegion;
        /** Target lines whose SKU has no row in {@link #targetRegion}, and how many of those the default region prices. */
        int missingInRegion;
        int pricedInFallback;
        final Map<String, BigDecimal> freeLeft = new HashMap<>();
        final Map<String, UsageRange> usedUsage = new LinkedHashMap<>();
        final Set<String> notes = new LinkedHashSet<>();
        final Map<String, String> sharedPricedAt = new HashMap<>();

        Pass(UsageProfile profile) {
            this.profile = profile;
        }
    }

    /**
     * Completes a resource's attributes with what its own price needs ({@code catalog/sizing/<p>-to-<p>.yaml}):
     * for example the Memorystore capacity tier of a 5 GB Standard instance, or the Redis SKU of an Azure cache.
     */
    private static void priceAttributes(Resource r, Map<String, Object> attrs) {
        SizingTable self = SizingTable.bundled(r.provider(), r.provider());
        if (!self.covers(r.type())) {
            return;
        }
        self.size(r.address(), r.type(), attrs).ifPresent(d -> {
                    attrs.putIfAbsent("target_sku", d.targetSku());
                    self.targetAttributes(r.type(), d.targetSku()).forEach(attrs::putIfAbsent);
                });
    }

    /**
     * A source resource's own region: its {@code region} attribute (an availability zone or zone gives its region), else
     * the source region of its environment, else the provider's default.
     */
    private static String regionOf(Resource r, PricingRules rules, TargetRegions.Found found) {
        Object region = r.attributes().get("region");
        if (region instanceof String s && !s.isBlank() && !s.startsWith("${")) {
            return TargetRegions.regionOf(r.provider(), s);
        }
        return found != null && found.cloud().equals(r.provider()) ? found.source() : rules.region();
    }

    /** The resource's attributes, completed from the resource its rule names in attributes_from. */
    private static Map<String, Object> attributes(Resource r, PricingRules.Rule rule, Map<String, Resource> byAddress) {
        Map<String, Object> attrs = new LinkedHashMap<>(r.attributes());
        if (rule != null && rule.attributesFrom() != null) {
            for (String dep : r.dependsOn()) {
                Resource d = byAddress.get(dep);
                if (d != null && d.type().equals(rule.attributesFrom())) {
                    d.attributes().forEach(attrs::putIfAbsent);
                }
            }
        }
        return attrs;
    }

    private List<CostLine> priceResource(Pass pass, String side, PricingRules rules, String type, String address,
            Map<String, Object> attrs, String region, String serviceName) {
        if (rules.unpricedAll() != null) {
            return List.of(zero(address, side, serviceName == null ? type : serviceName, "unpriced: " + rules.unpricedAll()));
        }
        if (rules.isFree(type)) {
            return List.of(zero(address, side, serviceName == null ? type : serviceName, "free"));
        }
        PricingRules.Rule rule = rules.rule(type);
        if (rule == null) {
            String why = rules.unpricedReason(type);
            return List.of(zero(address, side, serviceName == null ? type : serviceName,
                    "unpriced: " + (why != null ? why : "no pricing rule for " + type)));
        }
        if (rule.shared()) {
            String first = pass.sharedPricedAt.putIfAbsent(side + "|" + type, address);
            if (first != null) {
                return List.of(zero(address, side, rule.service(), "free: shared " + type + ", priced once with " + first));
            }
        }
        List<CostLine> out = new ArrayList<>();
        for (PricingRules.Component c : rule.components()) {
            if (c.appliesTo(attrs)) {
                out.add(priceComponent(pass, side, rules.provider(), rule, c, address, attrs, region));
            }
        }
        if (out.isEmpty()) {
            out.add(zero(address, side, rule.service(), "free"));
        }
        return out;
    }

    private CostLine priceComponent(Pass pass, String side, String provider, PricingRules.Rule rule,
            PricingRules.Component c, String address, Map<String, Object> attrs, String region) {
        String sku;
        try {
            sku = fill(c.sku(), attrs, c.defaults());
        } catch (MissingAttribute m) {
            boolean skuMissing = m.getMessage().equals("target_sku") || m.getMessage().equals("instance_class");
            return new CostLine(address, side, rule.service(), null, c.name(), null, c.unit(), null, ZERO, ZERO, ZERO,
                    "unpriced: " + (side.equals(CostLine.TARGET) && skuMissing
                            ? "no sizing table entry covers this resource, so the target SKU cannot be chosen"
                            : m.getMessage() + " not stated, so the SKU cannot be chosen"));
        }
        UsageRange qty;
        try {
            qty = quantity(pass, c.factors(), attrs);
        } catch (MissingAttribute m) {
            return new CostLine(address, side, rule.service(), sku, c.name(), null, c.unit(), null, ZERO, ZERO, ZERO,
                    "unpriced: " + m.getMessage() + " not stated");
        }
        if (c.region() != null && !(attrs.get("region") instanceof String stated && !stated.isBlank())) {
            region = c.region(); // the component's default location (a bucket's US multi-region) unless one is stated
        }
        Optional<PriceRow> row = catalog.find(provider, sku, region);
        if (row.isEmpty() && side.equals(CostLine.TARGET) && region.equals(pass.targetRegion)) {
            pass.missingInRegion++;
            String fallback = PricingRules.forProvider(provider).region();
            if (catalog.find(provider, sku, fallback).filter(PriceRow::priced).isPresent()) {
                pass.pricedInFallback++;
            }
        }
        if (row.isEmpty() || !row.get().priced()) {
            String why = row.map(PriceRow::note).filter(n -> !n.isBlank())
                    .orElse("no list price in catalog for " + sku + " in " + region);
            return new CostLine(address, side, rule.service(), sku, c.name(), scale(qty.typical()), c.unit(), null,
                    ZERO, ZERO, ZERO, "unpriced: " + why);
        }
        PriceRow p = row.get();
        BigDecimal price = p.priceUsd();
        BigDecimal lo = qty.low();
        BigDecimal typ = qty.typical();
        BigDecimal hi = qty.high();
        String note = c.note() == null ? "" : c.note();
        if (p.freeQuantity() != null && p.freeQuantity().signum() > 0) {
            String key = side + "|" + p.key();
            BigDecimal left = pass.freeLeft.getOrDefault(key, p.freeQuantity());
            BigDecimal used = typ.min(left);
            lo = lo.subtract(lo.min(left));
            hi = hi.subtract(hi.min(left));
            typ = typ.subtract(used);
            pass.freeLeft.put(key, left.subtract(used));
            if (used.signum() > 0) {
                note = (note.isEmpty() ? "" : note + "; ") + "free grant " + plain(used) + " " + p.unit() + " applied";
                pass.notes.add(p.service() + " free grant of " + plain(p.freeQuantity()) + " " + p.unit()
                        + " per month applied once per environment (" + side + ")");
            }
        }
        return new CostLine(address, side, p.service(), sku, c.name(), scale(qty.typical()), p.unit(), price,
                money(typ.multiply(price)), money(lo.multiply(price)), money(hi.multiply(price)),
                note.isEmpty() ? null : note);
    }

    private static final class MissingAttribute extends Exception {
        MissingAttribute(String name) {
            super(name);
        }
    }

    private static String fill(String template, Map<String, Object> attrs, Map<String, String> defaults)
            throws MissingAttribute {
        List<String> parts = TEMPLATES.computeIfAbsent(template, CostEstimator::templateParts);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i += 2) {
            sb.append(parts.get(i));
            if (i + 1 == parts.size()) {
                break;
            }
            String name = parts.get(i + 1);
            Object v = attrs.get(name);
            if (v == null && name.equals("target_sku")) {
                v = attrs.get("instance_class");
                if (v == null && attrs.get("tier") != null) {
                    v = String.valueOf(attrs.get("tier")).toLowerCase(java.util.Locale.ROOT);
                }
            }
            String s = v == null || String.valueOf(v).startsWith("${") ? defaults.get(name) : String.valueOf(v);
            if (s == null) {
                throw new MissingAttribute(name);
            }
            sb.append(s);
        }
        return sb.toString();
    }

    /** A SKU template's literal text and placeholder names, alternating (text, name, text, ..., text). */
    private static List<String> templateParts(String template) {
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            parts.add(template.substring(at, m.start()));
            parts.add(m.group(1));
            at = m.end();
        }
        parts.add(template.substring(at));
        return List.copyOf(parts);
    }

    private static UsageRange quantity(Pass pass, List<String> factors, Map<String, Object> attrs)
            throws MissingAttribute {
        BigDecimal lo = BigDecimal.ONE;
        BigDecimal typ = BigDecimal.ONE;
        BigDecimal hi = BigDecimal.ONE;
        for (String f : factors) {
            UsageRange r = factor(pass, f, attrs);
            lo = lo.multiply(r.low());
            typ = typ.multiply(r.typical());
            hi = hi.multiply(r.high());
        }
        return new UsageRange(lo, typ, hi);
    }

    private static UsageRange factor(Pass pass, String f, Map<String, Object> attrs) throws MissingAttribute {
        String[] p = FACTORS.computeIfAbsent(f, x -> x.split(":")); // shared: only read
        switch (p[0]) {
            case "usage" -> {
                UsageRange u = pass.profile.get(p[1]).orElseThrow(() -> new MissingAttribute("usage " + p[1]));
                pass.usedUsage.put(p[1], u);
                return u;
            }
            case "attr" -> {
                BigDecimal v = number(attrs.get(p[1]));
                if (v == null) {
                    if (p.length > 2) {
                        pass.notes.add(p[1] + " not stated: " + p[2] + " assumed where needed");
                        return UsageRange.exact(decimal(p[2]));
                    }
                    throw new MissingAttribute(p[1]);
                }
                return UsageRange.exact(v);
            }
            case "span" -> {
                BigDecimal typ = number(attrs.get(p[1]));
                BigDecimal lo = number(attrs.get(p[2]));
                BigDecimal hi = number(attrs.get(p[3]));
                BigDecimal def = p.length > 4 ? decimal(p[4]) : null;
                if (typ == null) {
                    typ = lo != null ? lo : def;
                }
                if (typ == null) {
                    throw new MissingAttribute(p[1]);
                }
                lo = lo == null ? typ : lo.min(typ);
                hi = hi == null ? typ : hi.max(typ);
                return new UsageRange(lo, typ, hi);
            }
            case "if" -> {
                Object v = attrs.get(p[1]);
                boolean on = Boolean.TRUE.equals(v) || "true".equals(String.valueOf(v));
                return UsageRange.exact(on ? decimal(p[2]) : BigDecimal.ONE);
            }
            default -> {
                try {
                    return UsageRange.exact(decimal(f));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("pricing rule factor not understood: " + f);
                }
            }
        }
    }

    /** A decimal written in a pricing rule, parsed once (BigDecimal is immutable; a bad one throws every time). */
    private static BigDecimal decimal(String text) {
        return DECIMALS.computeIfAbsent(text, BigDecimal::new);
    }

    private static CostLine zero(String address, String side, String service, String note) {
        return new CostLine(address, side, service, null, "-", null, null, null, ZERO, ZERO, ZERO, note);
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal scale(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() > 6 ? v.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros() : (s.scale() < 0 ? s.setScale(0) : s);
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
