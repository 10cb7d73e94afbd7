package dev.cloudshift.core.translate;

import dev.cloudshift.core.plan.PlannedResource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every instance, in every environment, of one resource block of the source ({@code aws_ecs_service.service} with
 * its {@code ["backend"]} and {@code ["frontend"]} instances in dev and prod). {@code multi} when the source used
 * count or for_each: the target resource then uses for_each over the same keys.
 */
final class SourceGroup {

    final String key;
    final String type;
    final String name;
    final Map<Inst, PlannedResource> instances = new LinkedHashMap<>();
    boolean multi;

    SourceGroup(String key, String type, String name) {
        this.key = key;
        this.type = type;
        this.name = name;
    }

    /**
     * {@code module.network.aws_subnet.private[0]} -> [module.network.aws_subnet.private, 0];
     * {@code aws_ecs_service.service["backend"]} -> [aws_ecs_service.service, backend]; an address without a trailing
     * index -> [address, null]. The index is the last {@code [...]} (it holds no {@code ]}), quotes removed.
     */
    static String[] split(String address) {
        int n = address.length();
        if (n < 2 || address.charAt(n - 1) != ']') {
            return new String[] {address, null};
        }
        // the index starts at the first '[' after the last ']' before the closing one
        int open = -1;
        for (int i = n - 2; i >= 0; i--) {
            char c = address.charAt(i);
            if (c == ']') {
                break;
            }
            if (c == '[') {
                open = i;
            }
        }
        if (open < 0) {
            return new String[] {address, null};
        }
        boolean quoted = n - 2 >= open + 2 && address.charAt(open + 1) == '"' && address.charAt(n - 2) == '"';
        String key = quoted ? address.substring(open + 2, n - 2) : address.substring(open + 1, n - 1);
        return new String[] {address.substring(0, open), key};
    }

    /** The last label of a base address: {@code module.network.aws_subnet.private} -> private. */
    static String nameOf(String base) {
        int dot = base.lastIndexOf('.');
        return dot < 0 ? base : base.substring(dot + 1);
    }

    private String modulePrefix;

    /** {@link Translation#modulePrefix} of this block's key, computed once. */
    String modulePrefix() {
        if (modulePrefix == null) {
            modulePrefix = Translation.modulePrefix(key);
        }
        return modulePrefix;
    }

    PlannedResource first() {
        return instances.values().iterator().next();
    }

    /** The first instance of one environment (any key), or null. */
    PlannedResource in(String environment) {
        for (Map.Entry<Inst, PlannedResource> e : instances.entrySet()) {
            if (e.getKey().environment().equals(environment)) {
                return e.getValue();
            }
        }
        return null;
    }
}
