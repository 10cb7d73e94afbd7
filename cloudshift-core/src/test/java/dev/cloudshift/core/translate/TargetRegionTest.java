package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.region.TargetRegions;
import dev.cloudshift.hcl.ast.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target location/region comes from the source region through catalog/translate/regions.yaml. */
class TargetRegionTest {

    private static final Set<String> RESTRICTED_AZURE = Set.of("germanynorth", "norwaywest", "switzerlandwest", "francesouth",
            "uaecentral", "southafricawest", "australiacentral2", "westindia", "jioindiawest", "jioindiacentral");

    @Test
    void everyMappedRegionIsARegionOfTheTargetCloudAndEveryRowCoversBothOtherClouds() {
        Map<String, Map<String, Map<String, String>>> table = TargetRegions.table();
        assertThat(table.keySet()).containsExactlyInAnyOrder("aws", "azure", "gcp");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<String, String>>> cloud : table.entrySet()) {
            for (Map.Entry<String, Map<String, String>> row : cloud.getValue().entrySet()) {
                for (String other : table.keySet()) {
                    if (other.equals(cloud.getKey())) {
                        continue;
                    }
                    String target = row.getValue().get(other);
                    if (target == null || !table.get(other).containsKey(target)) {
                        problems.add(cloud.getKey() + " " + row.getKey() + " -> " + other + " " + target);
                    } else if (other.equals("azure") && RESTRICTED_AZURE.contains(target)) {
                        problems.add(cloud.getKey() + " " + row.getKey() + " -> restricted azure region " + target);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(table.get("aws")).hasSizeGreaterThanOrEqualTo(30);
        assertThat(table.get("azure")).hasSizeGreaterThanOrEqualTo(55);
        assertThat(table.get("gcp")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(TargetRegions.nearest("aws", "us-east-1", "azure")).isEqualTo("eastus");
        assertThat(TargetRegions.nearest("aws", "us-east-1", "gcp")).isEqualTo("us-east4");
        assertThat(TargetRegions.nearest("aws", "eu-west-1", "azure")).isEqualTo("northeurope");
        assertThat(TargetRegions.nearest("aws", "eu-west-1", "gcp")).isEqualTo("europe-west1");
    }

    static Map<String, String> awsProject(String devRegion, String prodRegion) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.tf", """
                variable "region" {
                  type = string
                }

                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }

                resource "aws_subnet" "a" {
                  vpc_id            = aws_vpc.main.id
                  cidr_block        = "10.0.1.0/24"
                  availability_zone = "${var.region}a"
                }
                """);
        files.put("dev.tfvars", "region = \"" + devRegion + "\"\n");
        files.put("prod.tfvars", "region = \"" + prodRegion + "\"\n");
        return files;
    }

    @Test
    void anIrishSourceLandsInNorthEuropeAndEuropeWest1AsTheVariableDefault(@TempDir Path dir) throws Exception {
        TranslationFixture.Result azure = TranslationFixture.translate(dir.resolve("azure"), "azure", awsProject("eu-west-1", "eu-west-1"))
                .assertValid();
        assertThat(azure.file("dev.tfvars")).containsPattern("(?m)^location += \"northeurope\"$");
        assertThat(azure.file("prod.tfvars")).containsPattern("(?m)^location += \"northeurope\"$");
        assertThat(defaultOf(azure, "location")).isEqualTo("\"northeurope\"");
        TranslationFixture.Result gcp = TranslationFixture.translate(dir.resolve("gcp"), "gcp", awsProject("eu-west-1", "eu-west-1"))
                .assertValid();
        assertThat(defaultOf(gcp, "region")).isEqualTo("\"europe-west1\"");
        assertThat(gcp.out().todos()).extracting(Todo::reason).noneMatch(s -> s.contains("regions.yaml"));
    }

    @Test
    void environmentsInDifferentRegionsGetTheirOwnTargetAndNoDefault(@TempDir Path dir) throws Exception {
        TranslationFixture.Result r = TranslationFixture.translate(dir, "gcp", awsProject("us-east-1", "ap-northeast-1")).assertValid();
        assertThat(r.file("dev.tfvars")).containsPattern("(?m)^region += \"us-east4\"$");
        assertThat(r.file("prod.tfvars")).containsPattern("(?m)^region += \"asia-northeast1\"$");
        assertThat(defaultOf(r, "region")).isNull();
    }

    @Test
    void anUnknownSourceRegionKeepsTheDefaultWithAWarning(@TempDir Path dir) throws Exception {
        TranslationFixture.Result r = TranslationFixture.translate(dir, "gcp", awsProject("eu-northwest-1", "eu-northwest-1")).assertValid();
        assertThat(r.file("dev.tfvars")).containsPattern("(?m)^region += \"us-central1\"$");
        Todo todo = r.out().todos().stream().filter(t -> t.reason().contains("eu-northwest-1")).findFirst().orElseThrow();
        assertThat(todo.reason()).contains("regions.yaml").contains("us-central1");
        assertThat(todo.file()).isEqualTo("providers.tf");
        assertThat(r.file("providers.tf").split("\n", -1)[todo.line() - 1]).contains("TODO(cloudshift)").contains("eu-northwest-1");
    }

    /** The default of a variable in variables.tf as written, or null. */
    private static String defaultOf(TranslationFixture.Result r, String name) {
        for (Block b : r.parsed("variables.tf").blocks("variable")) {
            if (b.label(0).equals(name)) {
                return b.body().attribute("default") == null ? null : TranslationFixture.text(b.body().attribute("default"));
            }
        }
        throw new AssertionError("no variable " + name);
    }
}
