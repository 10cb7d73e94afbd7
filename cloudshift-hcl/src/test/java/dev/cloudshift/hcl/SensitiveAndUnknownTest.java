package dev.cloudshift.hcl;

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
}
