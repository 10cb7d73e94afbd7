package dev.cloudshift.core.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks over the whole shipped catalog: breadth, completeness and the caveats the seeds call out. */
class KnowledgeBaseCoverageTest {

    private final KnowledgeBase kb = KnowledgeBase.load();

    @ParameterizedTest
    @ValueSource(strings = {"aws", "azure", "gcp"})
    void coversAtLeastSixtyTypesPerCloudIncludingNetworkIdentityAndMonitoring(String provider) {
        List<TypeInfo> types = kb.types(provider);
        assertThat(types).hasSizeGreaterThanOrEqualTo(60);
        assertThat(types).extracting(TypeInfo::category)
                .contains("network", "identity", "monitoring", "database", "cache", "messaging", "storage",
                        "load_balancer", "dns", "secrets", "container", "serverless");
    }

    @Test
    void everyTypeHasAnAgreedCategoryAndAServiceName() {
        for (String provider : KnowledgeBase.PROVIDERS) {
            for (TypeInfo t : kb.types(provider)) {
                assertThat(kb.categories()).as(t.type()).contains(t.category());
                assertThat(t.service()).as(t.type()).isNotBlank();
                assertThat(KnowledgeBase.providerOf(t.type())).as(t.type()).isEqualTo(provider);
            }
        }
    }

    @Test
    void everyComposeServiceTypeOfTheContractIsCatalogued() {
        List<String> contract = List.of("compose_postgres", "compose_mysql", "compose_mariadb", "compose_mssql",
                "compose_mongo", "compose_redis", "compose_memcached", "compose_kafka", "compose_zookeeper",
                "compose_rabbitmq", "compose_nats", "compose_elasticsearch", "compose_opensearch", "compose_minio",
                "compose_nginx", "compose_traefik", "compose_app");
        assertThat(kb.types("compose")).extracting(TypeInfo::type).containsExactlyInAnyOrderElementsOf(contract);
    }

    @Test
    void everyTypeHasARecordedMappingToEveryOtherCloud() {
        List<String> missing = new ArrayList<>();
        for (String provider : KnowledgeBase.PROVIDERS) {
            for (TypeInfo t : kb.types(provider)) {
                for (String target : KnowledgeBase.TARGETS) {
                    if (!target.equals(provider) && !kb.recordedTargets(t.type()).contains(target)) {
                        missing.add(t.type() + " -> " + target);
                    }
                }
            }
        }
        assertThat(missing).as("types without a mapping or an explicit unmapped entry").isEmpty();
    }

    @Test
    void everyComposeTypeMapsToAwsAzureAndGcp() {
        for (TypeInfo t : kb.types("compose")) {
            assertThat(kb.recordedTargets(t.type())).as(t.type()).containsExactlyInAnyOrder("aws", "azure", "gcp");
        }
        // the application container, databases and caches of a compose backend always have a managed home
        for (String type : List.of("compose_app", "compose_postgres", "compose_mysql", "compose_redis", "compose_kafka")) {
            for (String target : KnowledgeBase.TARGETS) {
                assertThat(kb.recordedMappings(type, target).values()).as(type + " -> " + target)
                        .allMatch(r -> r instanceof MappingResult.Mapped);
            }
        }
    }

