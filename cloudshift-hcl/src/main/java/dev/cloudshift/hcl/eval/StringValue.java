package dev.cloudshift.hcl.eval;

/** A Unicode string. */
public final class StringValue extends Value {
    private final String value;

    StringValue(String value, boolean sensitive) {
        super(sensitive);
        this.value = value;
    }

    public String value() {
        return value;
    }

    @Override
    public Value withSensitive(boolean mark) {
        return mark == sensitive ? this : new StringValue(value, mark);
    }

    @Override
    public String typeName() {
        return "string";
    }

    @Override
    protected Object toJavaUnmarked() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringValue sv && sv.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return sensitive ? REDACTED : '"' + value + '"';
    }
}
