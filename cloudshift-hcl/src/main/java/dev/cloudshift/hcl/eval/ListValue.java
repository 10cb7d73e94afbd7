package dev.cloudshift.hcl.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** A tuple, list or set. Sets hold distinct elements; sets of strings are sorted like Terraform's. */
public final class ListValue extends Value {
    public enum Kind { TUPLE, LIST, SET }

    private final List<Value> items;
    private final Kind kind;

    ListValue(List<Value> items, Kind kind, boolean sensitive) {
        super(sensitive);
        this.items = List.copyOf(items);
        this.kind = kind;
    }

    static ListValue setOf(List<Value> items, boolean sensitive) {
        List<Value> distinct = new ArrayList<>(new LinkedHashSet<>(items));
        boolean allStrings = distinct.stream().allMatch(v -> v instanceof StringValue);
        if (allStrings) {
            distinct.sort(Comparator.comparing(v -> ((StringValue) v).value()));
        } else if (distinct.stream().allMatch(v -> v instanceof NumberValue)) {
            distinct.sort(Comparator.comparing(v -> ((NumberValue) v).value()));
        }
        return new ListValue(distinct, Kind.SET, sensitive);
    }

    public List<Value> items() {
        return items;
    }

    public Kind kind() {
        return kind;
    }

    public int size() {
        return items.size();
    }

    @Override
    public Value withSensitive(boolean mark) {
        return mark == sensitive ? this : new ListValue(items, kind, mark);
    }

    @Override
    public String typeName() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean isWhollyKnown() {
        for (Value v : items) {
            if (!v.isWhollyKnown()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isDeepSensitive() {
        if (sensitive) {
            return true;
        }
        for (Value v : items) {
            if (v.isDeepSensitive()) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Object toJavaUnmarked() {
        List<Object> out = new ArrayList<>(items.size());
        for (Value v : items) {
            out.add(v.toJava());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListValue lv && lv.items.equals(items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return sensitive ? REDACTED : items.toString();
    }
}
