package dev.cloudshift.core.translate;

/**
 * Something that could not be translated safely: written as a {@code # TODO(cloudshift): <address>: <reason>}
 * comment in {@code file} and listed in plan.json warnings with the comment's line and column.
 */
public record Todo(String address, String reason, String file, int line, int column) {

    public String comment() {
        return "TODO(cloudshift): " + address + ": " + reason;
    }
}
