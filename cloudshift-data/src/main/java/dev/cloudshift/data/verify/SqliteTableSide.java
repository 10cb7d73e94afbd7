package dev.cloudshift.data.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.Function;

/**
 * A SQLite side whose segment checksums come from an aggregate function registered on the connection through the
 * driver ({@code org.sqlite.Function.Aggregate}): SQLite scans the key range and calls the function once per row with
 * the row's raw values, which only copies them (storage class, integer, double, or the bytes of a TEXT or BLOB) into
 * a batch; a second thread turns each row into its canonical text as UTF-8 in a reused buffer (TEXT bytes copied as
 * SQLite held them, never decoded to a Java string), hashes it and adds it to its child segment's sum. That is one
 * call into Java per row and two small driver calls per value, against a JDBC result set's row step plus type and
 * value calls (and a string decode) per value, and SQLite's thread never waits for md5. The text is exactly
 * {@link CanonicalText}'s for the value JDBC's {@code getObject} returns. Counts, key bounds and leaf rows are read
 * by {@link ClientTableSide}.
 */
public final class SqliteTableSide implements TableSide {

    /** SQLite's default limit on function arguments is 127; wider tables are checksummed by {@link ClientTableSide}. */
    static final int MAX_COLUMNS = 100;
    private static final AtomicLong NAMES = new AtomicLong();
    /** Threads that hash the rows SQLite hands over, so SQLite's thread only scans and copies values. */
    private static final ExecutorService HASHERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "verify-sqlite-hash");
        t.setDaemon(true);
        return t;
    });

    private final Connection connection;
    private final SideTable table;
    private final ClientTableSide rows;
    private final String functionName;
    private final String call;
    private final String from;
    private final String rangeColumn;
    private final Query query;
    private boolean registered;
    private long rowsHashed;

    public SqliteTableSide(Connection connection, VerifyDialect dialect, SideTable table) {
        this.connection = connection;
        this.table = table;
        this.rows = new ClientTableSide(connection, dialect, table);
        this.query = new Query(table.columns().size());
        this.functionName = "cloudshift_verify_" + NAMES.incrementAndGet();
        StringBuilder args = new StringBuilder();
        for (String c : table.columns()) {
            args.append(args.length() == 0 ? "" : ", ").append(dialect.quote(c));
        }
        this.call = functionName + "(" + args + ")";
        this.from = dialect.quote(table.table());
        this.rangeColumn = table.rangeKey() ? dialect.quote(table.columns().get(table.keyIndexes().get(0))) : null;
    }

    /** True when this side can checksum the table in SQLite: a UTF-8 database and at most {@link #MAX_COLUMNS}. */
    public static boolean supports(Connection connection, SideTable table) throws SQLException {
        if (table.columns().size() > MAX_COLUMNS) {
            return false;
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA encoding")) {
            return rs.next() && "UTF-8".equalsIgnoreCase(rs.getString(1));
        }
    }

    @Override
    public long count() throws SQLException {
        return rows.count();
    }

    @Override
    public long[] keyBounds() throws SQLException {
        return rows.keyBounds();
    }

    @Override
    public Map<Long, Segment.Checksum> childChecksums(Segment parent, Segment.Split split) throws SQLException {
        if (!registered) {
            Function.create(connection, functionName, new RowCapture(table, query), table.columns().size(), 0);
            registered = true;
        }
        String sql = "SELECT " + call + " FROM " + from;
        if (rangeColumn != null && parent.ranged()) {
            sql += " WHERE " + rangeColumn + " >= " + parent.lo() + " AND " + rangeColumn + " < " + parent.hi();
        }
        RowHasher hasher = new RowHasher(table, parent, split);
        query.start(hasher);
        Future<?> hashing = HASHERS.submit(hasher);
        boolean done = false;
        try {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
            }
            if (query.failure != null) {
                throw failure(query.failure);
            }
            query.flush();
            query.finish();
            hashing.get();
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (SQLException e) {
            throw query.failure != null ? failure(query.failure) : e;
        } finally {
            if (!done) {
                hashing.cancel(true);
            }
            query.stop();
        }
        rowsHashed += hasher.rows;
        Map<Long, Segment.Checksum> out = new HashMap<>();
        hasher.sums.forEach((k, v) -> out.put(k, new Segment.Checksum(v.count(), v.value())));
        return out;
    }

    private SQLException failure(Throwable cause) {
        return new SQLException("checksum of " + table.table() + " failed: " + cause, cause);
    }

    @Override
    public List<List<String>> fetch(List<Segment> segments) throws SQLException {
        return rows.fetch(segments);
    }

    @Override
    public long rowsFetched() {
        return rows.rowsFetched();
    }

    @Override
    public long rowsStreamed() {
        return rows.rowsStreamed() + rowsHashed;
    }

    /**
     * The running query, shared by the side (Java's thread) and the function's instances (called on SQLite's
     * thread): the batch being filled and the hasher it goes to.
     */
    static final class Query {
        static final int BATCH_ROWS = 1024;
        private final int columns;
        private RowHasher hasher;
        private Batch batch;
        volatile RuntimeException failure;

        Query(int columns) {
            this.columns = columns;
        }

        void start(RowHasher h) {
            hasher = h;
            batch = new Batch(BATCH_ROWS, columns);
            failure = null;
        }

        /** Hands the filled part of the batch to the hasher (blocks while it is 4 batches behind). */
        void flush() throws InterruptedException {
            if (batch.count > 0) {
                hasher.queue.put(batch);
                batch = new Batch(BATCH_ROWS, columns);
            }
        }

        void finish() throws InterruptedException {
            hasher.queue.put(Batch.END);
        }

        void stop() {
            hasher = null;
            batch = null;
        }
    }

    /** Raw values of up to {@code capacity} rows, column-major per row: storage class and value. */
    static final class Batch {
        static final Batch END = new Batch(0, 0);
        final int capacity;
        int count;
        final byte[] types;
        final long[] longs;
        final double[] doubles;
        final Object[] refs;

        Batch(int capacity, int columns) {
            this.capacity = capacity;
            this.types = new byte[capacity * columns];
            this.longs = new long[capacity * columns];
            this.doubles = new double[capacity * columns];
            this.refs = new Object[capacity * columns];
        }
    }

    /**
     * The aggregate SQLite calls per row, on its own thread: copies each value as SQLite holds it (storage class,
     * integer, double, or the bytes of a TEXT or BLOB) into the batch, nothing more. A TEXT value that is not
     * well-formed UTF-8 is read as the driver's string instead, as the JDBC path would see it.
     */
    static final class RowCapture extends Function.Aggregate {
        static final int INTEGER = 1;
        static final int FLOAT = 2;
        static final int TEXT = 3;
        static final int NULL = 5;
        private static final byte[] EMPTY = new byte[0];

        private final ValueKind[] kinds;
        private final Query query;

        RowCapture(SideTable table, Query query) {
            this.kinds = table.kinds().toArray(new ValueKind[0]);
            this.query = query;
        }

        @Override
        protected void xStep() throws SQLException {
            Query q = query;
            if (q.failure != null) {
                return;
            }
            try {
                Batch b = q.batch;
                int base = b.count * kinds.length;
                for (int i = 0; i < kinds.length; i++) {
                    capture(i, base + i, b);
                }
                if (++b.count == b.capacity) {
                    q.flush();
                }
            } catch (RuntimeException e) {
                q.failure = e;
                error(e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                q.failure = new IllegalStateException("interrupted", e);
                error("interrupted");
            }
        }

        private void capture(int i, int at, Batch b) throws SQLException {
            int type = value_type(i);
            b.types[at] = (byte) type;
            if (type == NULL) {
                return;
            }
            if (kinds[i] == ValueKind.BYTES) {
                b.refs[at] = blob(i);
                return;
            }
            switch (type) {
                case INTEGER -> b.longs[at] = value_long(i);
                case FLOAT -> b.doubles[at] = value_double(i);
                case TEXT -> {
                    byte[] x = blob(i);
                    b.refs[at] = validUtf8(x) ? x : value_text(i);
                }
                default -> b.refs[at] = blob(i);
            }
        }

        private byte[] blob(int i) throws SQLException {
            byte[] b = value_blob(i);
            return b == null ? EMPTY : b;
        }

        @Override
        protected void xFinal() throws SQLException {
            result(0);
        }

        /**
         * Well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF): decoding to a Java string and
         * encoding back gives the same bytes, so the bytes can be hashed as they are.
         */
        static boolean validUtf8(byte[] b) {
            int i = 0;
            int n = b.length;
            while (i < n) {
                int c = b[i] & 0xff;
                if (c < 0x80) {
                    i++;
                } else if (c >= 0xc2 && c <= 0xdf) {
                    if (i + 1 >= n || !cont(b[i + 1])) {
                        return false;
                    }
                    i += 2;
                } else if (c >= 0xe0 && c <= 0xef) {
                    if (i + 2 >= n || !cont(b[i + 1]) || !cont(b[i + 2])) {
                        return false;
                    }
                    int c1 = b[i + 1] & 0xff;
                    if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 > 0x9f)) {
                        return false;
                    }
                    i += 3;
                } else if (c >= 0xf0 && c <= 0xf4) {
                    if (i + 3 >= n || !cont(b[i + 1]) || !cont(b[i + 2]) || !cont(b[i + 3])) {
                        return false;
                    }
                    int c1 = b[i + 1] & 0xff;
                    if ((c == 0xf0 && c1 < 0x90) || (c == 0xf4 && c1 > 0x8f)) {
                        return false;
                    }
                    i += 4;
                } else {
                    return false;
                }
            }
            return true;
        }

        private static boolean cont(byte b) {
            return (b & 0xc0) == 0x80;
        }

    }

    /**
     * Hashes the batches of one query on its own thread: per row the canonical text as UTF-8 into a reused buffer
     * (TEXT bytes copied as SQLite held them), md5, the child segment, the sum. Exactly {@link CanonicalText}'s text
     * for the value JDBC's {@code getObject} would return: common storage classes take a direct path, anything else
     * goes through {@link CanonicalText#of}.
     */
    static final class RowHasher implements Runnable {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        private static final long MASK60 = 0x0FFF_FFFF_FFFF_FFFFL;

        final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
        final Map<Long, RowHash.Sum> sums = new HashMap<>();
        long rows;
        volatile RuntimeException failure;
        private final ValueKind[] kinds;
        private final int[] keys;
        private final boolean rangeKey;
        private final Segment parent;
        private final Segment.Split split;
        private final MessageDigest md5;
        private byte[] buf = new byte[512];
        private int len;
        private final int[] fieldStart;
        private final int[] fieldEnd;
        private byte[] keyBuf = new byte[128];
        private long key;
        private boolean keyIsLong;

        RowHasher(SideTable table, Segment parent, Segment.Split split) {
            this.kinds = table.kinds().toArray(new ValueKind[0]);
            this.keys = table.keyIndexes().stream().mapToInt(Integer::intValue).toArray();
            this.rangeKey = table.rangeKey();
            this.parent = parent;
            this.split = split;
            this.fieldStart = new int[kinds.length];
            this.fieldEnd = new int[kinds.length];
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Batch b = queue.take();
                    if (b == Batch.END) {
                        if (failure != null) {
                            throw failure;
                        }
                        return;
                    }
                    if (failure == null) {
                        try {
                            for (int r = 0; r < b.count; r++) {
                                row(b, r * kinds.length);
                            }
                        } catch (RuntimeException e) {
                            failure = e; // keep draining so SQLite's thread never blocks on a full queue
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void row(Batch b, int base) {
            len = 0;
            key = 0;
            keyIsLong = false;
            for (int i = 0; i < kinds.length; i++) {
                if (i > 0) {
                    put((byte) RowHash.SEPARATOR);
                }
                fieldStart[i] = len;
                field(i, b, base + i);
                fieldEnd[i] = len;
            }
            long rowHash = hash(buf, len);
            key = rangeKey && parent.ranged() ? rangeKeyValue() : 0;
            long keyHash = 0;
            if (keys.length == 0) {
                keyHash = rowHash;
            } else if (parent.modulus() > 1 || !split.byRange()) {
                keyHash = keyHash();
            }
            if (!parent.contains(key, keyHash)) {
                return;
            }
            rows++;
            sums.computeIfAbsent(split.childOf(parent, key, keyHash), c -> new RowHash.Sum()).add(rowHash);
        }

        /** The canonical field of column i: 'N' for NULL, else 'V' and its canonical text. */
        private void field(int i, Batch b, int at) {
            int type = b.types[at];
            if (type == RowCapture.NULL) {
                put((byte) 'N');
                return;
            }
            put((byte) 'V');
            ValueKind kind = kinds[i];
            if (kind == ValueKind.BYTES) {
                // as getBytes: the value's bytes whatever its storage class (numbers as SQLite's text of them)
                putHex((byte[]) b.refs[at]);
                return;
            }
            switch (type) {
                case RowCapture.INTEGER -> {
                    long v = b.longs[at];
                    if (rangeKey && i == keys[0]) {
                        key = v;
                        keyIsLong = true;
                    }
                    switch (kind) {
                        case INTEGER, DECIMAL, BOOLEAN, TEXT, OTHER, CHAR -> putAscii(Long.toString(v));
                        case FLOAT -> putAscii(CanonicalText.floatText((double) v));
                        default -> putUtf8(CanonicalText.of(kind, v));
                    }
                }
                case RowCapture.FLOAT -> {
                    double d = b.doubles[at];
                    switch (kind) {
                        case FLOAT, TEXT, OTHER, CHAR -> putAscii(CanonicalText.floatText(d));
                        case DECIMAL, INTEGER, BOOLEAN -> putAscii(CanonicalText.decimalText(d));
                        default -> putUtf8(CanonicalText.of(kind, d));
                    }
                }
                case RowCapture.TEXT -> {
                    if (b.refs[at] instanceof byte[] x) {
                        text(x, kind);
                    } else {
                        putUtf8(CanonicalText.of(kind, b.refs[at]));
                    }
                }
                default -> putUtf8(CanonicalText.of(kind, b.refs[at]));
            }
        }

        /** A well-formed UTF-8 TEXT value: the common forms straight from the bytes, the rest via its string. */
        private void text(byte[] b, ValueKind kind) {
            switch (kind) {
                case TEXT, OTHER -> {
                    put(b, 0, b.length);
                    return;
                }
                case CHAR -> {
                    int end = b.length;
                    while (end > 0 && b[end - 1] == ' ') {
                        end--;
                    }
                    put(b, 0, end);
                    return;
                }
                case DATE -> {
                    if (isoDate(b)) {
                        put(b, 0, b.length);
                        return;
                    }
                }
                case TIME -> {
                    if (isoTime(b)) {
                        put(b, 0, b.length);
                        return;
                    }
                }
                case TIMESTAMP, TIMESTAMPTZ -> {
                    if (isoTimestamp(b)) {
                        return;
                    }
                }
                default -> {
                }
            }
            // the driver decodes well-formed UTF-8 to exactly this string
            putUtf8(CanonicalText.of(kind, new String(b, StandardCharsets.UTF_8)));
        }

        /** The range key as the JDBC path reads it: the canonical text of the key column as a long. */
        private long rangeKeyValue() {
            if (keyIsLong) {
                return key;
            }
            int from = fieldStart[keys[0]];
            if (buf[from] == 'N') {
                throw new IllegalStateException("a NULL primary key value");
            }
            return Long.parseLong(new String(buf, from + 1, fieldEnd[keys[0]] - from - 1, StandardCharsets.UTF_8));
        }

        private long keyHash() {
            int n = 0;
            for (int j = 0; j < keys.length; j++) {
                int from = fieldStart[keys[j]];
                int to = fieldEnd[keys[j]];
                int need = n + (to - from) + 1;
                if (need > keyBuf.length) {
                    keyBuf = Arrays.copyOf(keyBuf, Math.max(need, keyBuf.length * 2));
                }
                if (j > 0) {
                    keyBuf[n++] = (byte) RowHash.SEPARATOR;
                }
                System.arraycopy(buf, from, keyBuf, n, to - from);
                n += to - from;
            }
            return hash(keyBuf, n);
        }

        private long hash(byte[] bytes, int length) {
            md5.update(bytes, 0, length);
            byte[] d = md5.digest();
            long v = 0;
            for (int i = 8; i < 16; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v & MASK60;
        }

        // --- canonical forms of text values, on the bytes (ASCII checks; see CanonicalText) -------------------------

        /** yyyy-MM-dd exactly: LocalDate prints a valid one back unchanged, and an invalid one compares as its text. */
        private static boolean isoDate(byte[] b) {
            return b.length == 10 && b[4] == '-' && b[7] == '-' && digits(b, 0, 4) && digits(b, 5, 7)
                    && digits(b, 8, 10);
        }

        /** HH:mm:ss exactly: LocalTime prints a valid one back unchanged, and an invalid one compares as its text. */
        private static boolean isoTime(byte[] b) {
            return b.length == 8 && b[2] == ':' && b[5] == ':' && digits(b, 0, 2) && digits(b, 3, 5)
                    && digits(b, 6, 8);
        }

        /** CanonicalText's isoTimestamp on bytes: writes the canonical text and returns true, or writes nothing. */
        private boolean isoTimestamp(byte[] b) {
            int n = b.length;
            if (n < 19 || b[4] != '-' || b[7] != '-' || (b[10] != ' ' && b[10] != 'T') || b[13] != ':'
                    || b[16] != ':' || !digits(b, 0, 4) || !digits(b, 5, 7) || !digits(b, 8, 10) || !digits(b, 11, 13)
                    || !digits(b, 14, 16) || !digits(b, 17, 19)) {
                return false;
            }
            int end = 19;
            if (n > 19) {
                if (b[19] != '.' || !digits(b, 20, n)) {
                    return false;
                }
                end = Math.min(n, 26);
                while (end > 20 && b[end - 1] == '0') {
                    end--;
                }
                if (end == 20) {
                    end = 19;
                }
            }
            int at = len;
            put(b, 0, end);
            buf[at + 10] = ' ';
            return true;
        }

        private static boolean digits(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (b[i] < '0' || b[i] > '9') {
                    return false;
                }
            }
            return true;
        }

        // --- the row buffer ---------------------------------------------------------------------------------------

        private void ensure(int extra) {
            if (len + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
            }
        }

        private void put(byte b) {
            ensure(1);
            buf[len++] = b;
        }

        private void put(byte[] b, int from, int to) {
            ensure(to - from);
            System.arraycopy(b, from, buf, len, to - from);
            len += to - from;
        }

        private void putAscii(String s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[len++] = (byte) s.charAt(i);
            }
        }

        private void putHex(byte[] b) {
            ensure(b.length * 2);
            for (byte x : b) {
                buf[len++] = HEX[(x >> 4) & 0xf];
                buf[len++] = HEX[x & 0xf];
            }
        }

        /** UTF-8 as RowHash encodes a row's text (String.getBytes: '?' for an unpaired surrogate). */
        private void putUtf8(String s) {
            if (s == null) {
                // CanonicalText never returns null for a non-null value; keep the field well-formed regardless
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            put(b, 0, b.length);
        }
    }
}
