package dev.cloudshift.hcl.emit;

import static dev.cloudshift.hcl.emit.HclExpr.bool;
import static dev.cloudshift.hcl.emit.HclExpr.call;
import static dev.cloudshift.hcl.emit.HclExpr.list;
import static dev.cloudshift.hcl.emit.HclExpr.nul;
import static dev.cloudshift.hcl.emit.HclExpr.num;
import static dev.cloudshift.hcl.emit.HclExpr.raw;
import static dev.cloudshift.hcl.emit.HclExpr.ref;
import static dev.cloudshift.hcl.emit.HclExpr.str;
import static dev.cloudshift.hcl.emit.HclExpr.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudshift.hcl.HclParser;
import dev.cloudshift.hcl.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The writer against hand-checked {@code terraform fmt} fixtures under {@code src/test/resources/fmt/<case>/expected.tf};
 * each written file also parses with {@link HclParser} without diagnostics and, where the model has no comments,
 * reading the parsed tree back and writing it again gives the same bytes.
 */
class HclWriterFormatTest {

    static HclItem.Attribute attr(String name, HclExpr value) {
        return new HclItem.Attribute(name, value);
    }

    static HclItem.Block block(String type, List<String> labels, HclItem... body) {
        return new HclItem.Block(type, labels, List.of(body));
    }

    static final HclItem BLANK = new HclItem.BlankLine();

