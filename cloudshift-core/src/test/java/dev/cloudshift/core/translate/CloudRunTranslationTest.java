package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.ast.Attribute;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.GetAttrExpr;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * aws -> gcp: an ECS service becomes a Cloud Run service that carries its task definition's environment (references
 * stay references, per-environment values become variables), its secrets (Secret Manager references, never values),
 * port, liveness probe and an image whose tag is a variable set in each environment's tfvars.
 */
class CloudRunTranslationTest {

    static final String DEV_PASSWORD = "dev-planted-Secret-9a8b7c";
    static final String PROD_PASSWORD = "prod-planted-Secret-1d2e3f";

    static Map<String, String> project() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.tf", """
                variable "environment" {
                  type = string
                }

                variable "image_tag" {
                  type    = string
                  default = "latest"
                }

                variable "log_level" {
                  type    = string
                  default = "debug"
                }

                variable "db_password" {
                  type      = string
                  sensitive = true
                }

                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }

                resource "aws_ecr_repository" "api" {
                  name = "shop/api"
                }

                resource "aws_secretsmanager_secret" "db" {
                  name = "shop-${var.environment}-db"
                }

                resource "aws_secretsmanager_secret_version" "db" {
                  secret_id     = aws_secretsmanager_secret.db.id
                  secret_string = jsonencode({ password = var.db_password })
                }

                resource "aws_db_instance" "main" {
                  identifier        = "shop-${var.environment}"
                  engine            = "postgres"
                  engine_version    = "15.4"
                  instance_class    = "db.t3.micro"
                  allocated_storage = 20
                  username          = "shop"
                  password          = var.db_password
                }

                resource "aws_iam_role" "task" {
                  name               = "shop-task"
                  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
                }

                resource "aws_lb_target_group" "api" {
                  name     = "api"
                  port     = 8080
                  protocol = "HTTP"
                  vpc_id   = aws_vpc.main.id

                  health_check {
                    path                = "/healthz"
                    interval            = 15
                    timeout             = 5
                    unhealthy_threshold = 4
                  }
                }

                resource "aws_ecs_task_definition" "api" {
                  family                   = "api"
                  cpu                      = 512
                  memory                   = 1024
                  requires_compatibilities = ["FARGATE"]
                  network_mode             = "awsvpc"
                  task_role_arn            = aws_iam_role.task.arn

                  container_definitions = jsonencode([
                    {
                      name         = "api"
                      image        = "${aws_ecr_repository.api.repository_url}:${var.image_tag}"
                      portMappings = [{ containerPort = 8080 }]
                      environment = [
                        { name = "APP_ENV", value = var.environment },
                        { name = "DB_HOST", value = aws_db_instance.main.address },
                        { name = "LOG_LEVEL", value = var.log_level },
                      ]
                      secrets = [
                        { name = "DB_PASSWORD", valueFrom = "${aws_secretsmanager_secret.db.arn}:password::" },
                      ]
                    }
                  ])
                }

                resource "aws_ecs_service" "api" {
                  name            = "api"
                  task_definition = aws_ecs_task_definition.api.arn
                  desired_count   = 1
                  launch_type     = "FARGATE"

                  load_balancer {
                    target_group_arn = aws_lb_target_group.api.arn
                    container_name   = "api"
                    container_port   = 8080
                  }
                }
                """);
        files.put("dev.tfvars", "environment = \"dev\"\ndb_password = \"" + DEV_PASSWORD + "\"\n");
        files.put("prod.tfvars", "environment = \"prod\"\nimage_tag   = \"2.3.1\"\nlog_level   = \"warn\"\ndb_password = \""
                + PROD_PASSWORD + "\"\n");
        return files;
    }

    @Test
    void theContainerCarriesEnvironmentSecretsPortProbeAndATaggedImage(@TempDir Path dir) throws Exception {
        TranslationFixture.Result r = TranslationFixture.translate(dir, "gcp", project()).assertValid(DEV_PASSWORD, PROD_PASSWORD);
        Block run = r.resource("compute.tf", "google_cloud_run_v2_service", "api");
        Block container = run.body().blocks("template").get(0).body().blocks("containers").get(0);

        String image = TranslationFixture.text(container.body().attribute("image"));
        assertThat(image).contains("google_artifact_registry_repository.api.").endsWith(":${var.image_tag}\"");
        assertThat(r.file("dev.tfvars")).contains("image_tag = \"latest\"");
        assertThat(r.file("prod.tfvars")).contains("image_tag = \"2.3.1\"");

        Map<String, Block> env = new LinkedHashMap<>();
        for (Block e : container.body().blocks("env")) {
            env.put(TranslationFixture.text(e.body().attribute("name")), e);
        }
        // DB_SSLMODE: the planner's configuration change for Cloud SQL (TLS required) is applied
        assertThat(env.keySet()).containsExactly("\"APP_ENV\"", "\"DB_HOST\"", "\"LOG_LEVEL\"", "\"DB_SSLMODE\"", "\"DB_PASSWORD\"");
        assertThat(TranslationFixture.text(env.get("\"DB_SSLMODE\"").body().attribute("value"))).isEqualTo("\"require\"");
        assertThat(TranslationFixture.text(env.get("\"APP_ENV\"").body().attribute("value"))).isEqualTo("var.environment");
        Attribute host = env.get("\"DB_HOST\"").body().attribute("value");
        assertThat(host.expr()).as("the database host stays a reference").isInstanceOf(GetAttrExpr.class);
        assertThat(TranslationFixture.text(host)).isEqualTo("google_sql_database_instance.main.private_ip_address");
        String logLevel = TranslationFixture.text(env.get("\"LOG_LEVEL\"").body().attribute("value"));
        assertThat(logLevel).startsWith("var.");
        String logVar = logLevel.substring(4);
        assertThat(r.file("dev.tfvars")).containsPattern("(?m)^" + logVar + " += \"debug\"$");
        assertThat(r.file("prod.tfvars")).containsPattern("(?m)^" + logVar + " += \"warn\"$");

        Block secret = env.get("\"DB_PASSWORD\"");
        assertThat(secret.body().attribute("value")).as("a secret has no value").isNull();
        Block ref = secret.body().blocks("value_source").get(0).body().blocks("secret_key_ref").get(0);
        assertThat(TranslationFixture.text(ref.body().attribute("secret"))).isEqualTo("google_secret_manager_secret.db_password.secret_id");
        assertThat(TranslationFixture.text(ref.body().attribute("version"))).isEqualTo("\"latest\"");
        Block secretVersion = r.resource("security.tf", "google_secret_manager_secret_version", "db_password");
        assertThat(TranslationFixture.text(secretVersion.body().attribute("secret_data"))).isEqualTo("var.secret_db_password");
        assertThat(r.file("variables.tf")).contains("variable \"secret_db_password\"");
        Block access = r.resource("security.tf", "google_secret_manager_secret_iam_member", "db_password_api");
        assertThat(TranslationFixture.text(access.body().attribute("member")))
                .isEqualTo("\"serviceAccount:${google_service_account.task.email}\"");

        assertThat(TranslationFixture.text(container.body().blocks("ports").get(0).body().attribute("container_port"))).isEqualTo("8080");
        Block probe = container.body().blocks("liveness_probe").get(0);
        assertThat(TranslationFixture.text(probe.body().attribute("period_seconds"))).isEqualTo("15");
        assertThat(TranslationFixture.text(probe.body().attribute("timeout_seconds"))).isEqualTo("5");
        assertThat(TranslationFixture.text(probe.body().attribute("failure_threshold"))).isEqualTo("4");
        assertThat(TranslationFixture.text(probe.body().blocks("http_get").get(0).body().attribute("path"))).isEqualTo("\"/healthz\"");
        assertThat(container.body().blocks("resources").get(0).body().attribute("limits")).isNotNull();
        assertThat(r.out().todos()).extracting(Todo::reason).noneMatch(s -> s.contains("image"));
    }

    @Test
    void anImageOutsideEcrIsKeptAndAServiceWithoutLoadBalancerGetsTheTaskPort(@TempDir Path dir) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.tf", """
                variable "environment" {
                  type = string
                }

                resource "aws_ecs_task_definition" "worker" {
                  family = "worker"
                  cpu    = 256
                  memory = 512

                  container_definitions = jsonencode([
                    {
                      name         = "worker"
                      image        = "ghcr.io/acme/worker:1.0"
                      portMappings = [{ containerPort = 9000 }]
                      environment  = [{ name = "PORT", value = "9000" }, { name = "QUEUE", value = "jobs-${var.environment}" }]
                    }
                  ])
                }

                resource "aws_ecs_service" "worker" {
                  name            = "worker"
                  task_definition = aws_ecs_task_definition.worker.arn
                }
                """);
        files.put("dev.tfvars", "environment = \"dev\"\n");
        files.put("prod.tfvars", "environment = \"prod\"\n");
        TranslationFixture.Result r = TranslationFixture.translate(dir, "gcp", files).assertValid();
        Block container = r.resource("compute.tf", "google_cloud_run_v2_service", "worker").body().blocks("template").get(0)
                .body().blocks("containers").get(0);
        assertThat(TranslationFixture.text(container.body().attribute("image"))).isEqualTo("\"ghcr.io/acme/worker:1.0\"");
        assertThat(TranslationFixture.text(container.body().blocks("ports").get(0).body().attribute("container_port"))).isEqualTo("9000");
        List<String> names = container.body().blocks("env").stream().map(e -> TranslationFixture.text(e.body().attribute("name"))).toList();
        assertThat(names).as("Cloud Run sets PORT itself").containsExactly("\"QUEUE\"");
        assertThat(TranslationFixture.text(container.body().blocks("env").get(0).body().attribute("value")))
                .isEqualTo("\"jobs-${var.environment}\"");
    }
}
