package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** {@code cond ? then : otherwise}. */
public record ConditionalExpr(Span span, Expr condition, Expr then, Expr otherwise) implements Expr {
}