    static HclExpr.ObjectOf obj(boolean inline, Object... kv) {
        Map<String, HclExpr> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (HclExpr) kv[i + 1]);
        }
        return new HclExpr.ObjectOf(m, inline);
    }

    static HclFile model(String name) {
        return switch (name) {
            case "alignment" -> new HclFile(List.of(
                    block("resource", List.of("azurerm_postgresql_flexible_server", "main"),
                            attr("name", str("dataaggregator-db")),
                            attr("resource_group_name", ref("azurerm_resource_group.main.name")),
                            attr("location", ref("var.location")),
                            attr("version", str("15")),
                            BLANK,
                            attr("sku_name", ref("var.postgres_sku_name")),
                            attr("storage_mb", num(32768)),
                            attr("tags", obj(false)),
                            attr("zone", nul()),
                            block("high_availability", List.of(), attr("mode", str("ZoneRedundant"))),
                            attr("backup_retention_days", ref("var.postgres_backup_retention_days")),
                            attr("geo_redundant_backup_enabled", bool(false))),
                    block("variable", List.of("location"), attr("type", raw("string")))));
            case "nested-blocks" -> new HclFile(List.of(
                    block("resource", List.of("azurerm_container_app", "service"),
                            attr("for_each", ref("var.container_apps")),
                            BLANK,
                            attr("name", ref("each.key")),
                            attr("container_app_environment_id", ref("azurerm_container_app_environment.main.id")),
                            attr("revision_mode", str("Single")),
                            block("template", List.of(),
                                    attr("min_replicas", ref("each.value.min_replicas")),
                                    attr("max_replicas", ref("each.value.max_replicas")),
                                    block("container", List.of(),
                                            attr("name", ref("each.key")),
                                            attr("image", template(ref("azurerm_container_registry.main.login_server"), "/",
                                                    ref("each.key"), ":", ref("var.image_tag"))),
                                            attr("cpu", ref("each.value.cpu")),
                                            attr("memory", ref("each.value.memory")),
                                            block("env", List.of(),
                                                    attr("name", str("DATABASE_HOST")),
                                                    attr("value", ref("azurerm_postgresql_flexible_server.main.fqdn"))))),
                            block("identity", List.of(),
                                    attr("type", str("UserAssigned")),
                                    attr("identity_ids", list(ref("azurerm_user_assigned_identity.task.id"))))),
                    block("data", List.of("azurerm_client_config", "current"))));
            case "objects" -> new HclFile(List.of(
                    attr("container_apps", obj(false,
                            "backend", obj(false,
                                    "cpu", num(new BigDecimal("0.50")),
                                    "memory", str("1Gi"),
                                    "port", num(8000),
                                    "env", list(
                                            obj(true, "name", str("ENVIRONMENT"), "value", str("dev")),
                                            obj(true, "name", str("POSTGRES_PORT"), "value", str("5432"))),
                                    "min_replicas", num(1)),
                            "frontend", obj(false,
                                    "cpu", num(new BigDecimal("0.25")),
                                    "memory", str("0.5Gi"),
                                    "port", num(3000),
                                    "paths", list(str("/api/*"), str("/docs"), str("/openapi.json")),
                                    "min_replicas", num(1)))),
                    attr("address_space", list(str("10.0.0.0/16"))),
                    attr("tags", obj(false, "cost-center", str("platform"), "Environment", str("dev"))),
                    attr("empty_list", list()),
                    attr("policy", call("jsonencode", obj(false,
                            "Version", str("2012-10-17"),
                            "Statement", list(obj(false, "Effect", str("Allow")))))),
                    attr("zones", call("concat", list(str("1"), str("2")), ref("var.extra_zones")))));
            case "comments-heredoc" -> new HclFile(List.of(
                    new HclItem.Comment(List.of("Generated by CloudShift.")),
                    BLANK,
                    block("resource", List.of("azurerm_eventhub_namespace", "main"),
                            attr("name", str("kafka")),
                            attr("sku", str("Standard")),
                            attr("settings", new HclExpr.Heredoc("auto.create.topics.enable = false\nnum.partitions = 6\n"
                                    + "literal = ${not_interpolated}\n")),
                            attr("capacity", ref("var.eventhub_capacity"))),
                    new HclItem.Comment(List.of(
                            "TODO(cloudshift): aws_ecs_cluster_capacity_providers.main: no equivalent on Azure Container Apps",
                            "resource \"aws_ecs_cluster_capacity_providers\" \"main\" {",
                            "  capacity_providers = [\"FARGATE\", \"FARGATE_SPOT\"]",
                            "}")),
                    block("resource", List.of("azurerm_container_app_environment", "main"),
                            attr("name", str("env")),
                            new HclItem.Comment(List.of("Consumption workload profile")),
                            attr("location", ref("var.location")))));
            case "escaping" -> new HclFile(List.of(
                    block("locals", List.of(),
                            attr("quoted", str("say \"hi\" \\ bye")),
                            attr("newline", str("line one\nline two\ttab")),
                            attr("template", template("${literal} and %{literal} and ", ref("var.name"), "-suffix")),
                            attr("dollar", str("cost $5 and 100%")),
                            attr("index", ref("aws_subnet.private").index(num(0)).attr("id")),
                            attr("key_index", ref("aws_ecr_repository.app").index(str("backend")).attr("repository_url")),
                            attr("number", num(new BigDecimal("1.50"))),
                            attr("big", num(34359738368L)),
                            attr("negative", num(-1)),
                            attr("flag", bool(true)),
                            attr("nothing", nul()))));
            default -> throw new IllegalArgumentException(name);
        };
    }

    static String expected(String name) throws IOException {
        try (InputStream in = HclWriterFormatTest.class.getResourceAsStream("/fmt/" + name + "/expected.tf")) {
            assertThat(in).as("fixture fmt/%s/expected.tf", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"alignment", "nested-blocks", "objects", "comments-heredoc", "escaping"})
    void writesTheFormattedFixture(String name) throws IOException {
        String text = HclWriter.write(model(name));
        assertThat(text).isEqualTo(expected(name));
        ParseResult parsed = HclParser.parse(name + ".tf", text);
        assertThat(parsed.diagnostics()).isEmpty();
        if (!name.equals("comments-heredoc")) {
            assertThat(HclWriter.write(HclModelReader.read(parsed.body()))).as("parse, read, write").isEqualTo(text);
        }
    }

    @Test
    void stringsParseBackToTheSameValue() {
        String tricky = "a \"q\" \\ ${x} %{y} $$ %% \n\t\u0001 end";
        String text = HclWriter.write(new HclFile(List.of(attr("v", str(tricky)))));
        ParseResult parsed = HclParser.parse("s.tf", text);
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(HclModelReader.expr(parsed.body().attribute("v").expr())).isEqualTo(str(tricky));
    }

    @Test
    void heredocAvoidsAMarkerInsideItsText() {
        String text = HclWriter.write(new HclFile(List.of(attr("v", new HclExpr.Heredoc("EOT\nx\n")))));
        assertThat(text).startsWith("v = <<-EOT1\n").endsWith("\nEOT1\n");
        assertThat(HclParser.parse("h.tf", text).diagnostics()).isEmpty();
    }

    @Test
    void longScalarListsGoOneItemPerLine() {
        HclExpr[] items = new HclExpr[12];
        for (int i = 0; i < items.length; i++) {
            items[i] = str("10.0." + i + ".0/24");
        }
        String text = HclWriter.write(new HclFile(List.of(attr("cidrs", list(items)))));
        assertThat(text).startsWith("cidrs = [\n  \"10.0.0.0/24\",\n").endsWith("  \"10.0.11.0/24\",\n]\n");
    }

    @Test
    void rejectsNamesThatAreNotIdentifiers() {
        assertThatThrownBy(() -> HclWriter.write(new HclFile(List.of(attr("bad name", str("x"))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad name");
        assertThatThrownBy(() -> HclWriter.write(new HclFile(List.of(block("resource", List.of("${x}"))))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
