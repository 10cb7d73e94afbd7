package dev.cloudshift.data.copy;

import dev.cloudshift.data.dialect.Dialect;
import dev.cloudshift.data.dialect.Dialects;
import dev.cloudshift.data.dialect.UnsupportedDatabaseException;
import dev.cloudshift.data.schema.Column;
import dev.cloudshift.data.schema.Schema;
import dev.cloudshift.data.schema.Table;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Copies tables from one database to another, pgloader style: introspect the source, create the target tables
 * without constraints, load the rows in parallel chunks (each chunk and its checkpoint in one target
 * transaction), then create keys and indexes, then foreign keys, then move sequences past the copied maximum.
 *
 * <p>Exactly once under crashes: chunks and post-data steps are recorded in {@link CheckpointTable}; a run with
 * {@code resume} skips what is recorded as done and redoes the rest, whose partial rows were rolled back with
 * their transaction. Without {@code resume} a target table holding rows, or a leftover checkpoint table, is an
 * error that says what to do. The checkpoint table is dropped once the copy completes unless
 * {@code keepState}.
 */
public final class CopyEngine {

    /** Builds the target-side plan for a pair of dialects (cast rules and DDL). */
    @FunctionalInterface
    public interface PlannerFactory {
        TargetSchemaPlanner create(Dialect source, Dialect target);
    }

    /** Hears about the copy as it goes; progress displays implement it. */
    public interface Listener {
        /** The tables about to be copied, with live counters. */
        default void started(List<TableProgress> tables) {
        }

        /** A one-line note for the user (resuming, creating indexes). */
        default void note(String message) {
        }
    }

    private final CopyRequest request;
    private final PlannerFactory planners;
    private final Listener listener;

    public CopyEngine(CopyRequest request, PlannerFactory planners, Listener listener) {
        this.request = request;
        this.planners = planners;
        this.listener = listener == null ? new Listener() { } : listener;
    }

    private record Work(TableJob job, Chunk chunk) {
    }

    public CopyResult run() {
        long start = System.nanoTime();
        Dialect sourceDialect = dialect(request.source(), "source");
        Dialect targetDialect = dialect(request.target(), "target");
        try (Connection sc = connect(request.source(), sourceDialect, "source");
             Connection tc = connect(request.target(), targetDialect, "target");
             RejectLog rejects = openRejects()) {
            Schema schema;
            try {
                schema = sourceDialect.introspect(sc);
            } catch (SQLException e) {
                throw new CopyException(CopyException.Kind.RUNTIME, "cannot read the source catalog at "
                        + request.source().location() + ": " + ChunkCopier.firstLine(e.getMessage()), e);
            }
            List<Table> tables = selectTables(schema);
            TargetSchemaPlanner planner = planners.create(sourceDialect, targetDialect);
            List<TablePlan> plans = planner.plan(tables);
            for (TablePlan p : plans) {
                for (String n : p.notes()) {
                    listener.note(n);
                }
            }
            boolean stateExists = CheckpointTable.exists(tc);
            if (stateExists && !request.resume()) {
                throw new CopyException(CopyException.Kind.USAGE, "the target " + request.target().location()
                        + " holds an unfinished copy (table " + CheckpointTable.NAME + ", left by an interrupted copy or "
                        + "kept with --keep-state): run again with --resume to continue it, or drop that table and empty "
                        + "the copied tables to start over");
            }
            List<TableJob> jobs = prepareTargets(sc, tc, sourceDialect, targetDialect, plans, stateExists);
            listener.started(jobs.stream().map(j -> j.progress).toList());
            copyChunks(jobs, sourceDialect, targetDialect, rejects);
            runPostData(tc, plans);
            if (!request.keepState()) {
                CheckpointTable.drop(tc);
            }
            List<CopyResult.TableResult> results = new ArrayList<>();
            for (TableJob j : jobs) {
                TableProgress p = j.progress;
                results.add(new CopyResult.TableResult(p.table(), p.sourceRows(), p.copied(), p.rejected(),
                        p.seconds(), p.rowsPerSecond()));
            }
            long rejected = results.stream().mapToLong(CopyResult.TableResult::rejected).sum();
            return new CopyResult(results, rejected, (System.nanoTime() - start) / 1e9);
        } catch (SQLException e) {
            throw new CopyException(CopyException.Kind.RUNTIME, "copy failed: " + ChunkCopier.firstLine(e.getMessage())
                    + ". Rows of finished chunks are kept; run again with --resume to continue.", e);
        } catch (IOException e) {
            throw new CopyException(CopyException.Kind.USAGE, "cannot write the reject file " + request.rejectFile()
                    + ": " + e.getMessage(), e);
        }
    }

