package dev.cloudshift.core.report;

import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.TargetMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rows of the service-mapping table (plan.md and plan.html): mapped resources grouped by source service and type
 * (sorted), then one row per distinct target of the group, in plan order (a type may map differently per environment
 * or engine). Format-neutral: the writers escape and lay out the cells.
 */
public record MappingRows(String sourceService, String sourceType, TargetMapping.Mapped target,
        List<PlannedResource> resources) {

    /** The rows of a plan, empty when nothing was mapped. */
    public static List<MappingRows> of(Plan plan) {
        // grouped by type then service with hash lookups, the groups sorted once
        Map<String, Map<String, List<PlannedResource>>> byType = new java.util.HashMap<>();
        for (PlannedResource r : plan.resources()) {
            if (r.mapped()) {
                String service = r.sourceService() != null ? r.sourceService() : r.type();
                byType.computeIfAbsent(r.type(), k -> new java.util.HashMap<>())
                        .computeIfAbsent(service, k -> new ArrayList<>()).add(r);
            }
        }
        Map<List<String>, List<PlannedResource>> bySource = new TreeMap<>((a, b) -> {
            int c = a.get(0).compareTo(b.get(0));
            return c != 0 ? c : a.get(1).compareTo(b.get(1));
        });
        byType.forEach((type, services) -> services.forEach((service, rs) -> bySource.put(List.of(service, type), rs)));
        List<MappingRows> rows = new ArrayList<>();
        for (Map.Entry<List<String>, List<PlannedResource>> e : bySource.entrySet()) {
            Map<TargetMapping.Mapped, List<PlannedResource>> byTarget = new LinkedHashMap<>();
            // the same mapping is usually the same object: found by identity before hashing the record
            Map<TargetMapping.Mapped, List<PlannedResource>> byIdentity = new java.util.IdentityHashMap<>();
            for (PlannedResource r : e.getValue()) {
                TargetMapping.Mapped m = (TargetMapping.Mapped) r.mapping();
                List<PlannedResource> group = byIdentity.get(m);
                if (group == null) {
                    group = byTarget.computeIfAbsent(m, k -> new ArrayList<>());
                    byIdentity.put(m, group);
                }
                group.add(r);
            }
            byTarget.forEach((target, rs) -> rows.add(new MappingRows(e.getKey().get(0), e.getKey().get(1), target, rs)));
        }
        return rows;
    }

    /** How many of the resources each environment has ({@code dev 1, prod 2}; the bare count with one environment). */
    public static String perEnvironmentCount(Plan plan, List<PlannedResource> rs) {
        List<String> parts = new ArrayList<>();
        for (String env : plan.environments()) {
            long n = rs.stream().filter(r -> r.environment().equals(env)).count();
            if (n > 0) {
                parts.add(plan.environments().size() == 1 ? String.valueOf(n) : env + " " + n);
            }
        }
        return String.join(", ", parts);
    }

    /** The distinct attribute summaries of a group of resources, the first {@code max} and how many more. */
    public static String attributeSummaries(List<PlannedResource> group, int max) {
        Set<String> distinct = new LinkedHashSet<>();
        for (PlannedResource r : group) {
            String s = AttributeSummary.of(r.attributes());
            if (!s.isEmpty()) {
                distinct.add(s);
            }
        }
        String joined = String.join("; ", distinct.stream().limit(max).toList());
        if (distinct.size() > max) {
            joined += "; and " + (distinct.size() - max) + " more";
        }
        return joined;
    }
}
