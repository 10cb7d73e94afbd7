package dev.cloudshift.core.kb;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;

import java.util.List;

/**
 * A normalised resource plus what normalisation could not do, as messages fit for a
 * {@link dev.cloudshift.core.model.Diagnostic} at the resource's position (never carrying a value).
 *
 * @param resource    copy of the input with category and normalised attributes
 * @param knownType   false when the type is not in the knowledge base (category {@code other})
 * @param problems    messages such as "aws_foo_bar is not in the knowledge base: categorised as other"
 */
public record Normalised(Resource resource, boolean knownType, List<String> problems) {

    public Normalised {
        problems = List.copyOf(problems);
    }

    /** The problems as diagnostics at the resource's position (its address when the position is unknown). */
    public List<Diagnostic> diagnostics() {
        SourcePosition pos = resource.position() != null ? resource.position() : SourcePosition.ofFile(resource.address());
        return problems.stream().map(p -> Diagnostic.at(pos, p)).toList();
    }
}
