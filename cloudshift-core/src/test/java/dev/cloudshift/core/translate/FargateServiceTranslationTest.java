package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.Expr;
import dev.cloudshift.hcl.ast.FunctionCallExpr;
import dev.cloudshift.hcl.ast.TupleExpr;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * azure -> aws container apps and gcp -> aws Cloud Run services become ECS Fargate services (rules
 * azure-to-aws/azurerm_container_app.yaml, gcp-to-aws/google_cloud_run_v2_service.yaml, the fargate_service hook): the
 * container document is a jsonencode() call over a tuple, its environment points at the translated resources (never
 * at literal hosts), its secrets come from Secrets Manager through valueFrom and never as values, sizes and replica
 * bounds are per environment, and public ingress gets an ALB in the translated subnets.
 */
class FargateServiceTranslationTest {

    @Test
    void theAzureContainerAppBecomesAFargateServiceWithReferencesSecretsAndAutoscaling() {
        GeneratedTerraform tf = GeneratedTerraform.of(Path.of("..", "examples", "azure-webapp"), "aws");
        tf.assertValid();

        Block task = tf.resource("aws_ecs_task_definition", "api");
        Expr defs = task.body().attribute("container_definitions").expr();
        assertThat(defs).isInstanceOfSatisfying(FunctionCallExpr.class, c -> {
            assertThat(c.name()).isEqualTo("jsonencode");
            assertThat(c.args()).singleElement().isInstanceOf(TupleExpr.class);
        });
        assertThat(tf.text(task, "cpu")).isEqualTo("var.api_cpu");
        assertThat(tf.text(task, "execution_role_arn")).isEqualTo("aws_iam_role.ecs_task_execution.arn");
        // the user-assigned identity became the task role
        assertThat(tf.text(task, "task_role_arn")).isEqualTo("aws_iam_role.api.arn");
        String doc = tf.text(task, "container_definitions");
        // the registry's login server is the ECR repository URL; the ingress target port the container port
        assertThat(doc).contains("image     = \"${aws_ecr_repository.main.repository_url}/ledger-api:latest\"",
                "containerPort = 8080", "\"awslogs-group\"         = aws_cloudwatch_log_group.api.name");
        // references stay references: the flexible server fqdn is the RDS address, the Redis port a string of the port
        assertThat(doc).contains("{ name = \"DB_HOST\", value = aws_db_instance.main.address }",
                "{ name = \"REDIS_HOST\", value = aws_elasticache_replication_group.main.primary_endpoint_address }",
                "{ name = \"REDIS_PORT\", value = tostring(aws_elasticache_replication_group.main.port) }",
                "{ name = \"STORAGE_ACCOUNT\", value = \"stledger${var.environment}docs\" }");
        assertThat(doc).doesNotContain("postgres.database.azure.com", "azurerm_");
        // the app secret reaches the container through Secrets Manager; the execution role may read exactly it
        assertThat(doc).contains("{ name = \"DB_PASSWORD\", valueFrom = aws_secretsmanager_secret.api_db_password.arn }");
        assertThat(tf.text(tf.resource("aws_secretsmanager_secret_version", "api_db_password"), "secret_string"))
                .isEqualTo("var.secret_api_db_password");
        // the recovery window of the secret the hook writes comes from the rule's data.secret_attributes
        assertThat(tf.text(tf.resource("aws_secretsmanager_secret", "api_db_password"), "recovery_window_in_days")).isEqualTo("7");
        assertThat(tf.text(tf.resource("aws_iam_role_policy", "ecs_task_execution_secrets"), "policy"))
                .contains("Resource = [aws_secretsmanager_secret.api_db_password.arn]");
        assertThat(tf.file("variables.tf")).containsPattern("variable \"secret_api_db_password\" \\{[^}]*sensitive   = true");
        for (String planted : new String[] {"dev-fake-azure-pg-6a5b4c", "prod-fake-azure-pg-9f8e7d"}) {
            assertThat(tf.all()).doesNotContain(planted);
        }

        // sizes and replica bounds per environment: Fargate sizes from the container's cpu/memory, min/max replicas
        assertThat(tf.file("dev.tfvars")).containsPattern("api_cpu +\\= \"512\"").containsPattern("api_memory +\\= \"1024\"")
                .containsPattern("api_desired_count +\\= 1").containsPattern("api_max_capacity +\\= 3");
        assertThat(tf.file("prod.tfvars")).containsPattern("api_cpu +\\= \"1024\"").containsPattern("api_memory +\\= \"2048\"")
                .containsPattern("api_min_capacity +\\= 2").containsPattern("api_max_capacity +\\= 10");
        Block service = tf.resource("aws_ecs_service", "api");
        assertThat(tf.text(service, "cluster")).isEqualTo("aws_ecs_cluster.main.id");
        assertThat(tf.text(service, "depends_on")).isEqualTo("[aws_lb_listener.api]");
        // the tasks run in the environment's infrastructure subnet; the load balancer spans both translated subnets
        assertThat(tf.text(service.body().blocks("network_configuration").get(0), "subnets")).isEqualTo("[aws_subnet.apps.id]");
        assertThat(tf.text(tf.resource("aws_lb", "api"), "subnets")).isEqualTo("[aws_subnet.apps.id, aws_subnet.db.id]");
        assertThat(tf.text(tf.resource("aws_subnet", "apps"), "availability_zone"))
                .isNotEqualTo(tf.text(tf.resource("aws_subnet", "db"), "availability_zone"));
        assertThat(tf.text(tf.resource("aws_appautoscaling_target", "api"), "resource_id"))
                .isEqualTo("\"service/${aws_ecs_cluster.main.name}/${aws_ecs_service.api.name}\"");
        assertThat(tf.text(tf.resource("aws_lb_target_group", "api"), "port")).isEqualTo("8080");
        assertThat(tf.text(tf.resource("aws_security_group", "api").body().blocks("ingress").get(0), "security_groups"))
                .isEqualTo("[aws_security_group.api_lb.id]");
        // the translated network had no way out: an internet gateway and a public route table for the subnets
        assertThat(tf.text(tf.resource("aws_route_table_association", "apps"), "route_table_id")).isEqualTo("aws_route_table.public.id");
        // ... which routes the database's subnet too (two subnets, two zones for the ALB): said, not hidden
        assertThat(tf.output.todos()).anySatisfy(todo -> assertThat(todo.reason())
                .startsWith("every translated subnet (aws_subnet.apps, aws_subnet.db) is routed to the internet gateway"));
        assertThat(tf.file("compute.tf")).doesNotContain("no rule maps its image");
    }

