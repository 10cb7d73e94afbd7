package dev.cloudshift.core.runbook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The runbook's data files: {@code catalog/effort.yaml} and {@code catalog/rules/{phases,strategy,risks,rollback,
 * checklists,drift}.yaml}, read from the classpath (or given as text in tests).
 */
public record RunbookCatalog(JsonNode effort, JsonNode phases, JsonNode strategy, JsonNode risks, JsonNode rollback,
        JsonNode checklists, JsonNode drift) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The shipped catalog. */
    public static RunbookCatalog bundled() {
        return new RunbookCatalog(resource("catalog/effort.yaml"), resource("catalog/rules/phases.yaml"),
                resource("catalog/rules/strategy.yaml"), resource("catalog/rules/risks.yaml"),
                resource("catalog/rules/rollback.yaml"), resource("catalog/rules/checklists.yaml"),
                resource("catalog/rules/drift.yaml"));
    }

    /** This catalog with one file replaced by YAML text ({@code risks}, {@code drift}, ...); for tests and overrides. */
    public RunbookCatalog with(String part, String yamlText) {
        JsonNode n = parse(part + ".yaml", yamlText);
        return switch (part) {
            case "effort" -> new RunbookCatalog(n, phases, strategy, risks, rollback, checklists, drift);
            case "phases" -> new RunbookCatalog(effort, n, strategy, risks, rollback, checklists, drift);
            case "strategy" -> new RunbookCatalog(effort, phases, n, risks, rollback, checklists, drift);
            case "risks" -> new RunbookCatalog(effort, phases, strategy, n, rollback, checklists, drift);
            case "rollback" -> new RunbookCatalog(effort, phases, strategy, risks, n, checklists, drift);
            case "checklists" -> new RunbookCatalog(effort, phases, strategy, risks, rollback, n, drift);
            case "drift" -> new RunbookCatalog(effort, phases, strategy, risks, rollback, checklists, n);
            default -> throw new IllegalArgumentException("unknown runbook catalog part " + part);
        };
    }

    static JsonNode parse(String name, String text) {
        try {
            JsonNode n = YAML.readTree(text);
            if (n == null || !n.isObject()) {
                throw new RunbookCatalogException(name + ":1:1: expected a mapping at the top level");
            }
            return n;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? name + ":1:1" : name + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new RunbookCatalogException(where + ": " + e.getOriginalMessage());
        }
    }

    private static JsonNode resource(String name) {
        try (InputStream in = RunbookCatalog.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new RunbookCatalogException(name + ": missing from the classpath");
            }
            return parse(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
