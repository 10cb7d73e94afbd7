package dev.cloudshift.core.ingest.compose;

import dev.cloudshift.core.model.SourcePosition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Brings compose service definitions to one canonical form and merges an override file over a base file,
 * following the compose specification's merge rules:
 * <ul>
 *   <li>mappings merge key by key, the override winning; {@code environment}, {@code labels},
 *       {@code build.args} and {@code depends_on} are turned from list form into mappings first, {@code build}
 *       from a string into {@code {context: ...}}, {@code env_file} entries into {@code {path, required}},
 *       {@code networks} lists into mappings;</li>
 *   <li>{@code command}, {@code entrypoint}, {@code healthcheck.test} are replaced by the override;</li>
 *   <li>{@code volumes} and {@code devices} merge by container target path, {@code secrets} and
 *       {@code configs} by source; {@code ports}, {@code expose}, {@code dns}, {@code dns_search},
 *       {@code profiles} and other sequences are appended without duplicates;</li>
 *   <li>the {@code !reset} tag removes a value, {@code !override} replaces it without merging.</li>
 * </ul>
 */
final class ComposeMerger {

    /** Prefix of the keys under which {@link #listToMap} keeps list items that are not {@code KEY=value} strings. */
    static final String BAD_ITEM = "\u0000item";

    private ComposeMerger() {
    }

