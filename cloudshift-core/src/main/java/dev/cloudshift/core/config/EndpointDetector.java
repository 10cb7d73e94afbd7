package dev.cloudshift.core.config;

import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.secrets.SecretDetector;
import dev.cloudshift.core.secrets.UrlParts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises service endpoints in configuration settings using {@link EndpointPatterns}: database, Redis,
 * AMQP, SMTP ... URLs (and JDBC URLs), host and port pairs ({@code DB_HOST}/{@code DB_PORT}), Kafka bootstrap
 * server lists, bucket names and storage endpoints, and managed-service host names
 * ({@code *.rds.amazonaws.com}, {@code *.redis.cache.windows.net} ...). It reads the value when the entry has
 * one and the safe shape otherwise, so a secret is never needed: from a redacted .env shape it still learns the
 * scheme and port.
 */
public final class EndpointDetector {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]");

    private final EndpointPatterns patterns;

    public EndpointDetector(EndpointPatterns patterns) {
        this.patterns = patterns;
    }

    public static EndpointDetector defaults() {
        return new EndpointDetector(EndpointPatterns.defaults());
    }

    public EndpointPatterns patterns() {
        return patterns;
    }

    /** The endpoint a setting describes, if it describes one. */
    public Optional<Endpoint> detect(ConfigEntry e) {
        String text = e.value() != null ? e.value() : e.shape();
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        text = text.strip();
        String key = SecretDetector.normaliseKey(e.key());
        EndpointPatterns.KeyRule keyRule = null;
        String prefix = "";
        for (EndpointPatterns.KeyRule k : patterns.keys()) {
            Matcher m = k.match().matcher(key);
            if (m.matches()) {
                keyRule = k;
                String p = namedPrefix(m);
                prefix = p == null ? "" : p;
                break;
            }
        }
        String prefixKind = prefixKind(keyRule != null ? prefix : key + "_");
        if (prefixKind == null && keyRule != null) {
            prefixKind = prefixKind(key);
        }
        String reference = null;
        Matcher ref = REFERENCE.matcher(text);
        if (ref.find()) {
            reference = ref.group(1).strip();
        }
        String role = keyRule == null ? null : keyRule.role();

        Optional<UrlParts> url = text.startsWith("${") ? Optional.empty() : UrlParts.parse(text);
        if (url.isPresent()) {
            UrlParts u = url.get();
            UrlParts.HostPort hp = u.firstHost();
            String host = hp == null ? null : safeHost(hp.host());
            int port = hp == null ? -1 : hp.port();
            EndpointPatterns.HostRule cloud = cloudHost(host);
            String kind = patterns.schemes().get(u.scheme());
            if (kind == null && u.scheme().startsWith("jdbc:")) {
                kind = patterns.schemes().get(u.scheme().substring(5));
            }
            if (kind == null && (u.scheme().equals("http") || u.scheme().equals("https"))) {
                kind = cloud != null ? cloud.kind() : keyRule != null && keyRule.kind() != null ? keyRule.kind() : prefixKind;
                if (kind == null && port >= 0) {
                    kind = patterns.ports().get(port);
                }
            }
            if (kind == null) {
                return Optional.empty();
            }
            String r = role != null && (role.equals("endpoint") || role.equals("bucket")) ? role : "url";
            if (keyRule == null) {
                prefix = prefixOf(key);
            }
            return Optional.of(new Endpoint(e, kind, r, prefix, host, port, cloud == null ? null : cloud.service(), reference));
        }
        if (keyRule != null) {
            switch (role) {
                case "port" -> {
                    int port = parsePort(text);
                    String kind = keyRule.kind() != null ? keyRule.kind() : prefixKind != null ? prefixKind : port >= 0 ? patterns.ports().get(port) : null;
                    return kind == null ? Optional.empty() : Optional.of(new Endpoint(e, kind, role, prefix, null, port, null, reference));
                }
                case "host" -> {
                    UrlParts.HostPort hp = UrlParts.hostPort(text);
                    String host = safeHost(hp.host());
                    EndpointPatterns.HostRule cloud = cloudHost(host);
                    String kind = keyRule.kind() != null ? keyRule.kind() : cloud != null ? cloud.kind() : prefixKind;
                    if (kind == null && hp.port() >= 0) {
                        kind = patterns.ports().get(hp.port());
                    }
                    if (kind == null) {
                        return Optional.empty();
                    }
                    return Optional.of(new Endpoint(e, kind, hp.port() >= 0 ? "hostport" : "host", prefix, host, hp.port(),
                            cloud == null ? null : cloud.service(), reference));
                }
                case "hostport", "bootstrap" -> {
                    String first = text.split("[,\\s]+")[0];
                    UrlParts.HostPort hp = UrlParts.hostPort(first);
                    String host = safeHost(hp.host());
                    EndpointPatterns.HostRule cloud = cloudHost(host);
                    String kind = keyRule.kind() != null ? keyRule.kind() : cloud != null ? cloud.kind() : prefixKind;
                    if (kind == null && hp.port() >= 0) {
                        kind = patterns.ports().get(hp.port());
                    }
                    return kind == null ? Optional.empty()
                            : Optional.of(new Endpoint(e, kind, role, prefix, host, hp.port(), cloud == null ? null : cloud.service(), reference));
                }
                case "bucket" -> {
                    String kind = keyRule.kind() != null ? keyRule.kind() : prefixKind != null && List.of("s3", "gcs", "azure_blob").contains(prefixKind) ? prefixKind : "object_storage";
                    return Optional.of(new Endpoint(e, kind, role, prefix, safeHost(text), -1, null, reference));
                }
                case "endpoint" -> {
                    return Optional.of(new Endpoint(e, keyRule.kind() != null ? keyRule.kind() : "s3", role, prefix, null, -1, null, reference));
                }
                default -> {
                    // a url key whose value is not a URL (a redacted shape, a connection string, an unknown)
                    String kind = keyRule.kind() != null ? keyRule.kind() : prefixKind;
                    if (kind == null) {
                        return Optional.empty();
                    }
                    return Optional.of(new Endpoint(e, kind, "url", prefix, null, -1, null, reference));
                }
            }
        }
        // no telling key: a host:port list with well-known ports, or a managed-service host name
        String first = text.split("[,\\s]+")[0];
        UrlParts.HostPort hp = UrlParts.hostPort(first);
        String host = safeHost(hp.host());
        EndpointPatterns.HostRule cloud = cloudHost(host);
        if (hp.port() >= 0 && host != null && (patterns.ports().containsKey(hp.port()) || cloud != null)) {
            String kind = cloud != null ? cloud.kind() : patterns.ports().get(hp.port());
            return Optional.of(new Endpoint(e, kind, "hostport", prefixOf(key), host, hp.port(), cloud == null ? null : cloud.service(), reference));
        }
        if (cloud != null && hp.port() < 0) {
            return Optional.of(new Endpoint(e, cloud.kind(), "host", prefixOf(key), host, -1, cloud.service(), reference));
        }
        return Optional.empty();
    }

    private static String namedPrefix(Matcher m) {
        try {
            return m.group("prefix");
        } catch (IllegalArgumentException noGroup) {
            return null;
        }
    }

    /** {@code REDIS_TLS_URL} -> {@code REDIS_TLS_}; a key without "_" has no prefix. */
    private static String prefixOf(String key) {
        int u = key.lastIndexOf('_');
        return u > 0 ? key.substring(0, u + 1) : "";
    }

    private String prefixKind(String prefix) {
        if (prefix == null) {
            return null;
        }
        for (String word : prefix.split("_")) {
            String k = patterns.prefixWords().get(word);
            if (k != null) {
                return k;
            }
        }
        return null;
    }

    private static int parsePort(String text) {
        return text.matches("\\d{1,5}") && Integer.parseInt(text) <= 65535 ? Integer.parseInt(text) : -1;
    }

    /** A host name that can be shown: no redaction markers, no interpolation, no spaces. */
    static String safeHost(String host) {
        if (host == null || host.isEmpty() || !SAFE_HOST.matcher(host).matches()) {
            return null;
        }
        return host.toLowerCase(Locale.ROOT);
    }

    EndpointPatterns.HostRule cloudHost(String host) {
        if (host == null) {
            return null;
        }
        for (EndpointPatterns.HostRule h : patterns.cloudHosts()) {
            if (h.match().matcher(host).find()) {
                return h;
            }
        }
        return null;
    }

    /** The endpoint kind of a resource ({@code postgres} for an aws_db_instance with engine postgres), or null. */
    public String resourceKind(Resource r) {
        EndpointPatterns.ResourceKind rk = patterns.resourceKinds().get(r.type());
        if (rk == null) {
            return null;
        }
        if (rk.kind() != null) {
            return rk.kind();
        }
        Object v = r.raw().get(rk.attribute());
        if (!(v instanceof String)) {
            v = r.attributes().get("engine");
        }
        if (v instanceof String s) {
            for (EndpointPatterns.HostRule e : patterns.engineValues()) {
                if (e.match().matcher(s).find()) {
                    return e.kind();
                }
            }
        }
        return rk.fallback();
    }

    /** True when an endpoint of {@code endpointKind} can point at a resource of {@code resourceKind}. */
    public static boolean compatible(String endpointKind, String resourceKind) {
        if (resourceKind == null) {
            return false;
        }
        if (endpointKind.equals(resourceKind)) {
            return true;
        }
        return switch (endpointKind) {
            case "database" -> List.of("postgres", "mysql", "sqlserver", "mongodb").contains(resourceKind);
            case "object_storage", "s3", "gcs", "azure_blob" -> List.of("s3", "gcs", "azure_blob").contains(resourceKind);
            case "redis" -> resourceKind.equals("memcached");
            default -> false;
        };
    }

    /** The provider-side name of a resource: a name attribute of its raw values, else the name in its address. */
    public String resourceName(Resource r) {
        Map<String, Object> raw = r.raw();
        if (!"compose".equals(r.provider())) {
            for (String a : patterns.nameAttributes()) {
                if (raw.get(a) instanceof String s && !s.isBlank() && !s.startsWith("${") && !s.startsWith("<")) {
                    return sanitise(s);
                }
            }
        }
        String address = r.address();
        int b = address.lastIndexOf('[');
        String base = b > address.lastIndexOf('.') ? address.substring(0, b) : address;
        String name = base.substring(base.lastIndexOf('.') + 1);
        return sanitise(name);
    }

    static String sanitise(String s) {
        String n = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
        n = n.replaceAll("^-+|-+$", "");
        return n.isEmpty() ? "service" : n;
    }
}
