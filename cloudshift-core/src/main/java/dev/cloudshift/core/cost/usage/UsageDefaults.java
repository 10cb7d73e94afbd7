package dev.cloudshift.core.cost.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-environment usage assumptions ({@code catalog/usage-defaults.yaml}), optionally overlaid by a user file
 * of the same shape ({@code --usage FILE}).
 */
public final class UsageDefaults {

    public static final String RESOURCE = "catalog/usage-defaults.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> aliases;
    private final Map<String, Map<String, UsageRange>> profiles;

    private UsageDefaults(Map<String, String> aliases, Map<String, Map<String, UsageRange>> profiles) {
        this.aliases = aliases;
        this.profiles = profiles;
    }

    public static UsageDefaults bundled() {
        try (InputStream in = UsageDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            UsageDefaults d = new UsageDefaults(new LinkedHashMap<>(), new LinkedHashMap<>());
            d.merge(YAML.readTree(in), RESOURCE);
            return d;
        } catch (IOException e) {
            throw new UsageFileException(RESOURCE + ": " + e.getMessage());
        }
    }

    /** The bundled defaults with {@code file} on top (only the keys it gives change). */
    public static UsageDefaults withOverride(Path file) {
        UsageDefaults d = bundled();
        if (file == null) {
            return d;
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageFileException(file + ": no such usage file (give a YAML file with `profiles:`)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode n = YAML.readTree(in);
            if (n == null || !n.isObject()) {
                throw new UsageFileException(file + ":1:1: expected a mapping with `profiles:`");
            }
            d.merge(n, file.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            throw new UsageFileException(file + ":" + (loc == null ? 1 : loc.getLineNr()) + ":"
                    + (loc == null ? 1 : loc.getColumnNr()) + ": expected YAML (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UsageFileException(file + ": cannot read: " + e.getMessage());
        }
        return d;
    }

    private void merge(JsonNode root, String name) {
        JsonNode al = root.path("aliases");
        for (Iterator<Map.Entry<String, JsonNode>> it = al.fields(); it.hasNext();) {
            var e = it.next();
            aliases.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText());
        }
        JsonNode ps = root.path("profiles");
        if (!ps.isMissingNode() && !ps.isObject()) {
            throw new UsageFileException(name + ": expected `profiles:` to be a mapping of profile name to values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ps.fields(); it.hasNext();) {
            var p = it.next();
            Map<String, UsageRange> values = profiles.computeIfAbsent(p.getKey(), k -> new LinkedHashMap<>());
            for (Iterator<Map.Entry<String, JsonNode>> vs = p.getValue().fields(); vs.hasNext();) {
                var v = vs.next();
                values.put(v.getKey(), range(v.getValue(), name, p.getKey() + "." + v.getKey()));
            }
        }
    }

    private static UsageRange range(JsonNode n, String file, String key) {
        if (n.isNumber()) {
            return UsageRange.exact(n.decimalValue());
        }
        if (n.isObject() && n.has("low") && n.has("high")) {
            BigDecimal lo = num(n.get("low"), file, key + ".low");
            BigDecimal hi = num(n.get("high"), file, key + ".high");
            BigDecimal typ = n.has("typical") ? num(n.get("typical"), file, key + ".typical")
                    : lo.add(hi).divide(BigDecimal.valueOf(2));
            if (lo.compareTo(hi) > 0) {
                throw new UsageFileException(file + ": " + key + ": expected low <= high");
            }
            return new UsageRange(lo, typ, hi);
        }
        throw new UsageFileException(file + ": " + key + ": expected a number or {low, typical, high}");
    }

    private static BigDecimal num(JsonNode n, String file, String key) {
        if (n == null || !n.isNumber()) {
            throw new UsageFileException(file + ": " + key + ": expected a number");
        }
        return n.decimalValue();
    }

    /** The profile for an environment: its own (or its alias's) values over {@code default}. */
    public UsageProfile forEnvironment(String environment) {
        String env = environment == null ? "default" : environment.toLowerCase(Locale.ROOT);
        String name = profiles.containsKey(env) ? env : aliases.getOrDefault(env, "default");
        if (!profiles.containsKey(name)) {
            name = "default";
        }
        Map<String, UsageRange> merged = new LinkedHashMap<>(profiles.getOrDefault("default", Map.of()));
        merged.putAll(profiles.getOrDefault(name, Map.of()));
        if (profiles.containsKey(env) && !env.equals(name)) {
            merged.putAll(profiles.get(env));
        }
        return new UsageProfile(name, merged);
    }
}
