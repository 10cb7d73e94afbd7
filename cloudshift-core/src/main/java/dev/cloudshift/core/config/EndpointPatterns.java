package dev.cloudshift.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The data of {@code catalog/endpoint-patterns.yaml}. */
public record EndpointPatterns(
        Map<String, String> schemes,
        Map<Integer, String> ports,
        List<KeyRule> keys,
        Map<String, String> prefixWords,
        List<HostRule> cloudHosts,
        Map<String, ResourceKind> resourceKinds,
        List<HostRule> engineValues,
        List<String> nameAttributes,
        ContainerKeys containerEnvironment) {

    public static final String RESOURCE = "catalog/endpoint-patterns.yaml";

    /** A key-name rule: regex with an optional named group {@code prefix}, the role, an optional kind. */
    public record KeyRule(Pattern match, String role, String kind) {
    }

    /** Attribute names that hold container environments: maps, lists of name/value objects, JSON text. */
    public record ContainerKeys(java.util.Set<String> maps, java.util.Set<String> nameValueLists, java.util.Set<String> jsonAttributes) {
    }

    /** A regex giving a kind (and for host names the managed service). */
    public record HostRule(Pattern match, String kind, String service) {
    }

    /** How to get the endpoint kind of a resource type: a fixed kind, or an attribute mapped through engine values. */
    public record ResourceKind(String kind, String attribute, String fallback) {
    }

    private static volatile EndpointPatterns defaults;

    public static EndpointPatterns defaults() {
        EndpointPatterns p = defaults;
        if (p == null) {
            try (InputStream in = EndpointPatterns.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + RESOURCE);
                }
                p = load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            defaults = p;
        }
        return p;
    }

    public static EndpointPatterns load(InputStream yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        Map<String, String> schemes = new LinkedHashMap<>();
        root.path("schemes").fields().forEachRemaining(e -> schemes.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().asText()));
        Map<Integer, String> ports = new LinkedHashMap<>();
        root.path("ports").fields().forEachRemaining(e -> ports.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
        List<KeyRule> keys = new ArrayList<>();
        for (JsonNode k : root.path("keys")) {
            keys.add(new KeyRule(Pattern.compile(k.path("match").asText()), k.path("role").asText(), k.path("kind").asText(null)));
        }
        Map<String, String> words = new LinkedHashMap<>();
        root.path("prefix_words").fields().forEachRemaining(e -> words.put(e.getKey(), e.getValue().asText()));
        List<HostRule> hosts = new ArrayList<>();
        for (JsonNode h : root.path("cloud_hosts")) {
            hosts.add(new HostRule(Pattern.compile(h.path("match").asText()), h.path("kind").asText(), h.path("service").asText(null)));
        }
        Map<String, ResourceKind> kinds = new LinkedHashMap<>();
        root.path("resource_kinds").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            kinds.put(e.getKey(), v.isTextual() ? new ResourceKind(v.asText(), null, null)
                    : new ResourceKind(null, v.path("attribute").asText(null), v.path("default").asText(null)));
        });
        List<HostRule> engines = new ArrayList<>();
        for (JsonNode h : root.path("engine_values")) {
            engines.add(new HostRule(Pattern.compile(h.path("match").asText()), h.path("kind").asText(), null));
        }
        List<String> names = new ArrayList<>();
        root.path("name_attributes").forEach(n -> names.add(n.asText()));
        JsonNode ce = root.path("container_environment");
        ContainerKeys containerKeys = new ContainerKeys(texts(ce.path("maps")), texts(ce.path("name_value_lists")), texts(ce.path("json_attributes")));
        return new EndpointPatterns(Map.copyOf(schemes), Map.copyOf(ports), List.copyOf(keys), words, List.copyOf(hosts),
                kinds, List.copyOf(engines), List.copyOf(names), containerKeys);
    }

    private static java.util.Set<String> texts(JsonNode list) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        list.forEach(n -> out.add(n.asText()));
        return java.util.Set.copyOf(out);
    }
}
