package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** A binary operation. */
public record BinaryExpr(Span span, BinaryOperator op, Expr left, Expr right) implements Expr {
}
