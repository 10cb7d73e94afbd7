package dev.cloudshift.core.ingest.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformProjectTest {

    static Path fixture(String name) {
        try {
            return Path.of(TerraformProjectTest.class.getResource("/terraform/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Resource> byAddress(TerraformEnvironment env) {
        return env.resources().stream().collect(Collectors.toMap(Resource::address, r -> r, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    @Test
    void countAndForEachExpandIntoInstances() {
        TerraformProject p = TerraformProject.read(fixture("count_foreach"));
        assertThat(p.diagnostics()).isEmpty();
        assertThat(p.environments()).containsExactly("default");
        TerraformEnvironment env = p.evaluate("default");
        assertThat(env.warnings()).isEmpty();
        Map<String, Resource> r = byAddress(env);
        assertThat(r.keySet()).containsExactly("aws_vpc.main",
                "aws_subnet.private[0]", "aws_subnet.private[1]", "aws_subnet.private[2]",
                "aws_s3_bucket.b[\"assets\"]", "aws_s3_bucket.b[\"logs\"]",
                "aws_sqs_queue.q[\"emails\"]", "aws_sqs_queue.q[\"orders\"]",
                "aws_route_table_association.private[0]", "aws_route_table_association.private[1]",
                "aws_route_table_association.private[2]", "aws_lb.web", "data.aws_ami.ubuntu", "aws_instance.app");
        Resource subnet = r.get("aws_subnet.private[1]");
        assertThat(subnet.type()).isEqualTo("aws_subnet");
        assertThat(subnet.provider()).isEqualTo("aws");
        assertThat(subnet.category()).isNull();
        assertThat(subnet.attributes()).isEmpty();
        assertThat(subnet.environment()).isEqualTo("default");
        assertThat(subnet.raw()).containsEntry("cidr_block", "10.0.11.0/24")
                .containsEntry("availability_zone", "eu-west-1b")
                .containsEntry("vpc_id", "${aws_vpc.main.id}")
                .containsEntry("tags", Map.of("Name", "private-1"));
        assertThat(subnet.dependsOn()).containsExactly("aws_vpc.main");
        assertThat(subnet.position().toString()).isEqualTo("main.tf:24:1");
        assertThat(r.get("aws_s3_bucket.b[\"logs\"]").raw()).containsEntry("bucket", "acme-logs")
                .containsEntry("versioning", List.of(Map.of("enabled", true)));
        assertThat(r.get("aws_sqs_queue.q[\"orders\"]").raw()).containsEntry("name", "orders-queue");
        Resource assoc = r.get("aws_route_table_association.private[2]");
        assertThat(assoc.raw()).as("the unknown names the instance").containsEntry("subnet_id", "${aws_subnet.private[2].id}");
        assertThat(assoc.dependsOn()).as("count reads the whole resource; the index is evaluated per instance")
                .containsExactly("aws_subnet.private", "aws_subnet.private[2]");
        assertThat(r.get("aws_lb.web").raw()).containsEntry("subnets", "${aws_subnet.private[*].id}");
        assertThat(r.get("aws_lb.web").dependsOn()).containsExactly("aws_subnet.private");
        Resource app = r.get("aws_instance.app");
        assertThat(app.dependsOn()).containsExactly("data.aws_ami.ubuntu", "aws_subnet.private[0]", "aws_s3_bucket.b");
        assertThat(app.raw()).containsEntry("ami", "${data.aws_ami.ubuntu.id}").doesNotContainKey("depends_on");
        assertThat(r.get("data.aws_ami.ubuntu").raw()).containsEntry("owners", List.of("099720109477"));
        assertThat(env.variables()).containsEntry("vpc_cidr", "10.0.0.0/16");
    }

    @Test
    void dynamicBlocksExpandIntoNestedBlockLists() {
        TerraformEnvironment env = TerraformProject.read(fixture("dynamic_blocks")).evaluate("default");
        assertThat(env.warnings()).isEmpty();
        Map<String, Resource> r = byAddress(env);
        Map<String, Object> web = r.get("aws_security_group.web").raw();
        assertThat(web.get("ingress")).isEqualTo(List.of(
                Map.of("description", "http", "from_port", new BigDecimal("80"), "to_port", new BigDecimal("80"), "protocol", "tcp"),
                Map.of("description", "https", "from_port", new BigDecimal("443"), "to_port", new BigDecimal("443"), "protocol", "tcp")));
        assertThat(web.get("egress")).isEqualTo(List.of(Map.of("from_port", BigDecimal.ZERO, "to_port", BigDecimal.ZERO, "protocol", "-1")));
        Resource db = r.get("aws_security_group.db");
        assertThat(db.raw().get("ingress")).isEqualTo(List.of(Map.of(
                "security_groups", List.of("${aws_security_group.web.id}"), "from_port", new BigDecimal("5432"))));
        assertThat(db.dependsOn()).containsExactly("aws_security_group.web");
    }

    @Test
    void localModulesAreFollowedWithInputsAndOutputs() {
        TerraformProject p = TerraformProject.read(fixture("local_module"));
        assertThat(p.diagnostics()).isEmpty();
        TerraformEnvironment env = p.evaluate("default");
        assertThat(env.warnings()).isEmpty();
        Map<String, Resource> r = byAddress(env);
        assertThat(r.keySet()).containsExactly(
                "module.network.aws_vpc.this", "module.network.aws_subnet.private[0]", "module.network.aws_subnet.private[1]",
                "module.service[0].aws_lb_target_group.this", "module.service[0].aws_ecs_service.this",
                "module.service[1].aws_lb_target_group.this", "module.service[1].aws_ecs_service.this",
                "module.workers[\"billing\"].aws_lb_target_group.this", "module.workers[\"billing\"].aws_ecs_service.this",
                "module.workers[\"email\"].aws_lb_target_group.this", "module.workers[\"email\"].aws_ecs_service.this",
                "aws_route53_record.api");
        Resource vpc = r.get("module.network.aws_vpc.this");
        assertThat(vpc.raw()).containsEntry("cidr_block", "10.20.0.0/16").containsEntry("tags", Map.of("Name", "core-dev"));
        assertThat(vpc.position().toString()).isEqualTo("modules/network/main.tf:9:1");
        assertThat(r.get("module.network.aws_subnet.private[1]").raw()).containsEntry("cidr_block", "10.20.16.0/20");
        assertThat(r.get("module.network.aws_subnet.private[1]").dependsOn()).containsExactly("module.network.aws_vpc.this");
        Resource svc = r.get("module.service[1].aws_ecs_service.this");
        assertThat(svc.raw()).containsEntry("name", "svc1");
        assertThat(svc.dependsOn()).as("through module inputs and the network module's outputs")
                .containsExactlyInAnyOrder("module.network.aws_subnet.private", "module.service[1].aws_lb_target_group.this");
        Resource tg = r.get("module.workers[\"email\"].aws_lb_target_group.this");
        assertThat(tg.raw()).containsEntry("name", "tg-email").containsEntry("port", new BigDecimal("8080"))
                .containsEntry("vpc_id", "${aws_vpc.this.id}");
        assertThat(tg.dependsOn()).containsExactly("module.network.aws_vpc.this");
        Resource rec = r.get("aws_route53_record.api");
        assertThat(rec.raw()).containsEntry("name", "core-dev").containsEntry("records", List.of("svc0.internal:8080"));
    }

    @Test
    void remoteModulesAreRecordedAsUnresolvedNeverFetched() {
        TerraformProject p = TerraformProject.read(fixture("remote_module"));
        assertThat(p.diagnostics()).isEmpty();
        TerraformEnvironment env = p.evaluate("default");
        assertThat(env.resources()).extracting(Resource::address).containsExactly("aws_instance.bastion");
        Resource b = env.resources().get(0);
        assertThat(b.raw()).containsEntry("subnet_id", "${module.vpc.public_subnets[0]}");
        assertThat(b.dependsOn()).containsExactly("module.vpc");
        assertThat(env.warnings()).extracting(Diagnostic::toString).containsExactly(
                "main.tf:2:13: module \"vpc\" uses the remote source \"terraform-aws-modules/vpc/aws\": recorded as "
                        + "unresolved and not fetched; its resources are not in the inventory",
                "main.tf:8:12: module \"private\" uses the remote source \"git::https://<redacted>@github.com/acme/"
                        + "tf-modules.git//rds?ref=v1\": recorded as unresolved and not fetched; its resources are not in the inventory");
        assertThat(env.warnings().toString()).doesNotContain("SuperSecretToken");
    }

    @Test
    void variableFilesNameEnvironmentsWithSharedBaseFiles() {
        TerraformProject p = TerraformProject.read(fixture("environments"));
        assertThat(p.environments()).containsExactly("dev", "qa", "staging", "prod", "zeta");
        assertThat(p.diagnostics()).isEmpty();
        TerraformEnvironment dev = p.evaluate("dev");
        assertThat(dev.resources()).extracting(Resource::address).containsExactly("aws_instance.app[0]");
        assertThat(dev.resources().get(0).raw()).containsEntry("instance_type", "t3.small")
                .containsEntry("tags", Map.of("Env", "dev", "Team", "platform"));
        assertThat(dev.variables()).containsEntry("region", "eu-west-1").containsEntry("replicas", new BigDecimal("1"));
        TerraformEnvironment prod = p.evaluate("prod");
        assertThat(prod.resources()).extracting(Resource::address)
                .containsExactly("aws_instance.app[0]", "aws_instance.app[1]", "aws_instance.app[2]");
        assertThat(prod.resources()).allSatisfy(res -> assertThat(res.environment()).isEqualTo("prod"));
        assertThat(prod.resources().get(2).raw()).containsEntry("instance_type", "m5.large");
        assertThat(prod.variables()).containsEntry("region", "eu-central-1");
        TerraformEnvironment staging = p.evaluate("staging");
        assertThat(staging.resources()).as("\"2\" converted by type = number").hasSize(2);
        assertThat(staging.resources().get(0).raw()).containsEntry("tags", Map.of("Env", "staging", "Team", "qa"));
        assertThat(p.evaluate("zeta").resources()).isEmpty();
        assertThat(p.evaluate("qa").warnings()).extracting(Diagnostic::toString)
                .containsExactly("qa.tfvars:2:1: value for undeclared variable \"unknown_setting\" is ignored");
    }

    @Test
    void onlyBaseFilesGiveTheDefaultEnvironment(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.tf"), "variable \"n\" {}\nresource \"aws_sqs_queue\" \"q\" {\n  name = var.n\n}\n");
        Files.writeString(dir.resolve("terraform.tfvars"), "n = \"from-base\"\n");
        TerraformProject p = TerraformProject.read(dir);
        assertThat(p.environments()).containsExactly("default");
        TerraformEnvironment env = p.evaluate("default");
        assertThat(env.warnings()).isEmpty();
        assertThat(env.resources().get(0).raw()).containsEntry("name", "from-base");
    }

    @Test
    void emptyAndMissingDirectories(@TempDir Path dir) {
        assertThat(TerraformProject.read(dir).isEmpty()).isTrue();
        assertThat(TerraformProject.read(dir).evaluate("default").resources()).isEmpty();
        TerraformProject missing = TerraformProject.read(dir.resolve("nope"));
        assertThat(missing.isEmpty()).isTrue();
        assertThat(missing.diagnostics()).hasSize(1);
    }

    @Test
    void brokenFilesGiveDiagnosticsAndEverythingElseIsStillRead() {
        TerraformProject p = TerraformProject.read(fixture("broken"));
        assertThat(p.isEmpty()).isFalse();
        assertThat(p.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "bad.tf:3:19: expected an expression, found a newline",
                "bad.tf:12:1: expected '}' to close block \"resource\" opened at 10:1",
                "bad2.tf:4:1: expected '}' to close block \"resource\" opened at 1:1");
        assertThat(p.evaluate("default").resources()).extracting(Resource::address)
                .containsExactly("aws_sqs_queue.first", "aws_sqs_queue.second", "aws_sns_topic.unclosed",
                        "aws_sns_topic.t", "aws_sqs_queue.after", "aws_s3_bucket.ok");
    }

    @Test
    void localsAreEvaluatedInDependencyOrderAndCyclesReported() {
        TerraformProject p = TerraformProject.read(fixture("locals"));
        assertThat(p.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("references form a cycle: local.x -> local.y -> local.x; values in the cycle are left unknown");
        TerraformEnvironment env = p.evaluate("default");
        Map<String, Resource> r = byAddress(env);
        Resource svc = r.get("aws_ecs_service.svc");
        assertThat(svc.raw()).containsEntry("name", "a-b-c").containsEntry("subnets", "${aws_subnet.s[*].id}")
                .containsEntry("first", "${aws_subnet.s[0].id}");
        assertThat(svc.dependsOn()).containsExactly("aws_subnet.s", "aws_subnet.s[0]");
        assertThat(r.get("aws_iam_role.r").raw()).containsEntry("name", "role-${data.aws_caller_identity.me.account_id}");
        assertThat(r.get("aws_iam_role.r").dependsOn()).containsExactly("data.aws_caller_identity.me");
    }

    @Test
    void plantedSecretsNeverAppearInResourcesVariablesOrDiagnostics() throws Exception {
        List<String> planted = List.of("Pl4nted-DbPassw0rd", "Pl4nted-ApiKey-123", "Pl4nted-Conn", "Pl4nted-Nested",
                "Pl4nted-Unquoted", "Pl4nted-Broken", "LiteralInCode-Pa55", "AnotherLiteral-Pa55", "LiteralTail");
        TerraformProject p = TerraformProject.read(fixture("secrets"));
        assertThat(p.environments()).containsExactly("staging", "prod");
        ObjectMapper json = new ObjectMapper();
        StringBuilder everything = new StringBuilder(json.writeValueAsString(p.diagnostics().stream().map(Diagnostic::toString).toList()));
        for (String envName : p.environments()) {
            TerraformEnvironment env = p.evaluate(envName);
            everything.append(json.writeValueAsString(env.variables()));
            everything.append(env.warnings());
            for (Resource r : env.resources()) {
                everything.append(r).append(json.writeValueAsString(r.raw()));
            }
        }
        String all = everything.toString();
        for (String secret : planted) {
            assertThat(all).as("secret %s", secret).doesNotContain(secret);
        }
        assertThat(p.diagnostics()).isNotEmpty();
        TerraformEnvironment prod = p.evaluate("prod");
        assertThat(prod.variables()).containsEntry("db_password", "<sensitive>").containsEntry("api_key", "<sensitive>")
                .containsEntry("connection", "<sensitive>").containsEntry("key_name", "deployer")
                .containsEntry("db_settings", Map.of("user", "app", "secret", "<sensitive>"));
        Map<String, Resource> r = byAddress(prod);
        assertThat(r.get("aws_db_instance.main").raw()).containsEntry("password", "<sensitive>")
                .containsEntry("username", "app").containsEntry("key_name", "deployer");
        assertThat(r.get("aws_ssm_parameter.url").raw()).containsEntry("value", "<sensitive>").containsEntry("name", "/app/url");
        assertThat(r.get("aws_ssm_parameter.url").dependsOn()).containsExactly("aws_db_instance.main");
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = (Map<String, Object>) ((List<Map<String, Object>>) r.get("aws_lambda_function.fn").raw()
                .get("environment")).get(0).get("variables");
        assertThat(vars).containsEntry("PLAIN", "visible").containsEntry("CONN", "<sensitive>")
                .containsEntry("SECRET", "<sensitive>").containsEntry("Authorization", "<sensitive>");
        assertThat(r.get("aws_rds_cluster.c").raw()).as("a bare reference names the source of the secret")
                .containsEntry("master_password", "${random_password.db.result}").containsEntry("db_token", "<sensitive>");
        assertThat(r.get("aws_rds_cluster.c").dependsOn()).containsExactly("random_password.db");
        assertThat(r.get("random_password.db").provider()).isEqualTo("random");
        assertThat(r.get("aws_secretsmanager_secret_version.literal").raw())
                .containsEntry("secret_string", "<sensitive>").containsEntry("master_password", "<sensitive>");
    }

    @Test
    void resourcesAreListedInDeclarationOrderNotEvaluationOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.tf"), "resource \"aws_instance\" \"app\" {\n  subnet_id = aws_subnet.s.id\n}\n");
        Files.writeString(dir.resolve("b.tf"), "resource \"aws_subnet\" \"s\" {\n  vpc_id = aws_vpc.v.id\n}\n"
                + "resource \"aws_vpc\" \"v\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n");
        TerraformEnvironment env = TerraformProject.read(dir).evaluate("default");
        assertThat(env.resources()).extracting(Resource::address).containsExactly("aws_instance.app", "aws_subnet.s", "aws_vpc.v");
        assertThat(env.resources()).extracting(r -> r.position().toString()).containsExactly("a.tf:1:1", "b.tf:1:1", "b.tf:4:1");
        assertThat(env.resources().get(0).dependsOn()).containsExactly("aws_subnet.s");
        assertThat(env.resources().get(1).dependsOn()).containsExactly("aws_vpc.v");
    }

    @Test
    void typeConstraintsConvertValuesAndFillOptionalAttributes() {
        TerraformEnvironment env = TerraformProject.read(fixture("types")).evaluate("default");
        assertThat(env.warnings()).isEmpty();
        Map<String, Resource> r = byAddress(env);
        assertThat(r.get("aws_ecs_service.svc[\"api\"]").raw()).containsEntry("cpu", new BigDecimal("512"))
                .containsEntry("port", new BigDecimal("9000")).containsEntry("public", false)
                .containsEntry("desired_count", new BigDecimal("3")).containsEntry("tags", Map.of())
                .containsEntry("ports", List.of(new BigDecimal("80"), new BigDecimal("443")))
                .containsEntry("zones", List.of("a", "b"));
        assertThat(r.get("aws_ecs_service.svc[\"worker\"]").raw()).containsEntry("port", new BigDecimal("8080"))
                .containsEntry("public", true).containsEntry("desired_count", BigDecimal.ONE)
                .containsEntry("tags", Map.of("team", "x"));
    }

    @Test
    void providerComesFromTheTypePrefix() {
        assertThat(Resource.providerOf("aws_db_instance")).isEqualTo("aws");
        assertThat(Resource.providerOf("azurerm_postgresql_flexible_server")).isEqualTo("azure");
        assertThat(Resource.providerOf("azuread_application")).isEqualTo("azure");
        assertThat(Resource.providerOf("google_sql_database_instance")).isEqualTo("gcp");
        assertThat(Resource.providerOf("kubernetes_deployment")).isEqualTo("kubernetes");
        assertThat(Resource.providerOf("null_resource")).isEqualTo("null");
    }

    @Test
    void variablesFileErrorsHavePositionsAndNeverQuoteValues(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.tf"), "variable \"token\" {}\nvariable \"n\" {}\n");
        Files.writeString(dir.resolve("dev.tfvars.json"), "{\n  \"token\": tok-Secret-99,\n  \"n\": 1\n}\n");
        Files.writeString(dir.resolve("prod.tfvars"), "n = 2\ntoken = abc Secret-77\n");
        TerraformProject p = TerraformProject.read(dir);
        assertThat(p.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "dev.tfvars.json:2:15: expected valid JSON in the variables file",
                "prod.tfvars:2:13: expected a newline after the attribute \"token\", found a word",
                "prod.tfvars:2:9: expected a literal value for variable \"token\" (variables files cannot refer to other values)");
        assertThat(p.diagnostics().toString()).doesNotContain("Secret-99").doesNotContain("Secret-77").doesNotContain("tok-");
        TerraformEnvironment prod = p.evaluate("prod");
        assertThat(prod.variables()).containsEntry("n", new BigDecimal("2")).containsEntry("token", "<sensitive>");
        assertThat(prod.warnings()).extracting(Diagnostic::message)
                .containsExactly("variable \"token\" has no default and no value in environment \"prod\"; it is left unknown");
    }

    @Test
    void aModuleCallingItselfStopsAtTheDepthLimitAndTheInstanceBudget(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.tf"), "module \"again\" {\n  source = \"./\"\n}\n"
                + "resource \"aws_sqs_queue\" \"q\" {}\n");
        TerraformEnvironment env = TerraformProject.read(dir).evaluate("default");
        assertThat(env.resources()).hasSize(ModuleEvaluator.MAX_MODULE_DEPTH + 1);
        assertThat(env.resources().get(env.resources().size() - 2).address()).isEqualTo("module.again.aws_sqs_queue.q");
        assertThat(env.resources().get(env.resources().size() - 1).address()).isEqualTo("aws_sqs_queue.q");
        assertThat(env.warnings()).extracting(Diagnostic::message).anyMatch(m -> m.contains("nested more than 32 levels"));

        Files.writeString(dir.resolve("main.tf"), "module \"again\" {\n  source = \"./\"\n  count  = 2\n}\n"
                + "resource \"aws_sqs_queue\" \"q\" {}\n");
        TerraformEnvironment doubling = TerraformProject.read(dir).evaluate("default", 500);
        assertThat(doubling.resources().size()).isLessThanOrEqualTo(500);
        assertThat(doubling.warnings()).extracting(Diagnostic::message)
                .anyMatch(m -> m.startsWith("more than 500 resource and module instances in environment \"default\""));
    }

    @Test
    void unknownModuleArgumentsAreReportedAtTheCall(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("m"));
        Files.writeString(dir.resolve("m/main.tf"), "variable \"a\" {}\nresource \"aws_sqs_queue\" \"q\" {\n  name = var.a\n}\n");
        Files.writeString(dir.resolve("main.tf"), "module \"x\" {\n  source = \"./m\"\n  a      = \"one\"\n  typo   = 2\n}\n");
        TerraformEnvironment env = TerraformProject.read(dir).evaluate("default");
        assertThat(env.warnings()).extracting(Diagnostic::toString)
                .containsExactly("main.tf:4:3: module \"x\" (./m) has no variable named \"typo\"; the argument is ignored");
        assertThat(env.resources().get(0).raw()).containsEntry("name", "one");
    }

    @Test
    void computedAttributesOfANestedBlockAreUnknownWithoutWarnings(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                resource "aws_apigatewayv2_domain_name" "api" {
                  domain_name = "api.example.com"
                  domain_name_configuration {
                    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
                    endpoint_type   = "REGIONAL"
                    security_policy = "TLS_1_2"
                  }
                }

                resource "aws_route53_record" "api" {
                  zone_id = "Z123"
                  name    = aws_apigatewayv2_domain_name.api.domain_name
                  type    = "A"
                  alias {
                    name                   = aws_apigatewayv2_domain_name.api.domain_name_configuration[0].target_domain_name
                    zone_id                = aws_apigatewayv2_domain_name.api.domain_name_configuration[0].hosted_zone_id
                    evaluate_target_health = aws_apigatewayv2_domain_name.api.domain_name_configuration[0].endpoint_type == "REGIONAL"
                  }
                }
                """);
        TerraformEnvironment env = TerraformProject.read(dir).evaluate("default");
        assertThat(env.warnings()).isEmpty();
        Resource record = byAddress(env).get("aws_route53_record.api");
        assertThat(record.raw()).containsEntry("name", "api.example.com");
        assertThat(record.raw().get("alias")).isEqualTo(List.of(Map.of(
                "name", "${aws_apigatewayv2_domain_name.api.domain_name_configuration[0].target_domain_name}",
                "zone_id", "${aws_apigatewayv2_domain_name.api.domain_name_configuration[0].hosted_zone_id}",
                "evaluate_target_health", true)));
        assertThat(record.dependsOn()).containsExactly("aws_apigatewayv2_domain_name.api");
    }

    @Test
    void secretNameRule() {
        assertThat(List.of("db_password", "api_key", "apiKey", "github_token", "client_secret", "storage_account_key",
                "private_key", "master_password", "connection_string", "DB_PASS", "credentials"))
                .allMatch(SecretNames::isSecretName);
        assertThat(List.of("key_name", "kms_key_id", "secret_arn", "password_length", "token_ttl", "ssh_public_key",
                "public_key", "instance_type", "key", "bypass", "secret_name", "name"))
                .noneMatch(SecretNames::isSecretName);
    }
}
