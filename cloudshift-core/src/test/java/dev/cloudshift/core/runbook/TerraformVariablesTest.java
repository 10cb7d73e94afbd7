package dev.cloudshift.core.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.plan.ProjectInventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TerraformVariables#of} (from what planning evaluated) gives exactly what {@link TerraformVariables#read}
 * (evaluating the project again) gives: same environments, names, prefixes and masked values.
 */
class TerraformVariablesTest {

    private static Planner planner;

    @BeforeAll
    static void planner() {
        planner = new Planner(KnowledgeBase.load());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-container-platform", "aws-serverless-platform", "azure-webapp", "compose-backend",
            "gcp-service"})
    void fromThePlannedInventoryEqualsReadingAgain(String example) {
        Path dir = Path.of("..", "examples", example);
        ProjectInventory inventory = planner.inventory(dir, List.of());

        Map<String, Map<String, Object>> of = TerraformVariables.of(inventory, inventory.environmentNames());

        assertThat(of).isEqualTo(TerraformVariables.read(dir, inventory.environmentNames()));
    }

    @Test
    void onlyTheSelectedEnvironments() {
        Path dir = Path.of("..", "examples", "aws-serverless-platform");
        ProjectInventory inventory = planner.inventory(dir, List.of("staging"));

        Map<String, Map<String, Object>> of = TerraformVariables.of(inventory, inventory.environmentNames());

        assertThat(of).containsOnlyKeys("staging").isNotEmpty();
        assertThat(of.get("staging")).isNotEmpty();
        assertThat(of).isEqualTo(TerraformVariables.read(dir, List.of("staging")));
    }

    @Test
    void twoRootModulesArePrefixedAndSecretsMasked(@TempDir Path dir) throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        Path net = Files.createDirectories(dir.resolve("network"));
        Files.writeString(app.resolve("main.tf"), """
                variable "db_password" {
                  type = string
                }
                variable "sizes" {
                  default = { web = 2, worker = 1 }
                }
                resource "aws_s3_bucket" "assets" {
                  bucket = "assets"
                }
                """);
        Files.writeString(app.resolve("prod.tfvars"), "db_password = \"hunter2-prod\"\nsizes = { web = 4, worker = 2 }\n");
        Files.writeString(net.resolve("main.tf"), """
                variable "cidr" {
                  default = "10.0.0.0/16"
                }
                resource "aws_vpc" "main" {
                  cidr_block = var.cidr
                }
                """);
        ProjectInventory inventory = planner.inventory(dir, List.of());

        Map<String, Map<String, Object>> of = TerraformVariables.of(inventory, inventory.environmentNames());

        assertThat(of).isEqualTo(TerraformVariables.read(dir, inventory.environmentNames()));
        assertThat(of.get("prod")).containsEntry("app/db_password", TerraformVariables.SENSITIVE)
                .containsKey("app/sizes.web");
        assertThat(String.valueOf(of.get("prod").get("app/sizes.web"))).isEqualTo("4");
        assertThat(of.values().toString()).doesNotContain("hunter2");
    }
}
