package dev.cloudshift.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    static Resource r(String address, String... deps) {
        String type = address.startsWith("compose.") ? "compose_app"
                : address.replaceAll("^(module\\.[^.]+\\.)*", "").replaceAll("\\..*", "");
        return new Resource(address, type, address.startsWith("compose.") ? "compose" : "aws", "other", "dev", null, null,
                List.of(deps), new SourcePosition("main.tf", 1, 1));
    }

    @Test
    void keepsExactEdgesAndDropsThoseToUnknownAddresses() {
        DependencyGraph g = DependencyGraph.build(List.of(
                r("aws_ecs_service.api", "aws_ecs_task_definition.api", "data.aws_iam_policy_document.x", "var.region", "local.name"),
                r("aws_ecs_task_definition.api")), List.of());

        assertThat(g.dependenciesOf("aws_ecs_service.api")).containsExactly("aws_ecs_task_definition.api");
        assertThat(g.edgeCount()).isEqualTo(1);
    }

    @Test
    void aBaseAddressStandsForAllItsInstancesInNaturalOrder() {
        DependencyGraph g = DependencyGraph.build(List.of(
                r("aws_db_subnet_group.main", "aws_subnet.private"),
                r("aws_subnet.private[10]"), r("aws_subnet.private[2]"), r("aws_subnet.private_extra[0]"),
                r("aws_subnet.private[\"a.b\"]")), List.of());

        assertThat(g.dependenciesOf("aws_db_subnet_group.main"))
                .containsExactly("aws_subnet.private[\"a.b\"]", "aws_subnet.private[2]", "aws_subnet.private[10]");
    }

    @Test
    void attributeReferencesAreCutBackToTheResource() {
        DependencyGraph g = DependencyGraph.build(List.of(
                r("aws_ecs_task_definition.api", "aws_db_instance.main.address", "aws_ecr_repository.app[\"api\"].repository_url"),
                r("aws_db_instance.main"), r("aws_ecr_repository.app[\"api\"]"), r("aws_ecr_repository.app[\"web\"]")), List.of());

        assertThat(g.dependenciesOf("aws_ecs_task_definition.api"))
                .containsExactly("aws_db_instance.main", "aws_ecr_repository.app[\"api\"]");
    }

    @Test
    void aModuleAddressStandsForTheResourcesInsideIt() {
        DependencyGraph g = DependencyGraph.build(List.of(
                r("aws_lb.main", "module.network.public_subnet_ids"),
                r("module.network.aws_subnet.public[0]"), r("module.network.aws_vpc.this"), r("module.networking.aws_vpc.x")), List.of());

        assertThat(g.dependenciesOf("aws_lb.main"))
                .containsExactly("module.network.aws_subnet.public[0]", "module.network.aws_vpc.this");
    }

    @Test
    void selfEdgesAreDroppedAndOrderRespectsDependencies() {
        DependencyGraph g = DependencyGraph.build(List.of(
                r("c", "b", "c"), r("b", "a"), r("a")), List.of());

        assertThat(g.dependenciesOf("c")).containsExactly("b");
        assertThat(g.dependencyOrder()).containsExactly("a", "b", "c");
    }

    @Test
    void cyclesEndUpAtTheEndOfTheOrderInsteadOfLooping() {
        DependencyGraph g = DependencyGraph.build(List.of(r("compose.a", "compose.b"), r("compose.b", "compose.a"), r("compose.c")), List.of());

        assertThat(g.dependencyOrder()).containsExactly("compose.c", "compose.a", "compose.b");
    }

    @Test
    void composeHostReferencesInEnvironmentValuesBecomeEdges() {
        List<ConfigEntry> config = List.of(
                new ConfigEntry("default", new SourcePosition("docker-compose.yml", 9, 7), "compose.app", "DATABASE_URL", null, true,
                        "postgresql://<user>:<redacted>@postgres:5432/orders"),
                new ConfigEntry("default", new SourcePosition("docker-compose.yml", 10, 7), "compose.app", "REDIS_URL",
                        "redis://redis:6379/0", false, "redis://redis:6379/0"),
                new ConfigEntry("default", new SourcePosition("docker-compose.yml", 11, 7), "compose.app", "GREETING",
                        "hello postgresql fans", false, "hello postgresql fans"));
        DependencyGraph g = DependencyGraph.build(List.of(r("compose.app"), r("compose.postgres"), r("compose.redis")), config);

        assertThat(g.dependenciesOf("compose.app")).containsExactly("compose.postgres", "compose.redis");
    }
}
