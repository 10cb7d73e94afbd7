package dev.cloudshift.core.cost.catalog;

/** A price catalog file that could not be read; the message names the place and never carries a secret. */
public class PriceCatalogException extends RuntimeException {
    public PriceCatalogException(String message) {
        super(message);
    }

    public PriceCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
