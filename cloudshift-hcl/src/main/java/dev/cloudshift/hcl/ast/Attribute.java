package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;

/** {@code name = expr}. */
public record Attribute(String name, Expr expr, Span span, Span nameSpan) implements Node {
}
