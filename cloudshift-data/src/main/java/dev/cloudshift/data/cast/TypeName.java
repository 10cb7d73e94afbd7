package dev.cloudshift.data.cast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A declared type taken apart: {@code tinyint(1) unsigned} is base {@code tinyint}, params {@code [1]}, unsigned;
 * {@code timestamp(3) with time zone} is base {@code timestamp with time zone}, params {@code [3]};
 * {@code enum('a','b')} is base {@code enum}, params {@code [a, b]} (unquoted); {@code character varying(20)[]}
 * is base {@code character varying[]}. Bases are lower case with single spaces.
 */
public record TypeName(String declared, String base, List<String> params, boolean unsigned) {

    public TypeName {
        params = List.copyOf(params);
    }

    public static TypeName parse(String declared) {
        String d = declared == null ? "" : declared.trim();
        StringBuilder base = new StringBuilder();
        List<String> params = new ArrayList<>();
        boolean paramsSeen = false;
        int i = 0;
        while (i < d.length()) {
            char c = d.charAt(i);
            if (c == '(') {
                int close = closing(d, i);
                if (!paramsSeen) {
                    params.addAll(splitParams(d.substring(i + 1, close)));
                    paramsSeen = true;
                }
                i = close + 1;
                continue;
            }
            base.append(c);
            i++;
        }
        boolean unsigned = false;
        StringBuilder clean = new StringBuilder();
        for (String word : base.toString().toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (word.equals("unsigned")) {
                unsigned = true;
            } else if (word.equals("zerofill") || word.equals("signed") || word.isEmpty()) {
                continue;
            } else {
                if (clean.length() > 0 && !word.startsWith("[")) {
                    clean.append(' ');
                }
                clean.append(word);
            }
        }
        return new TypeName(declared == null ? "" : declared, clean.toString(), params, unsigned);
    }

    private static int closing(String s, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ')' && !quoted) {
                return i;
            }
        }
        return s.length() - 1;
    }

    private static List<String> splitParams(String inside) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '\'') {
                if (quoted && i + 1 < inside.length() && inside.charAt(i + 1) == '\'') {
                    cur.append('\'');
                    i++;
                } else {
                    quoted = !quoted;
                    wasQuoted = true;
                }
            } else if (c == ',' && !quoted) {
                out.add(wasQuoted ? cur.toString() : cur.toString().trim());
                cur.setLength(0);
                wasQuoted = false;
            } else if (quoted || !Character.isWhitespace(c) || cur.length() > 0) {
                cur.append(c);
            }
        }
        if (cur.length() > 0 || wasQuoted || !out.isEmpty()) {
            out.add(wasQuoted ? cur.toString() : cur.toString().trim());
        }
        return out;
    }

    /** The first parameter as a number, or {@code fallback} when absent or not a number. */
    public int param(int index, int fallback) {
        if (index >= params.size()) {
            return fallback;
        }
        try {
            return Integer.parseInt(params.get(index).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean isArray() {
        return base.endsWith("[]") || base.endsWith(" array");
    }

    /** The element type of an array type ({@code integer} for {@code integer[]}), else this type. */
    public TypeName element() {
        if (base.endsWith("[]")) {
            return new TypeName(declared, base.substring(0, base.length() - 2), params, unsigned);
        }
        if (base.endsWith(" array")) {
            return new TypeName(declared, base.substring(0, base.length() - 6), params, unsigned);
        }
        return this;
    }
}
