package dev.cloudshift.data.copy;

/**
 * Turns one normalised source value (see {@code Dialect.readValue}) into the value written to the target column,
 * or refuses it. Implementations come from the cast rules; masking strategies use the same shape.
 */
@FunctionalInterface
public interface ValueConversion {

    /** @throws ValueRejectedException when the target column cannot hold the value; the row goes to the reject file */
    Object convert(Object value) throws ValueRejectedException;
}
