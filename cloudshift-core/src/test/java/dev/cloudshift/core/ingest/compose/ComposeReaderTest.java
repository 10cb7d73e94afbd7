package dev.cloudshift.core.ingest.compose;

import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ComposeReaderTest {

    static ComposeResult result;

    static Path resource(String name) {
        try {
            return Path.of(ComposeReaderTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void read() {
        result = new ComposeReader().read(resource("compose/full"));
    }

    static Resource service(String env, String name) {
        return result.resources(env).stream().filter(r -> r.address().equals("compose." + name)).findFirst()
                .orElseThrow(() -> new AssertionError("no compose." + name + " in " + env));
    }

    static ConfigEntry entry(String env, String owner, String key) {
        return result.config(env).stream().filter(c -> owner.equals(c.owner()) && c.key().equals(key)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + key + " for " + owner));
    }

    @Test
    void environmentsComeFromComposeAndDotenvFileNames() {
        assertThat(result.environments()).containsExactly("default", "prod");
    }

    @Test
    void servicesGetTypesFromImages() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("api", "compose_app"), Map.entry("worker", "compose_app"), Map.entry("db", "compose_postgres"),
                Map.entry("cache", "compose_redis"), Map.entry("kafka", "compose_kafka"), Map.entry("zookeeper", "compose_zookeeper"),
                Map.entry("rabbit", "compose_rabbitmq"), Map.entry("search", "compose_opensearch"), Map.entry("minio", "compose_minio"),
                Map.entry("mssql", "compose_mssql"), Map.entry("proxy", "compose_nginx"), Map.entry("stack", "compose_redis"));
        expected.forEach((svc, type) -> {
            Resource r = service("default", svc);
            assertThat(r.type()).as(svc).isEqualTo(type);
            assertThat(r.provider()).isEqualTo("compose");
            assertThat(r.category()).isNull();
            assertThat(r.attributes()).isEmpty();
            assertThat(r.environment()).isEqualTo("default");
        });
        assertThat(service("default", "db").raw()).containsEntry("engine", "postgres").containsEntry("engine_version", "16.2")
                .containsEntry("image", "postgres:16.2-alpine").containsEntry("image_tag", "16.2-alpine");
    }

    @Test
    void servicePositionIsTheServiceKey() {
        assertThat(service("default", "api").position().toString()).isEqualTo("docker-compose.yml:22:3");
        assertThat(service("default", "db").position().toString()).isEqualTo("docker-compose.yml:84:3");
    }

    @Test
    void anchorsAndMergeKeysBringBuildAndEnvFile() {
        Resource api = service("default", "api");
        @SuppressWarnings("unchecked")
        Map<String, Object> build = (Map<String, Object>) api.raw().get("build");
        assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", "docker/Dockerfile");
        assertThat(build.get("args")).isEqualTo(Map.of("NODE_ENV", "production"));
        assertThat(api.raw()).containsEntry("restart", "unless-stopped");
        // env_file app.env entries belong to the service and are secret
        ConfigEntry session = entry("default", "compose.api", "SESSION_SECRET");
        assertThat(session.secret()).isTrue();
        assertThat(session.value()).isNull();
        assertThat(session.shape()).isEqualTo("<redacted>");
        assertThat(session.position().toString()).isEqualTo("app.env:2:8");
        assertThat(entry("default", "compose.worker", "SMTP_URL").shape()).isEqualTo("smtp://<redacted>@<redacted>:587");
    }

    @Test
    void portsShortAndLongSyntaxAndOverrideUnion() {
        Resource api = service("default", "api");
        assertThat(api.raw().get("ports")).isEqualTo(List.of(8080, 9229, 9090, 3000));
        assertThat(api.raw().get("published_ports")).isEqualTo(List.of(8080, 9229, 19090, 3000));
        assertThat(api.raw().get("expose")).isEqualTo(List.of(7000));
        assertThat(service("default", "rabbit").raw().get("ports")).isEqualTo(List.of(5672, 15672));
        assertThat(service("default", "rabbit").raw().get("published_ports")).isEqualTo(List.of(15672));
    }

    @Test
    void deployResourcesAndReplicas() {
        Resource api = service("default", "api");
        assertThat(api.raw()).containsEntry("replicas", 2).containsEntry("cpus", 0.5).containsEntry("memory_gb", 0.5)
                .containsEntry("reserved_cpus", 0.25).containsEntry("reserved_memory_gb", 0.25);
        assertThat(service("default", "worker").raw()).containsEntry("memory_gb", 1);
        Resource prodApi = service("prod", "api");
        assertThat(prodApi.raw()).containsEntry("replicas", 6).containsEntry("memory_gb", 2).containsEntry("cpus", 0.5);
    }

    @Test
    void dependsOnFromDependsOnLinksAndHostNames() {
        assertThat(service("default", "api").dependsOn()).containsExactly("compose.db", "compose.cache", "compose.kafka");
        assertThat(service("default", "api").raw().get("depends_on")).isEqualTo(Map.of("db", "service_healthy", "cache", "service_started"));
        assertThat(service("default", "worker").dependsOn()).containsExactlyInAnyOrder("compose.db", "compose.rabbit", "compose.search", "compose.minio");
        assertThat(service("default", "proxy").dependsOn()).containsExactly("compose.api");
        assertThat(service("default", "kafka").dependsOn()).containsExactly("compose.zookeeper");
        assertThat(service("default", "db").dependsOn()).isEmpty();
    }

    @Test
    void interpolationFromDotenvWithDefaultsAndEscapes() {
        ConfigEntry url = entry("default", "compose.api", "DATABASE_URL");
        assertThat(url.secret()).isTrue();
        assertThat(url.value()).isNull();
        assertThat(url.shape()).isEqualTo("postgresql://<user>:<redacted>@db:5432/shop");
        ConfigEntry redis = entry("default", "compose.api", "REDIS_URL");
        assertThat(redis.secret()).isFalse();
        assertThat(redis.value()).isEqualTo("redis://cache:6379/0");
        assertThat(entry("default", "compose.api", "PRICE").value()).isEqualTo("$5");
        // override wins over the base default
        assertThat(entry("default", "compose.api", "LOG_LEVEL").value()).isEqualTo("debug");
        assertThat(entry("prod", "compose.api", "LOG_LEVEL").value()).isEqualTo("warn");
        ConfigEntry flag = entry("default", "compose.api", "FEATURE_FLAG");
        assertThat(flag.shape()).isEqualTo("<unset>");
        // JWT_SECRET is secret by key, AWS key by value
        assertThat(entry("default", "compose.api", "JWT_SECRET").shape()).isEqualTo("<redacted>");
        ConfigEntry aws = entry("default", "compose.worker", "AWS_ACCESS_KEY_ID");
        assertThat(aws.secret()).isTrue();
        assertThat(aws.value()).isNull();
        assertThat(aws.position().toString()).isEqualTo("docker-compose.yml:71:9");
        assertThat(service("default", "cache").raw().get("command"))
                .isEqualTo("redis-server --requirepass <redacted> --appendonly yes");
    }

    @Test
    void overrideAndEnvironmentFilesMergeByComposeRules() {
        Resource api = service("default", "api");
        assertThat(api.raw().get("command")).isEqualTo(List.of("npm", "run", "dev"));
        assertThat(service("prod", "api").raw().get("command")).isEqualTo(List.of("node", "server.js", "--port", "8080"));
        assertThat(service("prod", "api").raw()).containsEntry("image", "registry.example.com/shop/api:1.4.2");
        assertThat(service("prod", "api").type()).isEqualTo("compose_app");
        // mssql is reset in prod
        assertThat(result.resources("prod")).extracting(Resource::address).doesNotContain("compose.mssql");
        assertThat(result.resources("default")).extracting(Resource::address).contains("compose.mssql");
        // volumes merge by target: prod replaced the short form with the long form
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> prodVolumes = (List<Map<String, Object>>) service("prod", "db").raw().get("volumes");
        assertThat(prodVolumes).hasSize(2);
        assertThat(prodVolumes.get(0)).containsEntry("type", "volume").containsEntry("source", "pgdata")
                .containsEntry("target", "/var/lib/postgresql/data");
        assertThat(prodVolumes.get(1)).containsEntry("type", "bind").containsEntry("read_only", true);
        assertThat(service("default", "db").raw().get("ports")).isEqualTo(List.of(5432));
        assertThat(service("prod", "db").raw().get("ports")).isNull();
    }

    @Test
    void healthcheckNetworksProfiles() {
        Resource api = service("default", "api");
        assertThat(api.raw().get("healthcheck")).isEqualTo(Map.of("test", List.of("CMD", "curl", "-f", "http://localhost:8080/health"),
                "interval", "30s", "timeout", "5s", "retries", 3));
        assertThat(api.raw().get("networks")).isEqualTo(List.of("backend", "frontend"));
        assertThat(api.raw().get("profiles")).isEqualTo(List.of("web"));
        assertThat(service("default", "minio").raw()).containsEntry("command", "server /data");
    }

    @Test
    void noWarningsForAValidProject() {
        assertThat(result.warnings()).extracting(Diagnostic::toString).isEmpty();
    }

    @Test
    void plantedSecretsNeverLeave() {
        String everything = result.toString();
        for (String secret : List.of("s3cr3t-Planted-Pg-Pass", "r3dis-Planted-Pass", "prod-Planted-Pg-Pass",
                "app-env-Planted-Session", "apppass", "hunter2-not-so-secret", "AKIAIOSFODNN7EXAMPLE", "fallback")) {
            assertThat(everything).as(secret).doesNotContain(secret);
        }
    }
}