    @Test
    void theCloudRunServiceBecomesAFargateServiceWithItsImageInEcrAndItsSecretFromSecretsManager() {
        GeneratedTerraform tf = GeneratedTerraform.of(Path.of("..", "examples", "gcp-service"), "aws");
        tf.assertValid();

        Block task = tf.resource("aws_ecs_task_definition", "api");
        assertThat(tf.text(task, "task_role_arn")).isEqualTo("aws_iam_role.run.arn");
        String doc = tf.text(task, "container_definitions");
        // the Artifact Registry image is the image of the ECR repository the registry became
        assertThat(doc).contains("image     = \"${aws_ecr_repository.images.repository_url}/catalog-api:latest\"",
                "containerPort = 8080");
        assertThat(doc).doesNotContain("docker.pkg.dev");
        assertThat(doc).contains("{ name = \"DB_HOST\", value = aws_db_instance.main.address }",
                "{ name = \"REDIS_HOST\", value = aws_elasticache_replication_group.cache.primary_endpoint_address }",
                "{ name = \"MEDIA_BUCKET\", value = \"acme-catalog-catalog-${var.environment}-media\" }");
        // value_source.secret_key_ref -> the Secrets Manager secret the Secret Manager secret became
        assertThat(doc).contains("{ name = \"DB_PASSWORD\", valueFrom = aws_secretsmanager_secret.db_password.arn }");
        for (String planted : new String[] {"dev-fake-cloudsql-pass-1a2b3c"}) {
            assertThat(tf.all()).doesNotContain(planted);
        }
        // scale to zero does not exist on ECS: at least one task; the maximum from max_instance_count
        assertThat(tf.file("dev.tfvars")).containsPattern("api_desired_count +\\= 1").containsPattern("api_max_capacity +\\= 5");
        assertThat(tf.file("prod.tfvars")).containsPattern("api_min_capacity +\\= 2").containsPattern("api_max_capacity +\\= 50")
                .containsPattern("api_cpu +\\= \"2048\"");
        assertThat(tf.text(tf.resource("aws_ecs_service", "api"), "cluster")).isEqualTo("aws_ecs_cluster.main.id");
        // public ingress: an ALB; the source network has one subnet, which an ALB cannot live with: a TODO says so
        assertThat(tf.text(tf.resource("aws_lb", "api"), "subnets")).isEqualTo("[aws_subnet.main.id]");
        assertThat(tf.file("network.tf")).contains("an Application Load Balancer needs subnets in two availability zones");
    }

