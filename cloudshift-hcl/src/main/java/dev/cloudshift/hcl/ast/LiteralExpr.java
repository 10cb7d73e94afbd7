package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** A literal: null, Boolean, BigDecimal or String (string parts of templates, bare object keys). */
public record LiteralExpr(Span span, Object value) implements Expr {
}
