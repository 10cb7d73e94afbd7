package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** A root name: var, local, aws_instance, each, count... */
public record VariableExpr(Span span, String name) implements Expr {
}
