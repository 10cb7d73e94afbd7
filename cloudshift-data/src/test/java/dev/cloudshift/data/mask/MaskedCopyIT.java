package dev.cloudshift.data.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.data.ddl.SchemaDdl;
import dev.cloudshift.data.ddl.SchemaTranslator;
import dev.cloudshift.data.ddl.TableDdl;
import dev.cloudshift.data.dialect.Dialect;
import dev.cloudshift.data.dialect.Dialects;
import dev.cloudshift.data.schema.Schema;
import dev.cloudshift.data.testing.TestDatabases;
import dev.cloudshift.data.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A masked copy from PostgreSQL to MariaDB: masked emails keep the unique key and the foreign key that joins
 * orders to users (same input, same output in both tables), phones keep their pattern, no real value leaks.
 */
class MaskedCopyIT {

    @Test
    void uniqueKeysAndJoinsSurviveMasking(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("mask.yaml");
        Files.writeString(rules, """
                rules:
                  - match: "*.email"
                    strategy: fake_email
                  - match: users.phone
                    strategy: fake_phone
                  - match: users.name
                    strategy: fake_name
                  - match: users.born
                    strategy: shift_date
                    days: 10
                """);
        TestDatabase src = TestDatabases.newPostgresDatabase();
        TestDatabase tgt = TestDatabases.newMariaDbDatabase();
        int users = 2000;
        try (Connection sc = src.connect(); Connection tc = tgt.connect()) {
            try (Statement s = sc.createStatement()) {
                s.execute("CREATE TABLE users (id integer PRIMARY KEY, email varchar(60) NOT NULL UNIQUE,"
                        + " phone varchar(20), name varchar(40), born date)");
                s.execute("CREATE TABLE orders (id integer PRIMARY KEY, email varchar(60) NOT NULL REFERENCES users(email))");
                s.execute("INSERT INTO users SELECT i, 'person' || i || '@corp.test', '+1 (415) 555-' || lpad(i::text, 4, '0'),"
                        + " 'Real Name ' || i, DATE '1970-01-01' + i FROM generate_series(1, " + users + ") i");
                s.execute("INSERT INTO orders SELECT i, 'person' || (i % " + users + " + 1) || '@corp.test'"
                        + " FROM generate_series(1, 5000) i");
            }
            Dialect sd = Dialects.forUrl(src.url());
            Dialect td = Dialects.forUrl(tgt.url());
            sd.prepareSession(sc);
            td.prepareSession(tc);
            Schema schema = sd.introspect(sc);
            SchemaDdl ddl = new SchemaTranslator(sd, td).translate(schema);
            ddl.createTables(tc);
            MaskRules mask = MaskRules.load(rules, "test-key");
            Set<String> realEmails = new HashSet<>();
            for (TableDdl t : ddl.tables()) {
                Masker masker = mask.masker(t.source());
                int n = t.source().columns().size();
                String marks = String.join(", ", java.util.Collections.nCopies(n, "?"));
                try (Statement s = sc.createStatement();
                     ResultSet rs = s.executeQuery("SELECT * FROM " + t.source().name() + " ORDER BY id");
                     PreparedStatement ps = tc.prepareStatement("INSERT INTO " + t.targetTable() + " ("
                             + String.join(", ", t.targetColumns()) + ") VALUES (" + marks + ")")) {
                    while (rs.next()) {
                        for (int i = 0; i < n; i++) {
                            Object v = sd.readValue(rs, i + 1, t.source().columns().get(i));
                            String column = t.source().columns().get(i).name();
                            if (column.equals("email")) {
                                realEmails.add((String) v);
                            }
                            ps.setObject(i + 1, masker.mask(column, t.casts().get(i).convert(v)));
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            // the unique key and the foreign key are created on masked data: they would fail on a collision or a
            // masked order email that no masked user has
            ddl.createConstraintsAndIndexes(tc);
            try (Statement s = tc.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders o JOIN users u ON u.email = o.email")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(5000);
                }
                try (ResultSet rs = s.executeQuery("SELECT email, phone, name, born, id FROM users ORDER BY id")) {
                    int row = 0;
                    while (rs.next()) {
                        row++;
                        assertThat(realEmails).doesNotContain(rs.getString(1));
                        assertThat(rs.getString(1)).matches("[a-z0-9.]+@example\\.(com|net|org)");
                        String phone = rs.getString(2);
                        assertThat(phone).matches("\\+\\d \\(\\d{3}\\) \\d{3}-\\d{4}")
                                .isNotEqualTo(String.format("+1 (415) 555-%04d", rs.getInt(5)));
                        assertThat(rs.getString(3)).doesNotStartWith("Real Name").matches("[A-Z][a-z]+ [A-Z][a-z]+");
                        LocalDate born = rs.getObject(4, LocalDate.class);
                        long shift = Math.abs(born.toEpochDay() - rs.getInt(5));
                        assertThat(shift).isBetween(1L, 10L);
                    }
                    assertThat(row).isEqualTo(users);
                }
            }
        }
    }
}
