package dev.cloudshift.data.copy;

import dev.cloudshift.data.cast.ColumnCast;
import dev.cloudshift.data.cast.ValueConverter;
import dev.cloudshift.data.ddl.SchemaTranslator;
import dev.cloudshift.data.ddl.TableDdl;
import dev.cloudshift.data.dialect.Dialect;
import dev.cloudshift.data.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The planner the CLI uses: target types and value converters from the cast rules ({@code typemaps/}), DDL from
 * {@link SchemaTranslator}. Foreign keys to tables outside the copy are left out (and named in the notes).
 */
public final class CastRulePlanner implements TargetSchemaPlanner {
    private final SchemaTranslator translator;

    public CastRulePlanner(Dialect source, Dialect target) {
        this.translator = new SchemaTranslator(source, target);
    }

    /** For {@link CopyEngine}. */
    public static CopyEngine.PlannerFactory factory() {
        return CastRulePlanner::new;
    }

    @Override
    public List<TablePlan> plan(List<Table> tables) {
        Set<String> names = tables.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<TablePlan> out = new ArrayList<>();
        for (Table t : tables) {
            TableDdl ddl = translator.translate(t, names);
            List<ValueConverter> converters = new ArrayList<>();
            for (ColumnCast cast : ddl.casts()) {
                ValueConverter c = cast.converter();
                converters.add(c == ValueConverter.IDENTITY ? null : c);
            }
            out.add(new TablePlan(t, ddl.targetTable(), ddl.targetColumns(), converters, ddl.createTable(),
                    ddl.keysAndIndexes(), ddl.foreignKeys(), ddl.sequences(), ddl.notes()));
        }
        return out;
    }
}