    @Test
    void aKeyVaultSecretIsReadFromItsTranslationAndInternalIngressGetsNoLoadBalancer(@TempDir Path dir) throws IOException {
        String planted = "planted-kv-Secret-3c4d5e";
        GeneratedTerraform.write(dir, Map.of("main.tf", """
                variable "environment" {
                  type = string
                }

                variable "api_key" {
                  type      = string
                  sensitive = true
                }

                resource "azurerm_resource_group" "main" {
                  name     = "rg-shop-${var.environment}"
                  location = "westeurope"
                }

                resource "azurerm_virtual_network" "main" {
                  name                = "vnet-shop"
                  location            = azurerm_resource_group.main.location
                  resource_group_name = azurerm_resource_group.main.name
                  address_space       = ["10.8.0.0/16"]
                }

                resource "azurerm_subnet" "apps" {
                  name                 = "apps"
                  resource_group_name  = azurerm_resource_group.main.name
                  virtual_network_name = azurerm_virtual_network.main.name
                  address_prefixes     = ["10.8.0.0/23"]
                }

                resource "azurerm_key_vault" "main" {
                  name                = "kv-shop-${var.environment}"
                  location            = azurerm_resource_group.main.location
                  resource_group_name = azurerm_resource_group.main.name
                  tenant_id           = "00000000-0000-0000-0000-000000000000"
                  sku_name            = "standard"
                }

                resource "azurerm_key_vault_secret" "api_key" {
                  name         = "api-key"
                  value        = var.api_key
                  key_vault_id = azurerm_key_vault.main.id
                }

                resource "azurerm_container_app_environment" "main" {
                  name                     = "cae-shop-${var.environment}"
                  location                 = azurerm_resource_group.main.location
                  resource_group_name      = azurerm_resource_group.main.name
                  infrastructure_subnet_id = azurerm_subnet.apps.id
                }

                resource "azurerm_container_app" "worker" {
                  name                         = "ca-shop-worker"
                  container_app_environment_id = azurerm_container_app_environment.main.id
                  resource_group_name          = azurerm_resource_group.main.name
                  revision_mode                = "Single"

                  secret {
                    name                = "api-key"
                    key_vault_secret_id = azurerm_key_vault_secret.api_key.id
                    identity            = "System"
                  }

                  template {
                    min_replicas = 0
                    max_replicas = 4

                    container {
                      name   = "worker"
                      image   = var.environment == "prod" ? "ghcr.io/acme/worker:1.4.0" : "ghcr.io/acme/worker:1.5.0-rc1"
                      cpu     = 0.25
                      memory  = "0.5Gi"
                      command = ["/bin/worker"]
                      args    = ["--queue", "jobs"]

                      env {
                        name  = "MODE"
                        value = var.environment == "prod" ? "strict" : "relaxed"
                      }

                      env {
                        name        = "API_KEY"
                        secret_name = "api-key"
                      }
                    }
                  }

                  ingress {
                    external_enabled = false
                    target_port      = 9000

                    traffic_weight {
                      latest_revision = true
                      percentage      = 100
                    }
                  }
                }
                """, "dev.tfvars", "environment = \"dev\"\napi_key = \"" + planted + "\"\n",
                "prod.tfvars", "environment = \"prod\"\napi_key = \"" + planted + "\"\n"));
        GeneratedTerraform tf = GeneratedTerraform.of(dir, "aws");
        tf.assertValid();
        assertThat(tf.all()).doesNotContain(planted);
        String doc = tf.text(tf.resource("aws_ecs_task_definition", "worker"), "container_definitions");
        // the app secret names a Key Vault secret: its translation, not a new copy
        assertThat(doc).contains("{ name = \"API_KEY\", valueFrom = aws_secretsmanager_secret.api_key.arn }");
        assertThat(tf.has("aws_secretsmanager_secret", "worker_api_key")).isFalse();
        // a value that differs per environment is a variable; a public image stays as it is
        assertThat(doc).contains("image      = var.worker_image", "{ name = \"MODE\", value = var.worker_mode }");
        assertThat(tf.file("prod.tfvars")).contains("\"strict\"", "\"ghcr.io/acme/worker:1.4.0\"");
        assertThat(tf.file("dev.tfvars")).contains("\"ghcr.io/acme/worker:1.5.0-rc1\"");
        // internal ingress: no load balancer, no listener dependency, the port still mapped
        assertThat(tf.has("aws_lb", "worker")).isFalse();
        assertThat(tf.has("aws_lb_target_group", "worker")).isFalse();
        assertThat(doc).contains("containerPort = 9000");
        Block service = tf.resource("aws_ecs_service", "worker");
        assertThat(service.body().attribute("depends_on")).isNull();
        assertThat(service.body().blocks("load_balancer")).isEmpty();
        assertThat(tf.text(service.body().blocks("network_configuration").get(0), "subnets")).isEqualTo("[aws_subnet.apps.id]");
        assertThat(tf.file("compute.tf")).contains("the service's ingress is internal");
        // the container's command overrides the entry point, its args the command (Docker ENTRYPOINT / CMD)
        assertThat(doc).contains("entryPoint = [\"/bin/worker\"]", "command    = [\"--queue\", \"jobs\"]");
        // min_replicas 0 (scale to zero) becomes one task
        assertThat(tf.file("dev.tfvars")).containsPattern("worker_desired_count +\\= 1").containsPattern("worker_max_capacity +\\= 4");
    }

