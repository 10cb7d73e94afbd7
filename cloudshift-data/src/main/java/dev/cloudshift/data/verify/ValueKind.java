package dev.cloudshift.data.verify;

import java.util.Locale;

/**
 * How a column's values are normalised to canonical text before comparing or hashing. The rules that map a
 * declared type to a kind live in {@code verify/kinds.yaml}; the SQL for each kind in {@code verify/<dialect>.yaml};
 * the client-side equivalent in {@link CanonicalText}.
 */
public enum ValueKind {
    INTEGER, DECIMAL, FLOAT, BOOLEAN, TEXT, CHAR, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, BYTES, OTHER;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ValueKind fromYaml(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** True for kinds whose canonical text is the value's own text (no parsing on the client). */
    public boolean textual() {
        return this == TEXT || this == CHAR || this == OTHER;
    }
}
