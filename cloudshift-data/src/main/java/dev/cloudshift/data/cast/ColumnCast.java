package dev.cloudshift.data.cast;

import dev.cloudshift.data.schema.Column;
import java.util.List;

/**
 * How one source column lands in the target.
 *
 * @param source            the source column
 * @param targetType        the target column type for DDL ({@code bigint}, {@code varchar(255)}, {@code timestamp(6)})
 * @param target            what the target type can hold
 * @param nullable          whether the target column allows NULL (a rule may drop NOT NULL, say for zero dates)
 * @param defaultExpression the default in the target's syntax, or null (untranslatable defaults are dropped and
 *                          named in {@code notes})
 * @param identity          whether the target column generates values (identity, serial, auto_increment)
 * @param allowedValues     for an enum kept as text: the values a CHECK constraint allows, else empty
 * @param converter         source value (from {@code Dialect.readValue}) to target value
 * @param rule              where the rule that matched is written: {@code typemaps/mysql-to-postgresql.yaml:14}
 * @param notes             what the cast dropped or changed, for the plan output
 */
public record ColumnCast(
        Column source,
        String targetType,
        TargetType target,
        boolean nullable,
        String defaultExpression,
        boolean identity,
        List<String> allowedValues,
        ValueConverter converter,
        String rule,
        List<String> notes) {

    public ColumnCast {
        allowedValues = List.copyOf(allowedValues);
        notes = List.copyOf(notes);
    }

    /** Converts one value; shorthand for {@code converter().convert(value)}. */
    public Object convert(Object value) throws RejectedValueException {
        return converter.convert(value);
    }
}
