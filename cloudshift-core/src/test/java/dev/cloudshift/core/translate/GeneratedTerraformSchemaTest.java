package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.translate.schema.ProviderSchemas;
import dev.cloudshift.core.translate.schema.ReferenceShapes;
import dev.cloudshift.core.translate.schema.SchemaProblem;
import dev.cloudshift.hcl.HclParser;
import dev.cloudshift.hcl.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource block generated for a golden case (every example estate and direction that has rules) uses only
 * resource types, arguments and nested blocks of the target provider version, with its required arguments
 * (catalog/provider-schemas/*.yaml). With {@code -Dterraform.preview=true} the generated files are also written to
 * {@code target/terraform-preview/<case>/} for review.
 */
class GeneratedTerraformSchemaTest {

    @BeforeAll
    static void planner() {
        GoldenTerraformTest.loadKnowledgeBase();
    }

    static List<String> cases() throws IOException {
        return GoldenTerraformTest.cases().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyGeneratedBlockFitsTheProviderSchema(String name) throws IOException {
        Path dir = GoldenTerraformTest.GOLDEN.resolve(name);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("case.properties"))) {
            p.load(in);
        }
        Path input = p.getProperty("example") != null ? GoldenTerraformTest.EXAMPLES.resolve(p.getProperty("example"))
                : dir.resolve("input");
        List<String> envs = p.getProperty("env", "").isBlank() ? List.of()
                : Arrays.stream(p.getProperty("env").split(",")).map(String::trim).toList();
        String target = p.getProperty("target");
        TerraformOutput out = GoldenTerraformTest.translate(input, target, envs);
        if (Boolean.getBoolean("terraform.preview")) {
            Path preview = Path.of("target", "terraform-preview", name);
            if (Files.isDirectory(preview)) {
                try (var old = Files.list(preview)) {
                    for (Path f : old.toList()) {
                        Files.delete(f);
                    }
                }
            }
            Files.createDirectories(preview);
            for (Map.Entry<String, String> f : out.files().entrySet()) {
                Files.writeString(preview.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> f : out.files().entrySet()) {
            if (!f.getKey().endsWith(".tf")) {
                continue;
            }
            ParseResult parsed = HclParser.parse(f.getKey(), f.getValue());
            assertThat(parsed.diagnostics()).as("%s parses", f.getKey()).isEmpty();
            for (SchemaProblem problem : ProviderSchemas.validateFile(parsed.body())) {
                problems.add(problem.toString());
            }
            for (SchemaProblem problem : ReferenceShapes.check(parsed.body())) {
                problems.add(problem.toString());
            }
            parsed.body().blocks("resource").forEach(b -> assertThat(b.label(0))
                    .as("%s writes only %s resources", f.getKey(), target)
                    .startsWith(switch (target) {
                        case "aws" -> "aws_";
                        case "azure" -> "azur";
                        default -> "google_";
                    }));
        }
        assertThat(problems).as("schema problems of the generated Terraform").isEmpty();
    }
}
