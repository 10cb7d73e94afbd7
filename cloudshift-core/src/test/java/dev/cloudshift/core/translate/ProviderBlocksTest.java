package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.HclParser;
import dev.cloudshift.hcl.ast.Attribute;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.Body;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * providers.tf declares exactly the providers the generated resources use: every {@code provider = x} of a resource
 * has a required_providers entry and a provider block (google-beta with the project and region variables), and a
 * provider nothing uses is not declared.
 */
class ProviderBlocksTest {

    @BeforeAll
    static void planner() {
        GoldenTerraformTest.loadKnowledgeBase();
    }

    @Test
    void everyProviderAResourceSelectsIsDeclaredInEveryGoldenCase() throws IOException {
        List<String> problems = new ArrayList<>();
        int withBeta = 0;
        for (String name : GoldenTerraformTest.cases().toList()) {
            Path dir = GoldenTerraformTest.GOLDEN.resolve(name);
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve("case.properties"))) {
                p.load(in);
            }
            Path input = p.getProperty("example") != null ? GoldenTerraformTest.EXAMPLES.resolve(p.getProperty("example"))
                    : dir.resolve("input");
            List<String> envs = p.getProperty("env", "").isBlank() ? List.of()
                    : Arrays.stream(p.getProperty("env").split(",")).map(String::trim).toList();
            TerraformOutput out = GoldenTerraformTest.translate(input, p.getProperty("target"), envs);
            if (out.isEmpty()) {
                continue;
            }
            Set<String> selected = new TreeSet<>();
            for (Map.Entry<String, String> f : out.files().entrySet()) {
                if (f.getKey().endsWith(".tf")) {
                    for (Block b : HclParser.parse(f.getKey(), f.getValue()).body().blocks("resource")) {
                        Attribute a = b.body().attribute("provider");
                        if (a != null) {
                            selected.add(TranslationFixture.text(a));
                        }
                    }
                }
            }
            Body providers = HclParser.parse("providers.tf", out.files().get("providers.tf")).body();
            Set<String> required = new TreeSet<>();
            providers.blocks("terraform").get(0).body().blocks("required_providers").get(0).body().attributes()
                    .forEach(a -> required.add(a.name()));
            Set<String> blocks = new TreeSet<>();
            providers.blocks("provider").forEach(b -> blocks.add(b.label(0)));
            for (String s : selected) {
                if (!required.contains(s) || !blocks.contains(s)) {
                    problems.add(name + ": resources select provider " + s + " but providers.tf declares " + required + " / " + blocks);
                }
            }
            if (required.contains("google-beta") && !selected.contains("google-beta")) {
                problems.add(name + ": google-beta declared but no resource uses it");
            }
            withBeta += selected.contains("google-beta") ? 1 : 0;
        }
        assertThat(problems).isEmpty();
        assertThat(withBeta).as("golden cases with beta-only resources").isPositive();
    }

    @Test
    void theBetaProviderGetsTheProjectAndRegionVariablesOnlyWhenABetaResourceExists(@TempDir Path dir) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.tf", """
                resource "aws_apigatewayv2_api" "public" {
                  name          = "shop-api"
                  protocol_type = "HTTP"
                }
                """);
        TranslationFixture.Result beta = TranslationFixture.translate(dir.resolve("beta"), "gcp", files).assertValid();
        Block provider = beta.parsed("providers.tf").blocks("provider").stream().filter(b -> b.label(0).equals("google-beta"))
                .findFirst().orElseThrow();
        assertThat(TranslationFixture.text(provider.body().attribute("project"))).isEqualTo("var.project_id");
        assertThat(TranslationFixture.text(provider.body().attribute("region"))).isEqualTo("var.region");
        assertThat(beta.file("providers.tf")).contains("source  = \"hashicorp/google-beta\"");

        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("main.tf", """
                resource "aws_sqs_queue" "jobs" {
                  name = "jobs"
                }
                """);
        TranslationFixture.Result noBeta = TranslationFixture.translate(dir.resolve("plain"), "gcp", plain).assertValid();
        assertThat(noBeta.file("providers.tf")).doesNotContain("google-beta");
    }
}
