package dev.cloudshift.data.dialect;

/**
 * Text that is not valid UTF-8 (SQLite stores whatever bytes it was given). Cast rules reject it with the
 * reason {@code invalid UTF-8}; the raw bytes are kept for the reject file.
 */
public record MalformedText(byte[] bytes) {
}
