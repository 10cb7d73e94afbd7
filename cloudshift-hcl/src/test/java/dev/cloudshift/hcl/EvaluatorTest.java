package dev.cloudshift.hcl;

import static dev.cloudshift.hcl.HclTestSupport.eval;
import static dev.cloudshift.hcl.HclTestSupport.evalErrors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.eval.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private final Map<String, Value> scope = Map.of(
            "var", Value.object(Map.of(
                    "env", Value.string("prod"),
                    "sizes", Value.map(Map.of("dev", Value.string("t3.micro"), "prod", Value.string("m5.large"))),
                    "count", Value.number(3))),
            "local", Value.object(Map.of("tags", Value.object(Map.of("Team", Value.string("core"))))));

    @Test
    void referencesIndexesAndConditionals() {
        assertThat(eval("var.sizes[var.env]", scope)).isEqualTo("m5.large");
        assertThat(eval("var.sizes.dev", scope)).isEqualTo("t3.micro");
        assertThat(eval("var.env == \"prod\" ? var.count * 2 : 1", scope)).isEqualTo(new BigDecimal("6"));
        assertThat(eval("{ (var.env) = 1, \"k-${var.env}\" = 2, plain = 3 }", scope))
                .isEqualTo(Map.of("prod", BigDecimal.ONE, "k-prod", new BigDecimal("2"), "plain", new BigDecimal("3")));
        assertThat(eval("merge(local.tags, { Env = var.env })", scope)).isEqualTo(Map.of("Team", "core", "Env", "prod"));
    }

    @Test
    void numbersAndEquality() {
        assertThat(eval("7 % 3")).isEqualTo(BigDecimal.ONE);
        assertThat(eval("10 / 4")).isEqualTo(new BigDecimal("2.5"));
        assertThat(eval("\"${2.50}\"")).isEqualTo(new BigDecimal("2.5"));
        assertThat(eval("\"v${2.50}\"")).isEqualTo("v2.5");
        assertThat(eval("\"5\" + 1")).as("strings convert to numbers").isEqualTo(new BigDecimal("6"));
        assertThat(eval("1 == \"1\"")).as("no conversion for equality").isEqualTo(false);
        assertThat(eval("[1, 2] == [1, 2]")).isEqualTo(true);
        assertThat(eval("{a = 1} != {a = 2}")).isEqualTo(true);
        assertThat(eval("null == null")).isEqualTo(true);
        assertThat(eval("1e2")).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void errorsNameTheExpressionNotTheValue() {
        assertThat(evalErrors("var.nope", scope)).extracting(HclDiagnostic::toString)
                .containsExactly("t.hcl:1:1: var has no attribute named \"nope\"");
        assertThat(evalErrors("var.sizes[\"qa\"]", scope)).extracting(HclDiagnostic::message)
                .containsExactly("var.sizes has no element for the given key");
        assertThat(evalErrors("undefined_thing", scope)).extracting(HclDiagnostic::message)
                .containsExactly("undefined name \"undefined_thing\"");
        assertThat(evalErrors("\"x${null}\"", scope)).extracting(HclDiagnostic::message)
                .containsExactly("cannot include null in a string template");
        assertThat(evalErrors("1 / 0", scope)).extracting(HclDiagnostic::message).containsExactly("division by zero");
        assertThat(evalErrors("[1][5]", scope)).extracting(HclDiagnostic::message)
                .containsExactly("index 5 is out of range for a tuple of 1 elements");
        assertThat(evalErrors("{for x in [1, 1] : \"k\" => x}", scope)).extracting(HclDiagnostic::message)
                .containsExactly("duplicate key in the for expression's result; add '...' after the value to group values by key");
    }

    @Test
    void shortCircuitLogic() {
        assertThat(eval("false && undefined_thing")).isEqualTo(false);
        assertThat(eval("true || undefined_thing")).isEqualTo(true);
        assertThat(eval("[for k, v in {b = 1, a = 2} : k]")).as("maps iterate in key order").isEqualTo(List.of("a", "b"));
    }
}
