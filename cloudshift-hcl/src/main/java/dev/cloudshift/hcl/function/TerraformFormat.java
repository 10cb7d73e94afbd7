package dev.cloudshift.hcl.function;

import dev.cloudshift.hcl.eval.BoolValue;
import dev.cloudshift.hcl.eval.Conversions;
import dev.cloudshift.hcl.eval.EvalException;
import dev.cloudshift.hcl.eval.NumberValue;
import dev.cloudshift.hcl.eval.StringValue;
import dev.cloudshift.hcl.eval.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/** Terraform's format() verbs: %s %d %f %e %g %t %q %v %x %X %o %b %%, with flags, width, precision, [n]. */
final class TerraformFormat {
    private TerraformFormat() {
    }

    static String format(String fmt, List<Value> args) {
        StringBuilder out = new StringBuilder();
        int argi = 0;
        int i = 0;
        int n = fmt.length();
        while (i < n) {
            char ch = fmt.charAt(i);
            if (ch != '%') {
                out.append(ch);
                i++;
                continue;
            }
            i++;
            if (i >= n) {
                throw new EvalException("format string ends with a lone '%'");
            }
            if (fmt.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            boolean minus = false;
            boolean zero = false;
            boolean plus = false;
            boolean space = false;
            boolean sharp = false;
            while (i < n && "-0+ #".indexOf(fmt.charAt(i)) >= 0) {
                switch (fmt.charAt(i)) {
                    case '-' -> minus = true;
                    case '0' -> zero = true;
                    case '+' -> plus = true;
                    case ' ' -> space = true;
                    default -> sharp = true;
                }
                i++;
            }
            if (i < n && fmt.charAt(i) == '[') {
                int end = fmt.indexOf(']', i);
                if (end < 0) {
                    throw new EvalException("unclosed argument index in the format string");
                }
                try {
                    argi = Integer.parseInt(fmt.substring(i + 1, end)) - 1;
                } catch (NumberFormatException e) {
                    throw new EvalException("invalid argument index in the format string");
                }
                i = end + 1;
            }
            int width = -1;
            int ws = i;
            while (i < n && Character.isDigit(fmt.charAt(i))) {
                i++;
            }
            if (i > ws) {
                width = Math.min(1000, Integer.parseInt(fmt.substring(ws, Math.min(i, ws + 6))));
            }
            int prec = -1;
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                int ps = i;
                while (i < n && Character.isDigit(fmt.charAt(i))) {
                    i++;
                }
                prec = i > ps ? Math.min(1000, Integer.parseInt(fmt.substring(ps, Math.min(i, ps + 6)))) : 0;
            }
            if (i >= n) {
                throw new EvalException("format string ends in the middle of a verb");
            }
            char verb = fmt.charAt(i++);
            if (argi < 0 || argi >= args.size()) {
                throw new EvalException("not enough arguments for the format string");
            }
            Value v = args.get(argi++);
            String s = formatOne(verb, v, prec, plus, space, sharp);
            if (width > s.length()) {
                String pad = (zero && !minus && "dfegxXob".indexOf(verb) >= 0 ? "0" : " ").repeat(width - s.length());
                if (minus) {
                    s = s + pad.replace('0', ' ');
                } else if (pad.startsWith("0") && (s.startsWith("-") || s.startsWith("+"))) {
                    s = s.charAt(0) + pad + s.substring(1);
                } else {
                    s = pad + s;
                }
            }
            out.append(s);
        }
        return out.toString();
    }

    private static String formatOne(char verb, Value v, int prec, boolean plus, boolean space, boolean sharp) {
        switch (verb) {
            case 's': {
                String s = Conversions.asString(v, "%s argument");
                return prec >= 0 && prec < s.length() ? s.substring(0, prec) : s;
            }
            case 'q':
                return EncodingFunctions.jsonString(Conversions.asString(v, "%q argument"));
            case 'v':
                if (sharp) {
                    return EncodingFunctions.jsonEncode(v);
                }
                if (v instanceof StringValue || v instanceof NumberValue || v instanceof BoolValue) {
                    return Conversions.asString(v, "%v argument");
                }
                if (v.isNull()) {
                    return "null";
                }
                return EncodingFunctions.jsonEncode(v);
            case 't':
                return Boolean.toString(Conversions.asBool(v, "%t argument"));
            case 'd': {
                BigDecimal d = Conversions.asNumber(v, "%d argument");
                BigInteger bi;
                try {
                    bi = d.toBigIntegerExact();
                } catch (ArithmeticException e) {
                    throw new EvalException("%d needs a whole number");
                }
                return sign(bi.signum(), plus, space) + bi.toString();
            }
            case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
                BigDecimal d = Conversions.asNumber(v, "%" + verb + " argument");
                String body;
                if (verb == 'f' || verb == 'F') {
                    body = d.setScale(prec < 0 ? 6 : prec, RoundingMode.HALF_EVEN).toPlainString();
                } else if (verb == 'g' || verb == 'G') {
                    body = NumberValue.format(d);
                } else {
                    body = String.format(java.util.Locale.ROOT, "%." + (prec < 0 ? 6 : prec) + "e", d.doubleValue());
                    if (verb == 'E') {
                        body = body.toUpperCase(java.util.Locale.ROOT);
                    }
                }
                return (d.signum() >= 0 ? sign(1, plus, space) : "") + body;
            }
            case 'x': case 'X': case 'o': case 'b': {
                BigDecimal d = Conversions.asNumber(v, "%" + verb + " argument");
                BigInteger bi;
                try {
                    bi = d.toBigIntegerExact();
                } catch (ArithmeticException e) {
                    throw new EvalException("%" + verb + " needs a whole number");
                }
                int radix = verb == 'o' ? 8 : verb == 'b' ? 2 : 16;
                String s = bi.toString(radix);
                return verb == 'X' ? s.toUpperCase(java.util.Locale.ROOT) : s;
            }
            default:
                throw new EvalException("unsupported format verb %" + verb);
        }
    }

    private static String sign(int signum, boolean plus, boolean space) {
        if (signum < 0) {
            return "";
        }
        return plus ? "+" : space ? " " : "";
    }
}
