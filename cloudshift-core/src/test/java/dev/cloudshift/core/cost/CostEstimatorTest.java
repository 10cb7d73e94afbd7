package dev.cloudshift.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.cost.catalog.PriceCatalog;
import dev.cloudshift.core.cost.usage.UsageDefaults;
import dev.cloudshift.core.model.Resource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostEstimatorTest {

    private final CostEstimator estimator = new CostEstimator(PriceCatalog.bundled(), UsageDefaults.bundled());

    static Resource r(String address, String env, Map<String, Object> attrs, String... deps) {
        String type = address.substring(0, address.indexOf('.'));
        return new Resource(address, type, Resource.providerOf(type), "x", env, attrs, Map.of(), List.of(deps), null);
    }

    static Map<String, Object> m(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private List<CostInput> platform(String env) {
        return List.of(
                CostInput.sourceOnly(r("aws_vpc.main", env, m("cidr", "10.0.0.0/16"))),
                CostInput.sourceOnly(r("aws_ecs_task_definition.api", env, m("vcpu", new BigDecimal("0.5"), "memory_gb", 1))),
                CostInput.sourceOnly(r("aws_ecs_service.api", env, m("replicas", 2), "aws_ecs_task_definition.api")),
                CostInput.sourceOnly(r("aws_db_instance.main", env, m("engine", "postgres", "instance_class", "db.t3.large",
                        "storage_gb", 100, "multi_az", true))),
                CostInput.sourceOnly(r("aws_lb.web", env, m())),
                CostInput.sourceOnly(r("aws_kms_key.data", env, m())),
                CostInput.sourceOnly(r("aws_transfer_server.sftp", env, m())));
    }

    @Test
    void pricesFargateFromTheTaskDefinitionItDependsOn() {
        EnvironmentCost e = estimator.estimate("prod", platform("prod"), null);
        List<CostLine> fargate = e.lines().stream().filter(l -> l.address().equals("aws_ecs_service.api")).toList();
        assertThat(fargate).hasSize(2);
        // 0.5 vCPU x 2 tasks x 730 h x 0.04048 = 29.55; 1 GB x 2 x 730 x 0.004445 = 6.49
        assertThat(fargate.get(0).quantity()).isEqualByComparingTo("730");
        assertThat(fargate.get(0).monthlyUsd()).isEqualByComparingTo("29.55");
        assertThat(fargate.get(1).monthlyUsd()).isEqualByComparingTo("6.49");
    }

    @Test
    void multiAzDoublesInstanceAndStorage() {
        EnvironmentCost e = estimator.estimate("prod", platform("prod"), null);
        List<CostLine> db = e.lines().stream().filter(l -> l.address().equals("aws_db_instance.main")).toList();
        assertThat(db).extracting(CostLine::component).containsExactly("instance", "storage");
        assertThat(db.get(0).monthlyUsd()).isEqualByComparingTo("211.70"); // 0.145 x 730 x 2
        assertThat(db.get(1).monthlyUsd()).isEqualByComparingTo("23.00"); // 100 GB x 0.115 x 2
    }

    @Test
    void everyResourceAppearsPricedFreeOrUnpricedWithAReason() {
        List<CostInput> in = platform("dev");
        EnvironmentCost e = estimator.estimate("dev", in, null);
        for (CostInput i : in) {
            assertThat(e.lines()).as(i.resource().address()).anyMatch(l -> l.address().equals(i.resource().address()));
        }
        assertThat(e.lines()).filteredOn(l -> l.address().equals("aws_vpc.main")).singleElement()
                .satisfies(l -> assertThat(l.note()).isEqualTo("free"));
        assertThat(e.lines()).filteredOn(l -> l.address().equals("aws_kms_key.data")).singleElement()
                .satisfies(l -> assertThat(l.note()).startsWith("unpriced: KMS key"));
        assertThat(e.lines()).filteredOn(l -> l.address().equals("aws_transfer_server.sftp")).singleElement()
                .satisfies(l -> assertThat(l.note()).isEqualTo("unpriced: no pricing rule for aws_transfer_server"));
        for (CostLine l : e.lines()) {
            if (l.unitPriceUsd() == null) {
                assertThat(l.monthlyUsd()).isEqualByComparingTo("0");
                assertThat(l.note()).matches("free|unpriced: .+");
            }
        }
    }

    @Test
    void usageDependentComponentsGiveALowAndAHighFigureAndListTheirAssumptions() {
        EnvironmentCost e = estimator.estimate("prod", platform("prod"), null);
        CostLine lcu = e.lines().stream().filter(l -> "capacity units".equals(l.component())).findFirst().orElseThrow();
        // prod: 1..5 LCU (typical 2) x 730 h x 0.008
        assertThat(lcu.lowUsd()).isEqualByComparingTo("5.84");
        assertThat(lcu.monthlyUsd()).isEqualByComparingTo("11.68");
        assertThat(lcu.highUsd()).isEqualByComparingTo("29.20");
        assertThat(e.sourceRangeUsd().get(0)).isLessThan(e.sourceRangeUsd().get(1));
        assertThat(e.assumptions()).contains("usage profile 'prod' for environment 'prod'")
                .anyMatch(a -> a.startsWith("lb_capacity_units = 1..5 (typical 2)"))
                .anyMatch(a -> a.startsWith("hours_per_month = 730"));
    }

    @Test
    void aUsageFileOverridesTheDefaults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("usage.yaml");
        Files.writeString(f, "profiles:\n  prod:\n    lb_capacity_units: 10\n    hours_per_month: 365\n");
        CostEstimator custom = new CostEstimator(PriceCatalog.bundled(), UsageDefaults.withOverride(f));
        EnvironmentCost e = custom.estimate("production", platform("production"), null);
        CostLine lcu = e.lines().stream().filter(l -> "capacity units".equals(l.component())).findFirst().orElseThrow();
        assertThat(lcu.monthlyUsd()).isEqualByComparingTo("29.20"); // 10 x 365 x 0.008
        assertThat(lcu.lowUsd()).isEqualByComparingTo(lcu.highUsd());
        assertThat(e.assumptions()).contains("usage profile 'prod' for environment 'production'");
    }

    @Test
    void targetSideIsSizedAndEveryMappedResourceGetsALine() {
        List<CostInput> in = List.of(
                new CostInput(r("aws_db_instance.main", "dev", m("engine", "postgres", "instance_class", "db.m5.large")),
                        "Azure Database for PostgreSQL", List.of("azurerm_postgresql_flexible_server"), null),
                new CostInput(r("aws_vpc.main", "dev", m()), "Azure Virtual Network", List.of("azurerm_virtual_network"), null),
                new CostInput(r("aws_glue_job.etl", "dev", m()), null, List.of(), "no managed equivalent"));
        EnvironmentCost e = estimator.estimate("dev", in, "azure");
        assertThat(e.sizing()).singleElement().satisfies(s -> assertThat(s.targetSku()).isEqualTo("GP_Standard_D2s_v3"));
        List<CostLine> target = e.lines(CostLine.TARGET);
        assertThat(target).filteredOn(l -> l.address().equals("aws_db_instance.main")).first()
                .satisfies(l -> assertThat(l.sku()).isEqualTo("postgresql-flexible-GP_Standard_D2s_v3"));
        assertThat(target).filteredOn(l -> l.address().equals("aws_vpc.main")).singleElement()
                .satisfies(l -> assertThat(l.note()).isEqualTo("free"));
        assertThat(target).filteredOn(l -> l.address().equals("aws_glue_job.etl")).singleElement()
                .satisfies(l -> assertThat(l.note()).isEqualTo("unpriced: unmapped: no managed equivalent"));
        assertThat(e.assumptions()).anyMatch(a -> a.startsWith("sizing aws_db_instance.main: 2 vCPU / 8 GiB -> GP_Standard_D2s_v3"));
    }

    @Test
    void freeGrantsApplyOncePerEnvironment() {
        Map<String, Object> small = m("vcpu", 1, "memory_gb", 2, "replicas", 1);
        List<CostInput> in = List.of(
                new CostInput(r("google_cloud_run_v2_service.a", "dev", small), null, List.of(), null),
                new CostInput(r("google_cloud_run_v2_service.b", "dev", small), null, List.of(), null));
        EnvironmentCost e = estimator.estimate("dev", in, null);
        List<CostLine> cpu = e.lines().stream().filter(l -> "vCPU".equals(l.component())).toList();
        // 1 vCPU x 730 h x 3600 s = 2,628,000 vCPU-s; the first 180,000 are free once
        assertThat(cpu.get(0).monthlyUsd()).isEqualByComparingTo("58.75"); // (2628000-180000) x 0.000024
        assertThat(cpu.get(0).note()).contains("free grant 180000 vCPU-second applied");
        assertThat(cpu.get(1).monthlyUsd()).isEqualByComparingTo("63.07");
    }

    @Test
    void composeServicesAreSelfHostedAndUnpricedOnTheSourceSide() {
        EnvironmentCost e = estimator.estimate("default",
                List.of(CostInput.sourceOnly(r("compose_postgres.db", "default", m("engine", "postgres")))), null);
        assertThat(e.lines()).singleElement().satisfies(l -> assertThat(l.note()).startsWith("unpriced: self-hosted"));
    }

    @Test
    void auroraServerlessV2InstancesBillAcuHoursBetweenTheClusterBounds() {
        List<CostInput> in = List.of(
                CostInput.sourceOnly(r("aws_rds_cluster.main", "prod", m("engine", "aurora-postgresql", "min_acu", 0.5, "max_acu", 4))),
                CostInput.sourceOnly(r("aws_rds_cluster_instance.writer", "prod", m("instance_class", "db.serverless"),
                        "aws_rds_cluster.main")));
        EnvironmentCost e = estimator.estimate("prod", in, null);
        CostLine acu = e.lines().stream().filter(l -> l.address().equals("aws_rds_cluster_instance.writer")).findFirst().orElseThrow();
        assertThat(acu.component()).isEqualTo("Serverless v2 capacity");
        assertThat(acu.monthlyUsd()).isEqualByComparingTo("43.80"); // 0.5 ACU x 730 h x 0.12
        assertThat(acu.highUsd()).isEqualByComparingTo("350.40"); // 4 ACU x 730 h x 0.12
        assertThat(e.lines()).noneMatch(l -> "instance".equals(l.component()));
    }

    @Test
    void theTargetRegionCanBeChosen() {
        CostInput db = new CostInput(r("aws_db_instance.main", "dev", m("engine", "postgres", "instance_class", "db.m5.xlarge")),
                "Azure Database for PostgreSQL", List.of("azurerm_postgresql_flexible_server"), null);
        EnvironmentCost eastus = estimator.estimate("dev", List.of(db), "azure");
        assertThat(eastus.targetMonthlyUsd()).isEqualByComparingTo("0");
        EnvironmentCost westus = new CostEstimator(PriceCatalog.bundled(), UsageDefaults.bundled(), "westus")
                .estimate("dev", List.of(db), "azure");
        // GP_Standard_D4s_v3 0.39 x 730 + 32 GB x 0.138
        assertThat(westus.targetMonthlyUsd()).isEqualByComparingTo("289.12");
        assertThat(westus.assumptions()).contains("target priced in azure region westus at list prices (the region asked for)");
    }

    @Test
    void configurationResourcesMappedToTheSameTargetAreNotPricedTwice() {
        List<CostInput> in = List.of(
                new CostInput(r("aws_lb.web", "dev", m()), "Application Gateway", List.of("azurerm_application_gateway"), null),
                new CostInput(r("aws_lb_listener.https", "dev", m()), "Application Gateway", List.of("azurerm_application_gateway"), null),
                new CostInput(r("aws_ssm_parameter.flag", "dev", m()), "App Configuration", List.of("azurerm_app_configuration"), null));
        EnvironmentCost e = estimator.estimate("dev", in, "azure");
        assertThat(e.lines(CostLine.TARGET)).filteredOn(l -> l.address().equals("aws_lb_listener.https")).singleElement()
                .satisfies(l -> assertThat(l.note()).isEqualTo("free: configures azurerm_application_gateway priced with aws_lb.web"));
        assertThat(e.lines(CostLine.TARGET)).filteredOn(l -> l.address().equals("aws_lb.web"))
                .allSatisfy(l -> assertThat(l.note()).doesNotStartWith("free"));
        // nothing else maps to App Configuration: the parameter's target is priced on its own
        assertThat(e.lines(CostLine.TARGET)).filteredOn(l -> l.address().equals("aws_ssm_parameter.flag")).singleElement()
                .satisfies(l -> assertThat(l.note()).isEqualTo("unpriced: App Configuration store charge not confirmed from a read source"));
    }
}
