package dev.cloudshift.core.plan;

import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges what each reader found into one set of environments. Every source has an optional {@code default}
 * part (a compose base file, a plain {@code .env}, Terraform without tfvars) and named parts ({@code
 * dev.tfvars}, {@code docker-compose.prod.yml}, {@code .env.prod}). The environments are the union of the
 * named parts, plus {@code default} when some source has a default part and Terraform does not name its
 * own environments (tfvars define the environments of a Terraform project; then compose and .env default
 * parts apply to each of them). For each environment every source contributes its named part, or else its
 * default part.
 */
final class EnvironmentSources {

    /** One source's parts, keyed by environment name ({@link EnvironmentNames#DEFAULT} for the default part). */
    static final class Source {
        final String kind;
        final Map<String, List<Resource>> resources = new LinkedHashMap<>();
        final Map<String, List<ConfigEntry>> config = new LinkedHashMap<>();
        /** True for Terraform with tfvars: its named environments replace the default environment. */
        final boolean definesEnvironments;

        Source(String kind, boolean definesEnvironments) {
            this.kind = kind;
            this.definesEnvironments = definesEnvironments;
        }

        Source add(String env, List<Resource> rs, List<ConfigEntry> cs) {
            String e = EnvironmentNames.canonical(env);
            resources.computeIfAbsent(e, k -> new ArrayList<>()).addAll(rs);
            config.computeIfAbsent(e, k -> new ArrayList<>()).addAll(cs);
            return this;
        }

        Set<String> named() {
            Set<String> s = new LinkedHashSet<>(resources.keySet());
            s.addAll(config.keySet());
            s.remove(EnvironmentNames.DEFAULT);
            return s;
        }

        boolean hasDefault() {
            return !resources.getOrDefault(EnvironmentNames.DEFAULT, List.of()).isEmpty()
                    || !config.getOrDefault(EnvironmentNames.DEFAULT, List.of()).isEmpty();
        }

        String partFor(String env) {
            return named().contains(env) ? env : EnvironmentNames.DEFAULT;
        }
    }

    private final List<Source> sources = new ArrayList<>();

    Source source(String kind, boolean definesEnvironments) {
        Source s = new Source(kind, definesEnvironments);
        sources.add(s);
        return s;
    }

    /** The merged environments: resources and config entries with their environment set to the merged name. */
    Map<String, SourceRead.Environment> merge() {
        Set<String> names = new LinkedHashSet<>();
        boolean terraformNames = false;
        boolean anyDefault = false;
        for (Source s : sources) {
            names.addAll(s.named());
            terraformNames |= s.definesEnvironments && !s.named().isEmpty();
            anyDefault |= s.hasDefault();
        }
        if (anyDefault && !terraformNames) {
            names.add(EnvironmentNames.DEFAULT);
        }
        Map<String, SourceRead.Environment> out = new LinkedHashMap<>();
        for (String env : names) {
            List<Resource> rs = new ArrayList<>();
            List<ConfigEntry> cs = new ArrayList<>();
            for (Source s : sources) {
                String part = s.partFor(env);
                for (Resource r : s.resources.getOrDefault(part, List.of())) {
                    rs.add(new Resource(r.address(), r.type(), r.provider(), r.category(), env, r.attributes(), r.raw(),
                            r.dependsOn(), r.position()));
                }
                for (ConfigEntry c : s.config.getOrDefault(part, List.of())) {
                    cs.add(new ConfigEntry(env, c.position(), c.owner(), c.key(), c.value(), c.secret(), c.shape()));
                }
            }
            out.put(env, new SourceRead.Environment(rs, cs));
        }
        return out;
    }
}
