package dev.cloudshift.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.cost.sizing.SizingDecision;
import dev.cloudshift.core.cost.sizing.SizingTable;
import dev.cloudshift.core.model.Resource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizingTableTest {

    static Resource res(String type, Map<String, Object> attrs) {
        return new Resource(type + ".x", type, Resource.providerOf(type), "database", "dev", attrs, Map.of(),
                List.of(), null);
    }

    @ParameterizedTest
    @CsvSource({
        "aws, azure, aws_db_instance, db.t3.micro, B_Standard_B1ms, burstable vCPU is a baseline share",
        "aws, azure, aws_db_instance, db.m5.large, GP_Standard_D2s_v3, nearest >= vCPU and memory in General Purpose",
        "aws, azure, aws_db_instance, db.m5.xlarge, GP_Standard_D4s_v3, 4 vCPU / 16 GiB",
        "aws, azure, aws_db_instance, db.r5.large, MO_Standard_E2s_v3, Memory Optimized",
        "aws, azure, aws_elasticache_cluster, cache.t3.micro, Basic_C0, nearest memory in Basic",
        "aws, azure, aws_elasticache_replication_group, cache.m5.large, Premium_P1, chosen in Redis cache table",
        "aws, azure, aws_msk_cluster, kafka.m5.large, standard, chosen in Kafka table",
        "aws, gcp, aws_db_instance, db.m5.large, db-custom-2-8192, nearest >= vCPU and memory",
        "aws, gcp, aws_instance, t3.medium, e2-medium, burstable",
    })
    void sourceSkuToNearestTargetSkuWithTheReasonShown(String from, String to, String type, String sku,
            String expected, String reasonContains) {
        SizingDecision d = SizingTable.bundled(from, to).size(res(type, Map.of("instance_class", sku))).orElseThrow();
        assertThat(d.sourceSku()).isEqualTo(sku);
        assertThat(d.targetSku()).isEqualTo(expected);
        assertThat(d.reason()).contains(reasonContains).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0.25, 0.5, 0.25 vCPU / 0.5 GiB",
        "0.5, 1, 0.5 vCPU / 1 GiB",
        "1, 4, 2 vCPU / 4 GiB",
        "2, 4, 2 vCPU / 4 GiB",
    })
    void fargateTaskSizeToContainerAppsSize(String vcpu, String mem, String expected) {
        SizingTable t = SizingTable.bundled("aws", "azure");
        SizingDecision d = t.size(res("aws_ecs_service", Map.of("vcpu", new BigDecimal(vcpu),
                "memory_gb", new BigDecimal(mem)))).orElseThrow();
        assertThat(d.targetSku()).isEqualTo(expected);
        assertThat(t.targetAttributes("aws_ecs_service", d.targetSku())).containsKeys("vcpu", "memory_gb");
    }

    @ParameterizedTest
    @CsvSource({"azure, B_Standard_B1ms", "aws, db.t3.micro", "gcp, db-custom-1-3840"})
    void composeDatabaseWithoutASizeGetsTheSmallestTier(String target, String expected) {
        SizingDecision d = SizingTable.bundled("compose", target).size(res("compose_postgres", Map.of("engine", "postgres")))
                .orElseThrow();
        assertThat(d.targetSku()).isEqualTo(expected);
        assertThat(d.reason()).contains("default");
    }
}
