package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** {@code source.*.attr} (attribute splat) or {@code source[*].x[0]} (full splat): each is evaluated per element with item bound to it. */
public record SplatExpr(Span span, Expr source, Expr each, SplatItemExpr item, boolean full) implements Expr {
}
