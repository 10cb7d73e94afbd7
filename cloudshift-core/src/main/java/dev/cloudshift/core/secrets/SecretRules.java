package dev.cloudshift.core.secrets;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The secret rules as data, loaded from {@code catalog/secret-rules.yaml}: key-name patterns, exclusions,
 * credential-looking value patterns, the high-entropy threshold and the names of secret URL/connection
 * string parameters.
 */
public record SecretRules(
        List<Pattern> keyPatterns,
        List<Pattern> keyExclusions,
        Map<String, Pattern> valuePatterns,
        int entropyMinLength,
        double entropyMinBitsPerChar,
        Pattern entropyCharset,
        Set<String> secretParameters) {

    public static final String RESOURCE = "catalog/secret-rules.yaml";

    private static volatile SecretRules defaults;

    /** The rules shipped in {@value #RESOURCE}, loaded once. */
    public static SecretRules defaults() {
        SecretRules r = defaults;
        if (r == null) {
            r = ClasspathRuleFile.load(RESOURCE, SecretRules::load);
            defaults = r;
        }
        return r;
    }

    /** Reads rules from YAML in the layout of {@value #RESOURCE}. */
    public static SecretRules load(InputStream yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        List<Pattern> keys = new ArrayList<>();
        root.path("key_patterns").forEach(n -> keys.add(Pattern.compile(n.asText())));
        List<Pattern> exclusions = new ArrayList<>();
        root.path("key_exclusions").forEach(n -> exclusions.add(Pattern.compile(n.asText())));
        Map<String, Pattern> values = new LinkedHashMap<>();
        root.path("value_patterns").fields().forEachRemaining(e -> values.put(e.getKey(), Pattern.compile(e.getValue().asText())));
        JsonNode entropy = root.path("high_entropy");
        Set<String> params = new TreeSet<>();
        root.path("secret_parameters").forEach(n -> params.add(n.asText().toLowerCase(Locale.ROOT)));
        return new SecretRules(List.copyOf(keys), List.copyOf(exclusions), Map.copyOf(values),
                entropy.path("min_length").asInt(20), entropy.path("min_bits_per_char").asDouble(3.7),
                Pattern.compile(entropy.path("charset").asText("[A-Za-z0-9+/=_-]+")), Set.copyOf(params));
    }
}
