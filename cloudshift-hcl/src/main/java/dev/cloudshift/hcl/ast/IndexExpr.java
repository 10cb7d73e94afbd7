package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** {@code coll[key]}, or legacy {@code coll.0}. */
public record IndexExpr(Span span, Expr collection, Expr key, boolean legacy) implements Expr {
}
