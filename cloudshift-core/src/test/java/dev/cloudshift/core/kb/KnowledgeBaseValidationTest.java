package dev.cloudshift.core.kb;

import dev.cloudshift.core.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Malformed knowledge-base data fails the load with an error naming the data file and line, and saying what
 * to fix. Each test writes a small catalog to a temporary folder and breaks one thing.
 */
class KnowledgeBaseValidationTest {

    @TempDir
    Path root;

    private static final String TYPES = """
            provider: aws
            tables:
              engines:
                postgres: postgres
            types:
              aws_db_instance:
                category: database
                service: Amazon RDS
                service_by_engine:
                  postgres: RDS PostgreSQL
                attributes:
                  engine: {path: engine, table: engines}
                  instance_class: instance_class
                  vcpu: {path: instance_class, sizing: vcpu}
                  storage_gb: allocated_storage
              aws_vpc:
                category: network
                service: Amazon VPC
                attributes:
                  cidr: cidr_block
            """;

    private static final String MAPPINGS = """
            aws_db_instance:
              azure:
                variant_by: engine
                variants:
                  postgres:
                    service: Azure Database for PostgreSQL Flexible Server
                    resource_types: [azurerm_postgresql_flexible_server]
                    notes: ["TLS required"]
                default:
                  unmapped:
                    reason: engine not statically known; set it to a literal
            aws_vpc:
              azure:
                service: Azure Virtual Network
                resource_types: [azurerm_virtual_network]
            """;

