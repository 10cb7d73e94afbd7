package dev.cloudshift.core.ingest.tfjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TerraformJsonReaderTest {

    static TerraformJsonResult plan;
    static TerraformJsonResult state;

    static Path resource(String name) {
        try {
            return Path.of(TerraformJsonReaderTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void read() {
        plan = new TerraformJsonReader().read(resource("tfjson/plan.json"), "tfjson/plan.json", "prod");
        state = new TerraformJsonReader().read(resource("tfjson/state.json"));
    }

    static Resource find(TerraformJsonResult r, String address) {
        return r.resources().stream().filter(x -> x.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + address));
    }

    @Test
    void planAddressesAreTerraformsOwn() {
        assertThat(plan.kind()).isEqualTo("plan");
        assertThat(plan.diagnostics()).isEmpty();
        assertThat(plan.resources()).extracting(Resource::address).containsExactly(
                "aws_vpc.main", "aws_subnet.private[0]", "aws_subnet.private[1]", "aws_s3_bucket.assets[\"logs\"]",
                "aws_s3_bucket.assets[\"media\"]", "aws_ecs_task_definition.api", "aws_ecs_service.api",
                "module.db.aws_db_instance.this", "module.db.aws_db_subnet_group.this");
        Resource db = find(plan, "module.db.aws_db_instance.this");
        assertThat(db.type()).isEqualTo("aws_db_instance");
        assertThat(db.provider()).isEqualTo("aws");
        assertThat(db.environment()).isEqualTo("prod");
        assertThat(db.category()).isNull();
        assertThat(db.position().toString()).isEqualTo("tfjson/plan.json:107:26");
    }

    @Test
    void sensitiveAndUnknownValues() {
        Resource db = find(plan, "module.db.aws_db_instance.this");
        assertThat(db.raw()).containsEntry("password", "<sensitive>").containsEntry("engine", "postgres")
                .containsEntry("allocated_storage", 100L).containsEntry("multi_az", true)
                .containsEntry("address", "${module.db.aws_db_instance.this.address}")
                .containsEntry("db_subnet_group_name", "${aws_db_subnet_group.this.name}");
        Resource subnet = find(plan, "aws_subnet.private[1]");
        assertThat(subnet.raw()).containsEntry("vpc_id", "${aws_vpc.main.id}").containsEntry("id", "${aws_subnet.private[1].id}");
        Resource svc = find(plan, "aws_ecs_service.api");
        assertThat(svc.raw().get("network_configuration"))
                .isEqualTo(List.of(Map.of("assign_public_ip", false, "subnets", "${aws_ecs_service.api.network_configuration[0].subnets}")));
        assertThat(svc.raw()).containsEntry("task_definition", "${aws_ecs_task_definition.api.arn}");
    }

    @Test
    void containerDefinitionsAreRedactedInsideAndStayJson() throws Exception {
        Resource td = find(plan, "aws_ecs_task_definition.api");
        String defs = (String) td.raw().get("container_definitions");
        JsonNode json = new ObjectMapper().readTree(defs);
        JsonNode env = json.get(0).get("environment");
        assertThat(env.get(0).get("value").asText()).isEqualTo("redis://shop-prod.abc123.0001.euw1.cache.amazonaws.com:6379/0");
        assertThat(env.get(1).get("name").asText()).isEqualTo("DB_PASSWORD");
        assertThat(env.get(1).get("value").asText()).isEqualTo("<sensitive>");
        assertThat(json.get(0).get("secrets").get(0).get("valueFrom").asText()).startsWith("arn:aws:secretsmanager:");
    }

    @Test
    void dependsOnFromReferencesModulesAndDependsOn() {
        assertThat(find(plan, "aws_subnet.private[0]").dependsOn()).containsExactly("aws_vpc.main");
        assertThat(find(plan, "aws_s3_bucket.assets[\"logs\"]").dependsOn()).isEmpty();
        assertThat(find(plan, "aws_ecs_task_definition.api").dependsOn()).containsExactly("module.db.aws_db_instance.this");
        assertThat(find(plan, "aws_ecs_service.api").dependsOn()).containsExactly(
                "aws_ecs_task_definition.api", "aws_subnet.private[0]", "aws_subnet.private[1]",
                "aws_s3_bucket.assets[\"logs\"]", "aws_s3_bucket.assets[\"media\"]");
        assertThat(find(plan, "module.db.aws_db_instance.this").dependsOn()).containsExactly("module.db.aws_db_subnet_group.this");
        // var.subnet_ids goes through the module call to the root module's subnets
        assertThat(find(plan, "module.db.aws_db_subnet_group.this").dependsOn())
                .containsExactly("aws_subnet.private[0]", "aws_subnet.private[1]");
    }

    @Test
    void stateValuesProvidersAndSecrets() {
        assertThat(state.kind()).isEqualTo("state");
        assertThat(state.diagnostics()).isEmpty();
        Resource cache = find(state, "aws_elasticache_replication_group.cache");
        assertThat(cache.raw()).containsEntry("auth_token", "<sensitive>").containsEntry("num_cache_clusters", 2L);
        assertThat(cache.dependsOn()).containsExactly("aws_elasticache_subnet_group.cache");
        assertThat(find(state, "aws_elasticache_subnet_group.cache").raw().get("subnet_ids")).isEqualTo(List.of("subnet-0a1b2c3d4e5f67890"));
        Resource key = find(state, "aws_iam_access_key.ci");
        assertThat(key.raw()).containsEntry("id", "<sensitive>").containsEntry("secret", "<sensitive>").containsEntry("user", "ci");
        assertThat(find(state, "azurerm_redis_cache.legacy").provider()).isEqualTo("azure");
        Resource vpc = find(state, "module.net[\"eu\"].google_compute_network.vpc");
        assertThat(vpc.provider()).isEqualTo("gcp");
        assertThat(vpc.position().line()).isEqualTo(47);
    }

    @Test
    void plantedSecretsNeverLeave() {
        String all = plan.toString() + state.toString();
        for (String s : List.of("Planted-Var-Pass-9f3", "Planted-Container-Pass-77", "Planted-Db-Pass-42", "Planted-Redis-Token-55",
                "AKIAIOSFODNN7PLANTED", "wJalrXUtnFEMI", "Planted-Azure-Key-0001")) {
            assertThat(all).as(s).doesNotContain(s);
        }
    }

    @Test
    void parserMessagesDoNotQuoteTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("state.json");
        java.nio.file.Files.writeString(f, "{\"format_version\": \"1.0\",\n \"values\": Planted-Json-Secret-Token}");
        TerraformJsonResult r = new TerraformJsonReader().read(f);
        assertThat(r.diagnostics()).hasSize(1);
        assertThat(r.diagnostics().get(0).line()).isEqualTo(2);
        assertThat(r.diagnostics().toString()).doesNotContain("Planted").doesNotContain("Json-Secret");
        java.nio.file.Files.writeString(f, "{\"format_version\": \"2.0\", \"values\": {}}");
        assertThat(new TerraformJsonReader().read(f).diagnostics()).extracting(Diagnostic::message)
                .containsExactly("expected format_version 0.x or 1.x, found 2.0; the file is ignored");
    }

    @Test
    void otherJsonIsIgnoredAndBrokenJsonNamesThePlace() {
        TerraformJsonResult other = new TerraformJsonReader().read(resource("tfjson/package.json"));
        assertThat(other.kind()).isNull();
        assertThat(other.resources()).isEmpty();
        assertThat(other.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "package.json:1:1: expected Terraform JSON from `terraform show -json` (an object with format_version and planned_values or values); this file is not one and is ignored");
        TerraformJsonResult broken = new TerraformJsonReader().read(resource("tfjson/truncated.json"));
        assertThat(broken.diagnostics()).hasSize(1);
        Diagnostic d = broken.diagnostics().get(0);
        assertThat(d.line()).isEqualTo(6);
        assertThat(d.column()).isEqualTo(34);
        assertThat(d.message()).startsWith("expected valid JSON: Unexpected character");
    }
}
