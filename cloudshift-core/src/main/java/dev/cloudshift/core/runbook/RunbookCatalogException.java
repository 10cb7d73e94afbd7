package dev.cloudshift.core.runbook;

/** A runbook data file that cannot be read or holds a rule that cannot be evaluated; the message names the place. */
public final class RunbookCatalogException extends RuntimeException {

    public RunbookCatalogException(String message) {
        super(message);
    }
}
