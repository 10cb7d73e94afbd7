package dev.cloudshift.core.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.secrets.Redactor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables that Terraform-defined containers and functions receive, read from resources'
 * raw values wherever {@code catalog/endpoint-patterns.yaml} ({@code container_environment}) says they live:
 * maps of name to value (Lambda {@code environment.variables}, App Service {@code app_settings}, Cloud
 * Functions {@code environment_variables}, container groups ...), lists of {@code {name, value}} objects
 * (Container Apps and Cloud Run {@code env}, Kubernetes {@code env}), and JSON text such as ECS
 * {@code container_definitions} with its {@code environment} and {@code secrets} ({@code valueFrom}) lists,
 * also when the JSON is inside an unknown's expression text. Values keep unknowns
 * ({@code ${aws_db_instance.main.address}}); secret values are dropped (value null, redacted shape).
 */
public final class ContainerEnvironment {

    private static final Pattern NAME_VALUE = Pattern.compile(
            "\\{\\s*\\\\?\"name\\\\?\"\\s*[:=]\\s*\\\\?\"([A-Za-z_][A-Za-z0-9_.-]*)\\\\?\"\\s*,\\s*\\\\?\"(value|valueFrom)\\\\?\"\\s*[:=]\\s*\\\\?\"((?:[^\"\\\\]|\\\\.)*?)\\\\?\"\\s*}");
    /** HCL object syntax inside an unknown's expression text: {@code { name = "DB_HOST", value = aws_db_instance.main.address }}. */
    private static final Pattern HCL_NAME_VALUE = Pattern.compile(
            "name\\s*=\\s*\"([A-Za-z_][A-Za-z0-9_.-]*)\"[\\s,]+(value|valueFrom)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([A-Za-z_][A-Za-z0-9_.\\[\\]\"-]*))");
    private static final int MAX_DEPTH = 12;

    private final Redactor redactor;
    private final EndpointPatterns.ContainerKeys keys;
    private final ObjectMapper mapper = new ObjectMapper();

    public ContainerEnvironment(Redactor redactor, EndpointPatterns patterns) {
        this.redactor = redactor;
        this.keys = patterns.containerEnvironment();
    }

    public static ContainerEnvironment defaults() {
        return new ContainerEnvironment(Redactor.defaults(), EndpointPatterns.defaults());
    }

    /** Entries for every container environment variable of the given resources, in {@code environment}. */
    public List<ConfigEntry> entries(String environment, List<Resource> resources) {
        List<ConfigEntry> out = new ArrayList<>();
        for (Resource r : resources) {
            if ("compose".equals(r.provider())) {
                continue; // compose environments are read by the compose reader
            }
            walk(environment, r, r.raw(), out, 0);
        }
        return out;
    }

    private void walk(String environment, Resource r, Object node, List<ConfigEntry> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> || o instanceof List<?>) {
                    walk(environment, r, o, out, depth + 1);
                }
            }
            return;
        }
        if (!(node instanceof Map<?, ?> m)) {
            return;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (keys.jsonAttributes().contains(k) && v != null) {
                json(environment, r, v, out);
            } else if (keys.nameValueLists().contains(k) && isNameValueList(v)) {
                nameValueList(environment, r, v, out);
            } else if (keys.maps().contains(k) && v instanceof Map<?, ?> vars && isFlatMap(vars)) {
                vars.forEach((name, value) -> add(environment, r, String.valueOf(name), value, out));
            } else if (v instanceof Map<?, ?> || v instanceof List<?>) {
                walk(environment, r, v, out, depth + 1); // (a scalar holds no environment)
            }
        }
    }

    private static boolean isNameValueList(Object v) {
        return v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(o -> o instanceof Map<?, ?> m && m.get("name") != null);
    }

    private static boolean isFlatMap(Map<?, ?> m) {
        return m.values().stream().noneMatch(x -> x instanceof Map<?, ?> || x instanceof List<?>);
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : o instanceof Map<?, ?> m ? List.of(m) : List.of();
    }

    private void json(String environment, Resource r, Object defs, List<ConfigEntry> out) {
        Object parsed = defs;
        if (defs instanceof String s) {
            try {
                parsed = mapper.readValue(s, Object.class);
            } catch (IOException e) {
                // an unknown such as ${jsonencode([...])}: scan the text for name/value pairs
                Matcher m = NAME_VALUE.matcher(s);
                while (m.find()) {
                    String value = m.group(3).replace("\\\"", "\"");
                    if (m.group(2).equals("valueFrom")) {
                        out.add(new ConfigEntry(environment, r.position(), r.address(), m.group(1), value, false, value));
                    } else {
                        add(environment, r, m.group(1), value, out);
                    }
                }
                Matcher h = HCL_NAME_VALUE.matcher(s);
                while (h.find()) {
                    String value = h.group(3) != null ? h.group(3) : "${" + h.group(4) + "}";
                    if (h.group(2).equals("valueFrom")) {
                        out.add(new ConfigEntry(environment, r.position(), r.address(), h.group(1), value, false, value));
                    } else {
                        add(environment, r, h.group(1), value, out);
                    }
                }
                return;
            }
        }
        for (Object c : list(parsed)) {
            if (c instanceof Map<?, ?> cm) {
                nameValueList(environment, r, cm.get("environment"), out);
                for (Object s : list(cm.get("secrets"))) {
                    if (s instanceof Map<?, ?> sm && sm.get("name") != null && sm.get("valueFrom") instanceof String ref) {
                        out.add(new ConfigEntry(environment, r.position(), r.address(), String.valueOf(sm.get("name")), ref, false, ref));
                    }
                }
            }
        }
    }

    private void nameValueList(String environment, Resource r, Object list, List<ConfigEntry> out) {
        for (Object e : list(list)) {
            if (e instanceof Map<?, ?> m && m.get("name") != null) {
                Object v = m.containsKey("value") ? m.get("value") : m.get("secret_name") != null ? "<secret " + m.get("secret_name") + ">" : null;
                add(environment, r, String.valueOf(m.get("name")), v, out);
            }
        }
    }

    private void add(String environment, Resource r, String key, Object value, List<ConfigEntry> out) {
        String v = value == null ? null : String.valueOf(value);
        if (v == null) {
            out.add(new ConfigEntry(environment, r.position(), r.address(), key, null, false, "<unset>"));
            return;
        }
        if (v.equals("<sensitive>")) {
            out.add(new ConfigEntry(environment, r.position(), r.address(), key, null, true, "<redacted>"));
            return;
        }
        Redactor.Shaped s = redactor.secretAndShape(key, v);
        out.add(new ConfigEntry(environment, r.position(), r.address(), key, s.secret() ? null : v, s.secret(), s.shape()));
    }
}
