package dev.cloudshift.core.config;

import dev.cloudshift.core.model.ConfigChange;
import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.secrets.Redactor;
import dev.cloudshift.core.secrets.SecretDetector;
import dev.cloudshift.core.secrets.UrlParts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Plans the configuration changes a migration needs: every setting that points at a migrated service gets
 * the endpoint, port, scheme, TLS and authentication settings the target requires ({@code catalog/config-rules.yaml}),
 * and every secret setting becomes a reference to the target's secret store.
 *
 * <p>An endpoint ({@link EndpointDetector}) is tied to the resource it points at by, in order: a Terraform
 * reference in the value ({@code ${aws_db_instance.main.address}}, {@code ${module.db.endpoint}}); the host
 * name (a compose service name, container_name or hostname; a Terraform resource's identifier or name, also
 * as the first label of a managed-service host); and otherwise the only resource of a matching kind in the
 * environment. Endpoints that point at nothing in the estate (an external SMTP relay) are left alone, and so
 * are the settings of the data services themselves ({@code compose.db}'s own {@code POSTGRES_DB}).
 *
 * <p>{@code from} is always the entry's safe shape and {@code to} a template with placeholders and secret
 * references; neither ever holds a secret.
 */
public final class ConfigChangePlanner {

    public static final String NOT_SET = "<not set>";

    private final EndpointDetector detector;
    private final ConfigRules rules;
    private final SecretDetector secrets;
    private final ContainerEnvironment containers;

    public ConfigChangePlanner(EndpointDetector detector, ConfigRules rules, Redactor redactor) {
        this.detector = detector;
        this.rules = rules;
        this.secrets = redactor.detector();
        this.containers = new ContainerEnvironment(redactor, detector.patterns());
    }

    /** A planner with the shipped patterns and rules. */
    public static ConfigChangePlanner defaults() {
        return new ConfigChangePlanner(EndpointDetector.defaults(), ConfigRules.defaults(), Redactor.defaults());
    }

    /**
     * Plans the changes for one environment.
     *
     * @param environment    the environment name written into each change
     * @param entries        the environment's settings (.env, compose environment and env_file entries)
     * @param resources      the environment's resources; container environments in their raw values (ECS
     *                       container definitions, Lambda, Container Apps, Cloud Run, App Service) are read too
     * @param targetProvider {@code azure}, {@code aws} or {@code gcp}
     * @param mappedService  resource type -> name of the target service the knowledge base maps it to (may
     *                       return null); used to pick between rules ({@code Pub/Sub} vs managed Kafka) and in reasons
     * @return the changes, in the order of the settings, without duplicates
     */
    public List<ConfigChange> plan(String environment, List<ConfigEntry> entries, List<Resource> resources,
                                   String targetProvider, Function<String, String> mappedService) {
        String target = targetProvider.toLowerCase(Locale.ROOT);
        List<ConfigEntry> all = new ArrayList<>(entries);
        all.addAll(containers.entries(environment, resources));
        Map<String, Resource> byAddress = new LinkedHashMap<>();
        for (Resource r : resources) {
            byAddress.putIfAbsent(r.address(), r);
        }
        // each resource's kind once (an engine may be matched by regular expressions), not once per endpoint
        String[] kinds = new String[resources.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = detector.resourceKind(resources.get(i));
        }
        Map<String, ConfigChange> out = new LinkedHashMap<>();
        for (ConfigEntry e : all) {
            Resource owner = e.owner() == null ? null : byAddress.get(e.owner());
            boolean ownerIsService = owner != null && detector.resourceKind(owner) != null;
            if (!ownerIsService) {
                detector.detect(e).ifPresent(ep -> endpointChanges(environment, ep, all, resources, kinds, target,
                        mappedService, out));
            }
            secretChange(environment, e, target).ifPresent(c -> out.putIfAbsent(placeKey(e), c));
        }
        // the same setting written for several services of one file reads the same in the plan: list it once
        return List.copyOf(new LinkedHashSet<>(out.values()));
    }

    private static String owner(ConfigEntry e) {
        return e.owner() == null ? "" : e.owner();
    }

    // ------------------------------------------------------------------ endpoints

    private void endpointChanges(String environment, Endpoint ep, List<ConfigEntry> all, List<Resource> resources,
                                 String[] kinds, String target, Function<String, String> mappedService,
                                 Map<String, ConfigChange> out) {
        Resource pointed = resolve(ep, resources, kinds);
        if (pointed == null || target.equals(pointed.provider())) {
            return; // outside the estate, or staying on its cloud
        }
        String kind = detector.resourceKind(pointed);
        if (kind == null) {
            return;
        }
        String service = mappedService == null ? null : mappedService.apply(pointed.type());
        Optional<ConfigRules.Rule> found = rules.ruleFor(kind, target, service);
        if (found.isEmpty()) {
            return;
        }
        ConfigRules.Rule rule = found.get();
        String name = detector.resourceName(pointed);
        ConfigEntry e = ep.entry();
        String file = e.position() == null ? "" : e.position().file();
        String from = e.shape() == null ? NOT_SET : e.shape();
        String reason = fill(rule.reason(), name, null) + " (" + e.key() + " points at " + pointed.address()
                + (service != null ? ", mapped to " + service : "") + ")";
        String to = switch (ep.role()) {
            case "url" -> rule.clientChange() && rule.port() < 0 ? fill(rule.host(), name, null) : urlTo(ep, rule, name);
            case "host" -> fill(rule.host(), name, null);
            case "port" -> rule.port() < 0 || rule.port() == ep.port() ? null : Integer.toString(rule.port());
            case "hostport", "bootstrap" -> rule.port() < 0 ? fill(rule.host(), name, null)
                    : fill(rule.host(), name, null) + ":" + rule.port();
            case "bucket" -> rule.bucket() == null ? null : fill(rule.bucket(), name, bucketName(ep, pointed));
            case "endpoint" -> rule.endpoint() == null ? null : fill(rule.endpoint(), name, null);
            default -> null;
        };
        if (to != null && (!to.equals(from) || rule.clientChange())) {
            out.putIfAbsent(placeKey(e), new ConfigChange(environment, file, e.key(), from, to, reason));
        }
        for (ConfigRules.Setting s : rule.settings()) {
            if (!s.roles().isEmpty() && !s.roles().contains(ep.role())) {
                continue;
            }
            String key = ep.prefix() + s.suffix();
            String value = settingValue(s.value(), target);
            ConfigEntry existing = null;
            for (ConfigEntry other : all) {
                if (other.key().equals(key) && java.util.Objects.equals(other.owner(), e.owner())) {
                    existing = other;
                }
            }
            String current = existing == null || existing.shape() == null ? NOT_SET : existing.shape();
            if (value.equals(current)) {
                continue;
            }
            String why = s.secret() ? rules.secretReferences().getOrDefault(target, new ConfigRules.SecretReference("", "")).reason()
                    .replace("{secret_name}", secretNameOf(s.value())) + " " + reason : reason;
            String k = existing != null ? placeKey(existing) : file + "\u0000" + owner(e) + "\u0000" + key;
            String f = existing != null && existing.position() != null ? existing.position().file() : file;
            out.putIfAbsent(k, new ConfigChange(environment, f, key, current, value, why));
        }
    }

    /** Identifies a setting by where it is written, so one .env line read twice gives one change. */
    private static String placeKey(ConfigEntry e) {
        if (e.position() == null) {
            return "\u0000" + owner(e) + "\u0000" + e.key();
        }
        return e.position().file() + ":" + e.position().line() + ":" + e.position().column() + "\u0000" + e.key()
                + (e.position().line() > 0 ? "" : "\u0000" + owner(e));
    }

    /**
     * The resource an endpoint points at, or null.
     *
     * @param kinds {@link EndpointDetector#resourceKind} of each resource, by position
     */
    Resource resolve(Endpoint ep, List<Resource> resources, String[] kinds) {
        if (ep.reference() != null) {
            String ref = ep.reference();
            for (Resource r : resources) {
                // the reference is the address or its base (without the index), or an attribute path under one
                String a = r.address();
                if (isOrIsUnder(ref, a, a.length()) || isOrIsUnder(ref, a, baseLength(a))) {
                    return r;
                }
            }
            if (ref.startsWith("module.")) {
                String[] parts = ref.split("\\.");
                String prefix = parts[0] + "." + stripIndex(parts[1]);
                String dot = prefix + ".";
                String bracket = prefix + "[";
                for (int i = 0; i < kinds.length; i++) {
                    String a = resources.get(i).address();
                    if ((a.startsWith(dot) || a.startsWith(bracket)) && EndpointDetector.compatible(ep.kind(), kinds[i])) {
                        return resources.get(i);
                    }
                }
            }
        }
        if (ep.host() != null) {
            String host = ep.host();
            String firstLabel = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
            for (int i = 0; i < kinds.length; i++) {
                Resource r = resources.get(i);
                if (kinds[i] == null) {
                    continue;
                }
                if ("compose".equals(r.provider())) {
                    if (r.address().equals("compose." + host) || host.equals(r.raw().get("container_name")) || host.equals(r.raw().get("hostname"))) {
                        return r;
                    }
                    continue;
                }
                for (String a : detector.patterns().nameAttributes()) {
                    if (r.raw().get(a) instanceof String s && !s.isBlank()) {
                        String n = s.toLowerCase(Locale.ROOT);
                        if (host.equals(n) || (ep.cloudService() != null && (firstLabel.equals(n) || host.startsWith(n + ".")))) {
                            return r;
                        }
                    }
                }
            }
        }
        Resource only = null;
        String onlyBase = null;
        for (int i = 0; i < kinds.length; i++) {
            if (EndpointDetector.compatible(ep.kind(), kinds[i])) {
                String a = resources.get(i).address();
                if (only != null && !(baseLength(a) == onlyBase.length() && a.startsWith(onlyBase))) {
                    return null; // ambiguous
                }
                if (only == null) {
                    only = resources.get(i);
                    onlyBase = stripIndex(a);
                }
            }
        }
        return only;
    }

    private static String stripIndex(String address) {
        return address.substring(0, baseLength(address));
    }

    /** The length of an address without its last index ({@code [0]}, {@code ["a"]}), if it ends in one. */
    private static int baseLength(String address) {
        int b = address.lastIndexOf('[');
        return b > address.lastIndexOf('.') ? b : address.length();
    }

    /** {@code ref} equals the first {@code length} characters of {@code address}, or continues them with a dot. */
    private static boolean isOrIsUnder(String ref, String address, int length) {
        return ref.regionMatches(0, address, 0, length)
                && (ref.length() == length || ref.length() > length && ref.charAt(length) == '.');
    }

    private String bucketName(Endpoint ep, Resource pointed) {
        if (ep.host() != null) {
            return ep.host();
        }
        if (pointed.raw().get("bucket") instanceof String b && !b.startsWith("${")) {
            return b;
        }
        return "<bucket>";
    }

    /** Rebuilds a URL for the target from what is visible of the current one. */
    private String urlTo(Endpoint ep, ConfigRules.Rule rule, String name) {
        ConfigEntry e = ep.entry();
        String text = e.value() != null ? e.value() : e.shape();
        Optional<UrlParts> parsed = text == null ? Optional.empty() : UrlParts.parse(text);
        String scheme;
        String userinfo = "";
        String path = "";
        Map<String, String> query = new LinkedHashMap<>();
        String secretName = secretNameOf(ep.prefix().isEmpty() ? "database" : ep.prefix()) + "-password";
        secretName = secretName.replaceAll("-+", "-").replaceAll("^-", "");
        if (parsed.isPresent()) {
            UrlParts u = parsed.get();
            boolean jdbc = u.scheme().startsWith("jdbc:");
            String base = jdbc ? u.scheme().substring(5) : u.scheme();
            scheme = (jdbc ? "jdbc:" : "") + (rule.scheme() != null && !jdbc ? rule.scheme() : base);
            if (u.user() != null) {
                String user = u.user().isEmpty() ? "" : visible(u.user()) ? u.user() : "<user>";
                boolean hasPassword = u.password() != null || (u.user().startsWith("<redacted") && e.value() == null);
                userinfo = user + (hasPassword ? ":<secret:" + secretName + ">" : "") + "@";
            } else if (rule.urlSecret() != null) {
                userinfo = ":<secret:" + rule.urlSecret() + ">@";
            }
            if (!u.path().isEmpty() && !u.path().equals("/")) {
                path = visible(u.path()) ? u.path() : "/<database>";
            }
            if (u.query() != null && visible(u.query())) {
                for (String p : u.query().split("&")) {
                    int eq = p.indexOf('=');
                    if (eq > 0) {
                        query.put(p.substring(0, eq), p.substring(eq + 1));
                    }
                }
            }
        } else {
            scheme = rule.scheme() != null ? rule.scheme() : ep.kind();
            userinfo = "<user>:<secret:" + secretName + ">@";
            path = rule.kinds().contains("redis") ? "" : "/<database>";
        }
        query.putAll(rule.query());
        StringBuilder b = new StringBuilder(scheme).append("://").append(userinfo).append(fill(rule.host(), name, null));
        if (rule.port() >= 0) {
            b.append(':').append(rule.port());
        } else if (ep.port() >= 0) {
            b.append(':').append(ep.port());
        }
        b.append(path);
        if (!query.isEmpty()) {
            List<String> qs = new ArrayList<>();
            query.forEach((k, v) -> qs.add(k + "=" + v));
            b.append('?').append(String.join("&", qs));
        }
        return b.toString();
    }

    private static boolean visible(String s) {
        return !s.contains("<redacted>") && !s.contains("${");
    }

    private static String fill(String template, String name, String bucket) {
        if (template == null) {
            return null;
        }
        String t = template.replace("{name}", name);
        return bucket == null ? t : t.replace("{bucket}", bucket);
    }

    private String settingValue(String value, String target) {
        if (value.startsWith("{secret:") && value.endsWith("}")) {
            return secretReference(target, value.substring(8, value.length() - 1));
        }
        return value;
    }

    private static String secretNameOf(String value) {
        String v = value;
        if (v.startsWith("{secret:") && v.endsWith("}")) {
            v = v.substring(8, v.length() - 1);
        }
        return v.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private String secretReference(String target, String secretName) {
        ConfigRules.SecretReference ref = rules.secretReferences().get(target);
        return ref == null ? "<secret " + secretName + ">" : ref.to().replace("{secret_name}", secretName);
    }

    // ------------------------------------------------------------------ secrets

    /** A secret URL with user information (a DSN with a key, a URL with a password), judged from its safe shape. */
    private static boolean carriesCredentials(ConfigEntry e) {
        return e.shape() != null && UrlParts.parse(e.shape()).map(u -> u.user() != null && !u.user().isEmpty()).orElse(false);
    }

    private static final Set<String> REFERENCE_MARKERS = new LinkedHashSet<>(List.of(
            "arn:aws:secretsmanager:", "arn:aws:ssm:", "@Microsoft.KeyVault(", ".vault.azure.net/secrets/", "/secrets/"));

    private Optional<ConfigChange> secretChange(String environment, ConfigEntry e, String target) {
        if (!secrets.isSecretKey(e.key()) && !(e.secret() && carriesCredentials(e))) {
            return Optional.empty();
        }
        String current = e.value() != null ? e.value() : e.shape();
        if (current != null) {
            boolean alreadyTarget = switch (target) {
                case "aws" -> current.contains("arn:aws:secretsmanager:") || current.contains("arn:aws:ssm:");
                case "azure" -> current.contains("@Microsoft.KeyVault(") || current.contains(".vault.azure.net/secrets/");
                case "gcp" -> current.startsWith("projects/") && current.contains("/secrets/");
                default -> false;
            };
            if (alreadyTarget) {
                return Optional.empty();
            }
            boolean isReference = REFERENCE_MARKERS.stream().anyMatch(current::contains);
            if (!e.secret() && !isReference && (current.isEmpty() || current.equals("<unset>"))) {
                return Optional.empty();
            }
        }
        ConfigRules.SecretReference ref = rules.secretReferences().get(target);
        if (ref == null) {
            return Optional.empty();
        }
        String name = secretNameOf(e.key());
        String file = e.position() == null ? "" : e.position().file();
        String from = e.shape() == null ? NOT_SET : e.shape();
        return Optional.of(new ConfigChange(environment, file, e.key(), from, ref.to().replace("{secret_name}", name),
                ref.reason().replace("{secret_name}", name)));
    }
}
