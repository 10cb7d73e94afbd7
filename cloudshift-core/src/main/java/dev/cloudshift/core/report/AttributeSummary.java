package dev.cloudshift.core.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The key sizes of a resource in a few words, from its normalised attributes: {@code postgres 15.4,
 * db.t3.micro, 20 GB storage, single-AZ, backups 7 d}. Only the contract's normalised attribute names are
 * read; anything else stays in plan.json.
 */
public final class AttributeSummary {

    private AttributeSummary() {
    }

    public static String of(Map<String, Object> a) {
        List<String> parts = new ArrayList<>();
        String engine = str(a.get("engine"));
        String version = str(a.get("engine_version"));
        if (engine != null) {
            parts.add(version != null ? engine + " " + version : engine);
        } else if (version != null) {
            parts.add("version " + version);
        }
        add(parts, str(a.get("instance_class")));
        String tier = str(a.get("tier"));
        if (tier != null) {
            parts.add("tier " + tier);
        }
        String runtime = str(a.get("runtime"));
        add(parts, runtime);
        String vcpu = str(a.get("vcpu"));
        String mem = str(a.get("memory_gb"));
        if (vcpu != null && mem != null) {
            parts.add(vcpu + " vCPU / " + mem + " GB");
        } else if (vcpu != null) {
            parts.add(vcpu + " vCPU");
        } else if (mem != null) {
            parts.add(mem + " GB memory");
        }
        String storage = str(a.get("storage_gb"));
        if (storage != null) {
            String type = str(a.get("storage_type"));
            parts.add(storage + " GB" + (type != null ? " " + type : "") + " storage");
        }
        String replicas = str(a.get("replicas"));
        if (replicas != null) {
            parts.add(replicas + ("1".equals(replicas) ? " replica" : " replicas"));
        }
        String min = str(a.get("min_replicas"));
        String max = str(a.get("max_replicas"));
        if (min != null || max != null) {
            parts.add("autoscale " + (min != null ? min : "?") + "-" + (max != null ? max : "?"));
        }
        String minAcu = str(a.get("min_acu"));
        String maxAcu = str(a.get("max_acu"));
        if (minAcu != null || maxAcu != null) {
            parts.add((minAcu != null ? minAcu : "?") + "-" + (maxAcu != null ? maxAcu : "?") + " ACU");
        }
        Object multiAz = a.get("multi_az");
        if (multiAz instanceof Boolean b) {
            parts.add(b ? "multi-AZ" : "single-AZ");
        }
        String backups = str(a.get("backup_retention_days"));
        if (backups != null) {
            parts.add("backups " + backups + " d");
        }
        String logs = str(a.get("log_retention_days"));
        if (logs != null) {
            parts.add("logs kept " + logs + " d");
        }
        String timeout = str(a.get("timeout_seconds"));
        if (timeout != null) {
            parts.add("timeout " + timeout + " s");
        }
        String rate = str(a.get("throttle_rate_limit"));
        String burst = str(a.get("throttle_burst_limit"));
        if (rate != null || burst != null) {
            parts.add("throttle " + (rate != null ? rate : "?") + " rps, burst " + (burst != null ? burst : "?"));
        }
        String ports = str(a.get("ports"));
        if (ports != null) {
            parts.add("port " + ports);
        }
        add(parts, str(a.get("cidr")));
        if (Boolean.TRUE.equals(a.get("public"))) {
            parts.add("public");
        }
        if (Boolean.TRUE.equals(a.get("encrypted"))) {
            parts.add("encrypted");
        }
        String image = str(a.get("image"));
        if (image != null) {
            parts.add("image " + image);
        }
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, String s) {
        if (s != null) {
            parts.add(s);
        }
    }

    /** Short text of a value; null for null, blank and unknown ({@code ${...}}) values. */
    static String str(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return JsonText.number(n);
        }
        if (v instanceof Collection<?> c) {
            List<String> s = new ArrayList<>();
            for (Object o : c) {
                String t = str(o);
                if (t != null) {
                    s.add(t);
                }
            }
            return s.isEmpty() ? null : String.join(", ", s);
        }
        if (v instanceof Map<?, ?>) {
            return null;
        }
        String s = v.toString();
        if (s.isBlank() || (s.startsWith("${") && s.endsWith("}") && s.indexOf("${", 2) < 0)) {
            return null;
        }
        // a value known only in part (an image tag after an ECR URL known at apply time)
        return s.contains("${") ? UNKNOWN_PART.matcher(s).replaceAll("(computed)") : s;
    }

    private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("\\s*\\n\\s*");
    private static final java.util.regex.Pattern UNKNOWN_PART = java.util.regex.Pattern.compile("\\$\\{[^}]*}");

    /** Text of any value for a difference table: unknowns and maps included, null as a dash. */
    public static String value(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Number n) {
            return JsonText.number(n);
        }
        if (v instanceof Map<?, ?> || v instanceof Collection<?>) {
            return LINE_BREAK.matcher(JsonText.write(JsonText.sortedKeys(v))).replaceAll(" ").trim();
        }
        return v.toString();
    }
}
