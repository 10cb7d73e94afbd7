package dev.cloudshift.data.rulefile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One node of a YAML rule file with the place it was written, so every complaint can say
 * {@code file:line:column: expected ...}. A node is a mapping, a list or a scalar (text, or null for {@code ~}).
 */
public final class RuleNode {

    public enum Kind { MAP, LIST, SCALAR }

    private final Kind kind;
    private final String file;
    private final int line;
    private final int column;
    private final String scalar;
    private final Map<String, RuleNode> map;
    private final Map<String, int[]> keyPositions;
    private final List<RuleNode> list;

    RuleNode(Kind kind, String file, int line, int column, String scalar) {
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.column = column;
        this.scalar = scalar;
        this.map = kind == Kind.MAP ? new LinkedHashMap<>() : Map.of();
        this.keyPositions = kind == Kind.MAP ? new LinkedHashMap<>() : Map.of();
        this.list = kind == Kind.LIST ? new ArrayList<>() : List.of();
    }

    void put(String key, int keyLine, int keyColumn, RuleNode value) {
        if (map.containsKey(key)) {
            throw new RuleFileException(file, keyLine, keyColumn, "expected each key once, but '" + key
                    + "' appears again (first at line " + keyPositions.get(key)[0] + "); remove one of them");
        }
        map.put(key, value);
        keyPositions.put(key, new int[] {keyLine, keyColumn});
    }

    void add(RuleNode value) {
        list.add(value);
    }

    public Kind kind() {
        return kind;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /** An exception pointing at this node. */
    public RuleFileException error(String expected) {
        return new RuleFileException(file, line, column, expected);
    }

    /** This node as a mapping, or an error saying what was expected. */
    public Map<String, RuleNode> asMap(String what) {
        if (kind != Kind.MAP) {
            throw error("expected " + what + " (a mapping of key: value), found " + describe());
        }
        return Collections.unmodifiableMap(map);
    }

    /** This node as a list; a single scalar counts as a list of one. */
    public List<RuleNode> asList(String what) {
        if (kind == Kind.LIST) {
            return Collections.unmodifiableList(list);
        }
        if (kind == Kind.SCALAR && scalar != null) {
            return List.of(this);
        }
        throw error("expected " + what + " (a list), found " + describe());
    }

    /** This node as text (numbers and booleans as written). */
    public String asText(String what) {
        if (kind != Kind.SCALAR) {
            throw error("expected " + what + " (a single value), found " + describe());
        }
        return scalar;
    }

    public String asNonEmptyText(String what) {
        String s = asText(what);
        if (s == null || s.isBlank()) {
            throw error("expected " + what + ", found an empty value");
        }
        return s;
    }

    public boolean asBoolean(String what) {
        String s = asText(what);
        if (s != null) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on":
                    return true;
                case "false", "no", "off":
                    return false;
                default:
                    break;
            }
        }
        throw error("expected " + what + " to be true or false, found '" + s + "'");
    }

    public long asLong(String what) {
        String s = asText(what);
        try {
            return Long.parseLong(s == null ? "" : s.trim());
        } catch (NumberFormatException e) {
            throw error("expected " + what + " to be a whole number, found '" + s + "'");
        }
    }

    /** The value under {@code key} of this mapping, or null. */
    public RuleNode get(String key) {
        return map.get(key);
    }

    /** Where {@code key} was written in this mapping, as {@code {line, column}}, or this node's place. */
    public int[] keyPosition(String key) {
        int[] p = keyPositions.get(key);
        return p != null ? p : new int[] {line, column};
    }

    /** Complains about the first key of this mapping that is not one of {@code allowed}. */
    public void requireOnlyKeys(Set<String> allowed, String what) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                int[] p = keyPositions.get(key);
                throw new RuleFileException(file, p[0], p[1], "expected one of " + String.join(", ",
                        allowed.stream().sorted().toList()) + " in " + what + ", found unknown key '" + key + "'");
            }
        }
    }

    /** The value under {@code key}, which must be present. */
    public RuleNode require(String key, String what) {
        RuleNode n = map.get(key);
        if (n == null) {
            throw error("expected key '" + key + "' in " + what);
        }
        return n;
    }

    private String describe() {
        return switch (kind) {
            case MAP -> "a mapping";
            case LIST -> "a list";
            case SCALAR -> scalar == null ? "nothing" : "'" + scalar + "'";
        };
    }
}
