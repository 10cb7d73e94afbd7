package dev.cloudshift.data.copy;

import dev.cloudshift.data.schema.Table;
import java.util.List;

/**
 * Plans the selected source tables' shape in the target (types from the cast rules, DDL from the target
 * dialect). Gets every selected table at once, so foreign keys to tables left out of the copy can be dropped.
 */
@FunctionalInterface
public interface TargetSchemaPlanner {
    List<TablePlan> plan(List<Table> tables);
}
