package dev.cloudshift.hcl.eval;

/**
 * A value not knowable before apply (a computed resource attribute, or anything derived from one). It keeps
 * the expression text it came from, e.g. {@code aws_vpc.main.id}; {@link #toJava()} renders it as
 * {@code ${aws_vpc.main.id}}. A partially known string template renders as the template with known parts
 * filled in, e.g. {@code app-${aws_vpc.main.id}}.
 */
public final class UnknownValue extends Value {
    private final String expression;
    private final String rendered;

    UnknownValue(String expression, String rendered, boolean sensitive) {
        super(sensitive);
        this.expression = expression;
        this.rendered = rendered;
    }

    /** An unknown string whose rendering is a partially evaluated template. */
    public static UnknownValue template(String expression, String rendered) {
        return new UnknownValue(expression, rendered, false);
    }

    public String expression() {
        return expression;
    }

    /** {@code ${expression}}, or the partially evaluated template. */
    public String rendered() {
        return rendered != null ? rendered : "${" + expression + "}";
    }

    @Override
    public Value withSensitive(boolean mark) {
        return mark == sensitive ? this : new UnknownValue(expression, rendered, mark);
    }

    @Override
    public String typeName() {
        return "unknown";
    }

    @Override
    public boolean isKnown() {
        return false;
    }

    @Override
    public boolean isWhollyKnown() {
        return false;
    }

    @Override
    protected Object toJavaUnmarked() {
        return rendered();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownValue u && u.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return sensitive ? REDACTED : rendered();
    }
}
