package dev.cloudshift.hcl.eval;

import java.util.Map;

/** Names visible to an expression. Lookups return null for names not defined here. */
@FunctionalInterface
public interface Scope {

    Value lookup(String name);

    static Scope of(Map<String, Value> names) {
        return names::get;
    }

    Scope EMPTY = name -> null;

    /** A child scope defining one more name (for-expression and splat variables); constant-time to create. */
    default Scope with(String name, Value value) {
        Scope parent = this;
        return n -> n.equals(name) ? value : parent.lookup(n);
    }
}
