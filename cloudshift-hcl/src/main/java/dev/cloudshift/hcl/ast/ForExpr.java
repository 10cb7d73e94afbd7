package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** A for expression: tuple form when keyExpr is null, object form otherwise. */
public record ForExpr(Span span, String keyVar, String valueVar, Expr collection, Expr keyExpr, Expr valueExpr, Expr condition, boolean grouping) implements Expr {
}
