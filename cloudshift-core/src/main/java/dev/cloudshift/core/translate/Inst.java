package dev.cloudshift.core.translate;

/** One instance of a source resource in one environment; {@code key} is null for a resource without count/for_each. */
record Inst(String environment, String key) {

    // Written out: instances key every per-instance value, and the record's generated methods go through a method
    // handle on each call (the same result, but the planner runs them in C1-compiled code only).
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Inst i && java.util.Objects.equals(environment, i.environment)
                && java.util.Objects.equals(key, i.key);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(environment) + java.util.Objects.hashCode(key);
    }
}
