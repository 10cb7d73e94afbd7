package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.GetAttrExpr;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same module used twice: references resolve inside their own module instance (or along a dependency edge), a
 * reference nothing disambiguates becomes a TODO instead of the first match, and outputs of both instances are kept.
 */
class ModuleInstanceTranslationTest {

    static Map<String, String> project(String extraRoot) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("modules/db/main.tf", """
                variable "name" {
                  type = string
                }

                resource "aws_db_instance" "main" {
                  identifier              = var.name
                  engine                  = "postgres"
                  engine_version          = "15.4"
                  instance_class          = "db.t3.micro"
                  allocated_storage       = 20
                  db_name                 = "app"
                  username                = "app"
                  backup_retention_period = 7
                }

                resource "aws_ssm_parameter" "host" {
                  name  = "/${var.name}/db-host"
                  type  = "String"
                  value = aws_db_instance.main.address
                }

                output "address" {
                  value = aws_db_instance.main.address
                }
                """);
        files.put("main.tf", """
                module "orders" {
                  source = "./modules/db"
                  name   = "orders"
                }

                module "billing" {
                  source = "./modules/db"
                  name   = "billing"
                }

                resource "aws_ssm_parameter" "orders_host" {
                  name  = "/shared/orders-host"
                  type  = "String"
                  value = module.orders.address
                }
                """ + extraRoot);
        return files;
    }

    @Test
    void referencesStayInTheirModuleInstanceAndEveryInstanceKeepsItsOutput(@TempDir Path dir) throws Exception {
        TranslationFixture.Result r = TranslationFixture.translate(dir, "azure", project("")).assertValid();
        Map<String, String> serverByName = new LinkedHashMap<>();
        for (Block b : r.parsed("data.tf").blocks("resource")) {
            if (b.label(0).equals("azurerm_postgresql_flexible_server")) {
                serverByName.put(TranslationFixture.text(b.body().attribute("name")), b.label(1));
            }
        }
        assertThat(serverByName).containsOnlyKeys("\"orders\"", "\"billing\"");
        Map<String, String> valueBySecret = new LinkedHashMap<>();
        for (Block b : r.parsed("security.tf").blocks("resource")) {
            if (b.label(0).equals("azurerm_key_vault_secret")) {
                assertThat(b.body().attribute("value").expr()).as("a reference, not a literal host").isInstanceOf(GetAttrExpr.class);
                valueBySecret.put(TranslationFixture.text(b.body().attribute("name")), TranslationFixture.text(b.body().attribute("value")));
            }
        }
        String orders = "azurerm_postgresql_flexible_server." + serverByName.get("\"orders\"") + ".fqdn";
        String billing = "azurerm_postgresql_flexible_server." + serverByName.get("\"billing\"") + ".fqdn";
        assertThat(valueBySecret).containsEntry("\"orders-db-host\"", orders).containsEntry("\"billing-db-host\"", billing)
                .containsEntry("\"shared-orders-host\"", orders);

        Map<String, String> outputs = new LinkedHashMap<>();
        for (Block b : r.parsed("outputs.tf").blocks("output")) {
            outputs.put(b.label(0), TranslationFixture.text(b.body().attribute("value")));
        }
        assertThat(outputs.values()).as("one output per module instance").contains(orders, billing);
        assertThat(outputs.keySet()).doesNotHaveDuplicates().anyMatch(k -> k.endsWith("_orders")).anyMatch(k -> k.endsWith("_billing"));
    }

    @Test
    void aReferenceNothingDisambiguatesIsATodoNotTheFirstMatch(@TempDir Path dir) throws Exception {
        // "$${...}" is the literal text ${aws_db_instance.main.address}: no dependency edge says which module's database
        TranslationFixture.Result r = TranslationFixture.translate(dir, "azure", project("""

                resource "aws_ssm_parameter" "which" {
                  name  = "/shared/which-host"
                  type  = "String"
                  value = "$${aws_db_instance.main.address}"
                }
                """));
        Todo todo = r.out().todos().stream().filter(t -> t.address().equals("aws_ssm_parameter.which")).findFirst().orElseThrow();
        assertThat(todo.reason()).contains("ambiguous").contains("module.orders.aws_db_instance.main")
                .contains("module.billing.aws_db_instance.main");
        Block which = r.parsed("security.tf").blocks("resource").stream()
                .filter(b -> b.body().attribute("name") != null && TranslationFixture.text(b.body().attribute("name")).equals("\"shared-which-host\""))
                .findFirst().orElseThrow();
        assertThat(which.body().attribute("value")).as("no guessed reference").isNull();
    }
}
