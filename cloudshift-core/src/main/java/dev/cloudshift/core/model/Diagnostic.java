package dev.cloudshift.core.model;

/**
 * A problem found while reading or planning that did not stop the run: shown on stderr as
 * {@code file:line:column: message} and listed in plan.json {@code warnings}. The message never carries a
 * secret value.
 */
public record Diagnostic(String file, int line, int column, String message) {

    public static Diagnostic at(SourcePosition pos, String message) {
        return new Diagnostic(pos.file(), pos.line(), pos.column(), message);
    }

    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line + ":" + column : file) + ": " + message;
    }
}
