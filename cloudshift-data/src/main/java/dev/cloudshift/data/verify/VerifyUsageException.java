package dev.cloudshift.data.verify;

/** The request cannot be carried out as asked: unknown database kind, a table that does not exist, a bad query file. */
public class VerifyUsageException extends Exception {
    public VerifyUsageException(String message) {
        super(message);
    }
}
