package dev.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: {@code cloudshift data copy} runs as a separate JVM and is killed with SIGKILL
 * ({@link Process#destroyForcibly()}) at a random moment after a random number of committed chunks, three
 * times; then {@code --resume} finishes the copy, and the target must hold exactly the source rows: same count,
 * no duplicate keys, same content hash.
 */
class DataCopyKillResumeIT {
    private static final int ROWS = 200_000;

    @TempDir
    static Path dir;

    @Test
    void killedCopiesResumeToExactlyTheSourceRows() throws Exception {
        Path sqlite = dir.resolve("source.db");
        String source = "jdbc:sqlite:" + sqlite;
        try (Connection c = DriverManager.getConnection(source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, account TEXT NOT NULL, amount REAL, note TEXT, created TEXT)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ") "
                    + "INSERT INTO events SELECT i, 'acct-' || (i % 977), i * 0.25, "
                    + "CASE WHEN i % 5 = 0 THEN NULL ELSE 'note ' || i || char(9) || 'tab' END, "
                    + "'2024-01-01 00:00:' || printf('%02d', i % 60) FROM n");
        }
        String target = CliPostgres.newDatabase();

        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        int chunks = ROWS / 4000;
        int lastDone = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            Process p = startCopy(source, target, attempt > 0);
            int killAfter = Math.min(chunks - 12, lastDone + 2 + random.nextInt(10)); // leaves at least 12 chunks to kill inside
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            int done;
            while ((done = doneChunks(target)) < killAfter) {
                assertThat(p.isAlive()).as("copy ended before it could be killed (seed %d); output:%n%s", seed, output(p)).isTrue();
                assertThat(System.nanoTime()).as("no progress (seed %d)", seed).isLessThan(deadline);
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(60)); // land somewhere inside the next chunks' transactions
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int after = doneChunks(target);
            assertThat(after).isGreaterThanOrEqualTo(done);
            assertThat(after).as("killed before finishing (seed %d)", seed).isLessThan(chunks);
            lastDone = after;
        }

        // Without --resume the half-copied target is refused, and says what to do.
        Process refused = startCopy(source, target, false);
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String refusal = output(refused);
        assertThat(refused.exitValue()).as(refusal).isEqualTo(ExitCode.USAGE);
        assertThat(refusal).contains("--resume");

        Process finish = startCopy(source, target, true);
        assertThat(finish.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = output(finish);
        assertThat(finish.exitValue()).as(out).isZero();
        assertThat(out).contains("reconciled");

        try (Connection c = DriverManager.getConnection(target); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM events")) {
                rs.next();
                assertThat(rs.getLong(1)).as("rows (seed %d)", seed).isEqualTo(ROWS);
                assertThat(rs.getLong(2)).as("distinct ids (seed %d)", seed).isEqualTo(ROWS);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'cloudshift_copy_state'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("checkpoint table dropped after success").isZero();
            }
        }
        assertThat(contentHash(target, "CAST(amount AS double precision)"))
                .isEqualTo(contentHash(source, "CAST(amount AS REAL)"));
    }

    private static String contentHash(String url, String amount) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery("SELECT id, account, " + amount + ", note, CAST(created AS VARCHAR(40)) FROM events ORDER BY id")) {
                    while (rs.next()) {
                        String line = rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getDouble(3) + "|"
                                + (rs.getString(4) == null ? "\\N" : rs.getString(4)) + "|" + rs.getString(5) + "\n";
                        md.update(line.getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static int doneChunks(String target) throws SQLException {
        try (Connection c = DriverManager.getConnection(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM cloudshift_copy_state WHERE done_at IS NOT NULL AND chunk_id >= 0")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) { // not created yet
                return 0;
            }
            throw e;
        }
    }

    private static Process startCopy(String source, String target, boolean resume) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath(), Main.class.getName(),
                "data", "copy", "--from", source, "--to", target, "--parallel", "2", "--chunk-rows", "4000",
                "--progress", "plain"));
        if (resume) {
            cmd.add("--resume");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        File log = Files.createTempFile(dir, "copy", ".log").toFile();
        pb.redirectOutput(log);
        Process p = pb.start();
        LOGS.put(p, log.toPath());
        return p;
    }

    private static final java.util.Map<Process, Path> LOGS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String output(Process p) throws Exception {
        return Files.readString(LOGS.get(p));
    }

    /** The test JVM's class path, expanded from a manifest-only jar when the test runner uses one. */
    private static String classPath() throws Exception {
        String cp = System.getProperty("java.class.path");
        List<String> entries = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            entries.add(e);
            if (e.endsWith(".jar") && new File(e).getName().startsWith("surefire")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(e)) {
                    String manifestCp = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifestCp != null) {
                        for (String u : manifestCp.trim().split("\\s+")) {
                            entries.add(new File(new java.net.URI(u)).getPath());
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
