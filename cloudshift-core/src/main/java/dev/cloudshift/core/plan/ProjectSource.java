package dev.cloudshift.core.plan;

import dev.cloudshift.core.model.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * A project directory as read by {@link Planner#read}, before normalisation: what every reader produced and the
 * warnings so far (paths relative to the project directory). Pass it to {@link Planner#inventory(ProjectSource, List)}.
 */
public final class ProjectSource {

    private final Path root;
    private final SourceRead read;
    private final List<Diagnostic> warnings;

    ProjectSource(Path root, SourceRead read, List<Diagnostic> warnings) {
        this.root = root;
        this.read = read;
        this.warnings = List.copyOf(warnings);
    }

    /** The project directory, absolute and normalised. */
    public Path root() {
        return root;
    }

    SourceRead read() {
        return read;
    }

    List<Diagnostic> warnings() {
        return warnings;
    }
}
