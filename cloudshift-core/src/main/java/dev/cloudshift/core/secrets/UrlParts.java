package dev.cloudshift.core.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL split into its parts without decoding or validating more than needed: {@code scheme://[user[:password]@]host[:port][,host[:port]...][/path][?query][#fragment]}.
 * Several hosts (MongoDB, Kafka-style lists) are kept in order. The user information ends at the last
 * {@code @} so that an unencoded {@code @} or {@code /} in a password never ends up in the host or path.
 *
 * @param scheme   lower-case scheme ({@code postgresql}, {@code jdbc:postgresql} for JDBC URLs)
 * @param user     user name, or null
 * @param password password, or null when none is given
 * @param hosts    host and port pairs (port -1 when absent)
 * @param path     path including the leading slash, or ""
 * @param query    query without {@code ?}, or null
 */
public record UrlParts(String scheme, String user, String password, List<HostPort> hosts, String path, String query) {

    /** One host of a URL; port is -1 when the URL gives none. */
    public record HostPort(String host, int port) {
    }

    private static final Pattern SCHEME = Pattern.compile("^((?:jdbc:)?[A-Za-z][A-Za-z0-9+.-]*)://(.*)$", Pattern.DOTALL);

    /** Parses {@code text} as a URL with an authority ({@code scheme://...}); empty when it is not one. */
    public static Optional<UrlParts> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SCHEME.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String scheme = m.group(1).toLowerCase(java.util.Locale.ROOT);
        String rest = m.group(2);
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userinfo.indexOf(':');
            if (colon >= 0) {
                user = userinfo.substring(0, colon);
                password = userinfo.substring(colon + 1);
            } else {
                user = userinfo;
            }
        }
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#', ';'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        String tail = rest.substring(end);
        int hash = tail.indexOf('#');
        if (hash >= 0) {
            tail = tail.substring(0, hash);
        }
        String query = null;
        int q = tail.indexOf('?');
        if (q >= 0) {
            query = tail.substring(q + 1);
            tail = tail.substring(0, q);
        }
        List<HostPort> hosts = new ArrayList<>();
        for (String h : authority.split(",", -1)) {
            hosts.add(hostPort(h));
        }
        return Optional.of(new UrlParts(scheme, user, password, List.copyOf(hosts), tail, query));
    }

    /** Parses {@code host}, {@code host:port} or {@code [v6]:port}. */
    public static HostPort hostPort(String text) {
        String h = text.strip();
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close > 0) {
                String host = h.substring(0, close + 1);
                String after = h.substring(close + 1);
                return new HostPort(host, after.startsWith(":") ? port(after.substring(1)) : -1);
            }
        }
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && h.indexOf(':') == colon) {
            int p = port(h.substring(colon + 1));
            if (p >= 0) {
                return new HostPort(h.substring(0, colon), p);
            }
        }
        return new HostPort(h, -1);
    }

    private static int port(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                return -1;
            }
        }
        int p = Integer.parseInt(s);
        return p <= 65535 ? p : -1;
    }

    /** True when the URL carries a non-empty password in its user information. */
    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    /** The first host, or null when there is none. */
    public HostPort firstHost() {
        return hosts.isEmpty() ? null : hosts.get(0);
    }

    @Override
    public String toString() {
        // never print the user information
        return "UrlParts[" + scheme + "://" + hosts + path + "]";
    }
}
