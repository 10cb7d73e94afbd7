package dev.cloudshift.core.ingest.compose;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import static dev.cloudshift.core.ingest.compose.ComposeReaderTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

class ComposeDiagnosticsTest {

    @Test
    void malformedYamlNamesThePlaceAndLeaksNothing() {
        ComposeResult r = new ComposeReader().read(resource("compose/bad-yaml"));
        // the intact service is still read; the broken one is named
        assertThat(r.resources()).extracting(Resource::address).containsExactly("compose.cache");
        assertThat(r.resources().get(0).position().toString()).isEqualTo("docker-compose.yml:6:3");
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings().get(0).toString())
                .isEqualTo("docker-compose.yml:2:3: expected service db to be valid YAML; it was left out (the problem is at 5:50)");
        Diagnostic d = r.warnings().get(1);
        assertThat(d.file()).isEqualTo("docker-compose.yml");
        assertThat(d.line()).isEqualTo(8);
        assertThat(d.column()).isEqualTo(1);
        assertThat(d.message()).startsWith("expected valid YAML: found unexpected end of stream");
        assertThat(r.toString()).doesNotContain("Planted-Bad-Yaml-Secret");
    }

    @Test
    void wrongShapesAreReportedAndOtherServicesStillRead() {
        ComposeResult r = new ComposeReader().read(resource("compose/shapes"));
        assertThat(r.resources()).extracting(Resource::address)
                .containsExactly("compose.good", "compose.badports", "compose.badport-item", "compose.badmemory", "compose.nothing", "compose.deps");
        assertThat(r.warnings()).extracting(Diagnostic::toString).containsExactly(
                "docker-compose.yml:6:19: expected service scalar-service to be a mapping (image:, build:, ports: ...), found a scalar",
                "docker-compose.yml:9:12: expected ports: of service badports to be a list, for example [\"8080:80\"], found a scalar",
                "docker-compose.yml:13:9: expected a port like 8080, 8080:80, 127.0.0.1:8080:80 or 8000-8010:8000-8010/udp",
                "docker-compose.yml:18:17: expected deploy.replicas to be a whole number",
                "docker-compose.yml:21:19: expected a memory size like 512M, 1g or 1.5GiB",
                "docker-compose.yml:23:3: expected service nothing to have an image: or a build: (it has neither)",
                "docker-compose.yml:28:18: expected service deps to depend on a service of this file; ghost is not defined",
                "docker-compose.yml:30:9: expected named volume undeclared to be declared under the top-level volumes:",
                "docker-compose.yml:33:9: expected KEY=value strings in environment: of service deps, found a mapping");
        Resource item = r.resources().get(2);
        assertThat(item.raw().get("ports")).isEqualTo(List.of(81));
        assertThat(r.resources().get(3).raw()).containsEntry("cpus", 0.5).doesNotContainKey("memory_gb");
        assertThat(r.resources().get(5).dependsOn()).containsExactly("compose.good");
        assertThat(r.toString()).doesNotContain("Planted-Shape-Secret");
    }

    @Test
    void aBrokenOverrideKeepsTheBaseFile() {
        ComposeResult r = new ComposeReader().read(resource("compose/bad-override"));
        assertThat(r.warnings()).extracting(Diagnostic::toString).containsExactly(
                "docker-compose.override.yml:2:3: expected service app to be valid YAML; it was left out (the problem is at 4:1)",
                "docker-compose.override.yml:4:1: expected valid YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence)");
        assertThat(r.resources()).extracting(Resource::address).containsExactly("compose.app", "compose.db");
        assertThat(r.resources().get(0).dependsOn()).containsExactly("compose.db");
        assertThat(r.resources().get(1).type()).isEqualTo("compose_mysql");
    }

    @Test
    void missingComposeFileAndRecursiveAlias(@TempDir Path dir) throws Exception {
        ComposeResult none = new ComposeReader().read(dir);
        assertThat(none.warnings()).extracting(Diagnostic::message)
                .containsExactly("expected a compose file (compose.yaml or docker-compose.yml) in this directory");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  a: &x\n    image: nginx\n    labels: *x\n");
        ComposeResult r = new ComposeReader().read(dir);
        assertThat(r.resources()).extracting(Resource::address).containsExactly("compose.a");
        assertThat(r.warnings()).extracting(Diagnostic::toString)
                .containsExactly("compose.yaml:2:6: expected a finite structure: an alias inside this anchored node refers back to it");
    }

    @Test
    void composeYamlWithOverrideAndEnvFileObjects(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                "services:",
                "  web:",
                "    image: ghcr.io/acme/web:2.1",
                "    env_file:",
                "      - path: ./missing-optional.env",
                "        required: false",
                "      - path: ./missing-required.env",
                "    entrypoint: /bin/run --token=Planted-Flag-Token",
                "  queue:",
                "    image: nats:2.10",
                ""));
        Files.writeString(dir.resolve("compose.override.yaml"), "services:\n  web:\n    environment:\n      - NATS_URL=nats://queue:4222\n");
        Files.writeString(dir.resolve(".env.example"), "IGNORED=1\n");
        ComposeResult r = new ComposeReader().read(dir);
        assertThat(r.environments()).containsExactly("default");
        assertThat(r.warnings()).extracting(Diagnostic::toString).containsExactly(
                "compose.yaml:7:15: expected env_file ./missing-required.env of service web to exist; create it or mark it required: false");
        Resource web = r.resources().get(0);
        assertThat(web.type()).isEqualTo("compose_app");
        assertThat(web.dependsOn()).containsExactly("compose.queue");
        assertThat(web.raw().get("entrypoint")).isEqualTo("/bin/run --token=<redacted>");
        assertThat(r.resources().get(1).type()).isEqualTo("compose_nats");
        assertThat(r.toString()).doesNotContain("Planted-Flag-Token");
    }

    @Test
    void extendsFromTheSameFileAndAnotherFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("common.yml"), String.join("\n",
                "services:",
                "  base-app:",
                "    build: .",
                "    environment:",
                "      LOG_LEVEL: info",
                "    ports: [\"8080\"]",
                ""));
        Files.writeString(dir.resolve("docker-compose.yml"), String.join("\n",
                "services:",
                "  web:",
                "    extends:",
                "      file: common.yml",
                "      service: base-app",
                "    environment:",
                "      LOG_LEVEL: debug",
                "  worker:",
                "    extends: web",
                "    command: [\"worker\"]",
                "  broken:",
                "    image: nginx",
                "    extends: {service: nowhere}",
                ""));
        ComposeResult r = new ComposeReader().read(dir);
        assertThat(r.warnings()).extracting(Diagnostic::toString)
                .containsExactly("docker-compose.yml:13:14: expected service nowhere to extend; it is not defined");
        Resource web = r.resources().get(0);
        assertThat(web.raw()).containsKey("build").containsEntry("ports", List.of(8080));
        assertThat(web.raw().get("environment")).isEqualTo(java.util.Map.of("LOG_LEVEL", "debug"));
        Resource worker = r.resources().get(1);
        assertThat(worker.raw()).containsKey("build").containsEntry("command", List.of("worker"));
        assertThat(worker.position().line()).isEqualTo(8);
        assertThat(r.resources().get(2).type()).isEqualTo("compose_nginx");
    }

    @Test
    void includeBringsInOtherFiles(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("infra"));
        Files.writeString(dir.resolve("infra/db.yml"), "services:\n  db:\n    image: mariadb:11\n    volumes: [dbdata:/var/lib/mysql]\nvolumes:\n  dbdata:\n");
        Files.writeString(dir.resolve("docker-compose.yml"), String.join("\n",
                "include:",
                "  - infra/db.yml",
                "  - path: missing.yml",
                "services:",
                "  app:",
                "    build: .",
                "    environment:",
                "      DB_HOST: db",
                ""));
        ComposeResult r = new ComposeReader().read(dir);
        assertThat(r.warnings()).extracting(Diagnostic::toString).containsExactly("docker-compose.yml:3:11: expected included file missing.yml to exist");
        assertThat(r.resources()).extracting(Resource::address).containsExactly("compose.app", "compose.db");
        assertThat(r.resources().get(0).dependsOn()).containsExactly("compose.db");
        assertThat(r.resources().get(1).type()).isEqualTo("compose_mariadb");
        assertThat(r.resources().get(1).position().toString()).isEqualTo("infra/db.yml:2:3");
    }

    @Test
    void requiredVariableAndUnsetVariableAreWarnings(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("docker-compose.yaml"),
                "services:\n  db:\n    image: postgres:${PG_VERSION:-16}\n    environment:\n      POSTGRES_PASSWORD: ${PG_PASS:?set PG_PASS}\n      OTHER: ${NOPE}\n");
        ComposeResult r = new ComposeReader().read(dir);
        assertThat(r.warnings()).extracting(Diagnostic::toString).containsExactly(
                "docker-compose.yaml:5:26: required variable PG_PASS is missing a value: set PG_PASS",
                "docker-compose.yaml:6:14: variable NOPE is not set; using an empty string");
        assertThat(r.resources().get(0).raw()).containsEntry("engine_version", "16");
    }
}