    /** Canonical form of a whole compose file (only {@code services.*} is rewritten). */
    static YNode normaliseFile(YNode root) {
        if (!(root instanceof YNode.YMap m) || !(m.get("services") instanceof YNode.YMap services)) {
            return root;
        }
        Map<String, YNode> svc = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : services.entries().entrySet()) {
            svc.put(e.getKey(), e.getValue() instanceof YNode.YMap sm ? normaliseService(sm) : e.getValue());
        }
        Map<String, YNode> top = new LinkedHashMap<>(m.entries());
        top.put("services", new YNode.YMap(svc, services.keyPositions(), services.pos(), services.tag()));
        return new YNode.YMap(top, m.keyPositions(), m.pos(), m.tag());
    }

    static YNode.YMap normaliseService(YNode.YMap s) {
        Map<String, YNode> out = new LinkedHashMap<>(s.entries());
        replace(out, "environment", listToMap(out.get("environment")));
        replace(out, "labels", listToMap(out.get("labels")));
        replace(out, "annotations", listToMap(out.get("annotations")));
        YNode build = out.get("build");
        if (build instanceof YNode.YScalar b && !b.isNull()) {
            build = new YNode.YMap(Map.of("context", b), Map.of("context", b.pos()), b.pos(), b.tag());
        }
        if (build instanceof YNode.YMap bm && bm.get("args") != null) {
            Map<String, YNode> be = new LinkedHashMap<>(bm.entries());
            be.put("args", listToMap(bm.get("args")));
            build = new YNode.YMap(be, bm.keyPositions(), bm.pos(), bm.tag());
        }
        replace(out, "build", build);
        YNode deps = out.get("depends_on");
        if (deps instanceof YNode.YList dl) {
            Map<String, YNode> dm = new LinkedHashMap<>();
            Map<String, SourcePosition> dp = new LinkedHashMap<>();
            for (YNode item : dl.items()) {
                if (item instanceof YNode.YScalar sc && !sc.isNull()) {
                    dm.put(sc.value(), new YNode.YMap(Map.of("condition", YNode.YScalar.of("service_started", sc.pos())),
                            Map.of(), sc.pos(), null));
                    dp.put(sc.value(), sc.pos());
                }
            }
            replace(out, "depends_on", new YNode.YMap(dm, dp, dl.pos(), dl.tag()));
        }
        YNode envFile = out.get("env_file");
        if (envFile instanceof YNode.YScalar ef && !ef.isNull()) {
            envFile = new YNode.YList(List.of(ef), ef.pos(), ef.tag());
        }
        if (envFile instanceof YNode.YList el) {
            List<YNode> items = new ArrayList<>();
            for (YNode item : el.items()) {
                if (item instanceof YNode.YScalar sc && !sc.isNull()) {
                    items.add(new YNode.YMap(Map.of("path", sc, "required", YNode.YScalar.of("true", sc.pos())),
                            Map.of("path", sc.pos()), sc.pos(), null));
                } else {
                    items.add(item);
                }
            }
            envFile = new YNode.YList(items, el.pos(), el.tag());
        }
        replace(out, "env_file", envFile);
        YNode nets = out.get("networks");
        if (nets instanceof YNode.YList nl) {
            Map<String, YNode> nm = new LinkedHashMap<>();
            Map<String, SourcePosition> np = new LinkedHashMap<>();
            for (YNode item : nl.items()) {
                if (item instanceof YNode.YScalar sc && !sc.isNull()) {
                    nm.put(sc.value(), new YNode.YScalar("", "", false, true, sc.pos(), null));
                    np.put(sc.value(), sc.pos());
                }
            }
            replace(out, "networks", new YNode.YMap(nm, np, nl.pos(), nl.tag()));
        }
        return new YNode.YMap(out, s.keyPositions(), s.pos(), s.tag());
    }

    private static void replace(Map<String, YNode> m, String key, YNode value) {
        if (value != null && m.containsKey(key)) {
            m.put(key, value);
        }
    }

    /** {@code ["A=1", "B"]} -> {@code {A: "1", B: null}}; anything else is returned unchanged. */
    static YNode listToMap(YNode n) {
        if (!(n instanceof YNode.YList l)) {
            return n;
        }
        Map<String, YNode> m = new LinkedHashMap<>();
        Map<String, SourcePosition> p = new LinkedHashMap<>();
        for (YNode item : l.items()) {
            if (!(item instanceof YNode.YScalar sc) || sc.isNull()) {
                // kept under a marker key so that the service reader can report it
                m.put(BAD_ITEM + m.size(), item);
                continue;
            }
            String v = sc.value();
            int eq = v.indexOf('=');
            String key = eq >= 0 ? v.substring(0, eq) : v;
            YNode value;
            if (eq >= 0) {
                int meq = sc.masked().indexOf('=');
                String masked = meq >= 0 ? sc.masked().substring(meq + 1) : sc.masked();
                value = new YNode.YScalar(v.substring(eq + 1), masked, sc.fromEnv(), false, sc.pos(), sc.tag());
            } else {
                value = new YNode.YScalar("", "", false, true, sc.pos(), null);
            }
            m.put(key.strip(), value);
            p.put(key.strip(), sc.pos());
        }
        return new YNode.YMap(m, p, l.pos(), l.tag());
    }

    /** Merges {@code over} onto {@code base} (both canonical); {@code path} is the dotted key path. Null when reset. */
    static YNode merge(YNode base, YNode over, String path) {
        if (over == null) {
            return base;
        }
        if ("!reset".equals(over.tag())) {
            return null;
        }
        if (base == null || "!override".equals(over.tag())) {
            return over;
        }
        if (base instanceof YNode.YMap bm && over instanceof YNode.YMap om) {
            Map<String, YNode> out = new LinkedHashMap<>(bm.entries());
            Map<String, SourcePosition> pos = new LinkedHashMap<>(bm.keyPositions());
            for (Map.Entry<String, YNode> e : om.entries().entrySet()) {
                YNode merged = merge(bm.get(e.getKey()), e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
                if (merged == null) {
                    out.remove(e.getKey());
                    pos.remove(e.getKey());
                } else {
                    out.put(e.getKey(), merged);
                    if (!pos.containsKey(e.getKey())) {
                        pos.put(e.getKey(), om.keyPos(e.getKey()));
                    }
                }
            }
            return new YNode.YMap(out, pos, bm.pos(), bm.tag());
        }
        if (base instanceof YNode.YList bl && over instanceof YNode.YList ol) {
            String field = lastServiceField(path);
            switch (field) {
                case "command", "entrypoint", "healthcheck.test" -> {
                    return ol;
                }
                case "volumes", "devices" -> {
                    return mergeBy(bl, ol, ComposeMerger::mountTarget);
                }
                case "secrets", "configs" -> {
                    return mergeBy(bl, ol, ComposeMerger::secretSource);
                }
                default -> {
                    List<YNode> items = new ArrayList<>(bl.items());
                    for (YNode item : ol.items()) {
                        if (items.stream().noneMatch(x -> sameValue(x, item))) {
                            items.add(item);
                        }
                    }
                    return new YNode.YList(items, bl.pos(), bl.tag());
                }
            }
        }
        return over;
    }

    /** {@code services.api.healthcheck.test} -> {@code healthcheck.test}; {@code services.api.volumes} -> {@code volumes}. */
    private static String lastServiceField(String path) {
        if (path.startsWith("services.")) {
            String rest = path.substring("services.".length());
            int dot = rest.indexOf('.');
            return dot >= 0 ? rest.substring(dot + 1) : "";
        }
        return path;
    }

    private interface KeyOf {
        String key(YNode n);
    }

    private static YNode.YList mergeBy(YNode.YList base, YNode.YList over, KeyOf keyOf) {
        List<YNode> items = new ArrayList<>(base.items());
        for (YNode item : over.items()) {
            String k = keyOf.key(item);
            int found = -1;
            for (int i = 0; i < items.size(); i++) {
                if (k != null && k.equals(keyOf.key(items.get(i)))) {
                    found = i;
                    break;
                }
            }
            if (found >= 0) {
                items.set(found, item);
            } else if (items.stream().noneMatch(x -> sameValue(x, item))) {
                items.add(item);
            }
        }
        return new YNode.YList(items, base.pos(), base.tag());
    }

    /** Container path of a short ({@code src:dst[:mode]}) or long ({@code target:}) volume. */
    static String mountTarget(YNode n) {
        if (n instanceof YNode.YScalar s) {
            String[] parts = s.value().split(":");
            return parts.length >= 2 ? parts[1] : parts[0];
        }
        if (n instanceof YNode.YMap m && m.get("target") instanceof YNode.YScalar t) {
            return t.value();
        }
        return null;
    }

    private static String secretSource(YNode n) {
        if (n instanceof YNode.YScalar s) {
            return s.value();
        }
        if (n instanceof YNode.YMap m && m.get("source") instanceof YNode.YScalar t) {
            return t.value();
        }
        return null;
    }

    static boolean sameValue(YNode a, YNode b) {
        if (a instanceof YNode.YScalar sa && b instanceof YNode.YScalar sb) {
            return Objects.equals(sa.value(), sb.value());
        }
        if (a instanceof YNode.YList la && b instanceof YNode.YList lb) {
            if (la.items().size() != lb.items().size()) {
                return false;
            }
            for (int i = 0; i < la.items().size(); i++) {
                if (!sameValue(la.items().get(i), lb.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof YNode.YMap ma && b instanceof YNode.YMap mb) {
            if (!ma.entries().keySet().equals(mb.entries().keySet())) {
                return false;
            }
            for (String k : ma.entries().keySet()) {
                if (!sameValue(ma.get(k), mb.get(k))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
