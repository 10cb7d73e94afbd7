package dev.cloudshift.data.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL file into statements on {@code ;} outside quotes ({@code '...'}, {@code "..."}, {@code `...`}),
 * dollar quotes ({@code $tag$...$tag$}) and comments ({@code --}, {@code /* *}{@code /}), keeping each statement's
 * line number for messages.
 */
public final class SqlScript {

    /** A statement and the 1-based line it starts on. */
    public record Statement(String sql, int line) {
    }

    private SqlScript() {
    }

    public static List<Statement> split(String text) throws VerifyUsageException {
        List<Statement> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new VerifyUsageException(line + ": expected '*/' to close the comment opened here");
                }
                line += count(text, i, end + 2, '\n');
                cur.append(' ');
                i = end + 2;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(text, i, c);
                if (end < 0) {
                    throw new VerifyUsageException(line + ": expected " + c + " to close the quote opened here");
                }
                if (startLine < 0) {
                    startLine = line;
                }
                cur.append(text, i, end + 1);
                line += count(text, i, end + 1, '\n');
                i = end + 1;
                continue;
            }
            if (c == '$') {
                int tagEnd = text.indexOf('$', i + 1);
                if (tagEnd > 0 && text.substring(i + 1, tagEnd).matches("[A-Za-z_]*")) {
                    String tag = text.substring(i, tagEnd + 1);
                    int end = text.indexOf(tag, tagEnd + 1);
                    if (end < 0) {
                        throw new VerifyUsageException(line + ": expected " + tag + " to close the dollar quote");
                    }
                    if (startLine < 0) {
                        startLine = line;
                    }
                    cur.append(text, i, end + tag.length());
                    line += count(text, i, end + tag.length(), '\n');
                    i = end + tag.length();
                    continue;
                }
            }
            if (c == ';') {
                add(out, cur, startLine);
                cur.setLength(0);
                startLine = -1;
                i++;
                continue;
            }
            if (c == '\n') {
                line++;
            } else if (!Character.isWhitespace(c) && startLine < 0) {
                startLine = line;
            }
            cur.append(c);
            i++;
        }
        add(out, cur, startLine);
        return out;
    }

    private static void add(List<Statement> out, StringBuilder cur, int line) {
        String sql = cur.toString().strip();
        if (!sql.isEmpty()) {
            out.add(new Statement(sql, line));
        }
    }

    private static int closing(String text, int open, char q) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == q) {
                if (i + 1 < text.length() && text.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    private static int count(String s, int from, int to, char c) {
        int k = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }

    /** True when the statement ends with an ORDER BY at parenthesis depth 0 (outside quotes and comments). */
    public static boolean hasTopLevelOrderBy(String sql) {
        StringBuilder bare = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                i = end < 0 ? sql.length() : end;
                bare.append(' ');
                continue;
            }
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                bare.append(' ');
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0) {
                bare.append(c);
                continue;
            }
            bare.append(' ');
        }
        return bare.toString().toLowerCase(Locale.ROOT).matches("(?s).*\\border\\s+by\\b.*");
    }
}
