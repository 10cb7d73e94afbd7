package dev.cloudshift.core.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the resources of a written plan.json (the contract of issue 2) back as cost inputs per environment, so
 * that a plan can be priced without reading the project again.
 */
public final class PlanJsonInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a plan.json holds for pricing: its target and the inputs of every environment, in plan order. */
    public record Contents(String target, Map<String, List<CostInput>> environments) {
    }

    private PlanJsonInput() {
    }

    public static Contents read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            throw new IllegalArgumentException(file + ":" + (loc == null ? 1 : loc.getLineNr()) + ":"
                    + (loc == null ? 1 : loc.getColumnNr()) + ": expected plan.json (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.has("resources") || !root.get("resources").isArray()) {
            throw new IllegalArgumentException(file + ":1:1: expected a plan.json with a `resources` array");
        }
        Map<String, List<CostInput>> envs = new LinkedHashMap<>();
        for (JsonNode e : root.path("environments")) {
            envs.put(e.asText(), new ArrayList<>());
        }
        for (JsonNode r : root.get("resources")) {
            String env = r.path("environment").asText("default");
            String type = r.path("type").asText();
            String provider = r.hasNonNull("provider") ? r.get("provider").asText() : Resource.providerOf(type);
            @SuppressWarnings("unchecked")
            Map<String, Object> attrs = r.has("attributes") ? JSON.convertValue(r.get("attributes"), Map.class) : Map.of();
            List<String> deps = new ArrayList<>();
            r.path("depends_on").forEach(d -> deps.add(d.asText()));
            Resource res = new Resource(r.path("address").asText(), type, provider, r.path("category").asText(null),
                    env, attrs, Map.of(), deps, SourcePosition.ofFile(file.getFileName().toString()));
            CostInput in;
            if (r.has("target")) {
                List<String> types = new ArrayList<>();
                r.get("target").path("resource_types").forEach(t -> types.add(t.asText()));
                in = new CostInput(res, r.get("target").path("service").asText(null), types, null,
                        r.get("target").path("absorbed_by").asText(null));
            } else if (r.has("unmapped")) {
                in = new CostInput(res, null, List.of(), r.get("unmapped").path("reason").asText("unmapped"));
            } else {
                in = CostInput.sourceOnly(res);
            }
            envs.computeIfAbsent(env, k -> new ArrayList<>()).add(in);
        }
        return new Contents(root.hasNonNull("target") ? root.get("target").asText() : null, envs);
    }
}
