package dev.cloudshift.core.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Environment names: the order they are shown in ({@code default}, dev, test, staging, prod, then the rest
 * alphabetically) and the aliases file names use ({@code .env.production} and {@code
 * docker-compose.production.yml} belong to {@code prod}).
 */
public final class EnvironmentNames {

    public static final String DEFAULT = "default";

    private static final List<String> ORDER = List.of(DEFAULT, "local", "dev", "test", "qa", "uat", "staging", "preprod", "prod");

    private static final Map<String, String> ALIASES = Map.of(
            "development", "dev",
            "develop", "dev",
            "production", "prod",
            "prd", "prod",
            "stage", "staging",
            "stg", "staging",
            "testing", "test");

    /** Known environment words recognised in file names such as {@code plan.prod.json}. */
    private static final List<String> WORDS = List.of("dev", "development", "test", "testing", "qa", "uat", "staging",
            "stage", "stg", "preprod", "prod", "production", "prd", "local");

    public static final Comparator<String> ORDERING = Comparator
            .comparingInt((String s) -> {
                int i = ORDER.indexOf(s);
                return i < 0 ? ORDER.size() : i;
            })
            .thenComparing(Comparator.naturalOrder());

    private EnvironmentNames() {
    }

    /** The canonical name of an environment word from a file name. */
    public static String canonical(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(n, n);
    }

    /**
     * The environment a file name names among its dot, dash or underscore separated words
     * ({@code tfplan-prod.json}, {@code staging.state.json}), if any.
     */
    public static Optional<String> fromFileName(String fileName) {
        for (String word : fileName.toLowerCase(Locale.ROOT).split("[._\\-]")) {
            if (WORDS.contains(word)) {
                return Optional.of(canonical(word));
            }
        }
        return Optional.empty();
    }
}
