package dev.cloudshift.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.ast.Expr;
import dev.cloudshift.hcl.eval.Evaluator;
import dev.cloudshift.hcl.eval.Scope;
import dev.cloudshift.hcl.eval.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the HCL tests: parse + evaluate an expression and return its Java form. */
final class HclTestSupport {
    private HclTestSupport() {
    }

    static Expr expr(String text) {
        HclParser.ExpressionResult r = HclParser.parseExpression("t.hcl", text);
        assertThat(r.diagnostics()).as("diagnostics for %s", text).isEmpty();
        return r.expr();
    }

    static Value value(String text, Map<String, Value> scope) {
        List<HclDiagnostic> diags = new ArrayList<>();
        Evaluator ev = new Evaluator(dev.cloudshift.hcl.function.FunctionLibrary.standard(), null, diags);
        Value v = ev.evaluate(expr(text), Scope.of(scope));
        assertThat(diags).as("evaluation diagnostics for %s", text).isEmpty();
        return v;
    }

    static Object eval(String text) {
        return value(text, Map.of()).toJava();
    }

    static Object eval(String text, Map<String, Value> scope) {
        return value(text, scope).toJava();
    }

    /** Evaluates expecting diagnostics; returns them. */
    static List<HclDiagnostic> evalErrors(String text, Map<String, Value> scope) {
        List<HclDiagnostic> diags = new ArrayList<>();
        Evaluator ev = new Evaluator(dev.cloudshift.hcl.function.FunctionLibrary.standard(), null, diags);
        ev.evaluate(expr(text), Scope.of(scope));
        return diags;
    }
}
