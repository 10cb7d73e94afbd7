package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;
import java.util.List;

/** {@code { key = value, ... }}. */
public record ObjectExpr(Span span, List<ObjectItem> items) implements Expr {
}
