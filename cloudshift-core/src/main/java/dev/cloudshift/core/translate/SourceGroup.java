package dev.cloudshift.core.translate;

import dev.cloudshift.core.plan.PlannedResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every instance, in every environment, of one resource block of the source ({@code aws_ecs_service.service} with
 * its {@code ["backend"]} and {@code ["frontend"]} instances in dev and prod). {@code multi} when the source used
 * count or for_each: the target resource then uses for_each over the same keys.
 */
final class SourceGroup {

    private static final Pattern INSTANCE = Pattern.compile("^(.*?)(?:\\[(\"?)([^\\]]*?)\\2\\])?$");

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

    /** {@code module.network.aws_subnet.private[0]} -> [module.network.aws_subnet.private, 0]. */
    static String[] split(String address) {
        Matcher m = INSTANCE.matcher(address);
        if (!m.matches()) {
            return new String[] {address, null};
        }
        return new String[] {m.group(1), m.group(3)};
    }

    /** The last label of a base address: {@code module.network.aws_subnet.private} -> private. */
    static String nameOf(String base) {
        int dot = base.lastIndexOf('.');
        return dot < 0 ? base : base.substring(dot + 1);
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