    @Test
    void anInternalCloudRunServiceGetsNoLoadBalancerAndItsSecretStaysInSecretsManager(@TempDir Path dir) throws IOException {
        String planted = "planted-run-Secret-7b8c9d";
        GeneratedTerraform.write(dir, Map.of("main.tf", """
                variable "environment" {
                  type = string
                }

                variable "token" {
                  type      = string
                  sensitive = true
                }

                resource "google_compute_network" "main" {
                  name                    = "shop"
                  auto_create_subnetworks = false
                }

                resource "google_compute_subnetwork" "a" {
                  name          = "shop-a"
                  region        = "europe-west1"
                  network       = google_compute_network.main.id
                  ip_cidr_range = "10.20.0.0/20"
                }

                resource "google_compute_subnetwork" "b" {
                  name          = "shop-b"
                  region        = "europe-west1"
                  network       = google_compute_network.main.id
                  ip_cidr_range = "10.20.16.0/20"
                }

                resource "google_secret_manager_secret" "token" {
                  secret_id = "shop-token"

                  replication {
                    auto {}
                  }
                }

                resource "google_secret_manager_secret_version" "token" {
                  secret      = google_secret_manager_secret.token.id
                  secret_data = var.token
                }

                resource "google_cloud_run_v2_service" "jobs" {
                  name     = "shop-jobs-${var.environment}"
                  location = "europe-west1"
                  ingress  = "INGRESS_TRAFFIC_INTERNAL_ONLY"

                  template {
                    scaling {
                      min_instance_count = 1
                      max_instance_count = var.environment == "prod" ? 8 : 2
                    }

                    containers {
                      image = "ghcr.io/acme/jobs:3.0.0"

                      resources {
                        limits = {
                          cpu    = "1"
                          memory = "512Mi"
                        }
                      }

                      env {
                        name  = "QUEUE"
                        value = "jobs-${var.environment}"
                      }

                      env {
                        name = "TOKEN"
                        value_source {
                          secret_key_ref {
                            secret  = google_secret_manager_secret.token.secret_id
                            version = "latest"
                          }
                        }
                      }
                    }
                  }
                }
                """, "dev.tfvars", "environment = \"dev\"\ntoken = \"" + planted + "\"\n",
                "prod.tfvars", "environment = \"prod\"\ntoken = \"" + planted + "\"\n"));
        GeneratedTerraform tf = GeneratedTerraform.of(dir, "aws");
        tf.assertValid();
        assertThat(tf.all()).doesNotContain(planted);
        String doc = tf.text(tf.resource("aws_ecs_task_definition", "jobs"), "container_definitions");
        assertThat(doc).contains("image     = \"ghcr.io/acme/jobs:3.0.0\"", "containerPort = 8080",
                "{ name = \"QUEUE\", value = \"jobs-${var.environment}\" }",
                "{ name = \"TOKEN\", valueFrom = aws_secretsmanager_secret.token.arn }");
        // internal ingress: no load balancer, a TODO for internal reachability
        assertThat(tf.has("aws_lb", "jobs")).isFalse();
        assertThat(tf.file("compute.tf")).contains("the service's ingress is internal");
        // no subnet of its own: the tasks run in every translated subnet, spread over two zones
        assertThat(tf.text(tf.resource("aws_ecs_service", "jobs").body().blocks("network_configuration").get(0), "subnets"))
                .isEqualTo("[aws_subnet.a.id, aws_subnet.b.id]");
        assertThat(tf.text(tf.resource("aws_subnet", "a"), "availability_zone"))
                .isNotEqualTo(tf.text(tf.resource("aws_subnet", "b"), "availability_zone"));
        assertThat(tf.file("prod.tfvars")).containsPattern("jobs_max_capacity +\\= 8");
        assertThat(tf.file("dev.tfvars")).containsPattern("jobs_max_capacity +\\= 2");
    }

