package dev.cloudshift.hcl.ast;

/** An HCL expression. {@code span().text()} is the expression exactly as written. */
public sealed interface Expr extends Node permits LiteralExpr, TemplateExpr, TemplateWrapExpr, TemplateIfExpr,
        TemplateForExpr, VariableExpr, GetAttrExpr, IndexExpr, SplatExpr, SplatItemExpr, FunctionCallExpr,
        ConditionalExpr, BinaryExpr, UnaryExpr, TupleExpr, ObjectExpr, ForExpr, ParenExpr {

    /** The expression's source text. */
    default String text() {
        return span().text();
    }
}
