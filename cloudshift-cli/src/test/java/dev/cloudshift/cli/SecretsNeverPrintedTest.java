package dev.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants secrets in every place a project keeps them (a sensitive tfvars variable, a tfvars value of a
 * variable named like a token, .env values, compose environment values and a credential inside a URL, a
 * malformed line holding a secret) and searches every output file, stdout and stderr of plan and inventory
 * for them.
 */
class SecretsNeverPrintedTest {

    static final List<String> SECRETS = List.of(
            "Sup3rS3cretDbPassw0rd-planted-1",
            "tok_planted_9f8e7d6c5b4a",
            "dotenv-planted-secret-key-777",
            "AKIAPLANTED0000EXAMPLE",
            "urlpassPlanted42",
            "composePlantedPass-31337",
            "brokenLinePlanted-xyz");

    @TempDir
    Path tmp;

    @Test
    void plantedSecretsAppearInNoOutput() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve("main.tf"), """
                variable "db_password" {
                  type      = string
                  sensitive = true
                }

                variable "api_token" {
                  type = string
                }

                resource "aws_db_instance" "main" {
                  identifier     = "shop"
                  engine         = "postgres"
                  engine_version = "15.4"
                  instance_class = "db.t3.micro"
                  username       = "shop"
                  password       = var.db_password
                }

                resource "aws_ssm_parameter" "token" {
                  name  = "/shop/api-token"
                  type  = "SecureString"
                  value = var.api_token
                }

                resource "aws_ecs_task_definition" "api" {
                  family = "api"
                  container_definitions = jsonencode([{
                    name  = "api"
                    image = "shop/api:1"
                    environment = [
                      { name = "DB_PASSWORD", value = var.db_password },
                      { name = "API_TOKEN", value = var.api_token },
                    ]
                  }])
                }
                """);
        Files.writeString(project.resolve("prod.tfvars"), """
                db_password = "Sup3rS3cretDbPassw0rd-planted-1"
                api_token   = "tok_planted_9f8e7d6c5b4a"
                """);
        Files.writeString(project.resolve(".env"), """
                SECRET_KEY=dotenv-planted-secret-key-777
                AWS_ACCESS_KEY_ID=AKIAPLANTED0000EXAMPLE
                DATABASE_URL=postgresql://shop:urlpassPlanted42@db.internal:5432/shop
                """);
        Files.writeString(project.resolve("docker-compose.yml"), """
                services:
                  api:
                    build: .
                    environment:
                      POSTGRES_PASSWORD: composePlantedPass-31337
                      DATABASE_URL: postgresql://shop:urlpassPlanted42@db:5432/shop
                    depends_on:
                      - db
                  db:
                    image: postgres:15
                    environment:
                      POSTGRES_PASSWORD: composePlantedPass-31337
                """);
        Files.writeString(project.resolve("broken.tf"), """
                resource "aws_secretsmanager_secret_version" "x" {
                  secret_string = "brokenLinePlanted-xyz" "brokenLinePlanted-xyz"
                }
                """);

        List<CliRun> runs = new ArrayList<>();
        for (String target : List.of("azure", "gcp")) {
            runs.add(CliRun.of("plan", project.toString(), "--to", target, "--out", tmp.resolve("out-" + target).toString()));
        }
        runs.add(CliRun.of("inventory", project.toString()));
        runs.add(CliRun.of("inventory", project.toString(), "--format", "json"));

        for (CliRun run : runs) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            for (String secret : SECRETS) {
                assertThat(run.all()).as("stdout/stderr").doesNotContain(secret);
            }
        }
        List<Path> outputs;
        try (Stream<Path> files = Files.walk(tmp)) {
            outputs = files.filter(Files::isRegularFile).filter(p -> p.startsWith(tmp.resolve("out-azure")) || p.startsWith(tmp.resolve("out-gcp"))).toList();
        }
        // plan.json and plan.md per target, plus the generated Terraform (checked the same way)
        assertThat(outputs.stream().filter(p -> p.getFileName().toString().startsWith("plan."))).hasSize(4);
        assertThat(outputs.stream().filter(p -> p.toString().contains("out-azure/terraform/"))).isNotEmpty();
        for (Path out : outputs) {
            String text = Files.readString(out);
            for (String secret : SECRETS) {
                assertThat(text).as("%s", out.getFileName()).doesNotContain(secret);
            }
        }
        assertThat(runs.get(0).err()).as("the malformed file was read and reported").contains("broken.tf:");
        // the plan still knows these settings exist: the secrets are referenced, not dropped
        String json = Files.readString(tmp.resolve("out-azure/plan.json"));
        assertThat(json).contains("aws_db_instance.main").contains("compose.db");
    }
}
