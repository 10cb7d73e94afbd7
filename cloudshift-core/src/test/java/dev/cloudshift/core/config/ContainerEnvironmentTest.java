package dev.cloudshift.core.config;

import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerEnvironmentTest {

    static Resource resource(String address, String type, Map<String, Object> raw) {
        return new Resource(address, type, type.split("_")[0], null, "dev", Map.of(), raw, List.of(), new SourcePosition("main.tf", 3, 1));
    }

    @Test
    void readsEnvironmentsWhereverTheyLive() {
        Resource lambda = resource("aws_lambda_function.api", "aws_lambda_function", Map.of(
                "function_name", "api",
                "environment", List.of(Map.of("variables", Map.of("TABLE", "orders", "DB_PASSWORD", "Planted-Lambda-Pass")))));
        Resource app = resource("azurerm_container_app.api", "azurerm_container_app", Map.of(
                "template", List.of(Map.of("container", List.of(Map.of("name", "api",
                        "env", List.of(Map.of("name", "REDIS_HOST", "value", "${azurerm_redis_cache.main.hostname}"),
                                Map.of("name", "API_KEY", "secret_name", "api-key"))))))));
        Resource k8s = resource("kubernetes_deployment.web", "kubernetes_deployment", Map.of(
                "spec", List.of(Map.of("template", List.of(Map.of("spec", List.of(Map.of("container", List.of(Map.of(
                        "name", "web", "env", List.of(Map.of("name", "DATABASE_URL", "value", "postgres://app@db:5432/app"))))))))))));
        Resource tags = resource("aws_s3_bucket.b", "aws_s3_bucket", Map.of("tags", Map.of("Name", "b")));
        List<ConfigEntry> entries = ContainerEnvironment.defaults().entries("dev", List.of(lambda, app, k8s, tags));
        assertThat(entries).extracting(ConfigEntry::key).containsExactlyInAnyOrder("TABLE", "DB_PASSWORD", "REDIS_HOST", "API_KEY", "DATABASE_URL");
        ConfigEntry pass = entries.stream().filter(e -> e.key().equals("DB_PASSWORD")).findFirst().orElseThrow();
        assertThat(pass.secret()).isTrue();
        assertThat(pass.value()).isNull();
        assertThat(pass.owner()).isEqualTo("aws_lambda_function.api");
        assertThat(pass.environment()).isEqualTo("dev");
        assertThat(entries.toString()).doesNotContain("Planted-Lambda-Pass");
        ConfigEntry redis = entries.stream().filter(e -> e.key().equals("REDIS_HOST")).findFirst().orElseThrow();
        assertThat(redis.value()).isEqualTo("${azurerm_redis_cache.main.hostname}");
        assertThat(entries.stream().filter(e -> e.key().equals("API_KEY")).findFirst().orElseThrow().shape()).isEqualTo("<redacted>");
    }

    @Test
    void ecsJsonInsideAnUnknown() {
        String text = "${jsonencode([{\"name\":\"api\",\"environment\":[{\"name\":\"DB_HOST\",\"value\":\"${aws_db_instance.main.address}\"}],"
                + "\"secrets\":[{\"name\":\"DB_PASSWORD\",\"valueFrom\":\"arn:aws:secretsmanager:eu-west-1:1:secret:db\"}]}])}";
        Resource task = resource("aws_ecs_task_definition.api", "aws_ecs_task_definition", Map.of("container_definitions", text));
        List<ConfigEntry> entries = ContainerEnvironment.defaults().entries("dev", List.of(task));
        assertThat(entries).extracting(ConfigEntry::key, ConfigEntry::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DB_HOST", "${aws_db_instance.main.address}"),
                org.assertj.core.groups.Tuple.tuple("DB_PASSWORD", "arn:aws:secretsmanager:eu-west-1:1:secret:db"));
    }
}
