package dev.cloudshift.hcl;

import java.util.Arrays;

/** The text of one HCL file with a line index, so offsets turn into 1-based line:column positions cheaply. */
public final class SourceFile {
    private final String name;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text == null ? "" : text;
        int count = 1;
        for (int i = 0; i < this.text.length(); i++) {
            if (this.text.charAt(i) == '\n') {
                count++;
            }
        }
        lineStarts = new int[count];
        int line = 1;
        for (int i = 0; i < this.text.length(); i++) {
            if (this.text.charAt(i) == '\n') {
                lineStarts[line++] = i + 1;
            }
        }
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** The 1-based line and column of a character offset (clamped into the text). */
    public Position position(int offset) {
        int off = Math.max(0, Math.min(offset, text.length()));
        int idx = Arrays.binarySearch(lineStarts, off);
        int line = idx >= 0 ? idx : -idx - 2;
        return new Position(name, line + 1, off - lineStarts[line] + 1);
    }

    public String slice(int start, int end) {
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        return text.substring(s, e);
    }
}
