package dev.cloudshift.data.verify;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One side of a table read through several connections at once: a split by key range is cut into contiguous runs of
 * children, each run checksummed by its own connection (its own server thread), and the results merged. Everything
 * else (counts, bounds, hash-bucket splits, fetching leaves) goes through the first connection.
 */
public final class ParallelTableSide implements TableSide {

    private final List<TableSide> parts;
    private final ExecutorService pool;

    public ParallelTableSide(List<TableSide> parts, ExecutorService pool) {
        this.parts = List.copyOf(parts);
        this.pool = pool;
    }

    @Override
    public long count() throws SQLException {
        return parts.get(0).count();
    }

    @Override
    public long[] keyBounds() throws SQLException {
        return parts.get(0).keyBounds();
    }

    @Override
    public Map<Long, Segment.Checksum> childChecksums(Segment parent, Segment.Split split) throws SQLException {
        long children = split.byRange() ? (parent.hi() - parent.lo() + split.width() - 1) / split.width() : 0;
        int n = (int) Math.min(parts.size(), children);
        if (n < 2) {
            return parts.get(0).childChecksums(parent, split);
        }
        List<Future<Map<Long, Segment.Checksum>>> futures = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        Map<Long, Segment.Checksum> first = null;
        for (int i = n - 1; i >= 0; i--) {
            long c0 = children * i / n;
            long c1 = children * (i + 1) / n;
            long lo = parent.lo() + c0 * split.width();
            long hi = Math.min(parent.hi(), parent.lo() + c1 * split.width());
            Segment sub = new Segment(true, lo, hi, parent.modulus(), parent.residue());
            TableSide side = parts.get(i);
            if (i == 0) {
                first = side.childChecksums(sub, split);
            } else {
                futures.add(pool.submit(() -> side.childChecksums(sub, split)));
                offsets.add(c0);
            }
        }
        Map<Long, Segment.Checksum> out = new HashMap<>(first);
        try {
            for (int k = 0; k < futures.size(); k++) {
                long offset = offsets.get(k);
                futures.get(k).get().forEach((child, sum) -> out.put(child + offset, sum));
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException s) {
                throw s;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new SQLException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
        return out;
    }

    @Override
    public List<List<String>> fetch(List<Segment> segments) throws SQLException {
        return parts.get(0).fetch(segments);
    }

    @Override
    public long rowsFetched() {
        return parts.stream().mapToLong(TableSide::rowsFetched).sum();
    }

    @Override
    public long rowsStreamed() {
        return parts.stream().mapToLong(TableSide::rowsStreamed).sum();
    }
}
