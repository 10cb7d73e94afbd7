package dev.cloudshift.core.plan;

import dev.cloudshift.core.model.ConfigChange;
import dev.cloudshift.core.model.Diagnostic;
import java.util.List;

/** Derives the configuration changes of a planned project with the ingest piece's ConfigChangePlanner. */
final class ConfigChanges {

    private ConfigChanges() {
    }

    static List<ConfigChange> derive(ProjectInventory inventory, List<PlannedResource> planned, String target,
            List<Diagnostic> warnings) {
        // ConfigChangePlanner (ingest branch) not merged yet
        return List.of();
    }
}
