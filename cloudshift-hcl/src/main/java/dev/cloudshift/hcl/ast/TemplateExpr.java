package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;
import java.util.List;

/** A string template: literal parts, interpolations and directives, concatenated. */
public record TemplateExpr(Span span, List<Expr> parts) implements Expr {
}
