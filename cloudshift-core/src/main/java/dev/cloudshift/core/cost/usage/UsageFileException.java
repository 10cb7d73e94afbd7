package dev.cloudshift.core.cost.usage;

/** A usage file that could not be used; the message names the file and what was expected. */
public class UsageFileException extends RuntimeException {
    public UsageFileException(String message) {
        super(message);
    }
}
