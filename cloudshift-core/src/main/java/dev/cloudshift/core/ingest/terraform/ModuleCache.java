package dev.cloudshift.core.ingest.terraform;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Parses each module directory once per project. */
final class ModuleCache {
    private final Path root;
    private final Map<Path, ModuleDefinition> loaded = new HashMap<>();

    ModuleCache(Path root) {
        this.root = root;
    }

    synchronized ModuleDefinition load(Path dir) {
        return loaded.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> ModuleDefinition.load(d, root));
    }
}
