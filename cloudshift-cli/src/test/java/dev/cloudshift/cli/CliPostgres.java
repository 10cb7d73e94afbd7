package dev.cloudshift.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL per test JVM for the CLI tests; each call to {@link #newDatabase()} makes a fresh database. */
final class CliPostgres {
    private static EmbeddedPostgres server;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private CliPostgres() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("timezone", "UTC").setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            }));
        }
        return server;
    }

    /** A JDBC URL (user postgres, no password) of a new empty database. */
    static String newDatabase() {
        String name = "cli_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name + "?user=postgres";
    }
}
