package dev.cloudshift.core.ingest.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides from a name alone whether a variable or argument holds a secret. The name is split into words
 * (on {@code _ - .} and camelCase). It is a secret when a word is one of password, passwd, pwd, passphrase,
 * secret, token, credential(s), apikey, privatekey; when a word {@code key} follows a qualifier (api_key,
 * access_key, private_key, storage_account_key, client_key, ...); or for connection_string. It is not a
 * secret when the last word names metadata about a secret rather than the secret itself: arn, id, name,
 * path, version, length, ttl, rotation, enabled, count, policy, type, prefix, (so {@code key_name},
 * {@code kms_key_id}, {@code secret_arn}, {@code password_length} stay visible). A lone {@code key} or
 * {@code ssh_key}/{@code public_key} is not a secret (public keys and key pair names are not).
 */
public final class SecretNames {
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "passphrase", "secret",
            "secrets", "token", "tokens", "credential", "credentials", "apikey", "privatekey", "pass");
    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "access", "secret", "private", "auth", "signing",
            "encryption", "master", "account", "storage", "shared", "client", "subscription", "primary",
            "secondary", "admin", "sas", "license", "webhook");
    private static final Set<String> METADATA_WORDS = Set.of("arn", "arns", "id", "ids", "name", "names", "path",
            "version", "length", "ttl", "rotation", "enabled", "count", "policy", "type", "prefix", "file", "store",
            "manager", "kms", "expiry", "expiration", "days", "required", "rotate", "reset");

    private SecretNames() {
    }

    /**
     * Answers already given, by name: a project repeats the same few hundred argument names over thousands of resource
     * instances. The answer depends on the name alone; the cache stops growing at {@link #CACHED_NAMES} names.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> ANSWERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHED_NAMES = 20_000;

    public static boolean isSecretName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        Boolean known = ANSWERS.get(name);
        if (known != null) {
            return known;
        }
        boolean secret = decide(name);
        if (ANSWERS.size() < CACHED_NAMES) {
            ANSWERS.put(name, secret);
        }
        return secret;
    }

    private static boolean decide(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return false;
        }
        if (METADATA_WORDS.contains(words.get(words.size() - 1))) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (SECRET_WORDS.contains(w)) {
                return true;
            }
            if ((w.equals("key") || w.equals("keys")) && i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))) {
                return true;
            }
            if (w.equals("connection") && i + 1 < words.size() && words.get(i + 1).equals("string")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks, at any depth, the string and number entries of maps and objects whose key is a secret name
     * (for example {@code { user = "app", password = "..." }}). Returns the same value when nothing changes.
     */
    public static dev.cloudshift.hcl.eval.Value markSecretEntries(dev.cloudshift.hcl.eval.Value v) {
        if (v instanceof dev.cloudshift.hcl.eval.ObjectValue o) {
            java.util.Map<String, dev.cloudshift.hcl.eval.Value> out = null;
            for (java.util.Map.Entry<String, dev.cloudshift.hcl.eval.Value> e : o.attributes().entrySet()) {
                dev.cloudshift.hcl.eval.Value x = e.getValue();
                dev.cloudshift.hcl.eval.Value y = isSecretName(e.getKey()) && holdsSecretText(x)
                        ? x.withSensitive(true) : markSecretEntries(x);
                if (y != x) {
                    if (out == null) {
                        out = new java.util.LinkedHashMap<>(o.attributes());
                    }
                    out.put(e.getKey(), y);
                }
            }
            if (out == null) {
                return v;
            }
            dev.cloudshift.hcl.eval.Value r = o.kind() == dev.cloudshift.hcl.eval.ObjectValue.Kind.MAP
                    ? dev.cloudshift.hcl.eval.Value.map(out) : dev.cloudshift.hcl.eval.Value.object(out);
            return r.mark(o.sensitive());
        }
        if (v instanceof dev.cloudshift.hcl.eval.ListValue l) {
            List<dev.cloudshift.hcl.eval.Value> out = null;
            for (int i = 0; i < l.items().size(); i++) {
                dev.cloudshift.hcl.eval.Value x = l.items().get(i);
                dev.cloudshift.hcl.eval.Value y = markSecretEntries(x);
                if (y != x) {
                    if (out == null) {
                        out = new ArrayList<>(l.items());
                    }
                    out.set(i, y);
                }
            }
            if (out == null) {
                return v;
            }
            dev.cloudshift.hcl.eval.Value r = switch (l.kind()) {
                case LIST -> dev.cloudshift.hcl.eval.Value.list(out);
                case SET -> dev.cloudshift.hcl.eval.Value.set(out);
                default -> dev.cloudshift.hcl.eval.Value.tuple(out);
            };
            return r.mark(l.sensitive());
        }
        return v;
    }

    /**
     * True for values a secret-named argument must hide: known strings and numbers, and partly known
     * templates (their literal parts are written in the code). A bare reference such as
     * {@code ${random_password.db.result}} stays visible: it names where the secret comes from, not the secret.
     */
    public static boolean holdsSecretText(dev.cloudshift.hcl.eval.Value v) {
        if (v instanceof dev.cloudshift.hcl.eval.StringValue || v instanceof dev.cloudshift.hcl.eval.NumberValue) {
            return true;
        }
        return v instanceof dev.cloudshift.hcl.eval.UnknownValue u && !u.rendered().equals("${" + u.expression() + "}");
    }

    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-' || c == '.' || c == ' ') {
                flush(cur, out);
                continue;
            }
            if (Character.isUpperCase(c) && cur.length() > 0 && Character.isLowerCase(cur.charAt(cur.length() - 1))) {
                flush(cur, out);
            }
            cur.append(c);
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString().toLowerCase(Locale.ROOT));
            cur.setLength(0);
        }
    }
}
