package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** The element placeholder inside a splat's each-expression. */
public record SplatItemExpr(Span span) implements Expr {
}
