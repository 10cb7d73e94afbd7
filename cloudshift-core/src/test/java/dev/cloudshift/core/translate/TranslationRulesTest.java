package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cloudshift.core.translate.schema.BlockSchema;
import dev.cloudshift.core.translate.schema.ProviderSchemas;
import dev.cloudshift.core.translate.schema.ResourceSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rule files of every direction load, and every target type, argument and nested block they name exists in the
 * target provider's schema (so a typo in a rule fails here, before any golden file); value transforms behave.
 */
class TranslationRulesTest {

    static final List<String[]> DIRECTIONS = List.of(new String[] {"aws", "azure"}, new String[] {"aws", "gcp"},
            new String[] {"azure", "aws"}, new String[] {"gcp", "aws"}, new String[] {"compose", "aws"},
            new String[] {"compose", "azure"}, new String[] {"compose", "gcp"});
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Terraform meta-arguments every resource accepts (google-beta resources need provider). */
    static final java.util.Set<String> META_ARGUMENTS = java.util.Set.of("provider", "depends_on", "count", "for_each");

    @Test
    void everyRuleNamesOnlyWhatTheTargetProviderHas() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String[] d : DIRECTIONS) {
            TranslationRules rules = TranslationRules.bundled(d[0], d[1]);
            ProviderSchemas schemas = ProviderSchemas.load(d[1]);
            for (TranslationRules.TypeRule rule : rules.rules().values()) {
                for (TranslationRules.TargetRule target : rule.targets()) {
                    Optional<ResourceSchema> schema = schemas.resource(target.type());
                    if (schema.isEmpty()) {
                        problems.add(rule.origin() + ": unknown target type " + target.type());
                        continue;
                    }
                    checked++;
                    check(rule.origin() + ": " + target.type(), schema.get().body(), target.attributes(), target.blocks(), problems);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("target resources checked").isGreaterThan(40);
    }

    @Test
    void everyHookThatWritesSecretsManagerSecretsReadsTheirArgumentsFromItsRule() {
        ResourceSchema secret = ProviderSchemas.load("aws").resource("aws_secretsmanager_secret").orElseThrow();
        List<String> rules = new ArrayList<>();
        for (String[] d : DIRECTIONS) {
            for (TranslationRules.TypeRule rule : TranslationRules.bundled(d[0], d[1]).rules().values()) {
                if (!java.util.Set.of("ecs_container", "fargate_service").contains(String.valueOf(rule.hook()))) {
                    continue;
                }
                rules.add(rule.source());
                assertThat(rule.data()).as(rule.origin()).isInstanceOfSatisfying(Map.class, data -> {
                    assertThat(data.get("secret_attributes")).as(rule.origin() + " data.secret_attributes")
                            .isInstanceOfSatisfying(Map.class, attributes -> {
                                assertThat(attributes.keySet()).as(rule.origin()).allMatch(a -> secret.body().arguments().containsKey(a));
                                assertThat(attributes.get("recovery_window_in_days")).isEqualTo(new BigDecimal("7"));
                            });
                });
            }
        }
        assertThat(rules).contains("compose_app", "azurerm_container_app", "google_cloud_run_v2_service");
    }

    private static void check(String where, BlockSchema body, Map<String, ValueSpec> attrs, List<TranslationRules.BlockRule> blocks,
            List<String> problems) {
        if (body.open()) {
            return;
        }
        for (String a : attrs.keySet()) {
            if (!body.arguments().containsKey(a) && !META_ARGUMENTS.contains(a)) {
                problems.add(where + ": unknown argument " + a);
            }
        }
        for (TranslationRules.BlockRule b : blocks) {
            if (!body.blocks().containsKey(b.type())) {
                if (body.arguments().containsKey(b.type())) {
                    continue; // an attribute written in block syntax (aws_security_group ingress), as Terraform allows
                }
                problems.add(where + ": unknown block " + b.type());
            } else {
                check(where + "." + b.type(), body.blocks().get(b.type()).body(), b.attributes(), b.blocks(), problems);
            }
        }
    }

    @Test
    void aRuleWithoutAnOutcomeIsRejectedWithItsFileName() throws Exception {
        assertThatThrownBy(() -> TranslationRules.parse(YAML.readTree("source: aws_vpc\nfile: network\n"), "x/aws_vpc.yaml"))
                .hasMessageContaining("x/aws_vpc.yaml").hasMessageContaining("targets, absorbed or todo");
        assertThatThrownBy(() -> ValueSpec.parse(YAML.readTree("{from: a, ref: b.c}"), "x.yaml: name"))
                .hasMessageContaining("x.yaml: name").hasMessageContaining("exactly one of");
    }

    @Test
    void valueBlocksAndFragmentsAreCheckedWhenRulesLoad() throws Exception {
        TranslationRules.TypeRule rule = TranslationRules.parse(YAML.readTree("""
                source: compose_app
                targets:
                  - type: aws_ecs_task_definition
                    blocks:
                      - type: container_definitions
                        as: tuple
                        call: jsonencode
                        blocks:
                          - type: logConfiguration
                """), "x/compose_app.yaml");
        TranslationRules.BlockRule defs = rule.targets().get(0).blocks().get(0);
        assertThat(defs.isValue()).isTrue();
        assertThat(defs.call()).isEqualTo("jsonencode");
        assertThat(defs.blocks().get(0).as()).as("inside a value every block is an object").isEqualTo("object");
        assertThatThrownBy(() -> TranslationRules.parse(YAML.readTree("""
                source: x
                targets:
                  - type: aws_iam_role
                    blocks:
                      - type: assume_role_policy
                        as: object
                        blocks:
                          - {type: Statement, as: block}
                """), "x/x.yaml")).hasMessageContaining("x/x.yaml").hasMessageContaining("expected as: object or tuple");
        assertThatThrownBy(() -> TranslationRules.parse(YAML.readTree("""
                source: x
                targets:
                  - type: aws_iam_role
                    blocks:
                      - {type: inline_policy, call: jsonencode}
                """), "x/x.yaml")).hasMessageContaining("call: needs as: object or tuple");
        // targets may come with a todo (what they leave out), not with absorbed
        assertThat(TranslationRules.parse(YAML.readTree("{source: x, todo: why, targets: [{type: aws_lb}]}"), "x").todo()).isEqualTo("why");
        assertThatThrownBy(() -> TranslationRules.parse(YAML.readTree("{source: x, absorbed: why, targets: [{type: aws_lb}]}"), "x"))
                .hasMessageContaining("exactly one of");
        // _network.yaml is a fragment the compose rules include, not a rule of its own
        TranslationRules compose = TranslationRules.bundled("compose", "aws");
        assertThat(compose.rules().keySet()).allMatch(k -> k.startsWith("compose_"));
        for (String type : List.of("compose_app", "compose_postgres", "compose_redis")) {
            assertThat(compose.rule(type).targets()).anySatisfy(t -> {
                assertThat(t.type()).isEqualTo("aws_vpc");
                assertThat(t.single()).isTrue();
            });
        }
    }

    @Test
    void transformsApplyInTheirDocumentedOrder() throws Exception {
        assertThat(spec("{value: '15.4', major_version: true}").transform("15.4")).isEqualTo("15");
        assertThat(spec("{value: x, multiply: 1024, round_up_to: [32768, 65536]}").transform(new BigDecimal("20")))
                .isEqualTo(new BigDecimal("32768"));
        assertThat(spec("{value: x, multiply: 1024, round_up_to: [32768, 65536]}").transform(new BigDecimal("100")))
                .isEqualTo(new BigDecimal("65536"));
        assertThat(spec("{value: x, min: 7, max: 35}").transform(new BigDecimal("0"))).isEqualTo(new BigDecimal("7"));
        assertThat(spec("{value: x, pattern: '_([A-Z])[0-9]+$'}").transform("Standard_C1")).isEqualTo("C");
        assertThat(spec("{value: x, pattern: '_[A-Z]([0-9]+)$', to_number: true}").transform("Premium_P2")).isEqualTo(new BigDecimal("2"));
        assertThat(spec("{value: x, lookup: {standard: Standard}}").transform("STANDARD")).isEqualTo("Standard");
        assertThat(spec("{value: x, lookup: {a: b}}").transform("zzz")).isSameAs(ValueSpec.MISSING);
        assertThat(spec("{value: x, pattern: '^([^/]+)', alnum: true, format: '{}acr'}").transform("data-aggregator/backend"))
                .isEqualTo("dataaggregatoracr");
        assertThat(spec("{value: x, slug: true}").transform("app/prod/database")).isEqualTo("app-prod-database");
        assertThat(spec("{value: x, format: 'PT{}S'}").transform(new BigDecimal("1209600"))).isEqualTo("PT1209600S");
        assertThat(spec("{value: x, as_list: true}").transform("10.0.0.0/16")).isEqualTo(List.of("10.0.0.0/16"));
    }

    @Test
    void repeatedBlockValuesReadTheItemAndFallBack() throws Exception {
        assertThat((BigDecimal) spec("{value: x, multiply: 10, add: 100}").transform(new BigDecimal("2"))).isEqualByComparingTo("120");
        ValueSpec cidrs = spec("{value: x, lookup: {internet: ['0.0.0.0/0']}, keep_unmatched: '^[0-9.]+/[0-9]+$', as_list: true}");
        assertThat(cidrs.transform("Internet")).isEqualTo(List.of("0.0.0.0/0"));
        assertThat(cidrs.transform("10.1.0.0/16")).isEqualTo(List.of("10.1.0.0/16"));
        assertThat(cidrs.transform("VirtualNetwork")).isSameAs(ValueSpec.MISSING);
        assertThat(cidrs.transform(List.of("10.1.0.0/16", "Internet"))).isEqualTo(List.of("10.1.0.0/16", "0.0.0.0/0"));
        assertThat(cidrs.transform(List.of("10.1.0.0/16", "AzureLoadBalancer"))).isSameAs(ValueSpec.MISSING);

        ValueSpec toPort = spec("{item: [port, ports], pattern: '([0-9]+)$', to_number: true, "
                + "fallback: {item: protocol, lookup: {all: 0}, default: 65535}}");
        assertThat((BigDecimal) toPort.evaluate(item(Map.of("ports", "8000-8100", "protocol", "tcp")))).isEqualByComparingTo("8100");
        assertThat((BigDecimal) toPort.evaluate(item(Map.of("protocol", "all")))).isEqualByComparingTo("0");
        assertThat((BigDecimal) toPort.evaluate(item(Map.of("protocol", "tcp")))).isEqualByComparingTo("65535");
        assertThat((BigDecimal) spec("{item_index: true, multiply: 10, add: 100}").evaluate(item(Map.of()))).isEqualByComparingTo("130");
    }

    @Test
    void aRepeatedBlockExpandsListsFiltersItemsAndRejectsFiltersWithoutForEach() throws Exception {
        TranslationRules.TypeRule rule = TranslationRules.parse(YAML.readTree("""
                source: google_compute_firewall
                file: security
                targets:
                  - type: aws_security_group
                    blocks:
                      - type: ingress
                        for_each: {value: [{protocol: tcp, ports: ["80", "443"]}, {protocol: icmp}, {protocol: UDP}]}
                        where: {protocol: [tcp, udp]}
                        expand: ports
                        attributes:
                          from_port: {item: ports}
                """), "x.yaml");
        TranslationRules.BlockRule ingress = rule.targets().get(0).blocks().get(0);
        List<Map<?, ?>> skipped = new ArrayList<>();
        List<Map<?, ?>> items = ingress.items(item(Map.of()), skipped);
        assertThat(items).extracting(m -> m.get("protocol") + ":" + m.get("ports")).containsExactly("tcp:80", "tcp:443", "UDP:null");
        assertThat(skipped.stream().map(m -> String.valueOf(m.get("protocol"))).toList()).containsExactly("icmp");
        assertThatThrownBy(() -> TranslationRules.parse(YAML.readTree("""
                source: x
                targets:
                  - type: aws_security_group
                    blocks:
                      - type: ingress
                        where: {protocol: [tcp]}
                """), "y.yaml")).hasMessageContaining("y.yaml").hasMessageContaining("need for_each");
    }

    /** The context of the fourth item of a repeated block (no source resource needed for item values). */
    private static ValueSpec.Context item(Map<String, Object> item) {
        return new TerraformTranslator.ItemContext(null, item, 3);
    }

    @Test
    void freeSubnetBlocksAvoidEveryUsedRange() {
        CidrBlocks.Block vnet = CidrBlocks.parse("10.0.0.0/16");
        List<CidrBlocks.Block> used = List.of(CidrBlocks.parse("10.0.0.0/24"), CidrBlocks.parse("10.0.1.0/24"),
                CidrBlocks.parse("10.0.3.0/24"));
        assertThat(CidrBlocks.firstFree(vnet, 24, used).toString()).isEqualTo("10.0.2.0/24");
        assertThat(CidrBlocks.firstFree(vnet, 23, used).toString()).isEqualTo("10.0.4.0/23");
        assertThat(CidrBlocks.firstFree(CidrBlocks.parse("10.0.0.0/24"), 24, used)).isNull();
        assertThat(CidrBlocks.parse("not a cidr")).isNull();
    }

    private static ValueSpec spec(String yaml) throws Exception {
        return ValueSpec.parse(YAML.readTree(yaml), "test");
    }
}