    @Test
    void aPublicCloudRunServiceWithAProbeGetsItsTimingOnTheTargetGroup(@TempDir Path dir) throws IOException {
        GeneratedTerraform.write(dir, Map.of("main.tf", """
                variable "environment" {
                  type = string
                }

                resource "google_cloud_run_v2_service" "web" {
                  name     = "web-${var.environment}"
                  location = "europe-west1"

                  template {
                    containers {
                      image = "ghcr.io/acme/web:1.0.0"

                      ports {
                        container_port = 3000
                      }

                      liveness_probe {
                        period_seconds    = 20
                        timeout_seconds   = 1
                        failure_threshold = 3

                        http_get {
                          path = "/livez"
                        }
                      }
                    }
                  }
                }
                """, "dev.tfvars", "environment = \"dev\"\n", "prod.tfvars", "environment = \"prod\"\n"));
        GeneratedTerraform tf = GeneratedTerraform.of(dir, "aws");
        tf.assertValid();
        Block check = tf.resource("aws_lb_target_group", "web").body().blocks("health_check").get(0);
        assertThat(tf.text(check, "path")).isEqualTo("\"/livez\"");
        assertThat(tf.text(check, "interval")).isEqualTo("20");
        // Cloud Run's 1 s timeout is below the ALB's minimum of 2 s
        assertThat(tf.text(check, "timeout")).isEqualTo("2");
        assertThat(tf.text(check, "unhealthy_threshold")).isEqualTo("3");
        assertThat(tf.text(tf.resource("aws_lb_target_group", "web"), "port")).isEqualTo("3000");
        assertThat(tf.text(tf.resource("aws_ecs_task_definition", "web"), "container_definitions")).contains("containerPort = 3000");
        // no ingress argument: public, the Cloud Run default
        assertThat(tf.has("aws_lb_listener", "web")).isTrue();
        // no network in the source: the subnets are a variable to fill (with a TODO), never invented
        assertThat(tf.file("compute.tf")).contains("no translated subnet for the service");
        assertThat(tf.text(tf.resource("aws_ecs_service", "web").body().blocks("network_configuration").get(0), "subnets"))
                .isEqualTo("var.subnet_ids");
        assertThat(tf.text(tf.resource("aws_lb", "web"), "subnets")).isEqualTo("var.subnet_ids");
        assertThat(tf.file("variables.tf")).contains("variable \"subnet_ids\"", "variable \"vpc_id\"");
        assertThat(tf.text(tf.resource("aws_lb_target_group", "web"), "vpc_id")).isEqualTo("var.vpc_id");
        assertThat(tf.text(tf.resource("aws_security_group", "web"), "vpc_id")).isEqualTo("var.vpc_id");
    }
}