    @BeforeEach
    void writeValidCatalog() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("catalog/vocabulary.yaml")) {
            Files.write(root.resolve("vocabulary.yaml"), in.readAllBytes());
        }
        write("provider-types/aws.txt", "# test\naws_db_instance\naws_vpc\n");
        write("provider-types/azure.txt", "azurerm_postgresql_flexible_server\nazurerm_virtual_network\n");
        write("provider-types/gcp.txt", "google_compute_network\n");
        write("instance-types/aws.yaml", """
                sources: [https://aws.amazon.com/ec2/instance-types/]
                sizes:
                  m5.large: {vcpu: 2, memory_gb: 8}
                patterns:
                  - match: '^db\\.(?<sku>.+)$'
                """);
        write("types/aws.yaml", TYPES);
        write("mappings/aws/core.yaml", MAPPINGS);
    }

    @Test
    void aValidCatalogLoadsAndAnswers() {
        KnowledgeBase kb = KnowledgeBase.loadFrom(root);
        Resource db = new Resource("aws_db_instance.main", "aws_db_instance", "aws", null, "prod", null,
                Map.of("engine", "postgres", "instance_class", "db.m5.large", "allocated_storage", new BigDecimal("50")),
                null, null);
        Resource n = kb.normalise(db);
        assertThat(n.attributes()).containsEntry("engine", "postgres").containsEntry("vcpu", 2L).containsEntry("storage_gb", 50L);
        assertThat(kb.serviceName(n)).isEqualTo("RDS PostgreSQL");
        assertThat(kb.map(n, "azure")).isInstanceOf(MappingResult.Mapped.class);
        assertThat(kb.map(n, "gcp")).isInstanceOf(MappingResult.Unmapped.class);
        Resource unknownEngine = new Resource("aws_db_instance.x", "aws_db_instance", "aws", null, "prod", null,
                Map.of("engine", "${var.engine}"), null, null);
        assertThat(((MappingResult.Unmapped) kb.map(unknownEngine, "azure")).reason()).contains("not statically known");
    }

    @Test
    void unknownCategoryNamesFileAndLine() throws IOException {
        write("types/aws.yaml", TYPES.replace("category: network", "category: networking"));
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("types/aws.yaml:17:")
                .hasMessageContaining("unknown category 'networking' for aws_vpc")
                .hasMessageContaining("network");
    }

    @Test
    void malformedPathNamesFileAndLine() throws IOException {
        write("types/aws.yaml", TYPES.replace("storage_gb: allocated_storage", "storage_gb: allocated..storage"));
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("types/aws.yaml:15:")
                .hasMessageContaining("malformed path 'allocated..storage'");
    }

    @Test
    void unknownRuleKeyAndUnknownAttributeAreRejected() throws IOException {
        write("types/aws.yaml", TYPES.replace("{path: instance_class, sizing: vcpu}", "{path: instance_class, multiplier: 2}"));
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .hasMessageContaining("types/aws.yaml:14:").hasMessageContaining("unknown key 'multiplier'");

        write("types/aws.yaml", TYPES.replace("storage_gb: allocated_storage", "disk_gb: allocated_storage"));
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .hasMessageContaining("types/aws.yaml:15:").hasMessageContaining("unknown normalised attribute 'disk_gb'");
    }

    @Test
    void unknownTableAndBadSizingAreRejected() throws IOException {
        write("types/aws.yaml", TYPES.replace("table: engines", "table: engine_names"));
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root)).hasMessageContaining("unknown table 'engine_names'");

        write("types/aws.yaml", TYPES.replace("sizing: vcpu", "sizing: cores"));
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root)).hasMessageContaining("sizing must be vcpu or memory_gb");
    }

    @Test
    void duplicateTypeInOneFileIsADuplicateKey() throws IOException {
        write("types/aws.yaml", TYPES + """
                  aws_vpc:
                    category: network
                    service: Amazon VPC again
                """);
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .hasMessageContaining("types/aws.yaml:21:")
                .hasMessageContaining("duplicate key 'aws_vpc' (first written at line 16)");
    }

    @Test
    void duplicateTypeAcrossFilesNamesBothPlaces() throws IOException {
        write("types/aws-more.yaml", """
                provider: aws
                types:
                  aws_vpc:
                    category: network
                    service: Amazon VPC
                """);
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .hasMessageContaining("duplicate type aws_vpc")
                .hasMessageContaining("types/aws-more.yaml")
                .hasMessageContaining("types/aws.yaml:16");
    }

    @Test
    void typeOfAnotherProviderIsRejected() throws IOException {
        write("types/aws.yaml", TYPES.replace("aws_vpc:", "google_compute_network:"));
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .hasMessageContaining("google_compute_network does not belong to provider aws");
    }

    @Test
    void unknownTargetResourceTypeIsRejected() throws IOException {
        write("mappings/aws/core.yaml", MAPPINGS.replace("[azurerm_virtual_network]", "[azurerm_vnet]"));
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .hasMessageContaining("mappings/aws/core.yaml:15:")
                .hasMessageContaining("'azurerm_vnet' is not a known azure resource type");
    }

    @Test
    void unmappedWithoutReasonIsRejected() throws IOException {
        write("mappings/aws/core.yaml", MAPPINGS.replace("reason: engine not statically known; set it to a literal", "reason: \"  \""));
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .hasMessageContaining("mappings/aws/core.yaml:11:")
                .hasMessageContaining("needs a non-empty 'reason'");
    }

    @Test
    void mappingForAnUncataloguedTypeAndForItsOwnProviderAreRejected() throws IOException {
        write("mappings/aws/more.yaml", """
                aws_subnet:
                  azure:
                    service: Subnet
                    resource_types: [azurerm_virtual_network]
                """);
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .hasMessageContaining("mappings/aws/more.yaml:1:")
                .hasMessageContaining("aws_subnet, which is not in catalog/types/aws.yaml");

        write("mappings/aws/more.yaml", "");
        write("mappings/aws/core.yaml", MAPPINGS + """
                  aws:
                    service: Amazon VPC
                    resource_types: [aws_vpc]
                """);
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root)).hasMessageContaining("identity");
    }

    @Test
    void duplicateMappingAcrossFilesIsRejected() throws IOException {
        write("mappings/aws/more.yaml", """
                aws_vpc:
                  azure:
                    service: Azure Virtual Network
                    resource_types: [azurerm_virtual_network]
                """);
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .hasMessageContaining("duplicate mapping for aws_vpc");
    }

    @Test
    void invalidYamlNamesFileAndLine() throws IOException {
        write("mappings/aws/core.yaml", MAPPINGS + "aws_broken: [unclosed\n");
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .hasMessageContaining("mappings/aws/core.yaml:16:")
                .hasMessageContaining("must close on the same line");
    }

    @Test
    void badSizingPatternAndMissingSourcesAreRejected() throws IOException {
        write("instance-types/aws.yaml", """
                sources: [https://aws.amazon.com/ec2/instance-types/]
                patterns:
                  - match: '^db\\.(?<sku>.+$'
                """);
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .hasMessageContaining("instance-types/aws.yaml:3:").hasMessageContaining("bad regular expression");

        write("instance-types/aws.yaml", "sizes:\n  m5.large: {vcpu: 2, memory_gb: 8}\n");
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root)).hasMessageContaining("needs 'sources'");
    }

    @Test
    void providerTypeListRejectsJunkLines() throws IOException {
        write("provider-types/azure.txt", "azurerm_virtual_network\nazurerm_postgresql_flexible_server\nAzureRM Thing\n");
        assertThatThrownBy(() -> KnowledgeBase.loadFrom(root))
                .hasMessageContaining("provider-types/azure.txt:3:").hasMessageContaining("one resource type name per line");
    }

    @Test
    void unknownTargetProviderInMapIsAProgrammingError() {
        KnowledgeBase kb = KnowledgeBase.loadFrom(root);
        Resource vpc = new Resource("aws_vpc.main", "aws_vpc", "aws", null, "prod", null, Map.of(), null, null);
        assertThatThrownBy(() -> kb.map(vpc, "oracle")).isInstanceOf(IllegalArgumentException.class);
    }

    private void write(String name, String text) throws IOException {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
