package dev.cloudshift.core.ingest.terraform;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/** Orders environment names: dev, test, qa, staging, uat, prod/production, then the rest alphabetically. */
final class EnvironmentOrder implements Comparator<String> {
    static final EnvironmentOrder INSTANCE = new EnvironmentOrder();

    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("dev", 0), Map.entry("development", 0),
            Map.entry("test", 1), Map.entry("testing", 1),
            Map.entry("qa", 2),
            Map.entry("staging", 3), Map.entry("stage", 3), Map.entry("stg", 3),
            Map.entry("uat", 4),
            Map.entry("prod", 5), Map.entry("production", 5), Map.entry("prd", 5));

    private static int rank(String name) {
        return RANK.getOrDefault(name.toLowerCase(Locale.ROOT), 100);
    }

    @Override
    public int compare(String a, String b) {
        int c = Integer.compare(rank(a), rank(b));
        return c != 0 ? c : a.compareTo(b);
    }
}