    private RejectLog openRejects() throws IOException {
        return RejectLog.open(request.rejectFile(), request.resume());
    }

    private static Dialect dialect(JdbcEndpoint endpoint, String role) {
        try {
            return Dialects.forUrl(endpoint.url());
        } catch (UnsupportedDatabaseException e) {
            throw new CopyException(CopyException.Kind.USAGE, role + ": " + e.getMessage());
        }
    }

    private static Connection connect(JdbcEndpoint endpoint, Dialect dialect, String role) {
        return connect(endpoint, dialect, role, java.util.Map.of());
    }

    private static Connection connect(JdbcEndpoint endpoint, Dialect dialect, String role,
            java.util.Map<String, String> properties) {
        Connection c;
        try {
            c = endpoint.connect(properties);
        } catch (SQLException e) {
            throw new CopyException(CopyException.Kind.UNREACHABLE, "cannot connect to the " + role + " database at "
                    + endpoint.location() + ": " + ChunkCopier.firstLine(e.getMessage()).replaceAll("[.\\s]+$", "")
                    + ". Check that the server is running and reachable, the database exists, and the user and "
                    + "password (CLOUDSHIFT_" + (role.equals("source") ? "FROM" : "TO") + "_USER / _PASSWORD) are right.");
        }
        try {
            dialect.prepareSession(c);
            if (dialect.name().equals("sqlite")) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 60000");
                    if (role.equals("target")) {
                        s.execute("PRAGMA journal_mode = WAL");
                        s.execute("PRAGMA synchronous = NORMAL");
                    }
                }
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw new CopyException(CopyException.Kind.RUNTIME, "cannot set up the " + role + " session at "
                    + endpoint.location() + ": " + ChunkCopier.firstLine(e.getMessage()), e);
        }
        return c;
    }

    private List<Table> selectTables(Schema schema) {
        List<Table> all = schema.tables().stream()
                .filter(t -> !t.name().equalsIgnoreCase(CheckpointTable.NAME)).toList();
        if (request.tables().isEmpty()) {
            return all;
        }
        List<String> missing = new ArrayList<>();
        List<Table> chosen = new ArrayList<>();
        for (Table t : all) {
            if (request.tables().stream().anyMatch(n -> n.equalsIgnoreCase(t.name()))) {
                chosen.add(t);
            }
        }
        for (String n : request.tables()) {
            if (all.stream().noneMatch(t -> t.name().equalsIgnoreCase(n))) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            String known = all.stream().map(Table::name).limit(30).collect(Collectors.joining(", "));
            throw new CopyException(CopyException.Kind.USAGE, "--tables: the source has no table "
                    + String.join(", ", missing) + "; its tables are: " + (known.isEmpty() ? "(none)" : known));
        }
        return chosen;
    }

    private List<TableJob> prepareTargets(Connection sc, Connection tc, Dialect sourceDialect, Dialect targetDialect,
            List<TablePlan> plans, boolean stateExists) throws SQLException {
        tc.setAutoCommit(true);
        // Check every table before changing anything, so a refused copy leaves the target as it was.
        List<Boolean> exists = new ArrayList<>();
        for (TablePlan plan : plans) {
            long rows = targetRows(tc, plan.targetTable());
            exists.add(rows >= 0);
            if (rows > 0) {
                boolean planned = stateExists && !CheckpointTable.load(tc, plan.source().name()).isEmpty();
                if (!request.resume() || !planned) {
                    throw new CopyException(CopyException.Kind.USAGE, "target table " + plan.targetTable() + " in "
                            + request.target().location() + " already holds " + rows + " rows: "
                            + (request.resume()
                                    ? "no checkpoint of an earlier copy covers it, so resuming cannot know which rows are there; empty it first"
                                    : "run with --resume to continue an interrupted copy, or empty the table (TRUNCATE) to copy it again"));
                }
            }
        }
        for (int i = 0; i < plans.size(); i++) {
            if (!exists.get(i)) {
                for (String ddl : plans.get(i).createTable()) {
                    try (Statement s = tc.createStatement()) {
                        s.execute(ddl);
                    } catch (SQLException e) {
                        throw new CopyException(CopyException.Kind.RUNTIME, "cannot create target table "
                                + plans.get(i).targetTable() + ": " + ChunkCopier.firstLine(e.getMessage()), e);
                    }
                }
            }
        }
        CheckpointTable.create(tc);
        ChunkPlanner chunker = new ChunkPlanner(request.rowsPerChunk(), request.parallel());
        List<TableJob> jobs = new ArrayList<>();
        for (TablePlan plan : plans) {
            Table t = plan.source();
            TableProgress progress = new TableProgress(t.name());
            TableJob job = new TableJob(plan, sourceDialect, request.masks(), progress);
            long sourceRows = sourceRows(sc, sourceDialect, t);
            progress.sourceRows(sourceRows);
            List<CheckpointTable.Entry> entries = CheckpointTable.load(tc, t.name());
            List<Chunk> todo = new ArrayList<>();
            if (entries.isEmpty()) {
                String key = t.primaryKey().size() == 1 ? t.primaryKey().get(0) : null;
                Column keyColumn = key == null ? null : t.column(key);
                List<Chunk> chunks = chunker.plan(sc, sourceDialect::quote, t.name(), key,
                        keyColumn == null ? 0 : keyColumn.jdbcType(), sourceRows);
                CheckpointTable.savePlan(tc, chunks);
                todo.addAll(chunks);
            } else {
                long doneChunks = 0;
                for (CheckpointTable.Entry e : entries) {
                    if (e.done()) {
                        doneChunks++;
                        progress.resumed(e.rowsCopied(), e.rowsRejected());
                    } else {
                        todo.add(e.chunk());
                    }
                }
                listener.note("resuming " + t.name() + ": " + doneChunks + " of " + entries.size()
                        + " chunks already copied (" + progress.copied() + " rows)");
            }
            job.chunksLeft.set(todo.size());
            job.pending = todo;
            if (todo.isEmpty()) {
                progress.finished();
            }
            jobs.add(job);
        }
        return jobs;
    }

    /** Rows in a target table, or -1 when it does not exist. */
    private static long targetRows(Connection tc, String quotedTable) {
        try (Statement s = tc.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quotedTable)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static long sourceRows(Connection sc, Dialect d, Table t) throws SQLException {
        try (Statement s = sc.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + d.quote(t.name()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void copyChunks(List<TableJob> jobs, Dialect sourceDialect, Dialect targetDialect, RejectLog rejects) {
        ConcurrentLinkedQueue<Work> queue = new ConcurrentLinkedQueue<>();
        for (TableJob j : jobs) {
            for (Chunk c : j.pending) {
                queue.add(new Work(j, c));
            }
        }
        if (queue.isEmpty()) {
            return;
        }
        // SQLite allows one writer at a time: more target connections would only wait on each other.
        int workers = targetDialect.name().equals("sqlite") ? 1 : Math.min(request.parallel(), queue.size());
        AtomicReference<CopyException> failure = new AtomicReference<>();
        ChunkCopier.WriterFactory writers = writerFactory(targetDialect);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                ChunkCopier copier;
                try {
                    copier = new ChunkCopier(connect(request.source(), sourceDialect, "source",
                                    sourceDialect.bulkReadProperties()),
                            connect(request.target(), targetDialect, "target"), sourceDialect, writers, rejects);
                } catch (CopyException e) {
                    failure.compareAndSet(null, e);
                    return;
                } catch (SQLException e) {
                    failure.compareAndSet(null, new CopyException(CopyException.Kind.RUNTIME,
                            "cannot start a copy worker: " + ChunkCopier.firstLine(e.getMessage()), e));
                    return;
                }
                try (copier) {
                    Work work;
                    while (failure.get() == null && (work = queue.poll()) != null) {
                        try {
                            copier.copy(work.job(), work.chunk());
                            if (work.job().chunksLeft.decrementAndGet() == 0) {
                                work.job().progress.finished();
                            }
                        } catch (SQLException | RuntimeException | Error e) {
                            String msg = e instanceof SQLException ? ChunkCopier.firstLine(e.getMessage())
                                    : e.getClass().getSimpleName() + ": " + ChunkCopier.firstLine(e.getMessage());
                            work.job().progress.failed(msg);
                            failure.compareAndSet(null, new CopyException(CopyException.Kind.RUNTIME, "copying "
                                    + work.job().table() + " (" + work.chunk().describe() + ") failed: " + msg
                                    + ". Rows of finished chunks are kept; run again with --resume to continue.", e));
                        }
                    }
                }
            }, "cloudshift-copy-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CopyException(CopyException.Kind.RUNTIME, "interrupted; run again with --resume to continue");
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    static ChunkCopier.WriterFactory writerFactory(Dialect target) {
        String name = target.name().toLowerCase(Locale.ROOT);
        return (conn, plan) -> switch (name) {
            case "postgresql" -> new PostgresCopyWriter(conn, plan.targetTable(), plan.targetColumns());
            case "sqlite" -> new MultiRowInsertWriter(conn, plan.targetTable(), plan.targetColumns(), 32_000, true);
            case "mysql" -> new MultiRowInsertWriter(conn, plan.targetTable(), plan.targetColumns(), 60_000, false);
            default -> new MultiRowInsertWriter(conn, plan.targetTable(), plan.targetColumns(), 30_000, false);
        };
    }

    private void runPostData(Connection tc, List<TablePlan> plans) throws SQLException {
        List<String> steps = new ArrayList<>();
        plans.forEach(p -> steps.addAll(p.keysAndIndexes()));
        plans.forEach(p -> steps.addAll(p.foreignKeys()));
        plans.forEach(p -> steps.addAll(p.sequences()));
        if (steps.isEmpty()) {
            return;
        }
        listener.note("creating keys, indexes and foreign keys, setting sequences (" + steps.size() + " statements)");
        // Each statement commits together with its checkpoint row where DDL is transactional (PostgreSQL, SQLite),
        // so a crash between the two cannot make a resumed copy run it twice.
        tc.setAutoCommit(false);
        for (String ddl : steps) {
            if (CheckpointTable.stepDone(tc, ddl)) {
                continue;
            }
            try (Statement s = tc.createStatement()) {
                s.execute(ddl);
                CheckpointTable.markStepDone(tc, ddl);
            } catch (SQLException e) {
                try {
                    tc.rollback();
                } catch (SQLException ignored) {
                    // reported below
                }
                throw new CopyException(CopyException.Kind.RUNTIME, "after copying the rows, the target refused: "
                        + abbreviate(ddl) + ": " + ChunkCopier.firstLine(e.getMessage())
                        + ". Fix the cause and run again with --resume.", e);
            }
        }
        tc.setAutoCommit(true);
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing to do
        }
    }
}
