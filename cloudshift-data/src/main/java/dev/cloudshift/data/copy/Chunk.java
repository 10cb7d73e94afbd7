package dev.cloudshift.data.copy;

/**
 * One unit of copy work and of crash recovery: the rows of {@code table} whose key lies in
 * [{@code lower}, {@code upper}) (a null bound is open). A chunk's rows and its checkpoint commit in one target
 * transaction, so after a crash a chunk is either wholly in the target or not at all.
 *
 * @param table     source table name
 * @param id        0-based chunk number within the table
 * @param keyColumn the single key column the range applies to, or null for the whole table
 * @param keyKind   how bounds are typed: {@link KeyKind#INTEGER} bounds are longs, {@link KeyKind#TEXT} strings
 * @param lower     inclusive lower bound, or null
 * @param upper     exclusive upper bound, or null
 */
public record Chunk(String table, int id, String keyColumn, KeyKind keyKind, Object lower, Object upper) {

    public enum KeyKind { NONE, INTEGER, TEXT }

    public static Chunk whole(String table) {
        return new Chunk(table, 0, null, KeyKind.NONE, null, null);
    }

    /** A human-readable range for logs and the checkpoint table; holds key values only for integer keys. */
    public String describe() {
        if (keyColumn == null || (lower == null && upper == null)) {
            return "all rows";
        }
        if (keyKind == KeyKind.INTEGER) {
            return keyColumn + " in [" + (lower == null ? "-inf" : lower) + ", " + (upper == null ? "+inf" : upper) + ")";
        }
        return keyColumn + " text range #" + id;
    }
}
