package dev.cloudshift.core.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudshift.core.cost.CostSection;
import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlanSection;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.translate.TerraformSection;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runbook built with its checklists and environment matrix on a second thread is the runbook built on one thread:
 * on an example estate planned the way {@code cloudshift plan} plans it, and on a generated estate of a few thousand
 * resources in three environments (databases, caches, settings that differ between environments, so that every rule
 * kind has work on both threads). An exception of either thread reaches the caller as the one-thread build throws it.
 */
class RunbookParallelBuildTest {

    @Test
    void exampleEstateGivesTheSameRunbookOnTwoThreads() {
        Path input = Path.of("..", "examples", "aws-container-platform");
        Plan plan = new Planner(KnowledgeBase.load()).plan(input, "azure", List.of());
        plan = plan.withSection(CostSection.of(plan));
        plan = TerraformSection.attach(plan);
        RunbookOptions options = new RunbookOptions(30, TerraformVariables.read(input, plan.environments()));

        assertSameBothWays(plan, options);
    }

    @Test
    void generatedEstateGivesTheSameRunbookOnTwoThreads() {
        Plan plan = generated(700).plan();
        assertThat(plan.resources()).hasSize(2100);
        RunbookOptions options = new RunbookOptions(60, Map.of(
                "dev", Map.of("instance_count", "1", "db_password", TerraformVariables.SENSITIVE),
                "staging", Map.of("instance_count", "2"),
                "prod", Map.of("instance_count", "6", "db_password", TerraformVariables.SENSITIVE)));

        Runbook sequential = assertSameBothWays(plan, options);
        // the parts built on the second thread have content to compare
        assertThat(sequential.checklists()).isNotEmpty();
        assertThat((List<?>) sequential.environmentMatrix().get("rows")).hasSizeGreaterThan(500);
        assertThat((List<?>) sequential.environmentMatrix().get("drift")).isNotEmpty();
        assertThat(sequential.risks()).isNotEmpty();
    }

    @Test
    void anExceptionOnTheSecondThreadReachesTheCallerAsOnOneThread() {
        RunbookCatalog badDrift = RunbookCatalog.bundled().with("drift", """
                environment_roles: {prod: [prod], dev: [dev]}
                drift:
                  - id: odd
                    kind: sideways
                """);
        Plan plan = generated(20).plan();
        RunbookBuilder builder = new RunbookBuilder(badDrift);
        assertThatThrownBy(() -> builder.build(plan, RunbookOptions.none(), true))
                .isInstanceOf(RunbookCatalogException.class)
                .hasMessage("drift.yaml: rule odd: unknown kind `sideways`; use resource or compare");
        assertThatThrownBy(() -> builder.build(plan, RunbookOptions.none(), false))
                .isInstanceOf(RunbookCatalogException.class)
                .hasMessage("drift.yaml: rule odd: unknown kind `sideways`; use resource or compare");
        assertNoRunbookThreadLeft();
    }

    @Test
    void whenBothThreadsFailTheFirstPartsExceptionWinsAsOnOneThread() {
        RunbookCatalog bad = RunbookCatalog.bundled()
                .with("drift", """
                        environment_roles: {prod: [prod], dev: [dev]}
                        drift:
                          - id: odd
                            kind: sideways
                        """)
                .with("risks", """
                        risks:
                          - id: wide
                            scope: galaxy
                            when: {}
                        """);
        Plan plan = generated(20).plan();
        for (boolean parallel : new boolean[] {true, false}) {
            assertThatThrownBy(() -> new RunbookBuilder(bad).build(plan, RunbookOptions.none(), parallel))
                    .isInstanceOf(RunbookCatalogException.class)
                    .hasMessage("risks.yaml: rule wide: unknown scope `galaxy`; use resource, environment or estate");
        }
        assertNoRunbookThreadLeft();
    }

    @Test
    void aFailureBeforeTheFactsAreFinalEndsTheSecondThreadAndReachesTheCaller() {
        // the second thread starts with the matrix settings, then waits for the estate facts, which never come
        RunbookCatalog bundled = RunbookCatalog.bundled();
        com.fasterxml.jackson.databind.node.ObjectNode strategy = bundled.strategy().deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode odd = strategy.objectNode();
        odd.putObject("when").putObject("engine").put("weird", 1);
        ((com.fasterxml.jackson.databind.node.ArrayNode) strategy.get("data_strategies")).insert(0, odd);
        RunbookCatalog bad = new RunbookCatalog(bundled.effort(), bundled.phases(), strategy, bundled.risks(),
                bundled.rollback(), bundled.checklists(), bundled.drift());
        Plan plan = generated(20).plan();
        for (boolean parallel : new boolean[] {true, false}) {
            assertThatThrownBy(() -> new RunbookBuilder(bad).build(plan, RunbookOptions.none(), parallel))
                    .isInstanceOf(RunbookCatalogException.class)
                    .hasMessageStartingWith("unknown operator `weird`");
        }
        assertNoRunbookThreadLeft();
    }

