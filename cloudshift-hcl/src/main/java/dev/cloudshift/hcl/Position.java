package dev.cloudshift.hcl;

/** A place in a source file: file name, 1-based line and 1-based column. */
public record Position(String file, int line, int column) {

    /** {@code file:line:column}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }

    /** {@code line:column}, for messages that already name the file. */
    public String lineColumn() {
        return line + ":" + column;
    }
}
