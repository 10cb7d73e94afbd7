package dev.cloudshift.core.translate.schema;

/**
 * A nested block type: its nesting mode ({@code single, list, set, map}), the item bounds the provider states
 * ({@code maxItems} 0 when unbounded) and its body.
 */
public record NestedBlockSchema(String name, String nesting, int minItems, int maxItems, BlockSchema body) {

    public boolean required() {
        return minItems > 0;
    }
}
