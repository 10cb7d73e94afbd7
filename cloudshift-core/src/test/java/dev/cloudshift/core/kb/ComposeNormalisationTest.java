package dev.cloudshift.core.kb;

import dev.cloudshift.core.ingest.compose.ComposeReader;
import dev.cloudshift.core.ingest.compose.ComposeResult;
import dev.cloudshift.core.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base's compose rules (catalog/types/compose.yaml) against what the compose reader really
 * puts in {@code raw}: a real compose project is read by {@link ComposeReader} and normalised, so the two
 * cannot drift apart on field names again (replicas, cpus, memory_gb, engine, engine_version, ports).
 */
class ComposeNormalisationTest {

    @TempDir
    static Path project;

    static ComposeResult read;
    static KnowledgeBase kb;

    @BeforeAll
    static void readProject() throws IOException {
        Files.writeString(project.resolve("docker-compose.yml"), """
                services:
                  app:
                    build: .
                    ports: ["8000:8000"]
                    deploy:
                      replicas: 1
                      resources:
                        limits:
                          cpus: "0.50"
                          memory: 512M
                  legacy:
                    image: ghcr.io/acme/legacy:2.0
                    scale: 2
                    cpus: 1.5
                    mem_limit: 1536m
                  db:
                    image: postgres:15.4-alpine
                  cache:
                    image: valkey/valkey:8.0
                    ports: ["6380:6379"]
                  proxy:
                    image: traefik:v3.0
                """);
        Files.writeString(project.resolve("docker-compose.prod.yml"), """
                services:
                  app:
                    image: registry.example.com/orders/app:1.8.3
                    deploy:
                      replicas: 3
                      resources:
                        limits:
                          cpus: "1.0"
                          memory: 1G
                  db:
                    deploy:
                      resources:
                        limits:
                          cpus: "2.0"
                          memory: 4G
                """);
        read = new ComposeReader().read(project);
        assertThat(read.warnings()).isEmpty();
        kb = KnowledgeBase.load();
    }

    private static Map<String, Object> attributes(String env, String service) {
        Resource raw = read.resources(env).stream().filter(r -> r.address().equals("compose." + service)).findFirst()
                .orElseThrow(() -> new AssertionError("no compose." + service + " in " + env));
        Normalised n = kb.normaliseChecked(raw);
        assertThat(n.knownType()).as(raw.type()).isTrue();
        assertThat(n.problems()).as(service + " problems").isEmpty();
        return n.resource().attributes();
    }

    @Test
    void deployReplicasAndLimitsReachTheAttributes() {
        assertThat(attributes("default", "app")).containsEntry("replicas", 1L).containsEntry("vcpu", 0.5)
                .containsEntry("memory_gb", 0.5).containsEntry("ports", List.of(8000L));
        assertThat(attributes("prod", "app")).containsEntry("replicas", 3L).containsEntry("vcpu", 1L)
                .containsEntry("memory_gb", 1L);
    }

    @Test
    void legacyScaleCpusAndMemLimitReachTheAttributes() {
        assertThat(attributes("default", "legacy")).containsEntry("replicas", 2L).containsEntry("vcpu", 1.5)
                .containsEntry("memory_gb", 1.5);
    }

    @Test
    void databaseLimitsOfAnOverrideFileAndDefaultsOtherwise() {
        assertThat(attributes("default", "db")).containsEntry("replicas", 1L).doesNotContainKeys("vcpu", "memory_gb")
                .containsEntry("engine", "postgres").containsEntry("engine_version", "15.4")
                .containsEntry("ports", List.of(5432L));
        assertThat(attributes("prod", "db")).containsEntry("vcpu", 2L).containsEntry("memory_gb", 4L);
    }

    @Test
    void engineAndVersionComeFromTheImageCatalogAsIngestReadsThem() {
        assertThat(attributes("default", "cache")).containsEntry("engine", "valkey")
                .containsEntry("engine_version", "8.0").containsEntry("ports", List.of(6379L));
        assertThat(attributes("default", "proxy")).containsEntry("engine", "traefik")
                .containsEntry("engine_version", "3.0");
    }
}
