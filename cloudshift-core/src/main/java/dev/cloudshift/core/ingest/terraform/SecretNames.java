package dev.cloudshift.core.ingest.terraform;

import dev.cloudshift.core.kb.ClasspathRuleFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides from a name alone whether a variable or argument holds a secret. The name is split into lower-case words
 * (on {@code _ - .} and camelCase) and judged by the {@code terraform_names} rules of {@code catalog/secret-rules.yaml}
 * ({@link SecretNameRules}): it is not a secret when the last word names metadata about a secret rather than the
 * secret itself (so {@code key_name}, {@code kms_key_id}, {@code secret_arn}, {@code password_length} stay visible);
 * it is one when a word is a secret word (password, token, secret, credentials, ...), when a {@code key} follows a
 * qualifier (api_key, access_key, storage_account_key, ...), or for a phrase such as connection_string. A lone
 * {@code key} or {@code ssh_key}/{@code public_key} is not a secret (public keys and key pair names are not).
 */
public final class SecretNames {

    private SecretNames() {
    }

    /** The shipped rules, read once per JVM on first use. */
    private static final class Shipped {
        static final SecretNameRules RULES = ClasspathRuleFile.load(SecretNameRules.RESOURCE,
                in -> SecretNameRules.read(SecretNameRules.RESOURCE, in));
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
        boolean secret = isSecretName(name, Shipped.RULES);
        if (ANSWERS.size() < CACHED_NAMES) {
            ANSWERS.put(name, secret);
        }
        return secret;
    }

    /** The answer of some rules (not cached): the shipped ones, or a test's copy. */
    static boolean isSecretName(String name, SecretNameRules rules) {
        return name != null && rules.isSecret(words(name));
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
