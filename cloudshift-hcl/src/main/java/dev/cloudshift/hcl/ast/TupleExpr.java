package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;
import java.util.List;

/** {@code [a, b, c]}. */
public record TupleExpr(Span span, List<Expr> items) implements Expr {
}
