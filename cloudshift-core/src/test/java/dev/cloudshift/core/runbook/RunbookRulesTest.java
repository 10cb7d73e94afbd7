package dev.cloudshift.core.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.core.plan.InputFile;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every rule file walked by the runbook: each rule fires on the fact it names and not without it. Plans are built
 * by hand ({@link EstateBuilder}) with the shipped catalog.
 */
class RunbookRulesTest {

    static final Map<String, Object> PG_PROD = Map.of("engine", "postgres", "engine_version", "15.4", "storage_gb", 500,
            "multi_az", true);

    static Set<String> riskIds(Runbook rb) {
        return rb.risks().stream().map(r -> (String) r.get("id")).collect(Collectors.toSet());
    }

    static Set<String> driftIds(Runbook rb) {
        return RunbookMarkdown.maps(rb.environmentMatrix().get("drift")).stream().map(d -> (String) d.get("rule"))
                .collect(Collectors.toSet());
    }

    // ---- conditions

    @Test
    void conditionOperators() throws Exception {
        ObjectMapper m = new ObjectMapper();
        Map<String, Object> f = Map.of("gb", new BigDecimal("150"), "engine", "aurora-postgresql", "flag", true,
                "notes", List.of("TLS on 6380"));
        assertThat(FactCondition.holds(m.readTree("{\"gb\":{\"gt\":100,\"lte\":150}}"), f)).isTrue();
        assertThat(FactCondition.holds(m.readTree("{\"gb\":{\"gt\":150}}"), f)).isFalse();
        assertThat(FactCondition.holds(m.readTree("{\"engine\":{\"matches\":\"^aurora-\"}}"), f)).isTrue();
        assertThat(FactCondition.holds(m.readTree("{\"engine\":[\"mysql\",\"aurora-postgresql\"]}"), f)).isTrue();
        assertThat(FactCondition.holds(m.readTree("{\"flag\":false}"), f)).isFalse();
        assertThat(FactCondition.holds(m.readTree("{\"notes\":{\"matches\":\"6380\"}}"), f)).isTrue();
        assertThat(FactCondition.holds(m.readTree("{\"missing\":{\"present\":false}}"), f)).isTrue();
        assertThat(FactCondition.holds(m.readTree("{\"missing\":{\"ne\":true}}"), f)).isTrue();
        assertThat(FactCondition.holds(m.readTree("{\"missing\":{\"gt\":0}}"), f)).isFalse();
        assertThat(FactCondition.holds(m.readTree("{\"flag\":{\"gt\":0}}"), f)).as("a boolean is not a number").isFalse();
        assertThat(FactCondition.holds(m.readTree("{\"any\":[{\"gb\":1},{\"flag\":true}]}"), f)).isTrue();
        assertThatThrownBy(() -> FactCondition.holds(m.readTree("{\"gb\":{\"bigger\":1}}"), f))
                .isInstanceOf(RunbookCatalogException.class).hasMessageContaining("unknown operator `bigger`");
    }

    @Test
    void aConditionReadOnceTestsManySetsOfFactsAndReportsAMalformedPartOnlyWhenItIsReached() throws Exception {
        ObjectMapper m = new ObjectMapper();
        FactCondition when = FactCondition.of(m.readTree("{\"category\":\"database\",\"gb\":{\"gte\":100,\"bigger\":1}}"));

        assertThat(when.holds(Map.of("category", "cache", "gb", 500))).as("decided by the first key").isFalse();
        assertThat(when.holds(Map.of("category", "database", "gb", 50))).as("decided before the bad operator").isFalse();
        assertThatThrownBy(() -> when.holds(Map.of("category", "database", "gb", 500)))
                .isInstanceOf(RunbookCatalogException.class).hasMessageContaining("unknown operator `bigger`");
        assertThatThrownBy(() -> FactCondition.of(m.readTree("[1]")).holds(Map.of()))
                .isInstanceOf(RunbookCatalogException.class).hasMessageContaining("must be a mapping");
        FactCondition always = FactCondition.of(null);
        assertThat(always.holds(Map.of())).isTrue();
        FactCondition numeric = FactCondition.of(m.readTree("{\"replicas\":[2,3],\"multi_az\":false}"));
        assertThat(numeric.holds(Map.of("replicas", new BigDecimal("2.0"), "multi_az", false))).isTrue();
        assertThat(numeric.holds(Map.of("replicas", "3", "multi_az", false))).as("a number written as text").isTrue();
        assertThat(numeric.holds(Map.of("replicas", 4L, "multi_az", false))).isFalse();
        assertThat(numeric.holds(Map.of("replicas", 2L, "multi_az", "false"))).as("a boolean must be a boolean").isFalse();
    }

