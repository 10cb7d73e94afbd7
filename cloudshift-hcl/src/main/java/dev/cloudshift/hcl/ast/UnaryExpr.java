package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** {@code !x} or {@code -x}. */
public record UnaryExpr(Span span, UnaryOperator op, Expr operand) implements Expr {
}
