package dev.cloudshift.data.copy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database to connect to: a JDBC URL plus optional user and password kept apart from it (from environment
 * variables, so they stay out of shell history). {@link #toString()} and every message use
 * {@link #redactedUrl()}: the password never leaves this record.
 */
public record JdbcEndpoint(String url, String user, String password) {
    private static final Pattern USERINFO = Pattern.compile("(//)([^/@?#;]*)@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&;:]\\s*(?:password|passwd|pwd|pass|sslpassword|secret|token|accesskey|secretkey|apikey)\\s*=)([^&;]*)");
    private static final Pattern HOST_PORT_DB = Pattern.compile("^jdbc:[a-z0-9]+:(?:[a-z0-9]+:)?//(?:[^/@]*@)?([^/?;]*)/?([^?;]*)");

    public JdbcEndpoint {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("missing JDBC URL");
        }
    }

    public static JdbcEndpoint of(String url) {
        return new JdbcEndpoint(url, null, null);
    }

    /** The URL with user information and password parameters replaced by {@code ***}. */
    public String redactedUrl() {
        return redact(url);
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = USERINFO.matcher(text).replaceAll("$1***@");
        return SECRET_PARAM.matcher(s).replaceAll("$1***");
    }

    /** "host:port/database" for network databases, the file for SQLite/H2; never credentials. */
    public String location() {
        Matcher m = HOST_PORT_DB.matcher(url);
        if (m.find()) {
            String db = m.group(2);
            return m.group(1) + (db.isEmpty() ? "" : "/" + db);
        }
        String s = redactedUrl();
        int q = s.indexOf(';');
        return q > 0 ? s.substring(0, q) : s;
    }

    public Connection connect() throws SQLException {
        return connect(java.util.Map.of());
    }

    /** Connects with driver properties {@code defaults} added, each unless the URL names it itself. */
    public Connection connect(java.util.Map<String, String> defaults) throws SQLException {
        Properties p = new Properties();
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        defaults.forEach((k, v) -> {
            if (!lower.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                p.setProperty(k, v);
            }
        });
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(driverUrl(), p);
        } catch (SQLException e) {
            // Drivers sometimes echo the URL back: never let it through.
            throw new SQLException(redact(e.getMessage()), e.getSQLState(), e.getErrorCode());
        }
    }

    /**
     * The URL handed to the driver: {@code jdbc:mysql://} URLs get {@code permitMysqlScheme}, without which the
     * MariaDB driver (the one we ship for MySQL and MariaDB) refuses them.
     */
    String driverUrl() {
        if (url.startsWith("jdbc:mysql:") && !url.contains("permitMysqlScheme")) {
            return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
        }
        return url;
    }

    @Override
    public String toString() {
        return redactedUrl();
    }
}
