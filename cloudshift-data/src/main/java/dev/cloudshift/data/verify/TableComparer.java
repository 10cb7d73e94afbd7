package dev.cloudshift.data.verify;

import java.math.BigInteger;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Compares one table between two sides. Counts first; then (checksum mode) the whole key space is split into
 * segments whose count and hash sum both databases compute in one grouped query each; only segments whose
 * checksums differ are split again (k-ary bisection) until a segment holds at most {@code leafRows} rows on either
 * side, and only those leaves are downloaded and compared row by row, matched by canonical key text (no ordering by
 * either database is involved). Tables without a primary key are split by row hash and compared as multisets.
 */
public final class TableComparer {

    /** Tuning: rows per leaf, children per split, and the cap on listed differences. */
    public record Settings(int leafRows, int fanout, int maxRootFanout, int maxDifferences, int rowsModeLeafRows) {
        public static Settings defaults() {
            return new Settings(1000, 32, 1024, 1000, 20_000);
        }
    }

    private record Pending(Segment segment, long sourceCount, long targetCount, boolean knownDifferent) {
    }

    private final ExecutorService pool;
    private final Settings settings;

    public TableComparer(ExecutorService pool, Settings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    /** Compares the table; {@code names} are the column names to report (source spelling), in side order. */
    public Outcome compare(SideTable sourceTable, TableSide source, TableSide target, VerifyMode mode)
            throws SQLException {
        long[] counts = both(source::count, target::count);
        Outcome out = new Outcome(sourceTable, counts[0], counts[1], settings.maxDifferences());
        if (mode == VerifyMode.COUNT) {
            out.equal = counts[0] == counts[1];
            return out;
        }
        Segment root = Segment.whole();
        if (sourceTable.rangeKey()) {
            long[][] bounds;
            try {
                bounds = bothObjects(source::keyBounds, target::keyBounds, long[].class);
            } catch (ArithmeticException | NumberFormatException e) {
                bounds = null; // keys beyond a signed 64-bit number (MySQL BIGINT UNSIGNED): hash buckets instead
            }
            if (bounds == null) {
                bounds = new long[][] {{Long.MIN_VALUE, Long.MAX_VALUE}};
            }
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (long[] b : bounds) {
                if (b != null) {
                    lo = Math.min(lo, b[0]);
                    hi = Math.max(hi, b[1]);
                }
            }
            if (lo == Long.MAX_VALUE) {
                out.equal = true;
                return out;
            }
            if (hi < Long.MAX_VALUE && (hi - lo) >= 0) {
                root = Segment.range(lo, hi + 1);
            }
        }
        int leaf = mode == VerifyMode.ROWS ? settings.rowsModeLeafRows() : settings.leafRows();
        List<Pending> leaves = new ArrayList<>();
        List<Pending> level = List.of(new Pending(root, counts[0], counts[1], false));
        boolean first = true;
        while (!level.isEmpty()) {
            List<Pending> next = new ArrayList<>();
            for (Pending p : level) {
                long rows = Math.max(p.sourceCount(), p.targetCount());
                boolean small = rows <= leaf;
                if ((small && (p.knownDifferent() || mode == VerifyMode.ROWS)) || !p.segment().splittable(settings.fanout())) {
                    leaves.add(p);
                    continue;
                }
                int fan = small ? 1 : first
                        ? (int) Math.max(16, Math.min(settings.maxRootFanout(), (rows + leaf - 1) / leaf))
                        : settings.fanout();
                Segment.Split split = p.segment().split(fan);
                List<Map<Long, Segment.Checksum>> sums = bothObjectsList(
                        () -> source.childChecksums(p.segment(), split), () -> target.childChecksums(p.segment(), split));
                Set<Long> children = new TreeSet<>(sums.get(0).keySet());
                children.addAll(sums.get(1).keySet());
                for (long c : children) {
                    Segment.Checksum a = sums.get(0).getOrDefault(c, new Segment.Checksum(0, BigInteger.ZERO));
                    Segment.Checksum b = sums.get(1).getOrDefault(c, new Segment.Checksum(0, BigInteger.ZERO));
                    if (mode == VerifyMode.ROWS || !a.equals(b)) {
                        next.add(new Pending(p.segment().child(split, c), a.count(), b.count(), true));
                    }
                }
                out.checksumQueries++;
            }
            first = false;
            level = next;
        }
        compareLeaves(leaves, source, target, out, leaf);
        out.equal = out.missing + out.extra + out.changed == 0 && counts[0] == counts[1];
        out.rowsFetched = source.rowsFetched() + target.rowsFetched();
        out.rowsStreamed = source.rowsStreamed() + target.rowsStreamed();
        return out;
    }

    private void compareLeaves(List<Pending> leaves, TableSide source, TableSide target, Outcome out, int leaf)
            throws SQLException {
        List<Segment> batch = new ArrayList<>();
        long batchRows = 0;
        for (int i = 0; i < leaves.size(); i++) {
            Pending p = leaves.get(i);
            batch.add(p.segment());
            batchRows += Math.max(p.sourceCount(), p.targetCount());
            boolean last = i == leaves.size() - 1;
            if (last || batch.size() >= 64 || batchRows >= Math.max(leaf, 20_000)) {
                List<Segment> segs = List.copyOf(batch);
                List<List<List<String>>> rows = bothObjectsList(() -> source.fetch(segs), () -> target.fetch(segs));
                diff(rows.get(0), rows.get(1), out);
                batch.clear();
                batchRows = 0;
            }
        }
    }

    private void diff(List<List<String>> sourceRows, List<List<String>> targetRows, Outcome out) {
        SideTable t = out.table;
        if (!t.hasKey()) {
            Map<String, Integer> counts = new HashMap<>();
            Map<String, List<String>> sample = new HashMap<>();
            for (List<String> r : sourceRows) {
                String text = RowHash.rowText(r);
                counts.merge(text, 1, Integer::sum);
                sample.putIfAbsent(text, r);
            }
            for (List<String> r : targetRows) {
                String text = RowHash.rowText(r);
                counts.merge(text, -1, Integer::sum);
                sample.putIfAbsent(text, r);
            }
            for (var e : new TreeSet<>(counts.keySet())) {
                int n = counts.get(e);
                for (int i = 0; i < Math.abs(n); i++) {
                    out.add(new Difference(wholeRow(t, sample.get(e)), n > 0 ? "missing" : "extra", List.of()));
                }
            }
            return;
        }
        Map<String, List<String>> targetByKey = new HashMap<>();
        for (List<String> r : targetRows) {
            targetByKey.put(keyText(t, r), r);
        }
        Set<String> seen = new HashSet<>();
        for (List<String> r : sourceRows) {
            String k = keyText(t, r);
            seen.add(k);
            List<String> other = targetByKey.get(k);
            if (other == null) {
                out.add(new Difference(keyValue(t, r), "missing", List.of()));
                continue;
            }
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                if (!java.util.Objects.equals(r.get(i), other.get(i))) {
                    changed.add(t.columns().get(i));
                }
            }
            if (!changed.isEmpty()) {
                out.add(new Difference(keyValue(t, r), "changed", changed));
            }
        }
        for (var e : targetByKey.entrySet()) {
            if (!seen.contains(e.getKey())) {
                out.add(new Difference(keyValue(t, e.getValue()), "extra", List.of()));
            }
        }
    }

