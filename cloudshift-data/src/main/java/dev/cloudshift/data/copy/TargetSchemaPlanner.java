package dev.cloudshift.data.copy;

import dev.cloudshift.data.schema.Table;

/** Plans each source table's shape in the target (types from the cast rules, DDL from the target dialect). */
@FunctionalInterface
public interface TargetSchemaPlanner {
    TablePlan plan(Table source);
}
