package dev.cloudshift.data.ddl;

import dev.cloudshift.data.cast.CastRules;
import dev.cloudshift.data.cast.ColumnCast;
import dev.cloudshift.data.cast.TargetType;
import dev.cloudshift.data.dialect.Dialect;
import dev.cloudshift.data.schema.Column;
import dev.cloudshift.data.schema.ForeignKey;
import dev.cloudshift.data.schema.Index;
import dev.cloudshift.data.schema.Schema;
import dev.cloudshift.data.schema.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Translates introspected source tables into target DDL, pgloader style: tables first with columns only (so the
 * load is fast), then after the data primary keys, unique keys and indexes, then foreign keys, then identities
 * moved past the copied maximum. Where a target cannot add a key later (SQLite; MySQL's primary key, which InnoDB
 * clusters by) it goes into CREATE TABLE.
 *
 * <p>Names are kept as the source spells them, quoted for the target. An index name used by two tables (fine in
 * MySQL, not in PostgreSQL) gets its table's name in front; names longer than the target keeps are shortened
 * with a hash suffix. One translator is meant for one copy: it remembers the index names it handed out.
 */
public final class SchemaTranslator {

    private final Dialect target;
    private final CastRules casts;
    private final DdlStyle style;
    private final Set<String> usedNames = new HashSet<>();

    public SchemaTranslator(Dialect source, Dialect target) {
        this(target, CastRules.load(source, target));
    }

    public SchemaTranslator(Dialect target, CastRules casts) {
        this.target = target;
        this.casts = casts;
        this.style = DdlStyle.load(target.name());
    }

    public CastRules castRules() {
        return casts;
    }

