package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** {@code %{for k, v in coll}...%{endfor}}; keyVar may be null. */
public record TemplateForExpr(Span span, String keyVar, String valueVar, Expr collection, TemplateExpr body) implements Expr {
}
