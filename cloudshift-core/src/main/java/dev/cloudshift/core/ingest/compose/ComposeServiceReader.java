package dev.cloudshift.core.ingest.compose;

import dev.cloudshift.core.ingest.dotenv.DotenvDocument;
import dev.cloudshift.core.ingest.dotenv.DotenvReader;
import dev.cloudshift.core.ingest.dotenv.DotenvVariable;
import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import dev.cloudshift.core.secrets.Redactor;
import dev.cloudshift.core.secrets.UrlParts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one merged, canonical compose file into resources and configuration entries for one environment.
 * Shape errors become diagnostics naming the place; a broken service never stops the others.
 */
final class ComposeServiceReader {

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Pattern MEMORY = Pattern.compile("(?i)^\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b?)\\s*$");
    private static final Pattern PORT_RANGE = Pattern.compile("^(\\d{1,5})(?:-(\\d{1,5}))?$");
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[\\s,;]+");
    private static final int MAX_RANGE = 1024;

    private final String environment;
    private final Path projectDir;
    private final Path displayRoot;
    private final Map<String, String> variables;
    private final ComposeImageCatalog catalog;
    private final Redactor redactor;
    private final DotenvReader dotenvReader;
    private final List<Diagnostic> diagnostics;
    private final List<Resource> resources = new ArrayList<>();
    private final List<ConfigEntry> config = new ArrayList<>();
    /** key/value pairs of the service being read, searched for host names of other services */
    private final List<String[]> envPairsForHosts = new ArrayList<>();

    ComposeServiceReader(String environment, Path projectDir, Path displayRoot, Map<String, String> variables,
                         ComposeImageCatalog catalog, Redactor redactor, List<Diagnostic> diagnostics) {
        this.environment = environment;
        this.projectDir = projectDir;
        this.displayRoot = displayRoot;
        this.variables = variables;
        this.catalog = catalog;
        this.redactor = redactor;
        this.dotenvReader = new DotenvReader(redactor);
        this.diagnostics = diagnostics;
    }

    List<Resource> resources() {
        return resources;
    }

    List<ConfigEntry> config() {
        return config;
    }

    private void problem(SourcePosition pos, String message) {
        diagnostics.add(Diagnostic.at(pos, message));
    }

    /** Reads the services of a merged compose file. */
    void read(YNode root) {
        if (!(root instanceof YNode.YMap top)) {
            problem(root.pos(), "expected a mapping at the top level of a compose file (with a services: key), found " + YNode.kind(root));
            return;
        }
        YNode servicesNode = top.get("services");
        if (servicesNode == null || (servicesNode instanceof YNode.YScalar sc && sc.isNull())) {
            problem(top.pos(), "expected a top-level services: mapping; no services were found");
            return;
        }
        if (!(servicesNode instanceof YNode.YMap services)) {
            problem(servicesNode.pos(), "expected services: to be a mapping of service names to definitions, found " + YNode.kind(servicesNode));
            return;
        }
        Set<String> topVolumes = new LinkedHashSet<>();
        if (top.get("volumes") instanceof YNode.YMap vols) {
            topVolumes.addAll(vols.entries().keySet());
        } else if (top.get("volumes") != null && !(top.get("volumes") instanceof YNode.YScalar s && s.isNull())) {
            problem(top.get("volumes").pos(), "expected volumes: to be a mapping of volume names, found " + YNode.kind(top.get("volumes")));
        }
        Map<String, String> hostIndex = hostIndex(services);
        for (Map.Entry<String, YNode> e : services.entries().entrySet()) {
            String name = e.getKey();
            SourcePosition pos = services.keyPos(name);
            if (!SERVICE_NAME.matcher(name).matches()) {
                problem(pos, "expected a service name of letters, digits, '_', '.' or '-' (starting with a letter or digit)");
                continue;
            }
            if (!(e.getValue() instanceof YNode.YMap svc)) {
                problem(e.getValue().pos(), "expected service " + name + " to be a mapping (image:, build:, ports: ...), found " + YNode.kind(e.getValue()));
                continue;
            }
            try {
                readService(name, pos, svc, services.entries().keySet(), hostIndex, topVolumes);
            } catch (RuntimeException ex) {
                // never lose the other services; the message names no value
                problem(pos, "expected a readable definition for service " + name + " (" + ex.getClass().getSimpleName() + ")");
            }
        }
    }

