package dev.cloudshift.hcl.function;

import static dev.cloudshift.hcl.eval.Conversions.asInt;
import static dev.cloudshift.hcl.eval.Conversions.asNumber;
import static dev.cloudshift.hcl.eval.Conversions.asString;

import dev.cloudshift.hcl.eval.EvalException;
import dev.cloudshift.hcl.eval.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** min, max, abs, ceil, floor, pow, parseint, signum, log. */
final class NumericFunctions {
    private NumericFunctions() {
    }

    static void register(FunctionLibrary.Registry r) {
        r.add("min", 1, -1, false, (a, c) -> {
            BigDecimal m = null;
            for (Value v : a) {
                BigDecimal d = asNumber(v, "argument");
                m = m == null || d.compareTo(m) < 0 ? d : m;
            }
            return Value.number(m);
        });
        r.add("max", 1, -1, false, (a, c) -> {
            BigDecimal m = null;
            for (Value v : a) {
                BigDecimal d = asNumber(v, "argument");
                m = m == null || d.compareTo(m) > 0 ? d : m;
            }
            return Value.number(m);
        });
        r.add("abs", 1, 1, false, (a, c) -> Value.number(asNumber(a.get(0), "argument").abs()));
        r.add("ceil", 1, 1, false, (a, c) -> Value.number(asNumber(a.get(0), "argument").setScale(0, RoundingMode.CEILING)));
        r.add("floor", 1, 1, false, (a, c) -> Value.number(asNumber(a.get(0), "argument").setScale(0, RoundingMode.FLOOR)));
        r.add("signum", 1, 1, false, (a, c) -> Value.number(asNumber(a.get(0), "argument").signum()));
        r.add("pow", 2, 2, false, (a, c) -> {
            BigDecimal base = asNumber(a.get(0), "base");
            BigDecimal exp = asNumber(a.get(1), "exponent");
            if (exp.signum() >= 0 && exp.stripTrailingZeros().scale() <= 0 && exp.compareTo(BigDecimal.valueOf(9999)) <= 0) {
                return Value.number(base.pow(exp.intValue(), MathContext.DECIMAL128));
            }
            double d = Math.pow(base.doubleValue(), exp.doubleValue());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new EvalException("the result is not a finite number");
            }
            return Value.number(new BigDecimal(Double.toString(d)));
        });
        r.add("log", 2, 2, false, (a, c) -> {
            double d = Math.log(asNumber(a.get(0), "number").doubleValue()) / Math.log(asNumber(a.get(1), "base").doubleValue());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new EvalException("the result is not a finite number");
            }
            return Value.number(new BigDecimal(Double.toString(d)));
        });
        r.add("parseint", 2, 2, false, (a, c) -> {
            String s = asString(a.get(0), "string");
            int base = asInt(a.get(1), "base");
            if (base < 2 || base > 62) {
                throw new EvalException("base must be between 2 and 62");
            }
            if (base > 36) {
                throw new EvalException("bases above 36 are not supported");
            }
            try {
                return Value.number(new BigDecimal(new BigInteger(s, base)));
            } catch (NumberFormatException e) {
                throw new EvalException("the string is not a valid number in base " + base);
            }
        });
    }
}
