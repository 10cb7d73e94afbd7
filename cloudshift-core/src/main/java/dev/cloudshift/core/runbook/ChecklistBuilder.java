package dev.cloudshift.core.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudshift.core.plan.PlannedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validation checklists from catalog/rules/checklists.yaml, tailored to the resources present, with one
 * {@code cloudshift data verify} command per database and environment (URLs as placeholders, passwords through
 * environment variables).
 */
final class ChecklistBuilder {

    private static final Pattern NOT_UPPER_ALNUM = Pattern.compile("[^A-Z0-9]+");
    private static final Pattern NOT_FILE_NAME = Pattern.compile("[^A-Za-z0-9_-]+");

    private final RunbookFacts facts;
    private final RunbookCatalog catalog;

    ChecklistBuilder(RunbookFacts facts, RunbookCatalog catalog) {
        this.facts = facts;
        this.catalog = catalog;
    }

    List<Map<String, Object>> build() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode section : catalog.checklists().path("sections")) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (JsonNode item : section.path("items")) {
                if ("resource".equals(item.path("scope").asText("estate"))) {
                    // per address: the reference instance's facts if it matches, else the first matching instance's
                    boolean[] holding = facts.holding(FactCondition.of(item.path("when")));
                    List<PlannedResource> all = facts.plan().resources();
                    List<Map<String, Object>> allFacts = facts.ofResources();
                    String text = item.path("text").asText();
                    for (int[] instances : facts.positions()) {
                        Map<String, Object> matched = null;
                        String address = null;
                        for (int i : instances) {
                            if (holding[i]) {
                                PlannedResource r = all.get(i);
                                address = r.address();
                                if (matched == null || r == facts.reference(address)) {
                                    matched = allFacts.get(i);
                                }
                            }
                        }
                        if (matched != null) {
                            items.add(item(FactTemplate.render(text, matched), List.of(address), null));
                        }
                    }
                } else if (FactCondition.holds(item.path("when"), facts.estate())) {
                    items.add(item(FactTemplate.render(item.path("text").asText(), facts.estate()), List.of(), null));
                }
            }
            if ("data".equals(section.path("id").asText())) {
                items.addAll(verifyCommands());
            }
            if (items.isEmpty()) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", section.path("id").asText());
            m.put("name", section.path("name").asText());
            m.put("items", items);
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> verifyCommands() {
        JsonNode verify = catalog.checklists().path("data_verify");
        List<Map<String, Object>> out = new ArrayList<>();
        for (String env : facts.plan().environments()) {
            for (PlannedResource r : facts.plan().resourcesOf(env)) {
                if (!"database".equals(r.category()) || !r.mapped() || !facts.isStore(r)) {
                    continue;
                }
                Map<String, Object> f = facts.of(r);
                String engine = String.valueOf(r.attributes().getOrDefault("engine", "unknown"));
                JsonNode e = verify.path("engines").path(engine);
                if (e.isMissingNode()) {
                    out.add(item("`" + r.address() + "` (" + env + "): "
                            + FactTemplate.render(verify.path("unsupported_reason").asText(), f), List.of(r.address()), null));
                    continue;
                }
                String workload = PhasePlanner.workload(r.address());
                String id = NOT_UPPER_ALNUM.matcher((env + "_" + workload).toUpperCase(Locale.ROOT)).replaceAll("_");
                String scheme = e.path("scheme").asText();
                int port = e.path("port").asInt();
                String db = "<database>";
                String command = "CLOUDSHIFT_SOURCE_USER=<source-user> CLOUDSHIFT_TARGET_USER=<target-user> "
                        + "cloudshift data verify"
                        + " --source \"jdbc:" + scheme + "://<source-host-" + env + ">:" + port + "/" + db + "\""
                        + " --target \"jdbc:" + scheme + "://<target-host-" + env + ">:" + port + "/" + db + "\""
                        + " --source-password-env SOURCE_" + id + "_PASSWORD"
                        + " --target-password-env TARGET_" + id + "_PASSWORD"
                        + " --mode checksum --md verify-" + env + "-" + NOT_FILE_NAME.matcher(workload).replaceAll("-")
                        + ".md";
                out.add(item("`" + r.address() + "` (" + env + ", " + engine + "): data verify reports every table equal",
                        List.of(r.address()), command));
            }
        }
        return out;
    }

    private static Map<String, Object> item(String text, List<String> resources, String command) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        m.put("resources", resources);
        if (command != null) {
            m.put("command", command);
        }
        return m;
    }
}
