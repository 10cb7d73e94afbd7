package dev.cloudshift.core.kb;

/**
 * A knowledge-base data file is malformed: the message names the file and line
 * ({@code catalog/types/aws.yaml:12: unknown category 'databse' ...}) and what to fix.
 */
public final class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error at the place a node was written: {@code file:line: message}. */
    public static CatalogException at(CatalogNode node, String message) {
        return new CatalogException(node.location() + ": " + message);
    }
}
