package dev.cloudshift.core.translate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudshift.core.kb.CatalogException;
import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.kb.MappingResult;
import dev.cloudshift.core.kb.TypeInfo;
import dev.cloudshift.hcl.HclParser;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.Body;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ProviderSchemasTest {

    @Test
    void eachProviderFileLoadsWithItsMajorVersion() {
        ProviderSchemas aws = ProviderSchemas.load("aws");
        ProviderSchemas azure = ProviderSchemas.load("azure");
        ProviderSchemas gcp = ProviderSchemas.load("gcp");
        assertThat(aws.versions().get("aws")).startsWith("5.");
        assertThat(azure.versions().get("azurerm")).startsWith("4.");
        assertThat(azure.versions().get("azuread")).startsWith("3.");
        assertThat(gcp.versions().get("google")).startsWith("6.");
        assertThat(ProviderSchemas.load("azurerm")).isSameAs(azure);
        assertThat(ProviderSchemas.load("google")).isSameAs(gcp);
        assertThat(aws.types()).hasSizeGreaterThan(100).allMatch(t -> t.startsWith("aws_"));
        assertThat(azure.types()).allMatch(t -> t.startsWith("azurerm_") || t.startsWith("azuread_"));
        assertThat(gcp.types()).allMatch(t -> t.startsWith("google_"));
        assertThatThrownBy(() -> ProviderSchemas.load("oracle"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aws, azure, gcp");
    }

    @Test
    void everyMappedTargetTypeAndEveryKnownProviderTypeHasASchema() {
        KnowledgeBase kb = KnowledgeBase.load();
        Set<String> targets = new TreeSet<>();
        for (String source : KnowledgeBase.PROVIDERS) {
            for (TypeInfo t : kb.types(source)) {
                for (String target : KnowledgeBase.TARGETS) {
                    for (MappingResult r : kb.recordedMappings(t.type(), target).values()) {
                        if (r instanceof MappingResult.Mapped m) {
                            targets.addAll(m.resourceTypes());
                            if (m.absorbedBy() != null) {
                                targets.add(m.absorbedBy());
                            }
                        }
                    }
                }
            }
        }
        assertThat(targets).hasSizeGreaterThan(200);
        for (String target : KnowledgeBase.TARGETS) {
            targets.addAll(kb.providerTypes(target));
        }
        List<String> missing = new ArrayList<>();
        for (String type : targets) {
            if (ProviderSchemas.forType(type).flatMap(s -> s.resource(type)).isEmpty()) {
                missing.add(type);
            }
        }
        assertThat(missing).as("target types without a provider schema").isEmpty();
    }

    @Test
    void wellKnownRequiredArgumentsAreRequired() {
        assertRequired("azurerm_postgresql_flexible_server", "name", "resource_group_name", "location");
        assertRequired("azurerm_container_app", "name", "resource_group_name", "container_app_environment_id",
                "revision_mode");
        assertRequired("azurerm_virtual_network", "name", "resource_group_name", "location");
        assertRequired("aws_db_instance", "instance_class");
        assertRequired("aws_ecs_task_definition", "family");
        assertRequired("aws_lb_target_group");
        assertRequired("google_sql_database_instance", "database_version");
        assertRequired("google_cloud_run_v2_service", "name", "location");
        assertRequired("google_compute_firewall", "name", "network");
        assertRequired("google_redis_instance", "name", "memory_size_gb");

        ResourceSchema app = ProviderSchemas.load("azure").resource("azurerm_container_app").orElseThrow();
        NestedBlockSchema template = app.block("template").orElseThrow();
        assertThat(template.required()).isTrue();
        assertThat(template.maxItems()).isEqualTo(1);
        assertThat(app.bodyAt("template.container").orElseThrow().arguments())
                .containsKeys("cpu", "memory", "image", "name");
        assertThat(app.bodyAt("template.container").orElseThrow().arguments().get("cpu").type()).isEqualTo("number");
        assertThat(app.argument("tags").orElseThrow().type()).isEqualTo("map");

        ResourceSchema sg = ProviderSchemas.load("aws").resource("aws_security_group").orElseThrow();
        assertThat(sg.argument("ingress").orElseThrow().type()).isEqualTo("set");
        assertThat(sg.argument("arn")).as("computed-only attributes are not arguments").isEmpty();
        ResourceSchema run = ProviderSchemas.load("gcp").resource("google_cloud_run_v2_service").orElseThrow();
        assertThat(run.bodyAt("template.containers.resources").orElseThrow().arguments()).containsKey("limits");
        assertThat(run.terraformProvider()).isEqualTo("google");
        assertThat(ProviderSchemas.load("gcp").resource("google_api_gateway_api").orElseThrow().terraformProvider())
                .isEqualTo("google-beta");
    }

    private static void assertRequired(String type, String... names) {
        ResourceSchema s = ProviderSchemas.forType(type).orElseThrow().resource(type).orElseThrow();
        for (String n : names) {
            assertThat(s.argument(n)).as(type + "." + n).hasValueSatisfying(a -> assertThat(a.required()).isTrue());
        }
        assertThat(s.argument("tags").or(() -> s.argument("labels")).map(ArgumentSchema::required).orElse(false))
                .as(type + " tags/labels are optional").isFalse();
    }

    @Test
    void aValidContainerAppHasNoProblems() {
        assertThat(problems("""
                resource "azurerm_container_app" "api" {
                  name                         = "api"
                  resource_group_name          = azurerm_resource_group.main.name
                  container_app_environment_id = azurerm_container_app_environment.main.id
                  revision_mode                = "Single"
                  tags                         = { env = "prod" }

                  template {
                    min_replicas = 2
                    max_replicas = var.api_max_replicas

                    container {
                      name   = "api"
                      image  = "ghcr.io/acme/api:1.4"
                      cpu    = 0.5
                      memory = "1Gi"

                      env {
                        name  = "DB_HOST"
                        value = azurerm_postgresql_flexible_server.main.fqdn
                      }
                    }
                  }

                  lifecycle {
                    ignore_changes = [tags]
                  }
                }
                """)).isEmpty();
    }

    @Test
    void aMisplacedArgumentNamesWhereItBelongs() {
        List<SchemaProblem> p = problems("""
                resource "azurerm_container_app" "api" {
                  name                         = "api"
                  resource_group_name          = "rg"
                  container_app_environment_id = "id"
                  revision_mode                = "Single"
                  cpu                          = 0.5

                  template {
                    container {
                      name   = "api"
                      image  = "nginx"
                      cpu    = 0.5
                      memory = "1Gi"
                    }
                  }
                }
                """);
        assertThat(p).extracting(Object::toString).containsExactly("t.tf:6:3: azurerm_container_app.api: "
                + "unknown argument \"cpu\" (did you mean template.container.cpu?)");
        assertThat(p.get(0).address()).isEqualTo("azurerm_container_app.api");
    }

    @Test
    void typosMissingPiecesAndWrongShapesAreReported() {
        List<String> p = problems("""
                resource "azurerm_postgresql_flexible_server" "db" {
                  name                = "db"
                  locaton             = "westeurope"
                  sku_name            = ["GP_Standard_D2s_v3"]
                  storage_mb          = "lots"
                  backup_retention_days = 7
                  high_availability = "ZoneRedundant"
                }

                resource "azurerm_container_app" "api" {
                  name                         = "api"
                  resource_group_name          = "rg"
                  container_app_environment_id = "id"
                  revision_mode                = "Single"
                  template {
                    container {
                      name   = "api"
                      image  = "nginx"
                      cpu    = 0.5
                      memory = "1Gi"
                    }
                  }
                  template {
                    container {
                      name   = "b"
                      image  = "nginx"
                      cpu    = 0.5
                      memory = "1Gi"
                    }
                  }
                  ingress {
                    target_port = 8080
                    traffic_weight {
                      percentage      = 100
                      latest_revision = true
                    }
                    transport {
                    }
                  }
                }

                resource "azurerm_made_up_thing" "x" {
                }
                """).stream().map(Object::toString).toList();
        assertThat(p).contains(
                "t.tf:3:3: azurerm_postgresql_flexible_server.db: unknown argument \"locaton\" (did you mean location?)",
                "t.tf:4:25: azurerm_postgresql_flexible_server.db: \"sku_name\" expects a string, not a list",
                "t.tf:5:25: azurerm_postgresql_flexible_server.db: \"storage_mb\" expects a number, not the string \"lots\"",
                "t.tf:7:3: azurerm_postgresql_flexible_server.db: \"high_availability\" is a block: write high_availability { ... }, not high_availability = ...",
                "t.tf:1:53: azurerm_postgresql_flexible_server.db: missing required argument \"location\"",
                "t.tf:1:53: azurerm_postgresql_flexible_server.db: missing required argument \"resource_group_name\"",
                "t.tf:10:41: azurerm_container_app.api: block \"template\" appears 2 times, at most 1 allowed",
                "t.tf:37:5: azurerm_container_app.api: \"transport\" in ingress is an argument: write transport = ..., not a block");
        assertThat(p).anyMatch(s -> s.contains("azurerm_made_up_thing.x: unknown resource type \"azurerm_made_up_thing\" in hashicorp/azurerm 4."));
        assertThat(p).hasSize(9);
    }

    @Test
    void dynamicBlocksAttributesAsBlocksAndMetaArgumentsAreUnderstood() {
        assertThat(problems("""
                resource "aws_security_group" "web" {
                  count       = 1
                  name        = "web"
                  vpc_id      = aws_vpc.main.id
                  depends_on  = [aws_vpc.main]

                  ingress {
                    from_port   = 443
                    to_port     = 443
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }

                resource "google_compute_firewall" "web" {
                  name    = "web"
                  network = google_compute_network.main.id

                  dynamic "allow" {
                    for_each = var.ports
                    content {
                      protocol = "tcp"
                      ports    = [allow.value]
                    }
                  }
                }
                """)).isEmpty();
        assertThat(problems("""
                resource "google_compute_firewall" "web" {
                  name    = "web"
                  network = "default"
                  dynamic "allow" {
                    for_each = var.ports
                    content {
                      protocl = "tcp"
                    }
                  }
                }
                """)).extracting(Object::toString)
                .containsExactly("t.tf:7:7: google_compute_firewall.web: unknown argument \"protocl\" in allow (did you mean allow.protocol?)",
                        "t.tf:6:14: google_compute_firewall.web: missing required argument \"allow.protocol\"");
    }

    @Test
    void everyListedProviderSchemaIsConsistent() {
        for (String p : ProviderSchemas.PROVIDERS) {
            ProviderSchemas s = ProviderSchemas.load(p);
            for (String type : s.types()) {
                ResourceSchema r = s.resource(type).orElseThrow();
                assertThat(s.versions()).containsKey(r.terraformProvider());
                assertThat(r.body().arguments().keySet()).as(type).doesNotContain("id", "count", "for_each");
                Set<String> both = new TreeSet<>(r.body().arguments().keySet());
                both.retainAll(r.body().blocks().keySet());
                assertThat(both).as(type + ": an argument and a block share a name").isEmpty();
            }
        }
    }

    @Test
    void malformedSchemaDataIsRejectedWithThePlace() {
        Object bad = new Yaml().load("""
                providers:
                  aws: {source: hashicorp/aws, version: "5.100.0"}
                resources:
                  aws_vpc:
                    args:
                      cidr_block: mandatory string
                """);
        assertThatThrownBy(() -> ProviderSchemas.parse("aws", "catalog/provider-schemas/aws.yaml", bad))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("catalog/provider-schemas/aws.yaml: resources.aws_vpc.args.cidr_block: expected \"required|optional <type>\"");
        Object noVersion = new Yaml().load("providers:\n  aws: {source: hashicorp/aws}\nresources: {}\n");
        assertThatThrownBy(() -> ProviderSchemas.parse("aws", "f.yaml", noVersion))
                .hasMessageContaining("f.yaml: providers.aws: expected a version");
        Object badBlock = new Yaml().load("""
                providers:
                  google: {version: "6.50.0"}
                resources:
                  google_x:
                    blocks:
                      b: {nesting: tree}
                """);
        assertThatThrownBy(() -> ProviderSchemas.parse("gcp", "f.yaml", badBlock))
                .hasMessageContaining("f.yaml: resources.google_x.blocks.b.nesting: expected one of");
        Object ok = new Yaml().load("""
                providers:
                  google: {version: "6.50.0"}
                resources:
                  google_x:
                    args: {a: required number}
                    blocks:
                      b: {nesting: list, max_items: 1, args: {c: optional string}}
                """);
        ResourceSchema x = ProviderSchemas.parse("gcp", "f.yaml", ok).resource("google_x").orElseThrow();
        assertThat(x.requiredArguments()).containsExactly("a");
        assertThat(x.pathsOf("c")).containsExactly("b.c");
    }

    private static List<SchemaProblem> problems(String hcl) {
        Body body = HclParser.parseOrThrow("t.tf", hcl);
        return ProviderSchemas.validateFile(body);
    }

    @SuppressWarnings("unused")
    private static Block first(Body body) {
        return body.blocks().get(0);
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> none() {
        return Map.of();
    }
}