    private static String keyText(SideTable t, List<String> row) {
        List<String> k = new ArrayList<>();
        for (int i : t.keyIndexes()) {
            k.add(row.get(i));
        }
        return RowHash.rowText(k);
    }

    private static Object keyValue(SideTable t, List<String> row) {
        if (t.keyIndexes().size() == 1) {
            int i = t.keyIndexes().get(0);
            return typed(t.kinds().get(i), row.get(i));
        }
        Map<String, Object> key = new LinkedHashMap<>();
        for (int i : t.keyIndexes()) {
            key.put(t.columns().get(i), typed(t.kinds().get(i), row.get(i)));
        }
        return key;
    }

    private static Object wholeRow(SideTable t, List<String> row) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            key.put(t.columns().get(i), typed(t.kinds().get(i), row.get(i)));
        }
        return key;
    }

    private static Object typed(ValueKind kind, String v) {
        if (v != null && kind == ValueKind.INTEGER) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                return new BigInteger(v);
            }
        }
        return v;
    }

    private long[] both(Callable<Long> a, Callable<Long> b) throws SQLException {
        List<Long> r = bothObjectsList(a, b);
        return new long[] {r.get(0), r.get(1)};
    }

    private <T> T[] bothObjects(Callable<T> a, Callable<T> b, Class<T> type) throws SQLException {
        List<T> r = bothObjectsList(a, b);
        @SuppressWarnings("unchecked")
        T[] arr = (T[]) java.lang.reflect.Array.newInstance(type, 2);
        arr[0] = r.get(0);
        arr[1] = r.get(1);
        return arr;
    }

    /** Runs the source and target halves at the same time, on their own connections. */
    private <T> List<T> bothObjectsList(Callable<T> a, Callable<T> b) throws SQLException {
        Future<T> fa = pool.submit(a);
        try {
            T rb = b.call();
            T ra = fa.get();
            List<T> out = new ArrayList<>(2);
            out.add(ra);
            out.add(rb);
            return out;
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        } catch (Exception e) {
            fa.cancel(true);
            throw rethrow(e);
        }
    }

    private static SQLException rethrow(Throwable t) {
        if (t instanceof SQLException s) {
            return s;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        return new SQLException(t.getMessage(), t);
    }

    /** Mutable result of one comparison, turned into a {@link TableResult} by the caller. */
    public static final class Outcome {
        final SideTable table;
        public final long sourceRows;
        public final long targetRows;
        private final int cap;
        public boolean equal;
        public long missing;
        public long extra;
        public long changed;
        public long rowsFetched;
        public long rowsStreamed;
        public long checksumQueries;
        public final List<Difference> differences = new ArrayList<>();

        Outcome(SideTable table, long sourceRows, long targetRows, int cap) {
            this.table = table;
            this.sourceRows = sourceRows;
            this.targetRows = targetRows;
            this.cap = cap;
        }

        void add(Difference d) {
            switch (d.kind()) {
                case "missing" -> missing++;
                case "extra" -> extra++;
                default -> changed++;
            }
            if (differences.size() < cap) {
                differences.add(d);
            }
        }
    }
}
