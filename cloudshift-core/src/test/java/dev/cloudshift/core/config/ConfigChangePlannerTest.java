package dev.cloudshift.core.config;

import dev.cloudshift.core.ingest.compose.ComposeReader;
import dev.cloudshift.core.ingest.compose.ComposeResult;
import dev.cloudshift.core.ingest.dotenv.DotenvReader;
import dev.cloudshift.core.ingest.tfjson.TerraformJsonReader;
import dev.cloudshift.core.ingest.tfjson.TerraformJsonResult;
import dev.cloudshift.core.model.ConfigChange;
import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigChangePlannerTest {

    static final List<String> PLANTED = List.of("Planted-Env-Db-Password", "Planted-Smtp-Pass", "Planted-Env-Redis-Password",
            "Planted-Jwt-Secret-Value", "Planted-Rds-Password", "Planted-Url-Password");

    static List<ConfigEntry> composeEntries;
    static List<Resource> composeResources;
    static List<Resource> awsResources;

    static Path resource(String name) {
        try {
            return Path.of(ConfigChangePlannerTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void read() {
        Path dir = resource("config/compose-app");
        ComposeResult compose = new ComposeReader().read(dir);
        assertThat(compose.warnings()).isEmpty();
        composeResources = compose.resources("default");
        composeEntries = new ArrayList<>(compose.config("default"));
        composeEntries.addAll(new DotenvReader().read(dir.resolve(".env")).entries());
        TerraformJsonResult tf = new TerraformJsonReader().read(resource("config/aws-state.json"));
        assertThat(tf.diagnostics()).isEmpty();
        awsResources = tf.resources();
    }

    static Function<String, String> services(Map<String, String> m) {
        return m::get;
    }

    static ConfigChange change(List<ConfigChange> changes, String file, String key) {
        return changes.stream().filter(c -> c.file().equals(file) && c.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no change for " + file + " " + key + " in " + changes));
    }

    static void assertNoSecrets(List<ConfigChange> changes) {
        String all = changes.toString();
        for (String s : PLANTED) {
            assertThat(all).as(s).doesNotContain(s);
        }
    }

    @Test
    void composeToAzure() {
        List<ConfigChange> changes = ConfigChangePlanner.defaults().plan("default", composeEntries, composeResources, "azure",
                services(Map.of("compose_postgres", "Azure Database for PostgreSQL Flexible Server", "compose_redis", "Azure Cache for Redis",
                        "compose_kafka", "Azure Event Hubs", "compose_minio", "Azure Blob Storage")));
        ConfigChange db = change(changes, "docker-compose.yml", "DATABASE_URL");
        assertThat(db.from()).isEqualTo("postgresql://<user>:<redacted>@db:5432/app");
        assertThat(db.to()).isEqualTo("postgresql://<user>:<secret:database-password>@db.postgres.database.azure.com:5432/app?sslmode=require");
        assertThat(db.reason()).contains("sslmode=require").contains("compose.db").contains("Azure Database for PostgreSQL Flexible Server");
        assertThat(db.environment()).isEqualTo("default");
        ConfigChange redis = change(changes, "docker-compose.yml", "REDIS_URL");
        assertThat(redis.to()).isEqualTo("rediss://:<secret:redis-access-key>@cache.redis.cache.windows.net:6380/0");
        assertThat(redis.reason()).contains("6380");
        assertThat(change(changes, "docker-compose.yml", "REDIS_TLS").to()).isEqualTo("true");
        ConfigChange kafka = change(changes, "docker-compose.yml", "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(kafka.from()).isEqualTo("kafka:9092");
        assertThat(kafka.to()).isEqualTo("kafka.servicebus.windows.net:9093");
        assertThat(change(changes, "docker-compose.yml", "KAFKA_SECURITY_PROTOCOL").to()).isEqualTo("SASL_SSL");
        assertThat(change(changes, "docker-compose.yml", "KAFKA_SECURITY_PROTOCOL").from()).isEqualTo("<not set>");
        assertThat(change(changes, "docker-compose.yml", "KAFKA_SASL_MECHANISM").to()).isEqualTo("PLAIN");
        assertThat(change(changes, "docker-compose.yml", "KAFKA_SASL_USERNAME").to()).isEqualTo("$ConnectionString");
        assertThat(change(changes, "docker-compose.yml", "KAFKA_SASL_PASSWORD").to())
                .isEqualTo("@Microsoft.KeyVault(SecretUri=https://<vault>.vault.azure.net/secrets/eventhubs-connection-string)");
        assertThat(change(changes, "docker-compose.yml", "S3_ENDPOINT").to()).isEqualTo("https://<storage-account>.blob.core.windows.net");
        assertThat(change(changes, "docker-compose.yml", "S3_BUCKET").reason()).contains("no S3 API");
        // host + port settings of the worker
        ConfigChange host = changes.stream().filter(c -> c.key().equals("POSTGRES_HOST")).findFirst().orElseThrow();
        assertThat(host.to()).isEqualTo("db.postgres.database.azure.com");
        assertThat(changes).filteredOn(c -> c.key().equals("POSTGRES_SSLMODE")).extracting(ConfigChange::to).containsExactly("require");
        assertThat(changes).filteredOn(c -> c.key().equals("POSTGRES_PORT")).isEmpty();
        assertThat(changes).filteredOn(c -> c.key().equals("REDIS_HOST")).extracting(ConfigChange::to).containsExactly("cache.redis.cache.windows.net");
        // secrets become Key Vault references
        ConfigChange jwt = change(changes, "docker-compose.yml", "JWT_SECRET");
        assertThat(jwt.from()).isEqualTo("<redacted>");
        assertThat(jwt.to()).isEqualTo("@Microsoft.KeyVault(SecretUri=https://<vault>.vault.azure.net/secrets/jwt-secret)");
        ConfigChange envPassword = change(changes, ".env", "DB_PASSWORD");
        assertThat(envPassword.from()).isEqualTo("<redacted>");
        assertThat(envPassword.to()).endsWith("/secrets/db-password)");
        assertThat(changes).filteredOn(c -> c.file().equals(".env") && c.key().equals("DB_PASSWORD")).hasSize(1);
        assertThat(changes).filteredOn(c -> c.key().equals("POSTGRES_PASSWORD")).hasSize(1);
        // SMTP points outside the estate: no endpoint change, but its URL carries a password, so it moves to Key Vault
        assertThat(changes).filteredOn(c -> c.key().equals("SMTP_URL")).extracting(ConfigChange::to)
                .containsExactly("@Microsoft.KeyVault(SecretUri=https://<vault>.vault.azure.net/secrets/smtp-url)");
        // LOG_LEVEL is no endpoint; the database's own settings are not endpoints
        assertThat(changes).extracting(ConfigChange::key).doesNotContain("LOG_LEVEL", "POSTGRES_DB", "POSTGRES_USER");
        assertNoSecrets(changes);
    }

    @Test
    void composeToAws() {
        List<ConfigChange> changes = ConfigChangePlanner.defaults().plan("default", composeEntries, composeResources, "aws",
                services(Map.of("compose_postgres", "Amazon RDS for PostgreSQL", "compose_redis", "Amazon ElastiCache", "compose_kafka", "Amazon MSK")));
        assertThat(change(changes, "docker-compose.yml", "DATABASE_URL").to()).isEqualTo(
                "postgresql://<user>:<secret:database-password>@db.<id>.<region>.rds.amazonaws.com:5432/app?sslmode=verify-full&sslrootcert=/etc/ssl/certs/rds-global-bundle.pem");
        assertThat(change(changes, "docker-compose.yml", "REDIS_URL").to()).isEqualTo("rediss://:<secret:redis-auth-token>@master.cache.<id>.<region>.cache.amazonaws.com:6379/0");
        assertThat(change(changes, "docker-compose.yml", "KAFKA_BOOTSTRAP_SERVERS").to()).isEqualTo("b-1.kafka.<id>.c2.kafka.<region>.amazonaws.com:9094");
        assertThat(change(changes, "docker-compose.yml", "KAFKA_BOOTSTRAP_SERVERS").reason()).contains("9096").contains("9098");
        assertThat(change(changes, "docker-compose.yml", "KAFKA_SECURITY_PROTOCOL").to()).isEqualTo("SSL");
        assertThat(change(changes, "docker-compose.yml", "JWT_SECRET").to()).isEqualTo("valueFrom: arn:aws:secretsmanager:<region>:<account-id>:secret:jwt-secret");
        assertThat(changes).filteredOn(c -> c.key().equals("POSTGRES_SSLMODE")).extracting(ConfigChange::to).containsExactly("verify-full");
        assertNoSecrets(changes);
    }

    @Test
    void composeToGcpWithPubSubAndManagedKafka() {
        List<ConfigChange> pubsub = ConfigChangePlanner.defaults().plan("default", composeEntries, composeResources, "gcp",
                services(Map.of("compose_kafka", "Pub/Sub", "compose_redis", "Memorystore for Redis")));
        ConfigChange kafka = change(pubsub, "docker-compose.yml", "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(kafka.to()).isEqualTo("projects/<project>/topics/<topic>");
        assertThat(kafka.reason()).contains("Pub/Sub has no Kafka protocol");
        assertThat(pubsub).extracting(ConfigChange::key).doesNotContain("KAFKA_SECURITY_PROTOCOL");
        assertThat(change(pubsub, "docker-compose.yml", "REDIS_URL").to()).isEqualTo("rediss://:<secret:redis-auth-string>@<memorystore-ip>:6378/0");
        assertThat(change(pubsub, ".env", "REDIS_PASSWORD").to()).isEqualTo("projects/<project>/secrets/redis-password/versions/latest");
        assertThat(pubsub).filteredOn(c -> c.file().equals("docker-compose.yml") && c.key().equals("REDIS_PASSWORD")).isEmpty();
        assertThat(change(pubsub, "docker-compose.yml", "DATABASE_URL").to()).isEqualTo(
                "postgresql://<user>:<secret:database-password>@<cloud-sql-private-ip>:5432/app?sslmode=require");
        assertThat(change(pubsub, "docker-compose.yml", "JWT_SECRET").to()).isEqualTo("projects/<project>/secrets/jwt-secret/versions/latest");
        List<ConfigChange> managed = ConfigChangePlanner.defaults().plan("default", composeEntries, composeResources, "gcp",
                services(Map.of("compose_kafka", "Managed Service for Apache Kafka")));
        assertThat(change(managed, "docker-compose.yml", "KAFKA_BOOTSTRAP_SERVERS").to())
                .isEqualTo("bootstrap.kafka.<region>.managedkafka.<project>.cloud.goog:9092");
        assertThat(change(managed, "docker-compose.yml", "KAFKA_SASL_MECHANISM").to()).isEqualTo("OAUTHBEARER");
        assertNoSecrets(pubsub);
        assertNoSecrets(managed);
    }

    @Test
    void ecsContainerDefinitionsToAzureByCloudHostNames() {
        List<ConfigChange> changes = ConfigChangePlanner.defaults().plan("default", List.of(), awsResources, "azure",
                services(Map.of("aws_db_instance", "Azure Database for PostgreSQL Flexible Server", "aws_msk_cluster", "Azure Event Hubs")));
        String file = "aws-state.json";
        ConfigChange db = change(changes, file, "DATABASE_URL");
        assertThat(db.from()).isEqualTo("postgresql://<user>:<redacted>@shop-db.abc123.eu-west-1.rds.amazonaws.com:5432/shop");
        assertThat(db.to()).isEqualTo("postgresql://<user>:<secret:database-password>@shop-db.postgres.database.azure.com:5432/shop?sslmode=require");
        assertThat(db.reason()).contains("aws_db_instance.main");
        assertThat(change(changes, file, "REDIS_URL").to()).isEqualTo("rediss://:<secret:redis-access-key>@shop-cache.redis.cache.windows.net:6380");
        assertThat(change(changes, file, "KAFKA_BROKERS").to()).isEqualTo("shop-events.servicebus.windows.net:9093");
        assertThat(change(changes, file, "UPLOAD_BUCKET").to()).isEqualTo("shop-uploads");
        ConfigChange secret = change(changes, file, "DB_PASSWORD");
        assertThat(secret.from()).isEqualTo("arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop-db-password");
        assertThat(secret.to()).isEqualTo("@Microsoft.KeyVault(SecretUri=https://<vault>.vault.azure.net/secrets/db-password)");
        assertThat(changes).extracting(ConfigChange::key).doesNotContain("SMTP_HOST");
        assertNoSecrets(changes);
        // staying on AWS: the Secrets Manager reference is already right
        List<ConfigChange> aws = ConfigChangePlanner.defaults().plan("default", List.of(), awsResources, "aws", t -> null);
        assertThat(aws).extracting(ConfigChange::key).doesNotContain("DB_PASSWORD", "REDIS_URL", "KAFKA_BROKERS");
        // but a URL with a password written into the task definition belongs in Secrets Manager
        assertThat(aws).extracting(ConfigChange::key, ConfigChange::to).containsExactly(org.assertj.core.groups.Tuple.tuple(
                "DATABASE_URL", "valueFrom: arn:aws:secretsmanager:<region>:<account-id>:secret:database-url"));
    }

    @Test
    void terraformReferencesInUnknownContainerDefinitions() {
        SourcePosition pos = new SourcePosition("main.tf", 40, 1);
        Resource rds = new Resource("aws_db_instance.main", "aws_db_instance", "aws", "database", "prod", Map.of(),
                Map.of("identifier", "${var.name}-db", "engine", "postgres"), List.of(), new SourcePosition("main.tf", 10, 1));
        Resource other = new Resource("aws_db_instance.reporting", "aws_db_instance", "aws", "database", "prod", Map.of(),
                Map.of("identifier", "reporting", "engine", "mysql"), List.of(), new SourcePosition("main.tf", 20, 1));
        Resource cache = new Resource("module.cache.aws_elasticache_replication_group.this", "aws_elasticache_replication_group", "aws",
                "cache", "prod", Map.of(), Map.of("replication_group_id", "shop-cache"), List.of(), pos);
        String hcl = "${jsonencode([{ name = \"api\", environment = [ { name = \"DB_HOST\", value = aws_db_instance.main.address },"
                + " { name = \"DB_PORT\", value = \"5432\" }, { name = \"REDIS_HOST\", value = module.cache.primary_endpoint } ] }])}";
        Resource task = new Resource("aws_ecs_task_definition.api", "aws_ecs_task_definition", "aws", "container", "prod", Map.of(),
                Map.of("container_definitions", hcl), List.of(), pos);
        List<ConfigChange> changes = ConfigChangePlanner.defaults().plan("prod", List.of(), List.of(rds, other, cache, task), "azure", t -> null);
        ConfigChange host = change(changes, "main.tf", "DB_HOST");
        assertThat(host.from()).isEqualTo("${aws_db_instance.main.address}");
        assertThat(host.to()).isEqualTo("main.postgres.database.azure.com");
        assertThat(host.environment()).isEqualTo("prod");
        assertThat(change(changes, "main.tf", "DB_SSLMODE").to()).isEqualTo("require");
        assertThat(change(changes, "main.tf", "REDIS_HOST").to()).isEqualTo("shop-cache.redis.cache.windows.net");
        assertThat(change(changes, "main.tf", "REDIS_TLS").to()).isEqualTo("true");
        // DB_PORT is ambiguous between two database engines with no host to decide: no guess
        assertThat(changes).extracting(ConfigChange::key).doesNotContain("DB_PORT");
    }

    @Test
    void dotenvOnlyEntriesResolveByKind() {
        List<ConfigEntry> env = new DotenvReader().read(resource("dotenv/full.env")).entries();
        Resource pg = new Resource("compose.postgres", "compose_postgres", "compose", null, "default", Map.of(), Map.of(), List.of(),
                new SourcePosition("docker-compose.yml", 2, 3));
        List<ConfigChange> changes = ConfigChangePlanner.defaults().plan("default", env, List.of(pg), "azure", t -> null);
        ConfigChange url = change(changes, "full.env", "DATABASE_URL");
        assertThat(url.from()).isEqualTo("postgresql://<redacted>@<redacted>:5432/<redacted>?<redacted>");
        assertThat(url.to()).isEqualTo("postgresql://<user>:<secret:database-password>@postgres.postgres.database.azure.com:5432/<database>?sslmode=require");
        assertThat(change(changes, "full.env", "DB_HOST").to()).isEqualTo("postgres.postgres.database.azure.com");
        assertThat(changes.toString()).doesNotContain("db.internal").doesNotContain("Planted-Dotenv-Pass");
    }
}
