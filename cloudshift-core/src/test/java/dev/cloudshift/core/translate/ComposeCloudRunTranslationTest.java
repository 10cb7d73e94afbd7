package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.ast.Block;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compose -> gcp: a compose application service's environment reaches its Cloud Run service as env blocks (rule
 * compose-to-gcp/compose_app.yaml, the compose_cloud_run hook): hosts of other compose services are references to
 * their translation (Cloud SQL through the connector's socket, mounted as a volume), secrets are Secret Manager
 * secrets read through value_source.secret_key_ref and never values, and the service account may read them.
 */
class ComposeCloudRunTranslationTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "compose-backend");

    @Test
    void theExampleServicesGetTheirEnvironmentWithReferencesAndSecretsFromSecretManager() throws IOException {
        GeneratedTerraform tf = GeneratedTerraform.of(EXAMPLE, "gcp");
        tf.assertValid();
        String compute = tf.file("compute.tf");
        Block app = tf.resource("google_cloud_run_v2_service", "app");
        Block template = app.body().blocks("template").get(0);
        assertThat(tf.text(template, "service_account")).isEqualTo("google_service_account.cloud_run.email");
        Block container = template.body().blocks("containers").get(0);
        List<String> env = new ArrayList<>();
        for (Block e : container.body().blocks("env")) {
            env.add(tf.text(e, "name") + (e.body().attribute("value") != null ? " = " + tf.text(e, "value")
                    : " <- " + tf.text(e.body().blocks("value_source").get(0).body().blocks("secret_key_ref").get(0), "secret")));
        }
        // the Redis host is the Memorystore instance, not the compose service name
        assertThat(env).contains("\"REDIS_URL\" = \"redis://${google_redis_instance.redis.host}:6379/0\"",
                "\"CELERY_BROKER_URL\" = \"redis://${google_redis_instance.redis.host}:6379/1\"");
        // the database URL holds the password: a secret built over the Cloud SQL socket, user and password variable
        assertThat(env).contains("\"DATABASE_URL\" <- google_secret_manager_secret.database_url.secret_id",
                "\"POSTGRES_PASSWORD\" <- google_secret_manager_secret.postgres_password.secret_id");
        assertThat(tf.text(tf.resource("google_secret_manager_secret_version", "database_url"), "secret_data")).isEqualTo(
                "\"postgresql://${google_sql_user.postgres.name}:${urlencode(var.sql_password_postgres)}@/orders"
                        + "?host=/cloudsql/${google_sql_database_instance.postgres.connection_name}\"");
        // the instance is mounted through the Cloud SQL connector, and the account may connect
        assertThat(tf.text(template.body().blocks("volumes").get(0).body().blocks("cloud_sql_instance").get(0), "instances"))
                .isEqualTo("[google_sql_database_instance.postgres.connection_name]");
        assertThat(tf.text(container.body().blocks("volume_mounts").get(0), "mount_path")).isEqualTo("\"/cloudsql\"");
        assertThat(tf.text(tf.resource("google_project_iam_member", "cloud_run_cloudsql_client"), "role"))
                .isEqualTo("\"roles/cloudsql.client\"");
        // every .env key is a secret for both services, each granted once to the shared account
        Block worker = tf.resource("google_cloud_run_v2_service", "worker");
        String workerText = worker.body().blocks("template").get(0).body().blocks("containers").get(0).body().blocks("env")
                .stream().map(e -> tf.text(e, "name")).toList().toString();
        for (String key : dotenv(EXAMPLE.resolve(".env")).keySet()) {
            String id = key.toLowerCase(java.util.Locale.ROOT);
            assertThat(env).anyMatch(e -> e.startsWith("\"" + key + "\" <- google_secret_manager_secret."));
            assertThat(workerText).contains("\"" + key + "\"");
            if (tf.has("google_secret_manager_secret", id)) {
                assertThat(tf.has("google_secret_manager_secret_iam_member", id + "_cloud_run")).as(key).isTrue();
            }
        }
        for (String value : dotenv(EXAMPLE.resolve(".env")).values()) {
            assertThat(tf.all()).as("the .env value of length %d", value.length()).doesNotContain(value);
        }
        // values that differ between environments: a map variable set per environment
        assertThat(compute).contains("for_each = var.app_environment");
        assertThat(tf.file("prod.tfvars")).contains("DJANGO_SETTINGS_MODULE = \"orders.settings.prod\"", "GUNICORN_WORKERS       = \"4\"");
        assertThat(tf.file("default.tfvars")).contains("DJANGO_SETTINGS_MODULE = \"orders.settings.dev\"")
                .doesNotContain("GUNICORN_WORKERS");
        // Memorystore needs VPC egress, which compose does not describe: a TODO says so
        assertThat(compute).contains("Memorystore has a private IP only");
    }

    @Test
    void aPlantedSecretNeverReachesTheOutputAndPlainValuesStayInPlace(@TempDir Path dir) throws IOException {
        String planted = "planted-run-token-8e7f6a";
        GeneratedTerraform.write(dir, Map.of("docker-compose.yml", """
                services:
                  api:
                    image: ghcr.io/acme/api:2.1.0
                    ports:
                      - "3000:3000"
                    environment:
                      API_TOKEN: %s
                      LOG_LEVEL: info
                      DB_HOST: db
                    depends_on:
                      - db
                  db:
                    image: postgres:16
                    environment:
                      POSTGRES_DB: shop
                      POSTGRES_USER: shop
                      POSTGRES_PASSWORD: %s
                """.formatted(planted, planted + "-db")));
        GeneratedTerraform tf = GeneratedTerraform.of(dir, "gcp");
        tf.assertValid();
        assertThat(tf.all()).doesNotContain(planted);
        String compute = tf.file("compute.tf");
        assertThat(compute).contains("name  = \"LOG_LEVEL\"", "value = \"info\"",
                "value = \"/cloudsql/${google_sql_database_instance.db.connection_name}\"",
                "secret  = google_secret_manager_secret.api_token.secret_id");
        assertThat(tf.text(tf.resource("google_secret_manager_secret_version", "api_token"), "secret_data"))
                .isEqualTo("var.secret_api_token");
        assertThat(tf.file("variables.tf")).containsPattern("variable \"secret_api_token\" \\{[^}]*sensitive   = true");
    }

    private static Map<String, String> dotenv(Path file) throws IOException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
                out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return out;
    }
}
