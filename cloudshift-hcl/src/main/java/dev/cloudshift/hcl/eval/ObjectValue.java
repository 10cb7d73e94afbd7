package dev.cloudshift.hcl.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An object or map. Keys are kept in lexicographic order, the order Terraform iterates them in. An "open"
 * object stands for something only partly known (a resource): reading a missing attribute yields an unknown
 * instead of an error.
 */
public final class ObjectValue extends Value {
    public enum Kind { OBJECT, MAP }

    private final Map<String, Value> attributes;
    private final Kind kind;
    private final boolean open;
    private final String address;

    ObjectValue(Map<String, Value> attributes, Kind kind, boolean open, boolean sensitive) {
        this(attributes, kind, open, sensitive, null);
    }

    private ObjectValue(Map<String, Value> attributes, Kind kind, boolean open, boolean sensitive, String address) {
        super(sensitive);
        this.address = address;
        this.attributes = attributes instanceof SortedView ? attributes : sorted(attributes);
        this.kind = kind;
        this.open = open;
    }

    private static final class SortedView extends LinkedHashMap<String, Value> {
        private static final long serialVersionUID = 1L;
    }

    private static Map<String, Value> sorted(Map<String, Value> in) {
        SortedView out = new SortedView();
        if (in instanceof TreeMap || in.size() <= 1) {
            out.putAll(in);
        } else {
            out.putAll(new TreeMap<>(in));
        }
        return out;
    }

    /** An open object: missing attributes read as unknown. */
    public static ObjectValue open(Map<String, Value> attributes) {
        return new ObjectValue(attributes, Kind.OBJECT, true, false);
    }

    /**
     * An open object standing for a thing with an address (a resource instance such as
     * {@code aws_subnet.private[0]}): a missing attribute reads as the unknown {@code <address>.<name>}.
     */
    public static ObjectValue open(Map<String, Value> attributes, String address) {
        return new ObjectValue(attributes, Kind.OBJECT, true, false, address);
    }

    /**
     * A resource instance as its references see it: an open object at {@code address} whose nested blocks
     * (the objects in its lists, such as {@code domain_name_configuration[0]}, at every depth) are open too,
     * each at its own path. Only the arguments written in the configuration are known; a provider adds
     * computed attributes to the resource and to its blocks, so any other attribute of them reads as the
     * unknown {@code <address>.<path>.<name>} instead of an error, as Terraform accepts it before apply.
     * Object and map arguments written as a whole ({@code tags = {...}}) keep exactly their written keys.
     */
    public static ObjectValue openDeep(Map<String, Value> attributes, String address) {
        Map<String, Value> children = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : attributes.entrySet()) {
            children.put(e.getKey(), openWithin(e.getValue(), address + attributeStep(e.getKey()), false));
        }
        return new ObjectValue(children, Kind.OBJECT, true, false, address);
    }

    private static Value openWithin(Value v, String path, boolean block) {
        if (v instanceof ObjectValue o) {
            Map<String, Value> children = new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : o.attributes.entrySet()) {
                children.put(e.getKey(), openWithin(e.getValue(), path + attributeStep(e.getKey()), false));
            }
            boolean open = block || o.open;
            return new ObjectValue(children, o.kind, open, o.sensitive(), open ? path : o.address);
        }
        if (v instanceof ListValue l) {
            java.util.List<Value> items = new java.util.ArrayList<>(l.size());
            int i = 0;
            for (Value item : l.items()) {
                // set elements have no index: their attributes are named after the set itself
                items.add(openWithin(item, l.kind() == ListValue.Kind.SET ? path : path + "[" + i + "]", true));
                i++;
            }
            return new ListValue(items, l.kind(), l.sensitive());
        }
        return v;
    }

    private static String attributeStep(String key) {
        return isIdentifier(key) ? "." + key : "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** {@code [A-Za-z_][A-Za-z0-9_-]*}, checked without a regular expression (this runs for every attribute). */
    static boolean isIdentifier(String key) {
        if (key.isEmpty()) {
            return false;
        }
        char first = key.charAt(0);
        if (!(first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z' || first == '_')) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The address of an open object, or null. */
    public String address() {
        return address;
    }

    public Map<String, Value> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public Value get(String key) {
        return attributes.get(key);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isOpen() {
        return open;
    }

    public int size() {
        return attributes.size();
    }

    @Override
    public Value withSensitive(boolean mark) {
        return mark == sensitive ? this : new ObjectValue(attributes, kind, open, mark, address);
    }

    @Override
    public String typeName() {
        return kind == Kind.MAP ? "map" : "object";
    }

    @Override
    public boolean isWhollyKnown() {
        for (Value v : attributes.values()) {
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
        for (Value v : attributes.values()) {
            if (v.isDeepSensitive()) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Object toJavaUnmarked() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : attributes.entrySet()) {
            out.put(e.getKey(), e.getValue().toJava());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectValue ov && ov.attributes.equals(attributes);
    }

    @Override
    public int hashCode() {
        return attributes.hashCode();
    }

    @Override
    public String toString() {
        return sensitive ? REDACTED : attributes.toString();
    }
}
