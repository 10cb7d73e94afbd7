package dev.cloudshift.data.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code cloudshift data verify}: proves two databases hold the same rows. Opens one connection per side, then per
 * table compares counts and (checksum mode) checksums pushed into each database, bisecting to the differing rows
 * ({@link TableComparer}); or runs a file's queries on both sides and compares their results.
 */
public final class DataVerifier {

    private final VerifyRequest request;

    public DataVerifier(VerifyRequest request) {
        this.request = request;
    }

    public VerifyReport run() throws DatabaseUnreachableException, VerifyUsageException, SQLException {
        long start = System.nanoTime();
        String sourceKind = kindOf(request.sourceUrl(), "--source");
        String targetKind = kindOf(request.targetUrl(), "--target");
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "verify-source");
            t.setDaemon(true);
            return t;
        });
        ExecutorService parts = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "verify-part");
            t.setDaemon(true);
            return t;
        });
        List<Connection> extra = new ArrayList<>();
        try (Connection source = open(request.sourceUrl(), request.sourceUser(), request.sourcePassword(), "source");
             Connection target = open(request.targetUrl(), request.targetUser(), request.targetPassword(), "target")) {
            VerifyDialect sd = VerifyDialect.load(sourceKind);
            VerifyDialect td = VerifyDialect.load(targetKind);
            prepare(source, sd);
            prepare(target, td);
            List<Connection> sources = new ArrayList<>(List.of(source));
            List<Connection> targets = new ArrayList<>(List.of(target));
            if (request.queries().isEmpty() && request.mode() != VerifyMode.COUNT) {
                for (int i = 1; i < request.parallel(); i++) {
                    Connection s = open(request.sourceUrl(), request.sourceUser(), request.sourcePassword(), "source");
                    extra.add(s);
                    prepare(s, sd);
                    sources.add(s);
                    Connection t = open(request.targetUrl(), request.targetUser(), request.targetPassword(), "target");
                    extra.add(t);
                    prepare(t, td);
                    targets.add(t);
                }
            }
            List<TableResult> tables = new ArrayList<>();
            List<QueryResult> queries = new ArrayList<>();
            if (!request.queries().isEmpty()) {
                for (int i = 0; i < request.queries().size(); i++) {
                    queries.add(compareQuery(i + 1, request.queries().get(i), source, sourceKind, target, targetKind, pool));
                }
            } else {
                VerifyCatalog sc = new VerifyCatalog(source, sourceKind);
                VerifyCatalog tc = new VerifyCatalog(target, targetKind);
                List<String> names = request.tables().isEmpty() ? sc.tableNames() : request.tables();
                if (names.isEmpty()) {
                    throw new VerifyUsageException("the source " + DatabaseAddress.of(request.sourceUrl()).describe()
                            + " has no tables to verify");
                }
                TableComparer comparer = new TableComparer(pool, request.settings());
                for (String name : names) {
                    tables.add(compareTable(name, sc, tc, sources, sd, targets, td, comparer, parts));
                }
            }
            boolean equal = tables.stream().allMatch(TableResult::equal) && queries.stream().allMatch(QueryResult::equal);
            return new VerifyReport(DatabaseAddress.of(request.sourceUrl()).describe(),
                    DatabaseAddress.of(request.targetUrl()).describe(), request.mode(), equal, tables, queries,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            for (Connection c : extra) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing a read-only connection we are done with
                }
            }
            pool.shutdownNow();
            parts.shutdownNow();
        }
    }

    private TableResult compareTable(String name, VerifyCatalog sc, VerifyCatalog tc, List<Connection> sources,
                                     VerifyDialect sd, List<Connection> targets, VerifyDialect td,
                                     TableComparer comparer, ExecutorService parts)
            throws SQLException, VerifyUsageException {
        Connection source = sources.get(0);
        long start = System.nanoTime();
        VerifyCatalog.TableInfo s = sc.table(name);
        if (s == null) {
            if (request.tables().isEmpty()) {
                return problem(name, null, null, "not in the source", start);
            }
            throw new VerifyUsageException("--tables: table '" + name + "' does not exist in the source "
                    + DatabaseAddress.of(request.sourceUrl()).describe());
        }
        VerifyCatalog.TableInfo t = tc.table(s.name());
        if (t == null) {
            long rows = countRows(source, sd, s.name());
            return problem(s.name(), rows, null, "missing in the target", start);
        }
        List<String> sourceCols = new ArrayList<>();
        List<String> targetCols = new ArrayList<>();
        List<ValueKind> sourceKinds = new ArrayList<>();
        List<ValueKind> targetKinds = new ArrayList<>();
        List<Boolean> sourceNotNull = new ArrayList<>();
        List<Boolean> targetNotNull = new ArrayList<>();
        List<Integer> sourceScales = new ArrayList<>();
        List<Integer> targetScales = new ArrayList<>();
        List<String> onlySource = new ArrayList<>();
        for (VerifyCatalog.ColumnInfo c : s.columns()) {
            VerifyCatalog.ColumnInfo o = t.column(c.name());
            if (o == null) {
                onlySource.add(c.name());
                continue;
            }
            ValueKind a = ColumnKinds.kindOf(sd.name(), c.type());
            ValueKind b = ColumnKinds.kindOf(td.name(), o.type());
            // a client-side reader can parse text as the other side's type (SQLite keeps dates as text)
            if (!sd.pushDown() && a.textual() && !b.textual()) {
                a = b;
            }
            if (!td.pushDown() && b.textual() && !a.textual()) {
                b = a;
            }
            sourceCols.add(c.name());
            targetCols.add(o.name());
            sourceKinds.add(a);
            targetKinds.add(b);
            sourceNotNull.add(c.notNull());
            targetNotNull.add(o.notNull());
            sourceScales.add(c.scale());
            targetScales.add(o.scale());
        }
        List<String> onlyTarget = new ArrayList<>();
        for (VerifyCatalog.ColumnInfo c : t.columns()) {
            if (s.column(c.name()) == null) {
                onlyTarget.add(c.name());
            }
        }
        List<Integer> keys = new ArrayList<>();
        for (String k : s.primaryKey()) {
            int i = indexOfIgnoreCase(sourceCols, k);
            if (i < 0) {
                keys.clear();
                break;
            }
            keys.add(i);
        }
        boolean range = !keys.isEmpty() && sourceKinds.get(keys.get(0)) == ValueKind.INTEGER
                && targetKinds.get(keys.get(0)) == ValueKind.INTEGER;
        SideTable st = new SideTable(s.name(), sourceCols, sourceKinds, keys, range, sourceNotNull, sourceScales);
        SideTable tt = new SideTable(t.name(), targetCols, targetKinds, keys, range, targetNotNull, targetScales);
        TableSide sideA = side(sources, sd, st, parts);
        TableSide sideB = side(targets, td, tt, parts);
        TableComparer.Outcome o = comparer.compare(st, sideA, sideB, request.mode());
        boolean equal = o.equal && onlySource.isEmpty() && onlyTarget.isEmpty();
        String problem = onlySource.isEmpty() && onlyTarget.isEmpty() ? null : "columns differ";
        return new TableResult(s.name(), o.sourceRows, o.targetRows, equal, problem, o.missing, o.extra, o.changed,
                o.differences, o.rowsFetched, o.rowsStreamed, onlySource, onlyTarget, seconds(start));
    }

    private static TableSide side(List<Connection> connections, VerifyDialect d, SideTable t, ExecutorService parts)
            throws SQLException {
        List<TableSide> list = new ArrayList<>();
        for (Connection c : connections) {
            list.add(side(c, d, t));
        }
        return list.size() == 1 ? list.get(0) : new ParallelTableSide(list, parts);
    }

    /** SQL checksums where the database can hash; SQLite through a driver function; else rows hashed here. */
    static TableSide side(Connection c, VerifyDialect d, SideTable t) throws SQLException {
        if (d.pushDown()) {
            return new SqlTableSide(c, d, t);
        }
        if (d.name().equals("sqlite") && SqliteTableSide.supports(c, t)) {
            return new SqliteTableSide(c, d, t);
        }
        return new ClientTableSide(c, d, t);
    }

    private static TableResult problem(String name, Long sourceRows, Long targetRows, String problem, long start) {
        return new TableResult(name, sourceRows, targetRows, false, problem, 0, 0, 0, List.of(), 0, 0, List.of(),
                List.of(), seconds(start));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static int indexOfIgnoreCase(List<String> names, String n) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(n)) {
                return i;
            }
        }
        return -1;
    }

    private static long countRows(Connection c, VerifyDialect d, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + d.quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private QueryResult compareQuery(int index, SqlScript.Statement q, Connection source, String sourceKind,
                                     Connection target, String targetKind, ExecutorService pool) throws SQLException {
        boolean ordered = SqlScript.hasTopLevelOrderBy(q.sql());
        Future<List<List<String>>> fa = pool.submit(() -> runQuery(source, sourceKind, q.sql()));
        List<List<String>> a;
        List<List<String>> b;
        String error = null;
        try {
            b = runQuery(target, targetKind, q.sql());
        } catch (SQLException e) {
            b = List.of();
            error = "target: " + firstLine(e);
        }
        try {
            a = fa.get();
        } catch (java.util.concurrent.ExecutionException e) {
            a = List.of();
            error = (error == null ? "" : error + "; ") + "source: " + firstLine(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
        int cap = request.settings().maxDifferences();
        List<Difference> diffs = new ArrayList<>();
        long count = 0;
        if (error == null) {
            if (ordered) {
                int n = Math.max(a.size(), b.size());
                for (int i = 0; i < n; i++) {
                    List<String> x = i < a.size() ? a.get(i) : null;
                    List<String> y = i < b.size() ? b.get(i) : null;
                    Difference d = null;
                    if (y == null) {
                        d = new Difference(Map.of("row", i + 1), "missing", List.of());
                    } else if (x == null) {
                        d = new Difference(Map.of("row", i + 1), "extra", List.of());
                    } else {
                        List<String> cols = new ArrayList<>();
                        for (int c = 0; c < Math.max(x.size(), y.size()); c++) {
                            if (c >= x.size() || c >= y.size() || !Objects.equals(x.get(c), y.get(c))) {
                                cols.add(Integer.toString(c + 1));
                            }
                        }
                        if (!cols.isEmpty()) {
                            d = new Difference(Map.of("row", i + 1), "changed", cols);
                        }
                    }
                    if (d != null) {
                        count++;
                        if (diffs.size() < cap) {
                            diffs.add(d);
                        }
                    }
                }
            } else {
                Map<String, Integer> counts = new HashMap<>();
                Map<String, List<String>> sample = new HashMap<>();
                for (List<String> r : a) {
                    String k = RowHash.rowText(r);
                    counts.merge(k, 1, Integer::sum);
                    sample.putIfAbsent(k, r);
                }
                for (List<String> r : b) {
                    String k = RowHash.rowText(r);
                    counts.merge(k, -1, Integer::sum);
                    sample.putIfAbsent(k, r);
                }
                for (String k : new TreeSet<>(counts.keySet())) {
                    int n = counts.get(k);
                    for (int i = 0; i < Math.abs(n); i++) {
                        count++;
                        if (diffs.size() < cap) {
                            Map<String, Object> row = new java.util.LinkedHashMap<>();
                            List<String> vals = sample.get(k);
                            for (int c = 0; c < vals.size(); c++) {
                                row.put(Integer.toString(c + 1), vals.get(c));
                            }
                            diffs.add(new Difference(row, n > 0 ? "missing" : "extra", List.of()));
                        }
                    }
                }
            }
        }
        return new QueryResult(index, q.line(), q.sql(), ordered, a.size(), b.size(), error == null && count == 0,
                count, diffs, error);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }

    private static List<List<String>> runQuery(Connection c, String kind, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                ValueKind[] kinds = new ValueKind[n];
                for (int i = 0; i < n; i++) {
                    kinds[i] = queryKind(kind, md.getColumnTypeName(i + 1), md.getColumnType(i + 1));
                }
                while (rs.next()) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        row.add(CanonicalText.read(rs, i + 1, kinds[i]));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** The kind of a query result column: by JDBC type first (expressions have no declared type in SQLite). */
    static ValueKind queryKind(String dialect, String typeName, int jdbcType) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ValueKind.INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> ValueKind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ValueKind.FLOAT;
            case Types.BOOLEAN -> ValueKind.BOOLEAN;
            case Types.BIT -> ColumnKinds.kindOf(dialect, typeName) == ValueKind.TEXT ? ValueKind.TEXT : ValueKind.BOOLEAN;
            case Types.DATE -> ValueKind.DATE;
            case Types.TIME -> ValueKind.TIME;
            case Types.TIMESTAMP -> ColumnKinds.kindOf(dialect, typeName) == ValueKind.TIMESTAMPTZ
                    ? ValueKind.TIMESTAMPTZ : ValueKind.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> ValueKind.TIMESTAMPTZ;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ValueKind.BYTES;
            case Types.CHAR, Types.NCHAR -> ValueKind.CHAR;
            case Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB -> ValueKind.TEXT;
            default -> ColumnKinds.kindOf(dialect, typeName);
        };
    }

    private static String kindOf(String url, String option) throws VerifyUsageException {
        String kind = VerifyDialect.nameForUrl(url);
        if (kind == null) {
            String scheme = url == null ? "" : url.replaceFirst("^([A-Za-z0-9]+:[A-Za-z0-9]*:?).*$", "$1");
            throw new VerifyUsageException(option + ": unsupported database URL scheme '" + scheme
                    + "'; use jdbc:postgresql://, jdbc:mariadb://, jdbc:mysql://, jdbc:sqlite: or jdbc:h2:");
        }
        return kind;
    }

    /** Opens a connection, naming only host, port and database when it fails. */
    static Connection open(String url, String user, String password, String role) throws DatabaseUnreachableException {
        DatabaseAddress where = DatabaseAddress.of(url);
        if (where.host() == null && where.database() != null && !where.database().startsWith("mem:")
                && !url.contains(":mem:")) {
            Path file = Path.of(where.database());
            boolean exists = where.kind().equals("h2")
                    ? Files.exists(Path.of(where.database() + ".mv.db")) || Files.exists(Path.of(where.database() + ".h2.db"))
                    : Files.exists(file);
            if (!exists) {
                throw new DatabaseUnreachableException("cannot open the " + role + " " + where.describe()
                        + ": the file does not exist");
            }
        }
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(url, p);
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("cannot connect to the " + role + " " + where.describe() + ": "
                    + reason(e) + "; check that the server runs and that the URL, user and password are right");
        }
    }

    private static String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Throwable t = e;
        while (t != null) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof java.net.SocketTimeoutException) {
                return "timed out";
            }
            t = t.getCause();
        }
        if (state.startsWith("28")) {
            return "authentication failed";
        }
        if (state.equals("3D000") || state.equals("42000") && String.valueOf(e.getMessage()).contains("Unknown database")) {
            return "the database does not exist";
        }
        if (state.startsWith("08")) {
            return "connection failed (SQLSTATE " + state + ")";
        }
        return "error" + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")");
    }

    private static void prepare(Connection c, VerifyDialect d) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : d.session()) {
                s.execute(sql);
            }
        }
        if (d.name().equals("postgresql")) {
            c.setAutoCommit(false); // lets pgjdbc stream query results with a fetch size
        }
        c.setReadOnly(!d.name().equals("sqlite"));
    }
}
