package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gcp -> aws Secret Manager IAM members (rule gcp-to-aws/google_secret_manager_secret_iam_member.yaml, the
 * secret_iam_member hook): secretAccessor for the service account a Cloud Run service runs as, on a secret that service
 * reads as an environment variable, is absorbed (the ECS task execution role reads the secret through valueFrom and its
 * inline policy allows exactly that secret); every other member stays a TODO, whatever the source order.
 */
class SecretIamMemberTranslationTest {

    @Test
    void onlyTheReaderGrantOfTheTasksOwnAccountOnASecretItReadsIsAbsorbed(@TempDir Path dir) throws IOException {
        // the members come before the service in the source: they are judged after the service's hook has run
        GeneratedTerraform.write(dir, Map.of("main.tf", """
                variable "environment" {
                  type = string
                }

                resource "google_secret_manager_secret" "token" {
                  secret_id = "shop-token"

                  replication {
                    auto {}
                  }
                }

                resource "google_secret_manager_secret" "audit" {
                  secret_id = "shop-audit"

                  replication {
                    auto {}
                  }
                }

                resource "google_service_account" "run" {
                  account_id   = "shop-run"
                  display_name = "Cloud Run runtime"
                }

                resource "google_service_account" "batch" {
                  account_id   = "shop-batch"
                  display_name = "Batch jobs"
                }

                resource "google_secret_manager_secret_iam_member" "run_token" {
                  secret_id = google_secret_manager_secret.token.id
                  role      = "roles/secretmanager.secretAccessor"
                  member    = "serviceAccount:${google_service_account.run.email}"
                }

                resource "google_secret_manager_secret_iam_member" "run_audit" {
                  secret_id = google_secret_manager_secret.audit.id
                  role      = "roles/secretmanager.secretAccessor"
                  member    = "serviceAccount:${google_service_account.run.email}"
                }

                resource "google_secret_manager_secret_iam_member" "batch_token" {
                  secret_id = google_secret_manager_secret.token.id
                  role      = "roles/secretmanager.secretAccessor"
                  member    = google_service_account.batch.member
                }

                resource "google_secret_manager_secret_iam_member" "run_token_writer" {
                  secret_id = google_secret_manager_secret.token.id
                  role      = "roles/secretmanager.secretVersionAdder"
                  member    = "serviceAccount:${google_service_account.run.email}"
                }

                resource "google_secret_manager_secret_iam_member" "ops_token" {
                  secret_id = google_secret_manager_secret.token.id
                  role      = "roles/secretmanager.secretAccessor"
                  member    = "group:ops@example.com"
                }

                resource "google_cloud_run_v2_service" "jobs" {
                  name     = "shop-jobs-${var.environment}"
                  location = "europe-west1"
                  ingress  = "INGRESS_TRAFFIC_INTERNAL_ONLY"

                  template {
                    service_account = google_service_account.run.email

                    containers {
                      image = "ghcr.io/acme/jobs:3.0.0"

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
                """, "dev.tfvars", "environment = \"dev\"\n", "prod.tfvars", "environment = \"prod\"\n"));
        GeneratedTerraform tf = GeneratedTerraform.of(dir, "aws");
        tf.assertValid();
        // the premise: the task runs as the account's role and reads the token through valueFrom, which the
        // execution role may read
        assertThat(tf.text(tf.resource("aws_ecs_task_definition", "jobs"), "task_role_arn")).isEqualTo("aws_iam_role.run.arn");
        assertThat(tf.text(tf.resource("aws_ecs_task_definition", "jobs"), "container_definitions"))
                .contains("{ name = \"TOKEN\", valueFrom = aws_secretsmanager_secret.token.arn }");
        assertThat(tf.text(tf.resource("aws_iam_role_policy", "ecs_task_execution_secrets"), "policy"))
                .contains("Resource = [aws_secretsmanager_secret.token.arn]");

        String member = "google_secret_manager_secret_iam_member.";
        assertThat(tf.output.absorbed()).filteredOn(a -> a.startsWith(member)).singleElement().asString()
                .startsWith(member + "run_token: the service account reads the secret as an environment variable")
                .contains("aws_iam_role_policy.ecs_task_execution_secrets");
        List<String> todos = tf.output.todos().stream().filter(t -> t.address().startsWith(member))
                .map(t -> t.address() + ": " + t.reason()).toList();
        assertThat(todos).hasSize(4);
        // a secret the task does not read, an account no task runs as, a group: a reader grant that stays a TODO
        for (String name : List.of("run_audit", "batch_token", "ops_token")) {
            assertThat(todos).anyMatch(t -> t.startsWith(member + name + ": reading the secret becomes an IAM policy"));
        }
        // another role: named in its TODO
        assertThat(todos).anyMatch(t -> t.startsWith(member + "run_token_writer: roles/secretmanager.secretVersionAdder on the secret"));
        assertThat(tf.file("security.tf")).contains("# TODO(cloudshift): " + member + "run_audit:")
                .doesNotContain("# TODO(cloudshift): " + member + "run_token:");
    }

    @Test
    void theGcpServiceExampleHasNoTodoForTheMemberItsTaskAlreadyCovers() {
        GeneratedTerraform tf = GeneratedTerraform.of(Path.of("..", "examples", "gcp-service"), "aws");
        String address = "google_secret_manager_secret_iam_member.run_db_password";
        assertThat(tf.output.todos()).noneMatch(t -> t.address().equals(address));
        assertThat(tf.output.absorbed()).anyMatch(a -> a.startsWith(address + ": the service account reads the secret"));
        // the project role of the same account is not covered by anything: it stays a TODO
        assertThat(tf.output.todos()).anyMatch(t -> t.address().equals("google_project_iam_member.run_pubsub"));
    }
}
