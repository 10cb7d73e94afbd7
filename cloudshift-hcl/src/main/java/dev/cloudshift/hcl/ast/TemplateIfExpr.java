package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** {@code %{if}...%{else}...%{endif}}; otherwise may be null. */
public record TemplateIfExpr(Span span, Expr condition, TemplateExpr then, TemplateExpr otherwise) implements Expr {
}
