package dev.cloudshift.core.ingest.dotenv;

import dev.cloudshift.core.model.SourcePosition;

/**
 * One {@code KEY=value} of a dotenv file as parsed. The value is a secret: it is handed to compose
 * interpolation and never printed; {@link #toString()} leaves it out.
 *
 * @param key      variable name
 * @param value    the unquoted, unescaped, expanded value; null for a bare {@code KEY} line without {@code =}
 * @param position where the key starts
 */
public record DotenvVariable(String key, String value, SourcePosition position) {

    @Override
    public String toString() {
        return "DotenvVariable[" + key + " at " + position + "]";
    }
}
