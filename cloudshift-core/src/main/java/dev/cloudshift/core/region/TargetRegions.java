package dev.cloudshift.core.region;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cloudshift.core.model.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source region of each environment, read from the source resources (AWS: region codes, ARNs and availability
 * zones in attribute values; Azure: {@code location}; Google Cloud: {@code region}/{@code location} and zones), mapped
 * to the nearest target region by {@code catalog/translate/regions.yaml}. The one place that decides the target region
 * of an environment: the Terraform translation writes it as the region variable (default and tfvars values) and the
 * cost estimate prices the target side there.
 */
public final class TargetRegions {

    /** One environment's finding: the source region and its target (null when regions.yaml has no entry). */
    public record Found(String cloud, String source, String target) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** An AWS region code anywhere in a value: alone, in an ARN, an availability zone or a JSON document. */
    private static final Pattern AWS_REGION = Pattern.compile(
            "(?<![a-z0-9])([a-z]{2}(?:-gov)?-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\\d)[a-z]?(?![a-z0-9])");
    /** Enough evidence: an environment's scan stops after this many region codes. */
    private static final int ENOUGH = 50;
    private static final Pattern GCP_REGION = Pattern.compile("^([a-z]+-[a-z]+\\d+)(?:-[a-z])?$");
    private static volatile Map<String, Map<String, Map<String, String>>> table;

    private TargetRegions() {
    }

    /** regions.yaml: source cloud -> source region -> (target cloud -> region). */
    public static Map<String, Map<String, Map<String, String>>> table() {
        if (table == null) {
            try (InputStream in = TargetRegions.class.getClassLoader().getResourceAsStream("catalog/translate/regions.yaml")) {
                if (in == null) {
                    throw new IllegalStateException("catalog/translate/regions.yaml is missing");
                }
                Map<String, Map<String, Map<String, String>>> t = new LinkedHashMap<>();
                YAML.readTree(in).fields().forEachRemaining(cloud -> {
                    Map<String, Map<String, String>> regions = new LinkedHashMap<>();
                    cloud.getValue().fields().forEachRemaining(r -> {
                        Map<String, String> targets = new LinkedHashMap<>();
                        r.getValue().fields().forEachRemaining(x -> targets.put(x.getKey(), x.getValue().asText()));
                        regions.put(r.getKey(), targets);
                    });
                    t.put(cloud.getKey(), regions);
                });
                table = t;
            } catch (IOException e) {
                throw new IllegalStateException("catalog/translate/regions.yaml: " + e.getMessage(), e);
            }
        }
        return table;
    }

    /** The nearest target region of a source region, or null when regions.yaml has none. */
    public static String nearest(String sourceCloud, String region, String targetCloud) {
        Map<String, String> row = table().getOrDefault(sourceCloud, Map.of()).get(region);
        return row == null ? null : row.get(targetCloud);
    }

    /**
     * Per environment with a recognisable source region: what was found (the most frequent region of that environment).
     *
     * @param resources the source resources (of any environments; those of {@code target}'s own cloud are not counted)
     * @param target    the target cloud, or null to find only the source regions
     */
    public static Map<String, Found> of(Iterable<Resource> resources, String target) {
        return find(resources, target, Resource::environment);
    }

    /**
     * What the resources of one environment show, or null when none states a recognisable source region: the same
     * answer as {@link #of} gives for that environment.
     */
    public static Found ofEnvironment(Iterable<Resource> resources, String target) {
        return find(resources, target, r -> "").get("");
    }

    /**
     * The region code of a region-like value of a cloud: an AWS availability zone ({@code eu-west-1a}) or a Google
     * Cloud zone ({@code europe-west1-b}) gives its region; any other value is returned as it is.
     */
    public static String regionOf(String cloud, String value) {
        if (value == null) {
            return null;
        }
        Matcher m = "aws".equals(cloud) ? AWS_REGION.matcher(value) : "gcp".equals(cloud) ? GCP_REGION.matcher(value) : null;
        return m != null && m.matches() ? m.group(1) : value;
    }

    private static Map<String, Found> find(Iterable<Resource> resources, String target, Function<Resource, String> envOf) {
        // per environment, in the order first seen: the region counts, their sum and the first source cloud
        Map<String, Seen> seen = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, String>>> table = table();
        for (Resource r : resources) {
            String cloud = r.provider();
            if (cloud.equals(target) || !table.containsKey(cloud)) {
                continue;
            }
            String env = envOf.apply(r);
            Seen e = seen.get(env);
            if (e == null) {
                e = new Seen(cloud);
                seen.put(env, e);
            }
            // the source attributes as read; a resource read back from plan.json has only its normalised attributes
            Map<String, Object> values = r.raw().isEmpty() ? r.attributes() : r.raw();
            Map<String, Integer> c = e.counts;
            switch (cloud) {
                case "aws" -> {
                    if (e.total < ENOUGH) {
                        e.total += walkAws(values, c, 0);
                    }
                }
                case "azure" -> {
                    Object location = values.containsKey("location") ? values.get("location") : values.get("region");
                    if (location instanceof String s && !s.contains("${")) {
                        c.merge(s.toLowerCase(Locale.ROOT).replace(" ", ""), 1, Integer::sum);
                        e.total++;
                    }
                }
                default -> {
                    for (String key : List.of("region", "location", "zone")) {
                        if (values.get(key) instanceof String s) {
                            Matcher m = GCP_REGION.matcher(s);
                            if (m.matches()) {
                                c.merge(m.group(1), 1, Integer::sum);
                                e.total++;
                            }
                        }
                    }
                }
            }
        }
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        Map<String, String> cloudOf = new LinkedHashMap<>();
        seen.forEach((env, e) -> {
            counts.put(env, e.counts);
            cloudOf.put(env, e.cloud);
        });
        Map<String, Found> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
            String cloud = cloudOf.get(e.getKey());
            String best = null;
            int most = 0;
            boolean bestKnown = false;
            for (Map.Entry<String, Integer> c : e.getValue().entrySet()) {
                boolean known = table().get(cloud).containsKey(c.getKey());
                // a region regions.yaml knows wins over an unknown one; then the most frequent, then the first seen
                if (best == null || known && !bestKnown || known == bestKnown && c.getValue() > most) {
                    best = c.getKey();
                    most = c.getValue();
                    bestKnown = known;
                }
            }
            if (best != null) {
                out.put(e.getKey(), new Found(cloud, best, target == null ? null : nearest(cloud, best, target)));
            }
        }
        return out;
    }

    /** What one environment's resources showed so far. */
    private static final class Seen {
        final String cloud;
        final Map<String, Integer> counts = new LinkedHashMap<>();
        int total;

        Seen(String cloud) {
            this.cloud = cloud;
        }
    }

    /**
     * AWS: region codes, ARNs and availability zones anywhere in the attribute values (JSON text included, not parsed);
     * returns how many it counted.
     */
    private static int walkAws(Object v, Map<String, Integer> counts, int depth) {
        if (depth > 8) {
            return 0;
        }
        int found = 0;
        if (v instanceof Map<?, ?> m) {
            for (Object y : m.values()) {
                found += walkAws(y, counts, depth + 1);
            }
        } else if (v instanceof List<?> l) {
            for (Object y : l) {
                found += walkAws(y, counts, depth + 1);
            }
        } else if (v instanceof String s && s.indexOf('-') >= 0) {
            Matcher m = AWS_REGION.matcher(s.length() > 20_000 ? s.substring(0, 20_000) : s);
            while (m.find()) {
                counts.merge(m.group(1), 1, Integer::sum);
                found++;
            }
        }
        return found;
    }
}
