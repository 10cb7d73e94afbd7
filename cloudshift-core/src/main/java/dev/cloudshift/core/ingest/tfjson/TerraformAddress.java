package dev.cloudshift.core.ingest.tfjson;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Terraform resource instance address split into module instance prefix, resource key and instance key:
 * {@code module.app["eu"].aws_instance.web[0]} -> module {@code module.app["eu"]}, resource
 * {@code aws_instance.web}, index {@code [0]}.
 *
 * @param module   module instance path without a trailing dot, "" for the root module
 * @param resource {@code type.name} or {@code data.type.name}
 * @param index    instance key in brackets, or ""
 */
record TerraformAddress(String module, String resource, String index) {

    private static final Pattern ADDRESS = Pattern.compile(
            "^((?:module\\.[A-Za-z0-9_-]+(?:\\[(?:\"(?:[^\"\\\\]|\\\\.)*\"|[0-9]+)\\])?\\.)*)((?:data\\.)?[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)((?:\\[(?:\"(?:[^\"\\\\]|\\\\.)*\"|[0-9]+)\\])?)$");
    private static final Pattern INDEXES = Pattern.compile("\\[(?:\"(?:[^\"\\\\]|\\\\.)*\"|[0-9]+)\\]");

    static TerraformAddress parse(String address) {
        Matcher m = ADDRESS.matcher(address);
        if (!m.matches()) {
            return null;
        }
        String module = m.group(1);
        if (module.endsWith(".")) {
            module = module.substring(0, module.length() - 1);
        }
        return new TerraformAddress(module, m.group(2), m.group(3));
    }

    /** The module path with instance keys removed: {@code module.app["eu"].module.db} -> {@code module.app.module.db}. */
    static String configPath(String moduleInstance) {
        return INDEXES.matcher(moduleInstance).replaceAll("");
    }

    /** Joins a module prefix and a relative address. */
    static String join(String module, String relative) {
        return module.isEmpty() ? relative : module + "." + relative;
    }
}
