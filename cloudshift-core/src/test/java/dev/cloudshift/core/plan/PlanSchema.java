package dev.cloudshift.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** docs/plan.schema.json loaded into a real JSON Schema (draft 2020-12) validator. */
final class PlanSchema {

    static final Path SCHEMA_FILE = Path.of("..", "docs", "plan.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    private PlanSchema() {
    }

    static synchronized JsonSchema schema() {
        if (schema == null) {
            try {
                JsonNode node = JSON.readTree(Files.readString(SCHEMA_FILE));
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }

    /** The validation problems of {@code json}, one per line; empty when valid. */
    static String problems(String json) {
        try {
            Set<ValidationMessage> errors = schema().validate(JSON.readTree(json));
            return errors.stream().map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "not JSON: " + e.getMessage();
        }
    }
}
