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
 * raw values: ECS {@code container_definitions} ({@code environment} and {@code secrets}, as a JSON string,
 * a list, or an unknown whose JSON text is scanned), Lambda {@code environment.variables}, Container Apps
 * {@code template.container.env}, Cloud Run {@code template.containers.env}, App Service / Function App
 * {@code app_settings}. Values keep unknowns ({@code ${aws_db_instance.main.address}}); secret values are
 * dropped (value null, redacted shape).
 */
public final class ContainerEnvironment {

    private static final Pattern NAME_VALUE = Pattern.compile(
            "\\{\\s*\\\\?\"name\\\\?\"\\s*[:=]\\s*\\\\?\"([A-Za-z_][A-Za-z0-9_.-]*)\\\\?\"\\s*,\\s*\\\\?\"(value|valueFrom)\\\\?\"\\s*[:=]\\s*\\\\?\"((?:[^\"\\\\]|\\\\.)*?)\\\\?\"\\s*}");

    /** HCL object syntax inside an unknown's expression text: {@code { name = "DB_HOST", value = aws_db_instance.main.address }}. */
    private static final Pattern HCL_NAME_VALUE = Pattern.compile(
            "name\\s*=\\s*\"([A-Za-z_][A-Za-z0-9_.-]*)\"[\\s,]+(value|valueFrom)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([A-Za-z_][A-Za-z0-9_.\\[\\]\"-]*))");

    private final Redactor redactor;
    private final ObjectMapper mapper = new ObjectMapper();

    public ContainerEnvironment(Redactor redactor) {
        this.redactor = redactor;
    }

    public static ContainerEnvironment defaults() {
        return new ContainerEnvironment(Redactor.defaults());
    }

    /** Entries for every container environment variable of the given resources, in {@code environment}. */
    public List<ConfigEntry> entries(String environment, List<Resource> resources) {
        List<ConfigEntry> out = new ArrayList<>();
        for (Resource r : resources) {
            if ("compose".equals(r.provider())) {
                continue; // compose environments are read by the compose reader
            }
            Map<String, Object> raw = r.raw();
            switch (r.type()) {
                case "aws_ecs_task_definition" -> ecs(environment, r, raw.get("container_definitions"), out);
                case "aws_lambda_function" -> {
                    for (Object env : list(raw.get("environment"))) {
                        if (env instanceof Map<?, ?> m && m.get("variables") instanceof Map<?, ?> vars) {
                            vars.forEach((k, v) -> add(environment, r, String.valueOf(k), v, out));
                        }
                    }
                }
                case "azurerm_container_app" -> {
                    for (Object t : list(raw.get("template"))) {
                        if (t instanceof Map<?, ?> tm) {
                            for (Object c : list(tm.get("container"))) {
                                if (c instanceof Map<?, ?> cm) {
                                    nameValueList(environment, r, cm.get("env"), out);
                                }
                            }
                        }
                    }
                }
                case "google_cloud_run_v2_service", "google_cloud_run_v2_job" -> {
                    for (Object t : list(raw.get("template"))) {
                        if (t instanceof Map<?, ?> tm) {
                            for (Object c : list(tm.get("containers"))) {
                                if (c instanceof Map<?, ?> cm) {
                                    nameValueList(environment, r, cm.get("env"), out);
                                }
                            }
                        }
                    }
                }
                case "google_cloud_run_service" -> {
                    for (Object t : list(raw.get("template"))) {
                        if (t instanceof Map<?, ?> tm) {
                            for (Object s : list(tm.get("spec"))) {
                                if (s instanceof Map<?, ?> sm) {
                                    for (Object c : list(sm.get("containers"))) {
                                        if (c instanceof Map<?, ?> cm) {
                                            nameValueList(environment, r, cm.get("env"), out);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                case "azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app",
                     "azurerm_windows_function_app", "azurerm_app_service", "azurerm_function_app" -> {
                    if (raw.get("app_settings") instanceof Map<?, ?> settings) {
                        settings.forEach((k, v) -> add(environment, r, String.valueOf(k), v, out));
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : o instanceof Map<?, ?> m ? List.of(m) : List.of();
    }

    private void ecs(String environment, Resource r, Object defs, List<ConfigEntry> out) {
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
        boolean secret = v.equals("<sensitive>") || redactor.detector().isSecret(key, v);
        String shape = v.equals("<sensitive>") ? "<redacted>" : redactor.shape(key, v);
        out.add(new ConfigEntry(environment, r.position(), r.address(), key, secret ? null : v, secret, shape));
    }
}
