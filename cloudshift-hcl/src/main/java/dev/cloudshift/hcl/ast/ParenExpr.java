package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** A parenthesised expression. */
public record ParenExpr(Span span, Expr inner) implements Expr {
}
