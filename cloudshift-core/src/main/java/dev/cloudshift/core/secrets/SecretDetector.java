package dev.cloudshift.core.secrets;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a key name or a value is a secret, from {@link SecretRules}. Stateless and thread-safe.
 */
public final class SecretDetector {

    private final SecretRules rules;

    public SecretDetector(SecretRules rules) {
        this.rules = rules;
    }

    /** A detector with the shipped rules. */
    public static SecretDetector defaults() {
        return Holder.DEFAULT;
    }

    private static final class Holder {
        static final SecretDetector DEFAULT = new SecretDetector(SecretRules.defaults());
    }

    public SecretRules rules() {
        return rules;
    }

    /** {@code masterPassword} -> {@code MASTER_PASSWORD}, {@code db.password} -> {@code DB_PASSWORD}. */
    public static String normaliseKey(String key) {
        if (key == null) {
            return "";
        }
        // in one scan: "_" between a lower-case letter or digit and an upper-case letter (camelCase), then every run
        // of characters other than ASCII letters and digits as one "_" (what replacing
        // "([a-z0-9])([A-Z])" by "$1_$2" and then "[^A-Za-z0-9]+" by "_" gives)
        StringBuilder sb = new StringBuilder(key.length() + 4);
        boolean inRun = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (isAlnum(c)) {
                if (c >= 'A' && c <= 'Z' && i > 0 && (isLowerOrDigit(key.charAt(i - 1)))) {
                    sb.append('_');
                }
                sb.append(c);
                inRun = false;
            } else if (!inRun) {
                sb.append('_');
                inRun = true;
            }
        }
        String s = sb.toString().toUpperCase(Locale.ROOT);
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '_') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '_') {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isAlnum(char c) {
        return isLowerOrDigit(c) || (c >= 'A' && c <= 'Z');
    }

    private static boolean isLowerOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** True when a variable or attribute with this name holds a secret (DB_PASSWORD, apiKey, JWT_SECRET...). */
    public boolean isSecretKey(String key) {
        String k = normaliseKey(key);
        if (k.isEmpty()) {
            return false;
        }
        boolean hit = false;
        for (Pattern p : rules.keyPatterns()) {
            if (p.matcher(k).find()) {
                hit = true;
                break;
            }
        }
        if (!hit) {
            return false;
        }
        for (Pattern p : rules.keyExclusions()) {
            if (p.matcher(k).find()) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the value looks like a credential whatever its key: a URL with a password, an AWS access key
     * id, a JWT, a PEM block, a known token format, a connection string with a password, or a long
     * high-entropy token.
     */
    public boolean looksLikeCredential(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        Optional<UrlParts> url = UrlParts.parse(value);
        if (url.isPresent() && url.get().hasPassword()) {
            return true;
        }
        if (url.isPresent() && url.get().query() != null && hasSecretParameter(url.get().query(), '&')) {
            return true;
        }
        for (Pattern p : rules.valuePatterns().values()) {
            if (p.matcher(value).find()) {
                return true;
            }
        }
        return isHighEntropy(value.strip());
    }

    /** A key or a value marks the pair as secret. */
    public boolean isSecret(String key, String value) {
        return isSecretKey(key) || looksLikeCredential(value);
    }

    /** True when a {@code name=value} list separated by {@code separator} has a secret parameter with a value. */
    boolean hasSecretParameter(String list, char separator) {
        for (String part : list.split(Pattern.quote(String.valueOf(separator)))) {
            int eq = part.indexOf('=');
            if (eq > 0 && eq < part.length() - 1 && isSecretParameter(part.substring(0, eq))) {
                return true;
            }
        }
        return false;
    }

    /** A URL query parameter or connection-string field name that carries a secret. */
    public boolean isSecretParameter(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
        for (String p : rules.secretParameters()) {
            if (p.replace("_", "").equals(n)) {
                return true;
            }
        }
        return isSecretKey(name);
    }

    /** Long token made of base64/url-safe characters with upper, lower and digits and high Shannon entropy. */
    public boolean isHighEntropy(String s) {
        if (s.length() < rules.entropyMinLength() || !rules.entropyCharset().matcher(s).matches()) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        int[] counts = new int[128];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            if (c < 128) {
                counts[c]++;
            }
        }
        if (!(upper && lower && digit)) {
            return false;
        }
        double bits = 0;
        for (int n : counts) {
            if (n > 0) {
                double p = (double) n / s.length();
                bits -= p * (Math.log(p) / Math.log(2));
            }
        }
        return bits >= rules.entropyMinBitsPerChar();
    }
}
