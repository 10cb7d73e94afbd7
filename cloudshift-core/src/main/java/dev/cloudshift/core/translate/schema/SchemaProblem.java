package dev.cloudshift.core.translate.schema;

/**
 * A generated block that does not fit the provider schema. {@code address} is the resource address
 * ({@code azurerm_container_app.api}), {@code where} the source position of the offending item when known
 * (file:line:column, or empty). {@link #toString()} gives the one-line form used in test failures:
 * {@code azurerm_container_app.api: unknown argument "cpu" (did you mean template.container.cpu?)}.
 */
public record SchemaProblem(String address, String message, String where) {

    @Override
    public String toString() {
        return (where.isEmpty() ? "" : where + ": ") + address + ": " + message;
    }
}
