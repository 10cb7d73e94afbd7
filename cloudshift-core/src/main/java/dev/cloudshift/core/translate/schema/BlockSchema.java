package dev.cloudshift.core.translate.schema;

import java.util.Map;

/**
 * The body of a resource or of a nested block: its arguments and nested blocks by name (sorted).
 * {@code open} marks a recursive block (aws_wafv2_web_acl statements) whose contents are not listed and not checked.
 */
public record BlockSchema(Map<String, ArgumentSchema> arguments, Map<String, NestedBlockSchema> blocks, boolean open) {

    public BlockSchema {
        arguments = Map.copyOf(arguments);
        blocks = Map.copyOf(blocks);
    }
}
