package dev.cloudshift.hcl.ast;

/** One {@code key = value} of an object constructor. A bare identifier key is a string LiteralExpr. */
public record ObjectItem(Expr key, Expr value) {
}
