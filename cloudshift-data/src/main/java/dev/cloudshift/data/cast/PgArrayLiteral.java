package dev.cloudshift.data.cast;

import java.util.List;

/** PostgreSQL's array input form: {@code {"a","b c",NULL,{"1","2"}}}; every element quoted, so any text is safe. */
final class PgArrayLiteral {

    private PgArrayLiteral() {
    }

    static String write(List<?> values) throws RejectedValueException {
        StringBuilder sb = new StringBuilder();
        append(sb, values);
        return sb.toString();
    }

    private static void append(StringBuilder sb, List<?> values) throws RejectedValueException {
        sb.append('{');
        boolean first = true;
        for (Object v : values) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            if (v == null) {
                sb.append("NULL");
            } else if (v instanceof List<?> nested) {
                append(sb, nested);
            } else {
                String s;
                if (v instanceof byte[] b) {
                    StringBuilder hex = new StringBuilder("\\x");
                    for (byte x : b) {
                        hex.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
                    }
                    s = hex.toString();
                } else {
                    s = Coercions.asText(v);
                }
                sb.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '"' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                sb.append('"');
            }
        }
        sb.append('}');
    }
}
