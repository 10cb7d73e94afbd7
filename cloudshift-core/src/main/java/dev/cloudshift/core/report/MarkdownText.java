package dev.cloudshift.core.report;

import java.util.List;

/**
 * Markdown escaping for plan.md. Every piece of text that came from a project file goes through here, so a
 * value can neither break a table (a {@code |} or a line break in a cell) nor turn into markup or HTML
 * (a {@code <redacted>} shape must stay visible).
 */
public final class MarkdownText {

    private MarkdownText() {
    }

    /** Plain text safe in a paragraph, a list item or a table cell. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        int first = 0;
        while (first < s.length() && !special(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s; // nothing to escape (most values)
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        sb.append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '#', '|', '~' -> sb.append('\\').append(c);
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\r' -> {
                }
                case '\n' -> sb.append("<br>");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A character {@link #text} escapes, replaces or drops. */
    private static boolean special(char c) {
        return switch (c) {
            case '\\', '`', '*', '_', '[', ']', '#', '|', '~', '<', '>', '&', '\r', '\n' -> true;
            default -> false;
        };
    }

    /**
     * Inline code ({@code `aws_db_instance.main`}) safe in a table cell: a fence longer than any backtick run
     * in the value, {@code |} escaped (GitHub tables unescape it before the code span), line breaks folded.
     */
    public static String code(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (plainCode(s)) {
            return "`" + s + "`"; // what the general case below gives for a value without backticks, | or line breaks
        }
        String v = s.replace("\r", "").replace('\n', ' ').replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == '`') {
                longest = Math.max(longest, ++run);
            } else {
                run = 0;
            }
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = v.startsWith("`") || v.endsWith("`");
        return fence + (pad ? " " : "") + v + (pad ? " " : "") + fence;
    }

    private static boolean plainCode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '`' || c == '|' || c == '\r' || c == '\n') {
                return false;
            }
        }
        return true;
    }

    /** A GitHub table: header row, separator and one row per entry; cells must already be escaped. */
    public static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        tableHead(sb, headers);
        for (List<String> r : rows) {
            tableRow(sb, r);
        }
        return sb.toString();
    }

    /** The header row and separator of {@link #table}, appended (for a table written row by row). */
    public static void tableHead(StringBuilder sb, List<String> headers) {
        tableRow(sb, headers);
        sb.append('|');
        for (int i = 0; i < headers.size(); i++) {
            sb.append(" --- |");
        }
        sb.append('\n');
    }

    /** One row of {@link #table}, appended; cells must already be escaped. */
    public static void tableRow(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            tableCell(sb, c);
        }
        sb.append('\n');
    }

    /** One cell of a row begun with {@code |}; end the row with a line break. */
    public static void tableCell(StringBuilder sb, String cell) {
        sb.append(' ').append(cell == null || cell.isEmpty() ? " " : cell).append(" |");
    }
}
