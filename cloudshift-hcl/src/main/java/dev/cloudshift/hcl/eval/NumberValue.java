package dev.cloudshift.hcl.eval;

import java.math.BigDecimal;

/** An arbitrary-precision number. */
public final class NumberValue extends Value {
    private final BigDecimal value;

    NumberValue(BigDecimal value, boolean sensitive) {
        super(sensitive);
        this.value = value;
    }

    public BigDecimal value() {
        return value;
    }

    @Override
    public Value withSensitive(boolean mark) {
        return mark == sensitive ? this : new NumberValue(value, mark);
    }

    @Override
    public String typeName() {
        return "number";
    }

    @Override
    protected Object toJavaUnmarked() {
        return normalized(value);
    }

    /** Terraform's string form of a number: integers without a fraction, others without trailing zeros. */
    public static String format(BigDecimal d) {
        return normalized(d).toPlainString();
    }

    static BigDecimal normalized(BigDecimal d) {
        if (d.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumberValue nv && nv.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
        return normalized(value).hashCode();
    }

    @Override
    public String toString() {
        return sensitive ? REDACTED : format(value);
    }
}
