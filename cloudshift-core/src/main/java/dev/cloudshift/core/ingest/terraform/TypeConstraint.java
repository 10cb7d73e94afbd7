package dev.cloudshift.core.ingest.terraform;

import dev.cloudshift.hcl.eval.BoolValue;
import dev.cloudshift.hcl.eval.ListValue;
import dev.cloudshift.hcl.eval.NumberValue;
import dev.cloudshift.hcl.eval.ObjectValue;
import dev.cloudshift.hcl.eval.StringValue;
import dev.cloudshift.hcl.eval.Value;
import java.math.BigDecimal;

/**
 * Applies the outer layer of a variable's {@code type} constraint the way Terraform converts values:
 * number/bool from strings, string from numbers and bools, list/set/map kinds. Inner element types and
 * object attribute defaults are left as given; a value that does not convert is kept unchanged.
 */
final class TypeConstraint {
    private TypeConstraint() {
    }

    static Value convert(String typeText, Value v) {
        if (v == null || !v.isKnown() || v.isNull()) {
            return v;
        }
        String t = typeText.replaceAll("\\s+", "");
        int paren = t.indexOf('(');
        String head = paren < 0 ? t : t.substring(0, paren);
        boolean mark = v.sensitive();
        Value out = switch (head) {
            case "string" -> v instanceof NumberValue n ? Value.string(NumberValue.format(n.value()))
                    : v instanceof BoolValue b ? Value.string(Boolean.toString(b.value())) : v;
            case "number" -> {
                if (v instanceof StringValue s) {
                    try {
                        yield Value.number(new BigDecimal(s.value().trim()));
                    } catch (NumberFormatException e) {
                        yield v;
                    }
                }
                yield v;
            }
            case "bool" -> v instanceof StringValue s && (s.value().equals("true") || s.value().equals("false"))
                    ? Value.bool(Boolean.parseBoolean(s.value())) : v;
            case "list" -> v instanceof ListValue l ? Value.list(l.items()) : v;
            case "set" -> v instanceof ListValue l ? Value.set(l.items()) : v;
            case "map" -> v instanceof ObjectValue o ? Value.map(o.attributes()) : v;
            default -> v;
        };
        return out.mark(mark);
    }
}
