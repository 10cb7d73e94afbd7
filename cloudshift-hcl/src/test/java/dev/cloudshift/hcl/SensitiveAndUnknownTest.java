package dev.cloudshift.hcl;

import static dev.cloudshift.hcl.HclTestSupport.evalErrors;
import static dev.cloudshift.hcl.HclTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.eval.ObjectValue;
import dev.cloudshift.hcl.eval.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensitiveAndUnknownTest {
    private static final String SECRET = "s3cr3t-Planted-Value";

    private final Map<String, Value> scope = Map.of(
            "var", Value.object(Map.of(
                    "password", Value.string(SECRET).withSensitive(true),
                    "name", Value.string("app"))),
            "aws_db_instance", ObjectValue.open(Map.of()));

    @Test
    void sensitiveMarkPropagatesThroughOperationsAndFunctions() {
        for (String e : List.of("var.password", "\"x-${var.password}\"", "upper(var.password)",
                "jsonencode({p = var.password})", "var.password == \"x\"", "length(var.password)",
                "base64encode(var.password)", "[for c in [var.password] : c][0]", "format(\"%s\", var.password)",
                "var.name != \"\" ? var.password : \"n\"", "replace(var.password, \"s\", \"z\")")) {
            Value v = value(e, scope);
            assertThat(v.isDeepSensitive()).as(e).isTrue();
            assertThat(String.valueOf(v.toJava())).as(e).doesNotContain(SECRET).doesNotContain("3cr3t");
        }
        Value obj = value("{user = var.name, pass = var.password}", scope);
        assertThat(obj.toJava()).isEqualTo(Map.of("user", "app", "pass", Value.REDACTED));
        Value merged = value("merge({a = var.name}, {b = var.password})", scope);
        assertThat(merged.toJava()).isEqualTo(Map.of("a", "app", "b", Value.REDACTED));
    }

    @Test
    void unknownSensitiveStaysRedacted() {
        Value v = value("\"${aws_db_instance.main.address}:${var.password}\"", scope);
        assertThat(v.isKnown()).isFalse();
        assertThat(v.toJava()).isEqualTo(Value.REDACTED);
    }

    @Test
    void unknownPropagationKeepsTheWholeExpressionText() {
        assertThat(value("aws_db_instance.main.port + 1", scope).toJava()).isEqualTo("${aws_db_instance.main.port + 1}");
        assertThat(value("aws_db_instance.main[0].id", scope).toJava()).isEqualTo("${aws_db_instance.main[0].id}");
        assertThat(value("[for x in aws_db_instance.main.ids : x]", scope).toJava())
                .isEqualTo("${[for x in aws_db_instance.main.ids : x]}");
        assertThat(value("aws_db_instance.main[*].id", scope).toJava()).isEqualTo("${aws_db_instance.main[*].id}");
        assertThat(value("!aws_db_instance.main.multi_az", scope).toJava()).isEqualTo("${!aws_db_instance.main.multi_az}");
    }

    /** A resource as its references see it: configured arguments, nested blocks and computed attributes. */
    private final Map<String, Value> resourceScope = Map.of(
            "aws_apigatewayv2_domain_name", Value.object(Map.of("api", ObjectValue.openDeep(Map.of(
                    "domain_name", Value.string("api.example.com"),
                    "tags", Value.object(Map.of("Name", Value.string("api"))),
                    "domain_name_configuration", Value.tuple(List.of(Value.object(Map.of(
                            "endpoint_type", Value.string("REGIONAL"),
                            "mutual_tls", Value.tuple(List.of(Value.object(Map.of(
                                    "truststore_uri", Value.string("s3://b/t.pem")))))))))),
                    "aws_apigatewayv2_domain_name.api"))));

    @Test
    void computedAttributesOfNestedBlocksOfAResourceAreUnknownNotErrors() {
        assertThat(value("aws_apigatewayv2_domain_name.api.domain_name_configuration[0].target_domain_name",
                resourceScope).toJava())
                .isEqualTo("${aws_apigatewayv2_domain_name.api.domain_name_configuration[0].target_domain_name}");
        assertThat(value("aws_apigatewayv2_domain_name.api.domain_name_configuration[0].mutual_tls[0].truststore_version",
                resourceScope).toJava()).isEqualTo(
                "${aws_apigatewayv2_domain_name.api.domain_name_configuration[0].mutual_tls[0].truststore_version}");
        assertThat(value("\"${aws_apigatewayv2_domain_name.api.domain_name_configuration[0].hosted_zone_id}.\"",
                resourceScope).toJava())
                .isEqualTo("${aws_apigatewayv2_domain_name.api.domain_name_configuration[0].hosted_zone_id}.");
        // what the configuration states stays known
        assertThat(value("aws_apigatewayv2_domain_name.api.domain_name_configuration[0].endpoint_type", resourceScope)
                .toJava()).isEqualTo("REGIONAL");
        assertThat(value("aws_apigatewayv2_domain_name.api.domain_name_configuration[0].mutual_tls[0].truststore_uri",
                resourceScope).toJava()).isEqualTo("s3://b/t.pem");
        assertThat(value("aws_apigatewayv2_domain_name.api.tags.Name", resourceScope).toJava()).isEqualTo("api");
    }

    @Test
    void writtenMapsOfAResourceKeepTheirKeysAndBlockIndexesStayChecked() {
        // a map argument written as a whole has exactly its keys: a missing one is still an error
        assertThat(evalErrors("aws_apigatewayv2_domain_name.api.tags.Missing", resourceScope))
                .singleElement().asString().contains("has no attribute named \"Missing\"");
        assertThat(value("lookup(aws_apigatewayv2_domain_name.api.tags, \"Missing\", \"d\")", resourceScope).toJava())
                .isEqualTo("d");
        assertThat(evalErrors("aws_apigatewayv2_domain_name.api.domain_name_configuration[1].endpoint_type", resourceScope))
                .singleElement().asString().contains("out of range");
    }
}
