package dev.cloudshift.core.translate.schema;

import dev.cloudshift.hcl.ast.Expr;
import dev.cloudshift.hcl.ast.LiteralExpr;
import dev.cloudshift.hcl.ast.ObjectExpr;
import dev.cloudshift.hcl.ast.TemplateExpr;
import dev.cloudshift.hcl.ast.TupleExpr;
import java.math.BigDecimal;

/**
 * Whether a written value can fit an argument's coarse type. Only literal shapes are judged (a tuple where a
 * string is expected, a word where a number is expected); references, calls and operators are left to Terraform.
 */
final class ValueKinds {

    private ValueKinds() {
    }

    /** A description of what was written when it cannot convert to {@code type}, else null. */
    static String mismatch(String type, Expr expr) {
        String kind = kind(expr);
        if (kind == null || kind.equals("null") || type.equals("any")) {
            return null;
        }
        boolean ok = switch (type) {
            case "string" -> kind.equals("string") || kind.equals("number") || kind.equals("bool");
            case "number" -> kind.equals("number") || (kind.equals("string") && numeric(literalText(expr)));
            case "bool" -> kind.equals("bool") || (kind.equals("string")
                    && ("true".equals(literalText(expr)) || "false".equals(literalText(expr))));
            case "list", "set" -> kind.equals("tuple");
            case "map", "object" -> kind.equals("object");
            default -> true;
        };
        return ok ? null : describe(kind, expr);
    }

    private static String describe(String kind, Expr expr) {
        return switch (kind) {
            case "tuple" -> "a list";
            case "object" -> "an object";
            case "string" -> "the string \"" + shorten(literalText(expr)) + "\"";
            default -> "a " + kind;
        };
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** string, number, bool, null, tuple, object for literal shapes; null for expressions. */
    static String kind(Expr expr) {
        if (expr instanceof LiteralExpr l) {
            Object v = l.value();
            if (v == null) {
                return "null";
            }
            if (v instanceof Boolean) {
                return "bool";
            }
            if (v instanceof BigDecimal || v instanceof Number) {
                return "number";
            }
            return "string";
        }
        if (expr instanceof TemplateExpr t) {
            return literalText(t) != null ? "string" : null;
        }
        if (expr instanceof TupleExpr) {
            return "tuple";
        }
        if (expr instanceof ObjectExpr) {
            return "object";
        }
        return null;
    }

    /** The text of a literal string (a template of literal parts only), else null. */
    private static String literalText(Expr expr) {
        if (expr instanceof LiteralExpr l && l.value() instanceof String s) {
            return s;
        }
        if (expr instanceof TemplateExpr t) {
            StringBuilder sb = new StringBuilder();
            for (Expr p : t.parts()) {
                if (p instanceof LiteralExpr l && l.value() instanceof String s) {
                    sb.append(s);
                } else {
                    return null;
                }
            }
            return sb.toString();
        }
        return null;
    }

    private static boolean numeric(String s) {
        if (s == null) {
            return false;
        }
        try {
            new BigDecimal(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
