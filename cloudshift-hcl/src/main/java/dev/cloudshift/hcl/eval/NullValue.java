package dev.cloudshift.hcl.eval;

/** The null value. */
public final class NullValue extends Value {
    NullValue(boolean sensitive) {
        super(sensitive);
    }

    @Override
    public Value withSensitive(boolean mark) {
        return mark == sensitive ? this : new NullValue(mark);
    }

    @Override
    public String typeName() {
        return "null";
    }

    @Override
    public boolean isNull() {
        return true;
    }

    @Override
    protected Object toJavaUnmarked() {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NullValue;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "null";
    }
}
