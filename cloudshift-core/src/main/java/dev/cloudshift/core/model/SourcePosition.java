package dev.cloudshift.core.model;

/**
 * Where something came from: a file (relative to the project root when possible), a 1-based line and a
 * 1-based column. Line and column are 0 when unknown (for example a whole-file problem).
 */
public record SourcePosition(String file, int line, int column) {

    public static SourcePosition ofFile(String file) {
        return new SourcePosition(file, 0, 0);
    }

    /** {@code file:line:column}, or {@code file} alone when the line is unknown. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