    /** Every table of a schema, in the schema's order (referenced tables first). */
    public synchronized SchemaDdl translate(Schema schema) {
        Set<String> names = schema.tables().stream().map(t -> t.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<TableDdl> out = new ArrayList<>();
        for (Table t : schema.tables()) {
            out.add(translate(t, names));
        }
        return new SchemaDdl(out);
    }

    /** One table; foreign keys to any table are kept. */
    public TableDdl translate(Table table) {
        return translate(table, null);
    }

    /**
     * One table; foreign keys to tables outside {@code copiedTables} (lower-case names) are left out and named in
     * the notes, since the target will not have those tables. Null keeps every foreign key.
     */
    public synchronized TableDdl translate(Table table, Set<String> copiedTables) {
        List<String> notes = new ArrayList<>();
        List<ColumnCast> columnCasts = new ArrayList<>();
        List<String> quotedColumns = new ArrayList<>();
        for (Column c : table.columns()) {
            ColumnCast cast = casts.castFor(table, c);
            columnCasts.add(cast);
            quotedColumns.add(target.quote(c.name()));
            for (String n : cast.notes()) {
                notes.add(table.name() + "." + c.name() + ": " + n);
            }
        }
        String qTable = target.quote(table.name());
        boolean rowidKey = false;
        String identityColumn = null;
        List<String> columnDefs = new ArrayList<>();
        for (ColumnCast cast : columnCasts) {
            StringBuilder def = new StringBuilder(target.quote(cast.source().name())).append(' ');
            boolean identity = cast.identity() && identityAllowed(cast);
            if (cast.identity() && !identity) {
                notes.add(table.name() + "." + cast.source().name() + ": " + cast.targetType()
                        + " cannot generate values on " + target.name() + "; copied values kept, no identity");
            }
            if (identity && target.name().equals("sqlite")) {
                boolean soleKey = table.primaryKey().size() == 1
                        && table.primaryKey().get(0).equalsIgnoreCase(cast.source().name());
                if (soleKey) {
                    def.append("INTEGER PRIMARY KEY");
                    rowidKey = true;
                    columnDefs.add(def.toString());
                    continue;
                }
                identity = false;
            }
            def.append(cast.targetType());
            if (identity) {
                identityColumn = cast.source().name();
                if (!style.identity().isEmpty()) {
                    def.append(' ').append(style.identity());
                }
            }
            if (!cast.nullable()) {
                def.append(" NOT NULL");
            }
            if (cast.defaultExpression() != null && !identity) {
                def.append(" DEFAULT ").append(defaultFor(cast));
            }
            if (!cast.allowedValues().isEmpty()) {
                def.append(" CHECK (").append(target.quote(cast.source().name())).append(" IN (")
                        .append(cast.allowedValues().stream().map(this::literal).collect(Collectors.joining(", ")))
                        .append("))");
            }
            columnDefs.add(def.toString());
        }
        List<String> pk = table.primaryKey();
        List<String> keys = new ArrayList<>();
        List<String> fks = new ArrayList<>();
        if (!pk.isEmpty() && !rowidKey) {
            if (style.primaryKeyInCreate()) {
                columnDefs.add("PRIMARY KEY (" + quoteAll(pk) + ")");
            } else {
                keys.add("ALTER TABLE " + qTable + " ADD PRIMARY KEY (" + quoteAll(pk) + ")");
            }
        }
        for (ForeignKey fk : table.foreignKeys()) {
            if (copiedTables != null && !copiedTables.contains(fk.refTable().toLowerCase(Locale.ROOT))) {
                notes.add(table.name() + ": foreign key " + fk.name() + " to " + fk.refTable()
                        + " left out (that table is not copied)");
                continue;
            }
            String body = "FOREIGN KEY (" + quoteAll(fk.columns()) + ") REFERENCES " + target.quote(fk.refTable())
                    + " (" + quoteAll(fk.refColumns()) + ")";
            if (style.foreignKeysInCreate()) {
                columnDefs.add(body);
            } else {
                fks.add("ALTER TABLE " + qTable + " ADD CONSTRAINT " + target.quote(name(fk.name(), table)) + " " + body);
            }
        }
        for (Index i : table.indexes()) {
            String name = target.quote(name(i.name(), table));
            if (i.unique() && style.uniqueAsConstraint()) {
                keys.add("ALTER TABLE " + qTable + " ADD CONSTRAINT " + name + " UNIQUE (" + quoteAll(i.columns()) + ")");
            } else {
                keys.add("CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + name + " ON " + qTable
                        + " (" + quoteAll(i.columns()) + ")");
            }
        }
        String create = "CREATE TABLE " + qTable + " (\n  " + String.join(",\n  ", columnDefs) + "\n)"
                + style.tableSuffix();
        List<String> sequences = new ArrayList<>();
        if (identityColumn != null && !style.resetIdentity().isEmpty()) {
            sequences.add(style.resetIdentity()
                    .replace("{table_literal}", qTable.replace("'", "''"))
                    .replace("{column_literal}", identityColumn.replace("'", "''"))
                    .replace("{table}", qTable)
                    .replace("{column}", target.quote(identityColumn)));
        }
        return new TableDdl(table, qTable, quotedColumns, columnCasts, List.of(create), keys, fks, sequences, notes);
    }

    private boolean identityAllowed(ColumnCast cast) {
        return cast.target().kind() == TargetType.Kind.INTEGER
                && style.identityTypes().contains(cast.target().name().base());
    }

    /** MySQL takes a literal default on text, blob and json columns only in parentheses (an expression default). */
    private String defaultFor(ColumnCast cast) {
        String d = cast.defaultExpression();
        if (target.name().equals("mysql") && d.startsWith("'")) {
            String base = cast.target().name().base();
            if (base.endsWith("text") || base.endsWith("blob") || base.equals("json")) {
                return "(" + d + ")";
            }
        }
        return d;
    }

    private String literal(String value) {
        String q = value.replace("'", "''");
        if (target.name().equals("mysql")) {
            q = q.replace("\\", "\\\\");
        }
        return "'" + q + "'";
    }

    private String quoteAll(List<String> names) {
        return names.stream().map(target::quote).collect(Collectors.joining(", "));
    }

    /** A constraint or index name unique in the target and no longer than it keeps. */
    private String name(String wanted, Table table) {
        String n = wanted == null || wanted.isBlank() ? table.name() + "_key" : wanted;
        if (usedNames.contains(n.toLowerCase(Locale.ROOT))) {
            n = table.name() + "_" + n;
        }
        String base = n;
        for (int i = 2; usedNames.contains(n.toLowerCase(Locale.ROOT)); i++) {
            n = base + "_" + i;
        }
        if (n.getBytes(StandardCharsets.UTF_8).length > style.maxIdentifier()) {
            String hash = shortHash(n);
            String head = n;
            while ((head + "_" + hash).getBytes(StandardCharsets.UTF_8).length > style.maxIdentifier()) {
                head = head.substring(0, head.length() - 1);
            }
            n = head + "_" + hash;
        }
        usedNames.add(n.toLowerCase(Locale.ROOT));
        return n;
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs statements in order on a connection, telling {@code before} about each (for progress notes). */
    public static void execute(Connection c, List<String> statements, Consumer<String> before) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                if (before != null) {
                    before.accept(sql);
                }
                s.execute(sql);
            }
        }
    }
}
