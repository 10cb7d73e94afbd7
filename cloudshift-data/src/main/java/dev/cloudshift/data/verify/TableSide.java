package dev.cloudshift.data.verify;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** One side (source or target) of a table being verified: counts, checksums of segments, and rows. */
public interface TableSide {

    long count() throws SQLException;

    /** Smallest and largest value of the integer range key, or null when the table is empty. */
    long[] keyBounds() throws SQLException;

    /** Count and checksum of each non-empty child of {@code parent} under {@code split}, by child index. */
    Map<Long, Segment.Checksum> childChecksums(Segment parent, Segment.Split split) throws SQLException;

    /** The canonical values of every row in any of these segments. */
    List<List<String>> fetch(List<Segment> segments) throws SQLException;

    /** Rows downloaded row by row so far (fetches only, not checksums). */
    long rowsFetched();

    /** Rows streamed to the client to hash them there (client-side hashing only). */
    long rowsStreamed();
}
