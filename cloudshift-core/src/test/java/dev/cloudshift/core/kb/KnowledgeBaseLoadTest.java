package dev.cloudshift.core.kb;

import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeBaseLoadTest {

    @Test
    void loadsTheClasspathCatalogOnceAndCachesIt() {
        KnowledgeBase kb = KnowledgeBase.load();
        assertThat(KnowledgeBase.load()).isSameAs(kb);
        assertThat(kb.types("aws")).isNotEmpty();
        assertThat(kb.types("compose")).hasSize(17);
    }

    @Test
    void normalisesAnRdsPostgresInstance() {
        KnowledgeBase kb = KnowledgeBase.load();
        Resource r = new Resource("aws_db_instance.main", "aws_db_instance", "aws", null, "prod", null,
                Map.of("engine", "postgres", "engine_version", "15.4", "instance_class", "db.m5.large",
                        "allocated_storage", new java.math.BigDecimal("100"), "multi_az", true),
                null, SourcePosition.ofFile("main.tf"));
        Resource n = kb.normalise(r);
        assertThat(n.category()).isEqualTo("database");
        assertThat(n.attributes()).containsEntry("engine", "postgres").containsEntry("vcpu", 2L)
                .containsEntry("memory_gb", 8L).containsEntry("storage_gb", 100L).containsEntry("multi_az", true);
        assertThat(kb.serviceName(n)).isEqualTo("RDS PostgreSQL");
        MappingResult m = kb.map(n, "azure");
        assertThat(m).isInstanceOf(MappingResult.Mapped.class);
        assertThat(((MappingResult.Mapped) m).resourceTypes()).startsWith("azurerm_postgresql_flexible_server");
    }

    @Test
    void unknownTypeIsCategorisedOtherWithADiagnosticAtItsPosition() {
        KnowledgeBase kb = KnowledgeBase.load();
        Resource r = new Resource("aws_quantum_thing.x", "aws_quantum_thing", "aws", null, "dev", Map.of("keep", "me"),
                Map.of("name", "x"), null, new SourcePosition("infra/main.tf", 12, 1));
        Normalised n = kb.normaliseChecked(r);
        assertThat(n.knownType()).isFalse();
        assertThat(n.resource().category()).isEqualTo("other");
        assertThat(n.resource().attributes()).containsEntry("keep", "me");
        assertThat(n.diagnostics()).singleElement().hasToString(
                "infra/main.tf:12:1: aws_quantum_thing is not in the knowledge base: categorised as other and left unmapped");
        assertThat(kb.serviceName(r)).isEqualTo("aws_quantum_thing");
        assertThat(kb.type("aws_quantum_thing")).isEmpty();
    }

    @Test
    void normaliseIsIdempotentAndKeepsAttributesSetByIngest() {
        KnowledgeBase kb = KnowledgeBase.load();
        Resource r = new Resource("compose.db", "compose_postgres", "compose", null, "default",
                Map.of("engine_version", "16.1"), Map.of("image", "postgres:16"), null, null);
        Resource once = kb.normalise(r);
        assertThat(once.attributes()).containsEntry("engine_version", "16.1").containsEntry("engine", "postgres");
        assertThat(kb.normalise(once).attributes()).isEqualTo(once.attributes());
    }
}
