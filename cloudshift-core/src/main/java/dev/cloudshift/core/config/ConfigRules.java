package dev.cloudshift.core.config;

import dev.cloudshift.core.kb.ClasspathRuleFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The data of {@code catalog/config-rules.yaml}. */
public record ConfigRules(List<Rule> rules, Map<String, SecretReference> secretReferences) {

    public static final String RESOURCE = "catalog/config-rules.yaml";

    /** An extra setting named prefix + suffix; {@code roles} empty means every role. */
    public record Setting(String suffix, String value, boolean secret, Set<String> roles) {
    }

    /** What one target requires for endpoints of some kinds. */
    public record Rule(Set<String> kinds, String target, Pattern serviceMatches, String host, int port, String scheme,
                       Map<String, String> query, String endpoint, String bucket, boolean clientChange,
                       List<Setting> settings, String urlSecret, String reason) {
    }

    /** How a secret is referenced on a target. */
    public record SecretReference(String to, String reason) {
    }

    private static volatile ConfigRules defaults;

    public static ConfigRules defaults() {
        ConfigRules r = defaults;
        if (r == null) {
            r = ClasspathRuleFile.load(RESOURCE, ConfigRules::load);
            defaults = r;
        }
        return r;
    }

    public static ConfigRules load(InputStream yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        List<Rule> rules = new ArrayList<>();
        for (JsonNode n : root.path("rules")) {
            Set<String> kinds = new java.util.LinkedHashSet<>();
            if (n.path("kind").isArray()) {
                n.path("kind").forEach(k -> kinds.add(k.asText()));
            } else {
                kinds.add(n.path("kind").asText());
            }
            Map<String, String> query = new LinkedHashMap<>();
            n.path("query").fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue().asText()));
            List<Setting> settings = new ArrayList<>();
            for (JsonNode s : n.path("settings")) {
                Set<String> roles = new java.util.LinkedHashSet<>();
                s.path("roles").forEach(x -> roles.add(x.asText()));
                settings.add(new Setting(s.path("suffix").asText(), s.path("value").asText(), s.path("secret").asBoolean(false), Set.copyOf(roles)));
            }
            String sm = n.path("service_matches").asText(null);
            rules.add(new Rule(Set.copyOf(kinds), n.path("target").asText().toLowerCase(Locale.ROOT), sm == null ? null : Pattern.compile(sm),
                    n.path("host").asText(null), n.path("port").asInt(-1), n.path("scheme").asText(null), query,
                    n.path("endpoint").asText(null), n.path("bucket").asText(null), n.path("client_change").asBoolean(false),
                    List.copyOf(settings), n.path("url_secret").asText(null), n.path("reason").asText("")));
        }
        Map<String, SecretReference> refs = new LinkedHashMap<>();
        root.path("secret_references").fields().forEachRemaining(e ->
                refs.put(e.getKey(), new SecretReference(e.getValue().path("to").asText(), e.getValue().path("reason").asText(""))));
        return new ConfigRules(List.copyOf(rules), refs);
    }

    /** The first rule for {@code kind} on {@code target} whose service pattern accepts {@code mappedService}. */
    public Optional<Rule> ruleFor(String kind, String target, String mappedService) {
        for (Rule r : rules) {
            if (!r.kinds().contains(kind) || !r.target().equals(target)) {
                continue;
            }
            if (r.serviceMatches() != null && (mappedService == null || !r.serviceMatches().matcher(mappedService).find())) {
                continue;
            }
            return Optional.of(r);
        }
        return Optional.empty();
    }
}
