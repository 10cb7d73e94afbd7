package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** A template that is exactly one interpolation ("${x}"): yields x's value unchanged. */
public record TemplateWrapExpr(Span span, Expr wrapped) implements Expr {
}