    /** Builds the runbook both ways (the parallel one several times) and checks JSON and Markdown are equal. */
    private static Runbook assertSameBothWays(Plan plan, RunbookOptions options) {
        RunbookBuilder builder = RunbookBuilder.withDefaults();
        Runbook sequential = builder.build(plan, options, false);
        List<String> markdown = sequential.sections().stream().map(PlanSection::toMarkdown).toList();
        for (int i = 0; i < 3; i++) {
            Runbook parallel = builder.build(plan, options, true);
            assertThat(parallel).isEqualTo(sequential);
            assertThat(parallel.sections().stream().map(PlanSection::toMarkdown).toList()).isEqualTo(markdown);
        }
        // what cloudshift plan calls: the checklists' and the matrix's Markdown also rendered on the second thread
        List<String> expected = described(sequential.addTo(plan));
        assertThat(described(builder.addRunbook(plan, options, true))).isEqualTo(expected);
        assertThat(described(builder.addRunbook(plan, options, false))).isEqualTo(expected);
        assertNoRunbookThreadLeft();
        return sequential;
    }

    /** Each section of a plan as its key, title, JSON and Markdown. */
    private static List<String> described(Plan plan) {
        return plan.sections().stream().map(s -> s.key() + "\n" + s.title() + "\n" + s.toJson() + "\n" + s.toMarkdown()).toList();
    }

    /** The second thread of every build has ended (it may still be returning from its task just after the join). */
    private static void assertNoRunbookThreadLeft() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("cloudshift-runbook")) {
                try {
                    t.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                assertThat(t.isAlive()).as("runbook thread still running").isFalse();
            }
        }
    }

    /**
     * {@code n} workloads in dev, staging and prod: a service with a database (sizes and settings that differ by
     * environment, a few unknown sizes, engines with and without verify support), a cache, a queue, a bucket, and an
     * unmapped resource now and then; services depend on their database and on the previous service.
     */
    private static EstateBuilder generated(int n) {
        EstateBuilder e = EstateBuilder.to("azure");
        String[] envs = {"dev", "staging", "prod"};
        String[] engines = {"postgres", "mysql", "oracle-ee", "sqlserver-ex", "mariadb"};
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < envs.length; k++) {
                String env = envs[k];
                switch (i % 5) {
                    case 0 -> {
                        Map<String, Object> db = new LinkedHashMap<>();
                        db.put("engine", engines[(i / 5) % engines.length]);
                        if (i % 35 != 0) {
                            db.put("storage_gb", k == 1 && i % 15 == 0 ? 900 : 20 + (i % 7) * 10 + k * 40);
                        }
                        db.put("multi_az", k == 2 && i % 10 != 5); // some production databases single-zone
                        db.put("backup_retention_days", k == 2 ? 7 : 1);
                        db.put("instance_class", k == 2 ? "db.r6g.large" : "db.t3.micro");
                        e.add(env, "aws_db_instance.db" + i, "aws_db_instance", "database", db, "Azure Database");
                    }
                    case 1 -> e.add(env, "aws_elasticache_cluster.cache" + i, "aws_elasticache_cluster", "cache",
                            Map.of("engine", "redis", "num_cache_nodes", k + 1), "Azure Cache for Redis");
                    case 2 -> e.add(env, "aws_sqs_queue.q" + i, "aws_sqs_queue", "messaging",
                            Map.of("visibility_timeout_seconds", 30 * (k + 1)), "Service Bus");
                    case 3 -> e.add(env, "aws_s3_bucket.b" + i, "aws_s3_bucket", "storage",
                            Map.of("versioning", k > 0), i % 15 == 3 ? null : "Blob Storage");
                    default -> e.add(env, "aws_ecs_service.svc[\"w" + i + "\"]", "aws_ecs_service", "compute",
                            Map.of("desired_count", k + 1, "cpu", 256 * (k + 1)), "Container Apps",
                            "aws_db_instance.db" + (i - 4), "aws_ecs_service.svc[\"w" + (i - 5) + "\"]");
                }
            }
        }
        return e;
    }
}
