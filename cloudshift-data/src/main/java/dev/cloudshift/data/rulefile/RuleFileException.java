package dev.cloudshift.data.rulefile;

/**
 * A rule file that does not say what it must: the message is {@code file:line:column: expected ...} and what to
 * do. It never quotes values from the data being copied.
 */
public class RuleFileException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;

    public RuleFileException(String file, int line, int column, String expected) {
        super(file + ":" + line + ":" + column + ": " + expected);
        this.file = file;
        this.line = line;
        this.column = column;
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
}
