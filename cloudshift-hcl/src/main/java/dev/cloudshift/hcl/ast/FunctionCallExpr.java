package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;
import java.util.List;

/** {@code name(args...)}; expandFinal when the last argument is followed by {@code ...}. */
public record FunctionCallExpr(Span span, String name, List<Expr> args, boolean expandFinal) implements Expr {
}
