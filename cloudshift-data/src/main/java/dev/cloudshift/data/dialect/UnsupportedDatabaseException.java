package dev.cloudshift.data.dialect;

/** A JDBC URL no dialect handles. The message names only the URL's scheme, never the URL (it may hold a password). */
public class UnsupportedDatabaseException extends IllegalArgumentException {
    public UnsupportedDatabaseException(String message) {
        super(message);
    }
}
