package dev.cloudshift.hcl.emit;

import java.util.List;

/** A file of the emitter's document model: top-level items in order (one blank line is written between blocks). */
public record HclFile(List<HclItem> items) {
    public HclFile {
        items = List.copyOf(items);
    }
}
