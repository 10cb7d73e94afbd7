package dev.cloudshift.data.cast;

/**
 * Converts one value read by the source dialect's {@code readValue} into the value the target writer binds
 * (or prints, for PostgreSQL COPY): see {@link TargetType.Kind} for the Java class each target kind produces.
 */
@FunctionalInterface
public interface ValueConverter {

    ValueConverter IDENTITY = v -> v;

    /** @throws RejectedValueException when the target column cannot hold the value; the row goes to the reject file */
    Object convert(Object value) throws RejectedValueException;

    default ValueConverter andThen(ValueConverter next) {
        return v -> next.convert(convert(v));
    }
}
