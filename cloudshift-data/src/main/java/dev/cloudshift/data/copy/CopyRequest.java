package dev.cloudshift.data.copy;

import java.nio.file.Path;
import java.util.List;

/**
 * What to copy and how.
 *
 * @param source       where rows come from
 * @param target       where they go
 * @param tables       source tables to copy (case-insensitive), empty for all
 * @param parallel     worker threads, each with its own source and target connection
 * @param rowsPerChunk rows per chunk: a checkpoint (and a unit of parallel work) every so many rows
 * @param resume       continue an interrupted copy from the checkpoint table in the target
 * @param keepState    keep the checkpoint table after a successful copy (it is dropped by default)
 * @param rejectFile   JSON-lines file for rejected rows, or null to only count them
 * @param masks        masking strategies per column
 */
public record CopyRequest(
        JdbcEndpoint source,
        JdbcEndpoint target,
        List<String> tables,
        int parallel,
        long rowsPerChunk,
        boolean resume,
        boolean keepState,
        Path rejectFile,
        ColumnMasks masks) {

    public static final long DEFAULT_ROWS_PER_CHUNK = 50_000;

    public CopyRequest {
        tables = tables == null ? List.of() : List.copyOf(tables);
        parallel = Math.max(1, parallel);
        rowsPerChunk = rowsPerChunk <= 0 ? DEFAULT_ROWS_PER_CHUNK : rowsPerChunk;
        masks = masks == null ? ColumnMasks.NONE : masks;
    }
}
