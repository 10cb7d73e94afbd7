package dev.cloudshift.data.verify;

/** A database could not be connected to; the message names host, port and database, never credentials. */
public class DatabaseUnreachableException extends Exception {
    public DatabaseUnreachableException(String message) {
        super(message);
    }
}
