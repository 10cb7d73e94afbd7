package dev.cloudshift.data.dialect;

import java.util.List;
import java.util.stream.Collectors;

/** Finds the {@link Dialect} for a JDBC URL. */
public final class Dialects {

    private static final List<Dialect> ALL = List.of(
            new PostgresDialect(), new MySqlDialect(), new SqliteDialect(), new H2Dialect());

    private Dialects() {
    }

    /** Every supported dialect. */
    public static List<Dialect> all() {
        return ALL;
    }

    /** The dialect with this short name ({@code postgresql}, {@code mysql}, {@code sqlite}, {@code h2}). */
    public static Dialect byName(String name) {
        return ALL.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new UnsupportedDatabaseException("unknown database '" + name
                        + "'; supported: " + ALL.stream().map(Dialect::name).collect(Collectors.joining(", "))));
    }

    /**
     * The dialect for a JDBC URL.
     *
     * @throws UnsupportedDatabaseException naming the URL's scheme (not the URL) and the supported schemes
     */
    public static Dialect forUrl(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new UnsupportedDatabaseException("no database URL given; " + supported());
        }
        for (Dialect d : ALL) {
            if (d.accepts(jdbcUrl)) {
                return d;
            }
        }
        throw new UnsupportedDatabaseException("unsupported database URL scheme '" + scheme(jdbcUrl) + "'; "
                + supported());
    }

    private static String supported() {
        return "supported schemes: jdbc:postgresql://, jdbc:mysql://, jdbc:mariadb://, jdbc:sqlite:, jdbc:h2:";
    }

    /**
     * The URL's scheme ({@code jdbc:oracle:}): letters, digits and at most two colons from the start, stopping
     * before anything that could be a user name or password.
     */
    static String scheme(String url) {
        StringBuilder out = new StringBuilder();
        int colons = 0;
        for (int i = 0; i < url.length() && colons < 2; i++) {
            char ch = url.charAt(i);
            if (ch == ':') {
                colons++;
            } else if (!Character.isLetterOrDigit(ch) || ch > 127) {
                break;
            }
            out.append(ch);
        }
        return out.length() == 0 ? "?" : out.toString();
    }
}