    /** Host names other services can use to reach a service: its name, container_name, hostname, network aliases. */
    private static Map<String, String> hostIndex(YNode.YMap services) {
        Map<String, String> idx = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : services.entries().entrySet()) {
            idx.put(e.getKey().toLowerCase(Locale.ROOT), e.getKey());
        }
        for (Map.Entry<String, YNode> e : services.entries().entrySet()) {
            if (!(e.getValue() instanceof YNode.YMap svc)) {
                continue;
            }
            for (String k : List.of("container_name", "hostname")) {
                if (svc.get(k) instanceof YNode.YScalar s && !s.isNull()) {
                    idx.putIfAbsent(s.value().toLowerCase(Locale.ROOT), e.getKey());
                }
            }
            if (svc.get("networks") instanceof YNode.YMap nets) {
                for (YNode n : nets.entries().values()) {
                    if (n instanceof YNode.YMap nm && nm.get("aliases") instanceof YNode.YList al) {
                        for (YNode a : al.items()) {
                            if (a instanceof YNode.YScalar s && !s.isNull()) {
                                idx.putIfAbsent(s.value().toLowerCase(Locale.ROOT), e.getKey());
                            }
                        }
                    }
                }
            }
        }
        return idx;
    }

    private void readService(String name, SourcePosition pos, YNode.YMap svc, Set<String> serviceNames,
                             Map<String, String> hostIndex, Set<String> topVolumes) {
        String address = "compose." + name;
        Map<String, Object> raw = new LinkedHashMap<>();
        Set<String> deps = new LinkedHashSet<>();

        String image = scalar(svc, "image", name);
        String imageMasked = maskedScalar(svc, "image");
        YNode build = svc.get("build");
        boolean hasBuild = build != null && !(build instanceof YNode.YScalar b && b.isNull());
        String type = ComposeImageCatalog.APP_TYPE;
        if (image != null && !image.isBlank()) {
            ImageReference ref = ImageReference.parse(image);
            raw.put("image", imageMasked);
            boolean tagFromEnv = svc.get("image") instanceof YNode.YScalar s && s.fromEnv();
            if (ref.tag() != null) {
                raw.put("image_tag", tagFromEnv ? ImageReference.parse(imageMasked).tag() : ref.tag());
            }
            if (!hasBuild) {
                var match = catalog.match(image);
                if (match.isPresent()) {
                    type = match.get().type();
                    if (match.get().engine() != null) {
                        raw.put("engine", match.get().engine());
                    }
                    if (ref.version() != null && !tagFromEnv) {
                        raw.put("engine_version", ref.version());
                    }
                }
            }
        } else if (!hasBuild) {
            problem(pos, "expected service " + name + " to have an image: or a build: (it has neither)");
        }
        if (hasBuild) {
            raw.put("build", buildRaw(build, name));
        }

        List<Object> ports = new ArrayList<>();
        List<Object> published = new ArrayList<>();
        readPorts(svc.get("ports"), name, ports, published);
        if (!ports.isEmpty()) {
            raw.put("ports", ports);
        }
        if (!published.isEmpty()) {
            raw.put("published_ports", published);
        }
        List<Object> expose = new ArrayList<>();
        readExpose(svc.get("expose"), name, expose);
        if (!expose.isEmpty()) {
            raw.put("expose", expose);
        }

        Map<String, Object> envShapes = new LinkedHashMap<>();
        readEnvFiles(svc.get("env_file"), name, address, envShapes);
        readEnvironment(svc.get("environment"), name, address, envShapes);
        if (!envShapes.isEmpty()) {
            raw.put("environment", envShapes);
        }

        readDependsOn(svc.get("depends_on"), name, serviceNames, deps, raw);
        readLinks(svc, name, serviceNames, deps);
        for (String[] kv : envPairsForHosts) {
            for (String host : hostsIn(kv[0], kv[1])) {
                String target = hostIndex.get(host.toLowerCase(Locale.ROOT));
                if (target != null && !target.equals(name)) {
                    deps.add("compose." + target);
                }
            }
        }
        envPairsForHosts.clear();

        readDeploy(svc, name, raw);
        YNode hc = svc.get("healthcheck");
        if (hc instanceof YNode.YMap hm) {
            Map<String, Object> h = new LinkedHashMap<>();
            for (Map.Entry<String, YNode> e : hm.entries().entrySet()) {
                h.put(e.getKey(), e.getKey().equals("test") ? commandRaw(e.getValue()) : plain(e.getValue()));
            }
            raw.put("healthcheck", h);
        } else if (hc != null && !(hc instanceof YNode.YScalar s && s.isNull())) {
            problem(hc.pos(), "expected healthcheck: to be a mapping (test:, interval:, timeout:, retries:), found " + YNode.kind(hc));
        }
        List<Object> volumes = readVolumes(svc.get("volumes"), name, topVolumes);
        if (!volumes.isEmpty()) {
            raw.put("volumes", volumes);
        }
        for (String k : List.of("command", "entrypoint")) {
            if (svc.get(k) != null && !(svc.get(k) instanceof YNode.YScalar s && s.isNull())) {
                raw.put(k, commandRaw(svc.get(k)));
            }
        }
        if (svc.get("networks") instanceof YNode.YMap nets) {
            raw.put("networks", new ArrayList<Object>(nets.entries().keySet()));
        } else if (svc.get("networks") != null && !(svc.get("networks") instanceof YNode.YScalar s && s.isNull())) {
            problem(svc.get("networks").pos(), "expected networks: to be a list or a mapping of network names, found " + YNode.kind(svc.get("networks")));
        }
        List<Object> profiles = stringList(svc.get("profiles"), "profiles", name);
        if (!profiles.isEmpty()) {
            raw.put("profiles", profiles);
        }
        for (String k : List.of("restart", "container_name", "hostname", "platform", "user", "working_dir", "network_mode", "pull_policy")) {
            String v = maskedScalar(svc, k);
            if (v != null) {
                raw.put(k, v);
            }
        }
        String networkMode = scalar(svc, "network_mode", name);
        if (networkMode != null && networkMode.startsWith("service:")) {
            addDep(networkMode.substring(8), name, serviceNames, deps, svc.get("network_mode").pos());
        }
        for (Object vf : stringList(svc.get("volumes_from"), "volumes_from", name)) {
            String s = vf.toString();
            if (!s.startsWith("container:")) {
                addDep(s.split(":")[0], name, serviceNames, deps, svc.get("volumes_from").pos());
            }
        }
        List<Object> secrets = new ArrayList<>();
        if (svc.get("secrets") instanceof YNode.YList sl) {
            for (YNode s : sl.items()) {
                if (s instanceof YNode.YScalar sc && !sc.isNull()) {
                    secrets.add(sc.masked());
                } else if (s instanceof YNode.YMap sm && sm.get("source") instanceof YNode.YScalar src) {
                    secrets.add(src.masked());
                }
            }
        }
        if (!secrets.isEmpty()) {
            raw.put("secrets", secrets);
        }
        deps.remove(address);
        resources.add(new Resource(address, type, "compose", null, environment, Map.of(), raw, new ArrayList<>(deps), pos));
    }

    // ---------------------------------------------------------------- scalars

    private String scalar(YNode.YMap m, String key, String service) {
        YNode n = m.get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof YNode.YScalar s) {
            return s.isNull() ? null : s.value();
        }
        problem(n.pos(), "expected " + key + ": of service " + service + " to be a single value, found " + YNode.kind(n));
        return null;
    }

    private static String maskedScalar(YNode.YMap m, String key) {
        return m.get(key) instanceof YNode.YScalar s && !s.isNull() ? s.masked() : null;
    }

    /** A JSON-like copy of a node with masked scalar texts; numbers where the text is a number. */
    private Object plain(YNode n) {
        if (n instanceof YNode.YScalar s) {
            if (s.isNull()) {
                return null;
            }
            String v = s.masked();
            if (v.matches("-?\\d{1,9}")) {
                return Integer.parseInt(v);
            }
            if (v.equals("true") || v.equals("false")) {
                return Boolean.parseBoolean(v);
            }
            return v;
        }
        if (n instanceof YNode.YList l) {
            List<Object> out = new ArrayList<>();
            for (YNode c : l.items()) {
                out.add(plain(c));
            }
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : ((YNode.YMap) n).entries().entrySet()) {
            out.put(e.getKey(), plain(e.getValue()));
        }
        return out;
    }

    private static Number number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
            return (int) d;
        }
        return Math.round(d * 1_000_000d) / 1_000_000d;
    }

    // ---------------------------------------------------------------- build

    private Object buildRaw(YNode build, String service) {
        if (build instanceof YNode.YMap bm) {
            Map<String, Object> b = new LinkedHashMap<>();
            for (String k : List.of("context", "dockerfile", "target")) {
                String v = maskedScalar(bm, k);
                if (v != null) {
                    b.put(k, v);
                }
            }
            if (bm.get("args") instanceof YNode.YMap args) {
                Map<String, Object> a = new LinkedHashMap<>();
                for (Map.Entry<String, YNode> e : args.entries().entrySet()) {
                    if (e.getKey().startsWith(ComposeMerger.BAD_ITEM)) {
                        problem(e.getValue().pos(), "expected KEY=value strings in build.args of service " + service);
                        continue;
                    }
                    a.put(e.getKey(), e.getValue() instanceof YNode.YScalar s && !s.isNull()
                            ? (s.fromEnv() ? s.masked() : redactor.shape(e.getKey(), s.value())) : null);
                }
                b.put("args", a);
            }
            return b;
        }
        problem(build.pos(), "expected build: of service " + service + " to be a path or a mapping (context:, dockerfile:), found " + YNode.kind(build));
        return null;
    }

    // ---------------------------------------------------------------- ports

    private void readPorts(YNode n, String service, List<Object> targets, List<Object> published) {
        if (n == null || (n instanceof YNode.YScalar s && s.isNull())) {
            return;
        }
        if (!(n instanceof YNode.YList l)) {
            problem(n.pos(), "expected ports: of service " + service + " to be a list, for example [\"8080:80\"], found " + YNode.kind(n));
            return;
        }
        for (YNode item : l.items()) {
            if (item instanceof YNode.YScalar s && !s.isNull()) {
                if (!shortPort(s.value(), targets, published)) {
                    problem(s.pos(), "expected a port like 8080, 8080:80, 127.0.0.1:8080:80 or 8000-8010:8000-8010/udp");
                }
            } else if (item instanceof YNode.YMap m) {
                String target = m.get("target") instanceof YNode.YScalar t && !t.isNull() ? t.value() : null;
                if (target == null || !range(target, targets)) {
                    problem(m.pos(), "expected target: with a container port number in a long-syntax port");
                    continue;
                }
                if (m.get("published") instanceof YNode.YScalar p && !p.isNull() && !range(p.value(), published)) {
                    problem(p.pos(), "expected published: to be a port number or a range like 8000-8010");
                }
            } else {
                problem(item.pos(), "expected a port string or a mapping with target:, found " + YNode.kind(item));
            }
        }
    }

    private static boolean shortPort(String spec, List<Object> targets, List<Object> published) {
        String s = spec.strip();
        int slash = s.indexOf('/');
        if (slash >= 0) {
            String proto = s.substring(slash + 1);
            if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
                return false;
            }
            s = s.substring(0, slash);
        }
        if (s.startsWith("[")) {
            int close = s.indexOf("]:");
            if (close < 0) {
                return false;
            }
            s = s.substring(close + 2);
        }
        String[] parts = s.split(":", -1);
        String pub;
        String target;
        switch (parts.length) {
            case 1 -> {
                pub = null;
                target = parts[0];
            }
            case 2 -> {
                pub = parts[0];
                target = parts[1];
            }
            case 3 -> {
                pub = parts[1];
                target = parts[2];
            }
            default -> {
                return false;
            }
        }
        List<Object> t = new ArrayList<>();
        List<Object> p = new ArrayList<>();
        if (!range(target, t) || (pub != null && !pub.isEmpty() && !range(pub, p))) {
            return false;
        }
        addAllUnique(targets, t);
        addAllUnique(published, p);
        return true;
    }

    private static void addAllUnique(List<Object> into, List<Object> items) {
        for (Object o : items) {
            if (!into.contains(o)) {
                into.add(o);
            }
        }
    }

    /** Adds the port or every port of a range (capped) to {@code out}; false when not a port spec. */
    private static boolean range(String spec, List<Object> out) {
        Matcher m = PORT_RANGE.matcher(spec.strip());
        if (!m.matches()) {
            return false;
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (from < 0 || from > 65535 || to > 65535 || to < from) {
            return false;
        }
        for (int p = from; p <= Math.min(to, from + MAX_RANGE - 1); p++) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return true;
    }

    private void readExpose(YNode n, String service, List<Object> out) {
        if (n == null || (n instanceof YNode.YScalar s && s.isNull())) {
            return;
        }
        if (!(n instanceof YNode.YList l)) {
            problem(n.pos(), "expected expose: of service " + service + " to be a list of ports, found " + YNode.kind(n));
            return;
        }
        for (YNode item : l.items()) {
            String v = item instanceof YNode.YScalar s && !s.isNull() ? s.value() : null;
            String spec = v == null ? null : v.replaceAll("/(tcp|udp|sctp)$", "");
            if (spec == null || !range(spec, out)) {
                problem(item.pos(), "expected a port number or range in expose:, like 8080 or 8080-8085");
            }
        }
    }

    // ---------------------------------------------------------------- environment

    private void readEnvironment(YNode n, String service, String owner, Map<String, Object> shapes) {
        if (n == null || (n instanceof YNode.YScalar s && s.isNull())) {
            return;
        }
        if (n instanceof YNode.YList l) {
            // items that listToMap could not read
            for (YNode item : l.items()) {
                problem(item.pos(), "expected KEY=value strings in environment: of service " + service + ", found " + YNode.kind(item));
            }
            return;
        }
        if (!(n instanceof YNode.YMap m)) {
            problem(n.pos(), "expected environment: of service " + service + " to be a mapping or a list of KEY=value, found " + YNode.kind(n));
            return;
        }
        for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
            String key = e.getKey();
            SourcePosition pos = m.keyPos(key);
            YNode v = e.getValue();
            if (key.startsWith(ComposeMerger.BAD_ITEM)) {
                problem(v.pos(), "expected KEY=value strings in environment: of service " + service + ", found " + YNode.kind(v));
                continue;
            }
            if (!(v instanceof YNode.YScalar s)) {
                problem(v.pos(), "expected a single value for environment variable " + key + ", found " + YNode.kind(v));
                continue;
            }
            if (s.isNull()) {
                // KEY without a value: compose takes it from the shell or the project .env
                String fromEnv = variables.get(key);
                String shape = fromEnv == null ? "<unset>" : redactor.opaqueShape(fromEnv);
                shapes.put(key, shape);
                config.add(new ConfigEntry(environment, pos, owner, key, null, true, shape));
                if (fromEnv != null) {
                    envPairsForHosts.add(new String[] {key, fromEnv});
                }
                continue;
            }
            boolean secret = s.fromEnv() || redactor.detector().isSecret(key, s.value());
            String shape = s.fromEnv() ? redactor.shape(key, s.masked()) : redactor.shape(key, s.value());
            shapes.put(key, shape);
            config.add(new ConfigEntry(environment, pos, owner, key, secret ? null : s.value(), secret, shape));
            envPairsForHosts.add(new String[] {key, s.value()});
        }
    }

    private void readEnvFiles(YNode n, String service, String owner, Map<String, Object> shapes) {
        if (n == null || (n instanceof YNode.YScalar s && s.isNull())) {
            return;
        }
        if (!(n instanceof YNode.YList l)) {
            problem(n.pos(), "expected env_file: of service " + service + " to be a path or a list of paths, found " + YNode.kind(n));
            return;
        }
        for (YNode item : l.items()) {
            if (!(item instanceof YNode.YMap m) || !(m.get("path") instanceof YNode.YScalar p) || p.isNull()) {
                problem(item.pos(), "expected an env_file entry to be a path or a mapping with path: and required:");
                continue;
            }
            boolean required = !(m.get("required") instanceof YNode.YScalar r && r.value().equalsIgnoreCase("false"));
            Path file = projectDir.resolve(p.value()).normalize();
            String display = display(file);
            if (!java.nio.file.Files.isRegularFile(file)) {
                if (required) {
                    problem(p.pos(), "expected env_file " + p.masked() + " of service " + service + " to exist; create it or mark it required: false");
                }
                continue;
            }
            DotenvDocument doc = DotenvReader.parseFile(file, display, variables, diagnostics);
            diagnostics.addAll(doc.diagnostics());
            for (ConfigEntry entry : dotenvReader.entries(doc, environment, owner)) {
                config.add(entry);
                shapes.put(entry.key(), entry.shape());
            }
            for (DotenvVariable v : doc.variables()) {
                if (v.value() != null) {
                    envPairsForHosts.add(new String[] {v.key(), v.value()});
                }
            }
        }
    }

    private String display(Path file) {
        try {
            return displayRoot.relativize(file).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    /** Host names a variable refers to: URL hosts, {@code host:port} items, or the whole value of a host key. */
    private List<String> hostsIn(String key, String value) {
        List<String> hosts = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return hosts;
        }
        for (String token : TOKEN_SPLIT.split(value.strip())) {
            var url = UrlParts.parse(token);
            if (url.isPresent()) {
                url.get().hosts().forEach(h -> hosts.add(h.host()));
                continue;
            }
            UrlParts.HostPort hp = UrlParts.hostPort(token);
            if (hp.port() >= 0) {
                hosts.add(hp.host());
            }
        }
        if (hosts.isEmpty() && catalog.isHostKey(key) && value.strip().matches("[A-Za-z0-9._-]+")) {
            hosts.add(value.strip());
        }
        return hosts;
    }

    // ---------------------------------------------------------------- dependencies

    private void readDependsOn(YNode n, String service, Set<String> names, Set<String> deps, Map<String, Object> raw) {
        if (n == null || (n instanceof YNode.YScalar s && s.isNull())) {
            return;
        }
        if (!(n instanceof YNode.YMap m)) {
            problem(n.pos(), "expected depends_on: of service " + service + " to be a list of service names or a mapping with condition:, found " + YNode.kind(n));
            return;
        }
        Map<String, Object> conditions = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
            String cond = "service_started";
            if (e.getValue() instanceof YNode.YMap dm && dm.get("condition") instanceof YNode.YScalar c && !c.isNull()) {
                cond = c.value();
                if (!Set.of("service_started", "service_healthy", "service_completed_successfully").contains(cond)) {
                    problem(c.pos(), "expected condition: service_started, service_healthy or service_completed_successfully");
                }
            }
            conditions.put(e.getKey(), cond);
            addDep(e.getKey(), service, names, deps, m.keyPos(e.getKey()));
        }
        raw.put("depends_on", conditions);
    }

    private void readLinks(YNode.YMap svc, String service, Set<String> names, Set<String> deps) {
        YNode links = svc.get("links");
        if (links == null) {
            return;
        }
        List<Object> ls = stringList(links, "links", service);
        for (Object o : ls) {
            addDep(o.toString().split(":")[0], service, names, deps, links.pos());
        }
    }

    private void addDep(String target, String service, Set<String> names, Set<String> deps, SourcePosition pos) {
        if (names.contains(target)) {
            if (!target.equals(service)) {
                deps.add("compose." + target);
            }
        } else {
            problem(pos, "expected service " + service + " to depend on a service of this file; " + target + " is not defined");
        }
    }

    private List<Object> stringList(YNode n, String key, String service) {
        List<Object> out = new ArrayList<>();
        if (n == null || (n instanceof YNode.YScalar s && s.isNull())) {
            return out;
        }
        if (!(n instanceof YNode.YList l)) {
            problem(n.pos(), "expected " + key + ": of service " + service + " to be a list, found " + YNode.kind(n));
            return out;
        }
        for (YNode item : l.items()) {
            if (item instanceof YNode.YScalar s && !s.isNull()) {
                out.add(s.masked());
            } else {
                problem(item.pos(), "expected a string in " + key + ": of service " + service + ", found " + YNode.kind(item));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- deploy

    private void readDeploy(YNode.YMap svc, String service, Map<String, Object> raw) {
        YNode deploy = svc.get("deploy");
        Number replicas = null;
        Number cpus = null;
        Number mem = null;
        Number resCpus = null;
        Number resMem = null;
        if (deploy instanceof YNode.YMap dm) {
            replicas = integer(dm.get("replicas"), "deploy.replicas");
            if (dm.get("resources") instanceof YNode.YMap rm) {
                if (rm.get("limits") instanceof YNode.YMap lim) {
                    cpus = decimal(lim.get("cpus"), "cpus");
                    mem = memory(lim.get("memory"));
                }
                if (rm.get("reservations") instanceof YNode.YMap res) {
                    resCpus = decimal(res.get("cpus"), "cpus");
                    resMem = memory(res.get("memory"));
                }
            } else if (dm.get("resources") != null) {
                problem(dm.get("resources").pos(), "expected deploy.resources: to be a mapping with limits: and reservations:");
            }
        } else if (deploy != null && !(deploy instanceof YNode.YScalar s && s.isNull())) {
            problem(deploy.pos(), "expected deploy: of service " + service + " to be a mapping, found " + YNode.kind(deploy));
        }
        if (replicas == null) {
            replicas = integer(svc.get("scale"), "scale");
        }
        if (cpus == null) {
            cpus = decimal(svc.get("cpus"), "cpus");
        }
        if (mem == null) {
            mem = memory(svc.get("mem_limit"));
        }
        if (resMem == null) {
            resMem = memory(svc.get("mem_reservation"));
        }
        putIfNotNull(raw, "replicas", replicas);
        putIfNotNull(raw, "cpus", cpus);
        putIfNotNull(raw, "memory_gb", mem);
        putIfNotNull(raw, "reserved_cpus", resCpus);
        putIfNotNull(raw, "reserved_memory_gb", resMem);
    }

    private static void putIfNotNull(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private Number integer(YNode n, String what) {
        if (n == null || (n instanceof YNode.YScalar s && s.isNull())) {
            return null;
        }
        if (n instanceof YNode.YScalar s && s.value().strip().matches("\\d{1,9}")) {
            return Integer.parseInt(s.value().strip());
        }
        problem(n.pos(), "expected " + what + " to be a whole number");
        return null;
    }

    private Number decimal(YNode n, String what) {
        if (n == null || (n instanceof YNode.YScalar s && s.isNull())) {
            return null;
        }
        if (n instanceof YNode.YScalar s && s.value().strip().matches("\\d{1,6}(\\.\\d{1,9})?")) {
            return number(Double.parseDouble(s.value().strip()));
        }
        problem(n.pos(), "expected " + what + " to be a number like 0.5 or 2");
        return null;
    }

    /** Compose byte sizes ({@code 512M}, {@code 1g}, {@code 1.5GiB}, {@code 536870912}) in GiB. */
    private Number memory(YNode n) {
        if (n == null || (n instanceof YNode.YScalar s && s.isNull())) {
            return null;
        }
        Matcher m = n instanceof YNode.YScalar s ? MEMORY.matcher(s.value()) : null;
        if (m == null || !m.matches()) {
            problem(n.pos(), "expected a memory size like 512M, 1g or 1.5GiB");
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        double bytes = switch (unit) {
            case "k" -> v * 1024;
            case "m" -> v * 1024 * 1024;
            case "g" -> v * 1024 * 1024 * 1024;
            case "t" -> v * 1024 * 1024 * 1024 * 1024;
            default -> v;
        };
        return number(bytes / (1024d * 1024 * 1024));
    }

    // ---------------------------------------------------------------- volumes

    private List<Object> readVolumes(YNode n, String service, Set<String> topVolumes) {
        List<Object> out = new ArrayList<>();
        if (n == null || (n instanceof YNode.YScalar s && s.isNull())) {
            return out;
        }
        if (!(n instanceof YNode.YList l)) {
            problem(n.pos(), "expected volumes: of service " + service + " to be a list, found " + YNode.kind(n));
            return out;
        }
        for (YNode item : l.items()) {
            Map<String, Object> v = new LinkedHashMap<>();
            if (item instanceof YNode.YScalar s && !s.isNull()) {
                String[] parts = s.masked().split(":", -1);
                String source = parts.length >= 2 ? parts[0] : null;
                String target = parts.length >= 2 ? parts[1] : parts[0];
                String type = source == null ? "volume" : isPath(source) ? "bind" : "volume";
                v.put("type", type);
                if (source != null) {
                    v.put("source", source);
                }
                v.put("target", target);
                v.put("read_only", parts.length >= 3 && List.of(parts[2].split(",")).contains("ro"));
                if ("volume".equals(type) && source != null && !topVolumes.contains(source)) {
                    problem(s.pos(), "expected named volume " + source + " to be declared under the top-level volumes:");
                }
            } else if (item instanceof YNode.YMap m) {
                String type = maskedScalar(m, "type");
                String source = maskedScalar(m, "source");
                String target = maskedScalar(m, "target");
                if (target == null) {
                    problem(m.pos(), "expected target: (the path in the container) in a long-syntax volume");
                    continue;
                }
                v.put("type", type == null ? "volume" : type);
                if (source != null) {
                    v.put("source", source);
                }
                v.put("target", target);
                v.put("read_only", m.get("read_only") instanceof YNode.YScalar ro && ro.value().equals("true"));
                if ("volume".equals(type) && source != null && !topVolumes.contains(source)) {
                    problem(m.pos(), "expected named volume " + source + " to be declared under the top-level volumes:");
                }
            } else {
                problem(item.pos(), "expected a volume string (source:target[:ro]) or a mapping, found " + YNode.kind(item));
                continue;
            }
            out.add(v);
        }
        return out;
    }

    private static boolean isPath(String s) {
        return s.startsWith(".") || s.startsWith("/") || s.startsWith("~") || s.startsWith("$") || s.startsWith("<") || s.matches("^[A-Za-z]:\\\\.*");
    }

    // ---------------------------------------------------------------- commands

    /** A command as a string or list, each word passed through the redactor; a word after a secret flag is redacted. */
    private Object commandRaw(YNode n) {
        if (n instanceof YNode.YScalar s) {
            if (s.isNull()) {
                return null;
            }
            List<String> words = List.of(s.masked().split(" ", -1));
            return String.join(" ", redactWords(words, s.fromEnv()));
        }
        if (n instanceof YNode.YList l) {
            List<String> words = new ArrayList<>();
            boolean fromEnv = false;
            for (YNode item : l.items()) {
                if (item instanceof YNode.YScalar s && !s.isNull()) {
                    words.add(s.masked());
                    fromEnv |= s.fromEnv();
                } else {
                    problem(item.pos(), "expected a string in a command list, found " + YNode.kind(item));
                }
            }
            return new ArrayList<Object>(redactWords(words, fromEnv));
        }
        problem(n.pos(), "expected a command string or a list of strings, found " + YNode.kind(n));
        return null;
    }

    private List<String> redactWords(List<String> words, boolean alreadyMasked) {
        List<String> out = new ArrayList<>();
        boolean nextSecret = false;
        for (String w : words) {
            if (nextSecret) {
                out.add(w.startsWith("<redacted") ? w : Redactor.REDACTED);
                nextSecret = false;
                continue;
            }
            String flag = w.replaceFirst("^-+", "");
            int eq = flag.indexOf('=');
            if (w.startsWith("-") && eq > 0 && redactor.detector().isSecretKey(flag.substring(0, eq))) {
                out.add(w.substring(0, w.indexOf('=') + 1) + Redactor.REDACTED);
                continue;
            }
            if (w.startsWith("-") && eq < 0 && !flag.isEmpty() && redactor.detector().isSecretKey(flag)) {
                out.add(w);
                nextSecret = true;
                continue;
            }
            if ((w.startsWith("-p") || w.startsWith("--password")) && w.length() > 2 && !w.startsWith("--") && !w.contains("<redacted>")) {
                // mysql-style -pSECRET
                out.add("-p" + Redactor.REDACTED);
                continue;
            }
            String shaped = redactor.shape("", w);
            out.add(shaped);
        }
        return out;
    }
}
