package dev.cloudshift.core.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns values into safe shapes that may be printed anywhere.
 *
 * <ul>
 *   <li>{@link #shape(String, String)} for values that are not secret as a whole (compose environment, container
 *   definitions): keeps the structure and every non-secret part, replaces the user of a URL by
 *   {@code <user>}, its password and secret query parameters by {@code <redacted>}, secret
 *   {@code name=value;} fields of connection strings, and the whole value when its key or the value itself is
 *   a credential: {@code postgresql://<user>:<redacted>@db:5432/app}.</li>
 *   <li>{@link #opaqueShape(String)} for values that are secret as a whole (every .env value): keeps only the
 *   scheme and ports: {@code postgresql://<redacted>@<redacted>:5432/<redacted>}, {@code <redacted>:9092},
 *   otherwise {@code <redacted>}.</li>
 * </ul>
 */
public final class Redactor {

    public static final String REDACTED = "<redacted>";
    public static final String USER = "<user>";
    public static final String EMPTY = "<empty>";

    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:(\\d{1,5})");

    private final SecretDetector detector;

    public Redactor(SecretDetector detector) {
        this.detector = detector;
    }

    /** A redactor with the shipped rules. */
    public static Redactor defaults() {
        return Holder.DEFAULT;
    }

    private static final class Holder {
        static final Redactor DEFAULT = new Redactor(SecretDetector.defaults());
    }

    public SecretDetector detector() {
        return detector;
    }

    /**
     * The printable shape of {@code value} set under {@code key}: the value itself when nothing in it is
     * secret, otherwise the value with its secret parts replaced. Null stays null.
     */
    public String shape(String key, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            return value;
        }
        if (detector.isSecretKey(key)) {
            return REDACTED;
        }
        Optional<UrlParts> url = UrlParts.parse(value);
        if (url.isPresent()) {
            return urlShape(url.get());
        }
        if (value.indexOf(';') >= 0 && value.indexOf('=') >= 0) {
            String cs = connectionStringShape(value);
            if (!cs.equals(value) || !detector.looksLikeCredential(value)) {
                return cs;
            }
        }
        if (detector.looksLikeCredential(value)) {
            return REDACTED;
        }
        return value;
    }

    /** Whether a value set under a key is secret, and its printable shape. */
    public record Shaped(boolean secret, String shape) {
    }

    /**
     * {@link SecretDetector#isSecret(String, String)} and {@link #shape(String, String)} of the same key and value
     * together, with the key and the value checked once each instead of once for each answer.
     */
    public Shaped secretAndShape(String key, String value) {
        boolean secretKey = detector.isSecretKey(key);
        if (value == null || value.isEmpty()) {
            return new Shaped(secretKey, value);
        }
        if (secretKey) {
            return new Shaped(true, REDACTED);
        }
        boolean credential = detector.looksLikeCredential(value);
        Optional<UrlParts> url = UrlParts.parse(value);
        if (url.isPresent()) {
            return new Shaped(credential, urlShape(url.get()));
        }
        if (value.indexOf(';') >= 0 && value.indexOf('=') >= 0) {
            String cs = connectionStringShape(value);
            if (!cs.equals(value) || !credential) {
                return new Shaped(credential, cs);
            }
        }
        return new Shaped(credential, credential ? REDACTED : value);
    }

    private String urlShape(UrlParts u) {
        StringBuilder b = new StringBuilder(u.scheme()).append("://");
        if (u.user() != null) {
            b.append(u.user().isEmpty() ? "" : USER);
            if (u.password() != null) {
                b.append(':').append(u.password().isEmpty() ? "" : REDACTED);
            }
            b.append('@');
        }
        List<String> hosts = new ArrayList<>();
        for (UrlParts.HostPort h : u.hosts()) {
            String host = detector.looksLikeCredential(h.host()) ? REDACTED : h.host();
            hosts.add(h.port() >= 0 ? host + ":" + h.port() : host);
        }
        b.append(String.join(",", hosts));
        String path = u.path();
        if (!path.isEmpty()) {
            List<String> segs = new ArrayList<>();
            for (String seg : path.split("/", -1)) {
                segs.add(detector.looksLikeCredential(seg) ? REDACTED : seg);
            }
            b.append(String.join("/", segs));
        }
        if (u.query() != null) {
            b.append('?').append(parameterShape(u.query(), "&"));
        }
        return b.toString();
    }

    private String parameterShape(String list, String separator) {
        String[] parts = list.split(Pattern.quote(separator), -1);
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                String name = part.substring(0, eq);
                String v = part.substring(eq + 1);
                boolean secret = detector.isSecretParameter(name) || detector.looksLikeCredential(v);
                out.add(name + "=" + (secret && !v.isEmpty() ? REDACTED : v));
            } else {
                out.add(detector.looksLikeCredential(part) ? REDACTED : part);
            }
        }
        return String.join(separator, out);
    }

    private String connectionStringShape(String value) {
        String[] parts = value.split(";", -1);
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                String name = part.substring(0, eq);
                String v = part.substring(eq + 1);
                String n = name.strip().toLowerCase(java.util.Locale.ROOT);
                boolean user = n.equals("user id") || n.equals("userid") || n.equals("uid") || n.equals("user") || n.equals("username");
                if (detector.isSecretParameter(name) || detector.looksLikeCredential(v)) {
                    out.add(name + "=" + REDACTED);
                } else if (user) {
                    out.add(name + "=" + USER);
                } else {
                    out.add(part);
                }
            } else {
                out.add(detector.looksLikeCredential(part) ? REDACTED : part);
            }
        }
        return String.join(";", out);
    }

    /**
     * The shape of a value that is secret as a whole: only the scheme and the ports of a URL, or the ports of
     * a {@code host:port} list, survive; anything else becomes {@code <redacted>}; an empty value is
     * {@code <empty>}.
     */
    public String opaqueShape(String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            return EMPTY;
        }
        Optional<UrlParts> url = UrlParts.parse(value);
        if (url.isPresent()) {
            UrlParts u = url.get();
            StringBuilder b = new StringBuilder(u.scheme()).append("://");
            if (u.user() != null) {
                b.append(REDACTED).append('@');
            }
            List<String> hosts = new ArrayList<>();
            for (UrlParts.HostPort h : u.hosts()) {
                hosts.add(h.port() >= 0 ? REDACTED + ":" + h.port() : REDACTED);
            }
            b.append(String.join(",", hosts));
            if (!u.path().isEmpty() && !u.path().equals("/")) {
                b.append('/').append(REDACTED);
            }
            if (u.query() != null) {
                b.append('?').append(REDACTED);
            }
            return b.toString();
        }
        String v = value.strip();
        if (!v.contains(" ") && v.contains(":")) {
            String[] items = v.split(",", -1);
            List<String> out = new ArrayList<>();
            for (String item : items) {
                Matcher m = HOST_PORT.matcher(item.strip());
                if (!m.matches()) {
                    return REDACTED;
                }
                out.add(REDACTED + ":" + Integer.parseInt(m.group(1)));
            }
            return String.join(",", out);
        }
        return REDACTED;
    }

    /**
     * Removes every occurrence of the given secret values from a text meant for a message (belt and braces
     * for texts built from parser messages). Values shorter than 4 characters are left alone to avoid
     * mangling ordinary words.
     */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            if (s != null && s.length() >= 4) {
                out = out.replace(s, REDACTED);
            }
        }
        return out;
    }
}