    @Test
    void malformedRuleFileNamesThePlace() {
        assertThatThrownBy(() -> RunbookCatalog.bundled().with("risks", "risks:\n  - id: x\n    when: {a: [1, 2}\n"))
                .isInstanceOf(RunbookCatalogException.class).hasMessageStartingWith("risks.yaml:3:");
    }

    // ---- risks.yaml: one firing and one quiet estate per rule

    record RiskCase(EstateBuilder fires, EstateBuilder quiet) {
    }

    static Map<String, RiskCase> riskCases() {
        Map<String, RiskCase> c = new LinkedHashMap<>();
        c.put("large-database", new RiskCase(
                EstateBuilder.to("azure").add("prod", "aws_db_instance.main", "aws_db_instance", "database", PG_PROD, "PG"),
                EstateBuilder.to("azure").add("prod", "aws_db_instance.main", "aws_db_instance", "database",
                        Map.of("engine", "postgres", "storage_gb", 20, "multi_az", true), "PG")));
        c.put("data-loss-during-cutover", new RiskCase(
                EstateBuilder.to("azure").add("prod", "aws_db_instance.main", "aws_db_instance", "database", PG_PROD, "PG"),
                EstateBuilder.to("azure").add("dev", "aws_db_instance.main", "aws_db_instance", "database", PG_PROD, "PG")));
        c.put("no-multi-az-in-production", new RiskCase(
                EstateBuilder.to("azure").add("prod", "aws_db_instance.main", "aws_db_instance", "database",
                        Map.of("engine", "postgres", "multi_az", false), "PG"),
                EstateBuilder.to("azure").add("prod", "aws_db_instance.main", "aws_db_instance", "database",
                        Map.of("engine", "postgres", "multi_az", true), "PG")));
        c.put("kafka-sasl-change", new RiskCase(
                EstateBuilder.to("azure").add("prod", "aws_msk_cluster.main", "aws_msk_cluster", "messaging",
                        Map.of("engine", "kafka"), "Event Hubs"),
                EstateBuilder.to("gcp").add("prod", "aws_msk_cluster.main", "aws_msk_cluster", "messaging",
                        Map.of("engine", "kafka"), "Managed Kafka")));
        c.put("kafka-protocol-change", new RiskCase(
                EstateBuilder.to("gcp").add("prod", "compose.kafka", "compose_kafka", "messaging", Map.of("engine", "kafka"),
                        "Managed Kafka"),
                EstateBuilder.to("gcp").add("prod", "compose.rabbit", "compose_rabbitmq", "messaging",
                        Map.of("engine", "rabbitmq"), "Pub/Sub")));
        c.put("redis-tls-port", new RiskCase(
                EstateBuilder.to("azure").add("prod", "aws_elasticache_cluster.r", "aws_elasticache_cluster", "cache",
                        Map.of("engine", "redis"), "Azure Cache for Redis"),
                EstateBuilder.to("gcp").add("prod", "aws_elasticache_cluster.r", "aws_elasticache_cluster", "cache",
                        Map.of("engine", "redis"), "Memorystore")));
        c.put("engine-change", new RiskCase(
                EstateBuilder.to("azure").add("prod", "aws_rds_cluster.a", "aws_rds_cluster", "database",
                        Map.of("engine", "aurora-postgresql"), "PG"),
                EstateBuilder.to("azure").add("prod", "aws_db_instance.a", "aws_db_instance", "database",
                        Map.of("engine", "postgres"), "PG")));
        c.put("engine-version-availability", new RiskCase(
                EstateBuilder.to("azure").add("prod", "aws_db_instance.a", "aws_db_instance", "database",
                        Map.of("engine", "postgres", "engine_version", "15.4"), "PG"),
                EstateBuilder.to("azure").add("prod", "aws_db_instance.a", "aws_db_instance", "database",
                        Map.of("engine", "postgres"), "PG")));
        c.put("public-storage", new RiskCase(
                EstateBuilder.to("azure").add("prod", "aws_s3_bucket.b", "aws_s3_bucket", "storage", Map.of("public", true), "Blob"),
                EstateBuilder.to("azure").add("prod", "aws_s3_bucket.b", "aws_s3_bucket", "storage", Map.of("public", false), "Blob")));
        c.put("single-nat-gateway", new RiskCase(
                EstateBuilder.to("azure").add("prod", "aws_nat_gateway.a[0]", "aws_nat_gateway", "network", Map.of(), "NAT"),
                EstateBuilder.to("azure").add("prod", "aws_nat_gateway.a[0]", "aws_nat_gateway", "network", Map.of(), "NAT")
                        .add("prod", "aws_nat_gateway.a[1]", "aws_nat_gateway", "network", Map.of(), "NAT")));
        c.put("unmapped-resources", new RiskCase(
                EstateBuilder.to("azure").add("prod", "aws_foo.x", "aws_foo", "other", Map.of(), null),
                EstateBuilder.to("azure").add("prod", "aws_foo.x", "aws_foo", "other", Map.of(), "Foo")));
        c.put("secrets-in-env-files", new RiskCase(
                EstateBuilder.to("aws").add("default", "compose.api", "compose_app", "container", Map.of(), "ECS")
                        .input(".env", InputFile.Kind.DOTENV),
                EstateBuilder.to("aws").add("default", "compose.api", "compose_app", "container", Map.of(), "ECS")
                        .input("docker-compose.yml", InputFile.Kind.COMPOSE)));
        c.put("messaging-cutover", new RiskCase(
                EstateBuilder.to("azure").add("prod", "aws_sqs_queue.q", "aws_sqs_queue", "messaging", Map.of("engine", "sqs"), "Service Bus"),
                EstateBuilder.to("azure").add("prod", "aws_sqs_queue_policy.q", "aws_sqs_queue_policy", "messaging", Map.of(), "Policy")));
        c.put("dependency-cycle", new RiskCase(
                EstateBuilder.to("aws").add("default", "compose.a", "compose_app", "container", Map.of(), "ECS", "compose.b")
                        .add("default", "compose.b", "compose_app", "container", Map.of(), "ECS", "compose.a"),
                EstateBuilder.to("aws").add("default", "compose.a", "compose_app", "container", Map.of(), "ECS", "compose.b")
                        .add("default", "compose.b", "compose_app", "container", Map.of(), "ECS")));
        c.put("cross-cloud-latency", new RiskCase(
                EstateBuilder.to("azure").add("prod", "aws_s3_bucket.b", "aws_s3_bucket", "storage", Map.of(), "Blob"),
                EstateBuilder.to("azure").add("dev", "aws_s3_bucket.b", "aws_s3_bucket", "storage", Map.of(), "Blob")));
        return c;
    }