    @Test
    void everyTargetResourceTypeIsAKnownProviderTypeAndEveryUnmappedHasAReason() {
        int checked = 0;
        for (String provider : KnowledgeBase.PROVIDERS) {
            for (TypeInfo t : kb.types(provider)) {
                for (String target : KnowledgeBase.TARGETS) {
                    for (Map.Entry<String, MappingResult> e : kb.recordedMappings(t.type(), target).entrySet()) {
                        String what = t.type() + " -> " + target + " [" + e.getKey() + "]";
                        if (e.getValue() instanceof MappingResult.Mapped m) {
                            assertThat(m.service()).as(what).isNotBlank();
                            assertThat(m.resourceTypes()).as(what).isNotEmpty();
                            assertThat(kb.providerTypes(target)).as(what).containsAll(m.resourceTypes());
                            if (m.absorbed()) {
                                assertThat(m.resourceTypes()).as(what).contains(m.absorbedBy());
                            }
                            for (String text : concat(m.notes(), m.alternatives())) {
                                assertThat(text).as(what + " balanced parentheses (an unquoted comma in a YAML flow list splits items)")
                                        .matches(s -> s.chars().filter(c -> c == '(').count() == s.chars().filter(c -> c == ')').count());
                            }
                        } else {
                            assertThat(((MappingResult.Unmapped) e.getValue()).reason()).as(what).isNotBlank().hasSizeGreaterThan(20);
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    @Test
    void providerTypeListsHoldTheCatalogTypesOfEachCloud() {
        for (String provider : KnowledgeBase.TARGETS) {
            for (TypeInfo t : kb.types(provider)) {
                assertThat(kb.providerTypes(provider)).as(t.type()).contains(t.type());
            }
        }
        assertThat(kb.needsBetaProvider("google_api_gateway_api")).isTrue();
        assertThat(kb.needsBetaProvider("google_cloud_run_v2_service")).isFalse();
    }

    @Test
    void seedCaveatsAreInTheNotes() {
        String eventHubs = notes("aws_msk_cluster", "azure", "*");
        assertThat(eventHubs).contains("9093").contains("SASL_SSL").contains("Standard tier or higher");
        String redis = notes("aws_elasticache_replication_group", "azure", "redis");
        assertThat(redis).contains("6380").contains("TLS").contains("VNet injection").contains("Premium");
        String composeRedis = notes("compose_redis", "azure", "*");
        assertThat(composeRedis).contains("6380").contains("VNet injection needs Premium");
        String aurora = notes("aws_rds_cluster", "azure", "aurora-postgresql");
        assertThat(aurora).contains("no direct serverless equivalent").contains("auto-pause");
        String alb = notes("aws_lb", "azure", "application");
        assertThat(alb).contains("url_path_map");
        String sg = notes("aws_security_group", "azure", "*");
        assertThat(sg).contains("priority");
        String iam = notes("aws_iam_role", "azure", "*");
        assertThat(iam).contains("managed identities").contains("role assignments");
        String containerApps = notes("aws_ecs_service", "azure", "*");
        assertThat(containerApps).contains("ingress");
        MappingResult.Mapped ecs = (MappingResult.Mapped) kb.recordedMappings("aws_ecs_service", "azure").get("*");
        assertThat(ecs.alternatives()).anyMatch(a -> a.contains("AKS"));
        MappingResult.Mapped appGw = (MappingResult.Mapped) kb.recordedMappings("aws_lb", "azure").get("application");
        assertThat(appGw.alternatives()).anyMatch(a -> a.contains("Front Door"));
    }

    @ParameterizedTest
    @CsvSource({
            "aws, db.t3.micro, 2, 1",
            "aws, db.m5.large, 2, 8",
            "aws, db.r6g.xlarge, 4, 32",
            "aws, cache.t3.micro, 2, 0.5",
            "aws, cache.m5.large, 2, 6.38",
            "aws, cache.r6g.large, 2, 13.07",
            "aws, kafka.m5.large, 2, 8",
            "aws, kafka.t3.small, 2, 2",
            "aws, t3.medium, 2, 4",
            "aws, c5.xlarge, 4, 8",
            "aws, m5.large.search, 2, 8",
            "azure, Standard_B1ms, 1, 2",
            "azure, B_Standard_B1ms, 1, 2",
            "azure, GP_Standard_D2s_v3, 2, 8",
            "azure, Standard_D4ds_v5, 4, 16",
            "azure, MO_Standard_E4ds_v5, 4, 32",
            "azure, Standard_E64s_v3, 64, 432",
            "gcp, db-custom-2-7680, 2, 7.5",
            "gcp, db-f1-micro, 1, 0.6",
            "gcp, e2-medium, 2, 4",
            "gcp, e2-standard-4, 4, 16",
            "gcp, n2-highmem-8, 8, 64",
            "gcp, db-n1-standard-2, 2, 7.5",
            "gcp, db-perf-optimized-N-4, 4, 32",
    })
    void sizingTablesGiveTheDocumentedVcpuAndMemory(String provider, String sku, double vcpu, double memoryGb) {
        InstanceSize size = kb.instanceSize(provider, sku).orElseThrow(() -> new AssertionError("no size for " + sku));
        assertThat(size.vcpu().doubleValue()).isEqualTo(vcpu);
        assertThat(size.memoryGb().doubleValue()).isEqualTo(memoryGb);
    }

    @Test
    void redisCacheSizesCarryMemoryOnlyAndUnknownSkusHaveNoSize() {
        InstanceSize c1 = kb.instanceSize("azure", "C1").orElseThrow();
        assertThat(c1.vcpu()).isNull();
        assertThat(c1.memoryGb().doubleValue()).isEqualTo(1.0);
        assertThat(kb.instanceSize("aws", "db.x99.huge")).isEmpty();
        assertThat(kb.instanceSize("aws", "db.serverless")).isEmpty();
        assertThat(kb.instanceSize("compose", "anything")).isEmpty();
    }

    private String notes(String type, String target, String variant) {
        MappingResult r = kb.recordedMappings(type, target).get(variant);
        assertThat(r).as(type + " -> " + target + " [" + variant + "]").isInstanceOf(MappingResult.Mapped.class);
        return String.join("\n", ((MappingResult.Mapped) r).notes());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

}
