package dev.cloudshift.core.kb;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The sizing table of one provider (catalog/instance-types/&lt;provider&gt;.yaml): exact SKUs with vCPU and
 * memory, plus patterns for families whose size is written in the name (named groups {@code vcpu},
 * {@code memorymb}, {@code memorygb}, or {@code sku} to look the captured name up again, as
 * {@code db.m5.large} -> {@code m5.large}).
 */
final class InstanceSizes {

    private record SizePattern(Pattern regex, BigDecimal vcpu, BigDecimal memoryGb, BigDecimal memoryPerVcpu) {
    }

    private final Map<String, InstanceSize> exact;
    private final List<SizePattern> patterns;

    private InstanceSizes(Map<String, InstanceSize> exact, List<SizePattern> patterns) {
        this.exact = exact;
        this.patterns = patterns;
    }

    static InstanceSizes empty() {
        return new InstanceSizes(Map.of(), List.of());
    }

    static InstanceSizes read(CatalogNode root) {
        root.onlyKeys("sizing table", Set.of("sources", "notes", "sizes", "patterns"));
        if (root.get("sources") == null || root.get("sources").texts("sources").isEmpty()) {
            throw CatalogException.at(root, "a sizing table needs 'sources': the public documentation URLs its figures come from");
        }
        Map<String, InstanceSize> exact = new HashMap<>();
        CatalogNode sizes = root.get("sizes");
        if (sizes != null) {
            for (Map.Entry<String, CatalogNode> e : sizes.entries("sizes").entrySet()) {
                CatalogNode n = e.getValue();
                n.onlyKeys("size of " + e.getKey(), Set.of("vcpu", "memory_gb"));
                if (n.get("memory_gb") == null) {
                    throw CatalogException.at(n, "size of " + e.getKey() + " needs memory_gb");
                }
                Number vcpu = n.get("vcpu") == null ? null : JsonValues.canonicalNumber(n.get("vcpu").number("vcpu"));
                exact.put(e.getKey(), new InstanceSize(e.getKey(), vcpu,
                        JsonValues.canonicalNumber(n.get("memory_gb").number("memory_gb"))));
            }
        }
        List<SizePattern> patterns = new ArrayList<>();
        CatalogNode pats = root.get("patterns");
        if (pats != null) {
            for (CatalogNode p : pats.items("patterns")) {
                p.onlyKeys("size pattern", Set.of("match", "vcpu", "memory_gb", "memory_gb_per_vcpu"));
                if (p.get("match") == null) {
                    throw CatalogException.at(p, "a size pattern needs 'match' (a regular expression)");
                }
                Pattern regex;
                try {
                    regex = Pattern.compile(p.get("match").text("match"));
                } catch (PatternSyntaxException ex) {
                    throw CatalogException.at(p.get("match"), "bad regular expression: " + ex.getDescription());
                }
                patterns.add(new SizePattern(regex, num(p, "vcpu"), num(p, "memory_gb"), num(p, "memory_gb_per_vcpu")));
            }
        }
        return new InstanceSizes(Map.copyOf(exact), List.copyOf(patterns));
    }

    private static BigDecimal num(CatalogNode p, String key) {
        return p.get(key) == null ? null : p.get(key).number(key);
    }

    int size() {
        return exact.size();
    }

    Optional<InstanceSize> lookup(String sku) {
        return lookup(sku, 0);
    }

    private Optional<InstanceSize> lookup(String sku, int depth) {
        if (sku == null || depth > 3) {
            return Optional.empty();
        }
        InstanceSize hit = exact.get(sku);
        if (hit != null) {
            return depth == 0 ? Optional.of(hit) : Optional.of(new InstanceSize(sku, hit.vcpu(), hit.memoryGb()));
        }
        for (SizePattern p : patterns) {
            Matcher m = p.regex().matcher(sku);
            if (!m.matches()) {
                continue;
            }
            String inner = group(m, "sku");
            if (inner != null) {
                Optional<InstanceSize> again = lookup(inner, depth + 1);
                if (again.isPresent()) {
                    return Optional.of(new InstanceSize(sku, again.get().vcpu(), again.get().memoryGb()));
                }
                continue;
            }
            BigDecimal vcpu = p.vcpu();
            String g = group(m, "vcpu");
            if (g != null) {
                vcpu = new BigDecimal(g);
            }
            BigDecimal mem = p.memoryGb();
            String mb = group(m, "memorymb");
            if (mb != null) {
                mem = new BigDecimal(mb).divide(BigDecimal.valueOf(1024), MathContext.DECIMAL64);
            }
            String gb = group(m, "memorygb");
            if (gb != null) {
                mem = new BigDecimal(gb);
            }
            if (mem == null && p.memoryPerVcpu() != null && vcpu != null) {
                mem = vcpu.multiply(p.memoryPerVcpu());
            }
            if (mem != null) {
                return Optional.of(new InstanceSize(sku, vcpu == null ? null : JsonValues.canonicalNumber(vcpu),
                        JsonValues.canonicalNumber(mem)));
            }
        }
        return Optional.empty();
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
