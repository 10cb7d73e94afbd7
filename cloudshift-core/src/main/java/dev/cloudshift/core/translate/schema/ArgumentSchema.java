package dev.cloudshift.core.translate.schema;

/**
 * An argument of a resource or nested block: its Terraform name, whether it is required, and a coarse type
 * ({@code string, number, bool, list, set, map, object, any}).
 */
public record ArgumentSchema(String name, boolean required, String type) {

    /** Collection or object types, written as {@code name = [..]} or {@code name = {..}}. */
    public boolean structured() {
        return type.equals("list") || type.equals("set") || type.equals("map") || type.equals("object");
    }
}
