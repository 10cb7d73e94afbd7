package dev.cloudshift.data.verify;

import java.util.Locale;

/**
 * Where a JDBC URL points, for messages: the database kind, host, port and database name, and never the user,
 * password or query parameters.
 */
public record DatabaseAddress(String kind, String host, Integer port, String database) {

    public static DatabaseAddress of(String jdbcUrl) {
        String kind = VerifyDialect.nameForUrl(jdbcUrl);
        if (kind == null) {
            return new DatabaseAddress("unknown", null, null, null);
        }
        String rest = jdbcUrl.substring(jdbcUrl.indexOf(':', 5) + 1);
        if (kind.equals("sqlite") || kind.equals("h2") && !rest.startsWith("tcp:") && !rest.startsWith("ssl:")) {
            String path = rest.replaceFirst("^(file:|mem:)", "");
            int semi = path.indexOf(';');
            int q = path.indexOf('?');
            int cut = semi >= 0 ? semi : q >= 0 ? q : path.length();
            return new DatabaseAddress(kind, null, null, path.substring(0, cut));
        }
        rest = rest.replaceFirst("^(tcp:|ssl:)", "");
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int at = rest.lastIndexOf('@', firstOf(rest, '/', '?'));
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        int slash = rest.indexOf('/');
        String hostPort = slash >= 0 ? rest.substring(0, slash) : firstPart(rest);
        String db = slash >= 0 ? firstPart(rest.substring(slash + 1)) : null;
        String host = hostPort;
        Integer port = null;
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0 && !hostPort.endsWith("]")) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = null;
            }
        }
        if (port == null) {
            port = switch (kind) {
                case "postgresql" -> 5432;
                case "mysql" -> 3306;
                case "h2" -> 9092;
                default -> null;
            };
        }
        return new DatabaseAddress(kind, host.isEmpty() ? "localhost" : host, port,
                db == null || db.isEmpty() ? null : db);
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j < 0 ? s.length() : j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    private static String firstPart(String s) {
        int cut = s.length();
        for (char c : new char[] {'?', ';', ',', '&'}) {
            int i = s.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return s.substring(0, cut);
    }

    /** {@code postgresql database "shop" at db.example.com:5432}, {@code sqlite database /tmp/a.db}. */
    public String describe() {
        String name = kind.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(name).append(" database");
        if (database != null) {
            b.append(host == null ? " " + database : " \"" + database + "\"");
        }
        if (host != null) {
            b.append(" at ").append(host);
            if (port != null) {
                b.append(':').append(port);
            }
        }
        return b.toString();
    }
}