    /** Rules whose fact needs another stage: each has its own test below (options or a plan section). */
    static final Set<String> TESTED_ELSEWHERE = Set.of("sensitive-variables", "translation-todos", "cost-increase");

    @Test
    void everyRiskRuleFiresOnItsFactAndNotWithoutIt() {
        Map<String, RiskCase> cases = riskCases();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : RunbookCatalog.bundled().risks().path("risks")) {
            ids.add(r.path("id").asText());
        }
        Set<String> uncovered = new HashSet<>(ids);
        uncovered.removeAll(cases.keySet());
        uncovered.removeAll(TESTED_ELSEWHERE);
        assertThat(uncovered).as("risk rules without a firing/quiet test case").isEmpty();
        for (Map.Entry<String, RiskCase> e : cases.entrySet()) {
            assertThat(riskIds(e.getValue().fires().runbook())).as("%s fires", e.getKey()).contains(e.getKey());
            assertThat(riskIds(e.getValue().quiet().runbook())).as("%s stays quiet", e.getKey()).doesNotContain(e.getKey());
        }
    }

    @Test
    void sensitiveVariableRiskFollowsTheTfvars() {
        EstateBuilder e = EstateBuilder.to("azure").add("prod", "aws_vpc.main", "aws_vpc", "network", Map.of(), "VNet");
        Runbook with = e.runbook(new RunbookOptions(null, Map.of("prod", Map.of("db_password", TerraformVariables.SENSITIVE))));
        Runbook without = e.runbook(new RunbookOptions(null, Map.of("prod", Map.of("region", "us-east-1"))));
        assertThat(riskIds(with)).contains("sensitive-variables");
        assertThat(riskIds(without)).doesNotContain("sensitive-variables");
    }

    static Runbook withCost(String source, String target) {
        return withCost(source, target, List.of());
    }

    static Runbook withCost(String source, String target, List<dev.cloudshift.core.cost.CostLine> lines) {
        EstateBuilder e = EstateBuilder.to("azure").add("prod", "aws_vpc.main", "aws_vpc", "network", Map.of(), "VNet");
        dev.cloudshift.core.cost.EnvironmentCost cost = new dev.cloudshift.core.cost.EnvironmentCost("prod", "azure",
                new BigDecimal(source), new BigDecimal(target), List.of(), List.of(), lines, List.of(), List.of());
        dev.cloudshift.core.plan.Plan plan = e.plan().withSection(new dev.cloudshift.core.cost.CostSection(
                new dev.cloudshift.core.cost.CostEstimate("aws", "azure", List.of(cost))));
        return RunbookBuilder.withDefaults().build(plan, RunbookOptions.none());
    }

    @Test
    void costIncreaseRiskFiresOverTwentyPercentFromTheCostSection() {
        Runbook up = withCost("100", "150");
        assertThat(riskIds(up)).contains("cost-increase");
        Map<String, Object> risk = up.risks().stream().filter(r -> r.get("id").equals("cost-increase")).findFirst().orElseThrow();
        assertThat(RunbookMarkdown.strings(risk.get("details")).get(0)).contains("100 USD -> 150 USD").contains("+50%");
        assertThat(riskIds(withCost("100", "110"))).doesNotContain("cost-increase");
        assertThat(riskIds(EstateBuilder.to("azure").add("prod", "aws_vpc.main", "aws_vpc", "network", Map.of(), "VNet")
                .runbook())).as("no cost section, no cost risk").doesNotContain("cost-increase");
    }

    @Test
    void aCostRiskOverTotalsWithUnpricedComponentsSaysTheyAreIncomplete() {
        dev.cloudshift.core.cost.CostLine unpriced = new dev.cloudshift.core.cost.CostLine("aws_vpc.main", "target", "Azure NAT Gateway",
                "nat-gateway-hour", "gateway", new BigDecimal("730"), "hour", null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                "unpriced: no list price in catalog for nat-gateway-hour in northeurope");
        dev.cloudshift.core.cost.CostLine priced = new dev.cloudshift.core.cost.CostLine("aws_vpc.main", "target", "Azure NAT Gateway",
                "nat-gateway-data", "data", new BigDecimal("100"), "GB", new BigDecimal("0.5"), new BigDecimal("50"),
                new BigDecimal("50"), new BigDecimal("50"), null);
        Runbook partly = withCost("100", "150", List.of(unpriced, priced, unpriced));
        Map<String, Object> risk = partly.risks().stream().filter(r -> r.get("id").equals("cost-increase")).findFirst().orElseThrow();
        assertThat(RunbookMarkdown.strings(risk.get("details")).get(0))
                .isEqualTo("prod: 100 USD -> 150 USD per month (+50%; incomplete: 2 unpriced components counted as 0)");
        Runbook whole = withCost("100", "150", List.of(priced));
        Map<String, Object> complete = whole.risks().stream().filter(r -> r.get("id").equals("cost-increase")).findFirst().orElseThrow();
        assertThat(RunbookMarkdown.strings(complete.get("details")).get(0)).endsWith("(+50%)");
    }

    record TranslationSection(int todos) implements dev.cloudshift.core.plan.PlanSection {
        public String key() {
            return "translation";
        }

        public String title() {
            return "Target Terraform";
        }

        public Object toJson() {
            return Map.of("files", List.of(), "todos", java.util.Collections.nCopies(todos, Map.of("file", "main.tf")));
        }

        public String toMarkdown() {
            return "";
        }
    }

    @Test
    void translationTodosAddARiskAndATask() {
        dev.cloudshift.core.plan.Plan base = EstateBuilder.to("azure")
                .add("prod", "compose.api", "compose_app", "container", Map.of(), "Container Apps").plan();
        Runbook three = RunbookBuilder.withDefaults().build(base.withSection(new TranslationSection(3)), RunbookOptions.none());
        Runbook none = RunbookBuilder.withDefaults().build(base.withSection(new TranslationSection(0)), RunbookOptions.none());
        assertThat(riskIds(three)).contains("translation-todos");
        assertThat(riskIds(none)).doesNotContain("translation-todos");
        assertThat(RunbookMarkdown.phases(three)).contains("Resolve 3 TODO(s) in the generated target Terraform");
        assertThat(RunbookMarkdown.phases(none)).doesNotContain("TODO");
    }

    @Test
    void riskDetailsNameTheResourcesAndSortBySeverity() {
        Runbook rb = EstateBuilder.to("azure")
                .add("prod", "aws_db_instance.main", "aws_db_instance", "database", PG_PROD, "PG")
                .add("prod", "aws_foo.x", "aws_foo", "other", Map.of(), null).runbook();
        Map<String, Object> large = rb.risks().stream().filter(r -> r.get("id").equals("large-database")).findFirst().orElseThrow();
        assertThat(RunbookMarkdown.strings(large.get("resources"))).containsExactly("aws_db_instance.main");
        assertThat(RunbookMarkdown.strings(large.get("details")).get(0)).contains("500 GB").contains("1220 min");
        assertThat(rb.risks().get(0).get("impact")).isEqualTo("Critical");
    }

    // ---- drift.yaml

    @Test
    void driftRulesFireOnTheirFacts() {
        Function<Map<String, Object>[], Runbook> twoEnvs = a -> EstateBuilder.to("azure")
                .add("staging", "aws_db_instance.main", "aws_db_instance", "database", a[0], "PG")
                .add("prod", "aws_db_instance.main", "aws_db_instance", "database", a[1], "PG").runbook();
        @SuppressWarnings("unchecked")
        Map<String, Object>[] drifted = new Map[] {
            Map.of("engine", "postgres", "vcpu", 4, "backup_retention_days", 30, "log_retention_days", 90, "multi_az", true),
            Map.of("engine", "postgres", "vcpu", 2, "backup_retention_days", 7, "log_retention_days", 30, "multi_az", false)};
        @SuppressWarnings("unchecked")
        Map<String, Object>[] aligned = new Map[] {
            Map.of("engine", "postgres", "vcpu", 2, "backup_retention_days", 7, "log_retention_days", 30, "multi_az", true),
            Map.of("engine", "postgres", "vcpu", 4, "backup_retention_days", 30, "log_retention_days", 90, "multi_az", true)};
        Set<String> expected = Set.of("staging-larger-than-prod", "prod-backups-shorter", "prod-log-retention-shorter",
                "staging-multi-az-not-prod", "prod-without-multi-az");
        assertThat(driftIds(twoEnvs.apply(drifted))).containsAll(expected);
        assertThat(driftIds(twoEnvs.apply(aligned))).doesNotContainAnyElementsOf(expected);

        Runbook publicStaging = EstateBuilder.to("azure")
                .add("staging", "aws_s3_bucket.b", "aws_s3_bucket", "storage", Map.of("public", true), "Blob").runbook();
        Runbook publicDev = EstateBuilder.to("azure")
                .add("dev", "aws_s3_bucket.b", "aws_s3_bucket", "storage", Map.of("public", true), "Blob").runbook();
        assertThat(driftIds(publicStaging)).contains("public-outside-dev");
        assertThat(driftIds(publicDev)).doesNotContain("public-outside-dev");

        Runbook noBackups = EstateBuilder.to("azure").add("prod", "aws_db_instance.main", "aws_db_instance", "database",
                Map.of("engine", "postgres", "backup_retention_days", 0, "multi_az", true), "PG").runbook();
        assertThat(driftIds(noBackups)).contains("prod-no-backups");
        assertThat(driftIds(twoEnvs.apply(aligned))).doesNotContain("prod-no-backups");
    }

    @Test
    void matrixMarksDifferencesAndPromotionFollowsTheRolesPresent() {
        Runbook rb = EstateBuilder.to("azure")
                .add("dev", "aws_db_instance.main", "aws_db_instance", "database", Map.of("engine", "postgres", "storage_gb", 20), "PG")
                .add("staging", "aws_db_instance.main", "aws_db_instance", "database", Map.of("engine", "postgres", "storage_gb", 20), "PG")
                .add("prod", "aws_db_instance.main", "aws_db_instance", "database", Map.of("engine", "postgres", "storage_gb", 100), "PG")
                .runbook(new RunbookOptions(null, Map.of("dev", Map.of("api_key", TerraformVariables.SENSITIVE, "size", 1),
                        "staging", Map.of("api_key", TerraformVariables.SENSITIVE, "size", 1),
                        "prod", Map.of("api_key", TerraformVariables.SENSITIVE, "size", 3))));
        List<Map<String, Object>> rows = RunbookMarkdown.maps(rb.environmentMatrix().get("rows"));
        Map<String, Object> storage = rows.stream().filter(r -> "storage_gb".equals(r.get("setting"))).findFirst().orElseThrow();
        assertThat(storage.get("differs")).isEqualTo(true);
        Map<String, Object> key = rows.stream().filter(r -> "api_key".equals(r.get("setting"))).findFirst().orElseThrow();
        assertThat(key.get("differs")).isEqualTo(false);
        assertThat(RunbookMarkdown.map(key.get("values")).values()).containsOnly(TerraformVariables.SENSITIVE);
        List<Map<String, Object>> promotion = RunbookMarkdown.maps(rb.environmentMatrix().get("promotion"));
        assertThat(promotion).extracting(p -> p.get("from") + "->" + p.get("to")).containsExactly("dev->staging", "staging->prod");
        assertThat(RunbookMarkdown.environmentMatrix(rb)).contains("**≠**").contains("### Promotion workflow");
    }

    // ---- strategy.yaml

    static EstateBuilder prodDatabase(int gb) {
        return EstateBuilder.to("azure").add("prod", "aws_db_instance.main", "aws_db_instance", "database",
                Map.of("engine", "postgres", "storage_gb", gb, "multi_az", true), "PG");
    }

    @Test
    void strategyFollowsProductionDataSizeAndAllowedDowntime() {
        Runbook devOnly = EstateBuilder.to("azure").add("dev", "aws_db_instance.main", "aws_db_instance", "database",
                Map.of("engine", "postgres", "storage_gb", 20), "PG").runbook();
        assertThat(devOnly.strategy().get("recommended")).isEqualTo("big-bang");

        assertThat(prodDatabase(100).runbook().strategy().get("recommended")).isEqualTo("incremental");
        // 10 GB: 24 min + 20 fixed = 44 min
        Runbook fits = prodDatabase(10).runbook(new RunbookOptions(60, Map.of()));
        assertThat(fits.strategy().get("recommended")).isEqualTo("hybrid");
        assertThat(RunbookMarkdown.map(fits.strategy().get("facts")).get("estimated_dump_restore_minutes")).isEqualTo(44);
        assertThat(RunbookMarkdown.maps(fits.strategy().get("data")).get(0).get("method")).isEqualTo("Dump and restore");

        Runbook tooBig = prodDatabase(1000).runbook(new RunbookOptions(60, Map.of()));
        assertThat(tooBig.strategy().get("recommended")).isEqualTo("incremental");
        assertThat(RunbookMarkdown.strings(tooBig.strategy().get("reasons")).get(0)).contains("more than the allowed 60 minutes");
        assertThat(RunbookMarkdown.maps(tooBig.strategy().get("data")).get(0).get("method")).isEqualTo("Logical replication");
    }

    @Test
    void dataStrategyPerStoreKind() {
        Runbook rb = EstateBuilder.to("azure")
                .add("prod", "aws_msk_cluster.k", "aws_msk_cluster", "messaging", Map.of("engine", "kafka"), "Event Hubs")
                .add("prod", "aws_elasticache_cluster.r", "aws_elasticache_cluster", "cache", Map.of("engine", "redis"), "Redis")
                .add("prod", "aws_s3_bucket.b", "aws_s3_bucket", "storage", Map.of(), "Blob")
                .add("prod", "aws_db_instance.m", "aws_db_instance", "database", Map.of("engine", "mysql", "storage_gb", 50), "MySQL")
                .add("prod", "aws_db_subnet_group.m", "aws_db_subnet_group", "database", Map.of(), "Subnet")
                .runbook();
        Map<String, String> method = RunbookMarkdown.maps(rb.strategy().get("data")).stream()
                .collect(Collectors.toMap(d -> (String) d.get("resource"), d -> (String) d.get("method")));
        assertThat(method).containsEntry("aws_msk_cluster.k", "Dual publishing / MirrorMaker 2")
                .containsEntry("aws_elasticache_cluster.r", "Cache warm-up (no data migration)")
                .containsEntry("aws_s3_bucket.b", "Object storage sync")
                .containsEntry("aws_db_instance.m", "Binlog replication")
                .doesNotContainKey("aws_db_subnet_group.m");
    }

    // ---- phases.yaml and effort.yaml

    @Test
    void backendsMoveBeforeTheFrontendsThatCallThem() {
        Runbook rb = EstateBuilder.to("aws")
                .add("default", "compose.web", "compose_app", "container", Map.of(), "ECS", "compose.api")
                .add("default", "compose.api", "compose_app", "container", Map.of(), "ECS", "compose.db", "compose.worker")
                .add("default", "compose.worker", "compose_app", "container", Map.of(), "ECS")
                .add("default", "compose.db", "compose_postgres", "database", Map.of("engine", "postgres"), "RDS")
                .runbook();
        List<String> phaseNames = rb.phases().stream().map(p -> (String) p.get("id")).toList();
        assertThat(phaseNames).containsSubsequence("data", "services", "traffic", "decommission");
        Map<String, Object> services = rb.phases().stream().filter(p -> p.get("id").equals("services")).findFirst().orElseThrow();
        List<String> order = RunbookMarkdown.maps(services.get("tasks")).stream()
                .flatMap(t -> RunbookMarkdown.strings(t.get("resources")).stream()).toList();
        assertThat(order).containsSubsequence("compose.worker", "compose.api", "compose.web");
        Map<String, Object> data = rb.phases().stream().filter(p -> p.get("id").equals("data")).findFirst().orElseThrow();
        assertThat((int) services.get("start_day")).isGreaterThanOrEqualTo((int) data.get("end_day"));
    }

    @Test
    void effortGrowsWithComplexityFactorsAndEnvironments() {
        EffortModel model = new EffortModel(RunbookCatalog.bundled().effort());
        Map<String, Object> plain = Map.of("type", "aws_db_instance", "category", "database", "mapped", true, "absorbed", false);
        Map<String, Object> multiAz = new LinkedHashMap<>(plain);
        multiAz.put("multi_az", true);
        Map<String, Object> big = new LinkedHashMap<>(plain);
        big.put("storage_gb", 800);
        assertThat(model.hours(plain, 1)).isEqualByComparingTo("10");
        assertThat(model.hours(multiAz, 1)).isEqualByComparingTo("12.5");
        assertThat(model.hours(big, 1)).isEqualByComparingTo("16");
        assertThat(model.hours(plain, 3)).isEqualByComparingTo("15");
        assertThat(model.factorsApplied(multiAz)).containsExactly("multi-AZ / zone-redundant");
        assertThat(model.range(new BigDecimal("130"))).containsExactly(100, 170);

        Runbook rb = prodDatabase(100).runbook();
        Map<String, Object> effort = RunbookMarkdown.map(rb.strategy().get("effort"));
        assertThat((int) effort.get("low_hours")).isLessThan((int) effort.get("high_hours"));
        assertThat(RunbookMarkdown.map(effort.get("team"))).containsKey("DBA");
    }

    // ---- rollback.yaml and checklists.yaml

    @Test
    void rollbackPerPhaseAndDecisionPointsOnlyForPhasesPresent() {
        Runbook withData = prodDatabase(100).runbook();
        List<String> phases = RunbookMarkdown.maps(withData.rollback().get("phases")).stream().map(p -> (String) p.get("phase")).toList();
        assertThat(phases).contains("Data stores", "Traffic shift", "Decommission");
        Runbook stateless = EstateBuilder.to("aws").add("prod", "compose.web", "compose_app", "container", Map.of(), "ECS").runbook();
        List<String> none = RunbookMarkdown.maps(stateless.rollback().get("phases")).stream().map(p -> (String) p.get("phase")).toList();
        assertThat(none).doesNotContain("Data stores");
        assertThat(RunbookMarkdown.maps(stateless.rollback().get("decision_points"))).extracting(d -> d.get("name"))
                .doesNotContain("Go/no-go for the data move");
        for (Map<String, Object> r : RunbookMarkdown.maps(withData.rollback().get("phases"))) {
            assertThat((int) r.get("expected_minutes")).isPositive();
            assertThat(RunbookMarkdown.strings(r.get("steps"))).isNotEmpty();
        }
    }

    @Test
    void checklistsCarryAVerifyCommandPerDatabaseAndEnvironmentWithoutCredentials() {
        Runbook rb = EstateBuilder.to("azure")
                .add("dev", "aws_db_instance.main", "aws_db_instance", "database", Map.of("engine", "postgres"), "PG")
                .add("prod", "aws_db_instance.main", "aws_db_instance", "database", Map.of("engine", "postgres"), "PG")
                .add("prod", "aws_elasticache_cluster.r", "aws_elasticache_cluster", "cache", Map.of("engine", "redis"), "Redis")
                .runbook();
        List<String> commands = rb.checklists().stream().flatMap(s -> RunbookMarkdown.maps(s.get("items")).stream())
                .filter(i -> i.get("command") != null).map(i -> (String) i.get("command")).toList();
        assertThat(commands).hasSize(2);
        assertThat(commands.get(1)).contains("cloudshift data verify")
                .contains("--source \"jdbc:postgresql://<source-host-prod>:5432/<database>\"")
                .contains("--target-password-env TARGET_PROD_AWS_DB_INSTANCE_MAIN_PASSWORD").contains("--mode checksum")
                .doesNotContain("password=");
        Set<String> sections = rb.checklists().stream().map(s -> (String) s.get("id")).collect(Collectors.toSet());
        assertThat(sections).contains("functional", "data", "performance", "security", "monitoring", "operations",
                "business-continuity");

        Runbook cacheOnly = EstateBuilder.to("azure")
                .add("prod", "aws_elasticache_cluster.r", "aws_elasticache_cluster", "cache", Map.of("engine", "redis"), "Redis")
                .runbook();
        assertThat(RunbookMarkdown.checklists(cacheOnly)).doesNotContain("cloudshift data verify");
    }
}
