package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** {@code object.name}. */
public record GetAttrExpr(Span span, Expr object, String name) implements Expr {
}
