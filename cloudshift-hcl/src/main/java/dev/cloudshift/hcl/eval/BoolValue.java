package dev.cloudshift.hcl.eval;

/** true or false. */
public final class BoolValue extends Value {
    private final boolean value;

    BoolValue(boolean value, boolean sensitive) {
        super(sensitive);
        this.value = value;
    }

    public boolean value() {
        return value;
    }

    @Override
    public Value withSensitive(boolean mark) {
        return mark == sensitive ? this : new BoolValue(value, mark);
    }

    @Override
    public String typeName() {
        return "bool";
    }

    @Override
    protected Object toJavaUnmarked() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoolValue b && b.value == value;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(value);
    }

    @Override
    public String toString() {
        return sensitive ? REDACTED : Boolean.toString(value);
    }
}
