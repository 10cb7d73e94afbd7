package dev.cloudshift.data.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class MySqlDialectTest {

    @Test
    void parsesServerDateTimesWithAnyFraction() {
        assertThat(MySqlDialect.dateTime("2024-02-29 13:14:15")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15));
        assertThat(MySqlDialect.dateTime("2024-02-29 13:14:15.1")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 100_000_000));
        assertThat(MySqlDialect.dateTime("1000-01-01 00:00:00.000001")).isEqualTo(LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1000));
        assertThatThrownBy(() -> MySqlDialect.dateTime("2024-02-30 00:00:00")).isInstanceOf(java.time.DateTimeException.class);
    }

    @Test
    void zeroDates() {
        assertThat(MySqlDialect.isZeroDate("0000-00-00")).isTrue();
        assertThat(MySqlDialect.isZeroDate("0000-00-00 00:00:00")).isTrue();
        assertThat(MySqlDialect.isZeroDate("2024-00-10")).isTrue();
        assertThat(MySqlDialect.isZeroDate("2024-01-00 10:00:00")).isTrue();
        assertThat(MySqlDialect.isZeroDate("2024-01-10")).isFalse();
    }

    @Test
    void datesAndTimesAreSelectedAsTheServersText() {
        MySqlDialect d = new MySqlDialect();
        java.util.function.Function<String, String> select = type -> d.selectExpression(
                new dev.cloudshift.data.schema.Column("c`x", type, java.sql.Types.OTHER, 0, 0, true, null, false));
        assertThat(select.apply("datetime(6)")).isEqualTo("CAST(`c``x` AS CHAR)");
        assertThat(select.apply("DATE")).isEqualTo("CAST(`c``x` AS CHAR)");
        assertThat(select.apply("timestamp")).isEqualTo("CAST(`c``x` AS CHAR)");
        assertThat(select.apply("time(3)")).isEqualTo("CAST(`c``x` AS CHAR)");
        assertThat(select.apply("int(11) unsigned")).isEqualTo("`c``x`");
        assertThat(select.apply("varchar(20)")).isEqualTo("`c``x`");
        assertThat(d.bulkReadProperties()).containsEntry("useServerPrepStmts", "true");
        assertThat(new SqliteDialect().bulkReadProperties()).isEmpty();
    }

    @Test
    void unknownSchemesAreNamedWithoutCredentials() {
        assertThat(Dialects.scheme("postgres://user:secret@host/db")).isEqualTo("postgres:");
        assertThat(Dialects.scheme("jdbc:oracle:thin:@h")).isEqualTo("jdbc:oracle:");
        assertThat(Dialects.forUrl("jdbc:mysql://h/db")).isInstanceOf(MySqlDialect.class);
        assertThat(Dialects.forUrl("jdbc:mariadb://h/db")).isInstanceOf(MySqlDialect.class);
        assertThat(Dialects.forUrl("jdbc:sqlite:/tmp/x.db")).isInstanceOf(SqliteDialect.class);
        assertThat(Dialects.forUrl("jdbc:h2:mem:x")).isInstanceOf(H2Dialect.class);
        assertThat(Dialects.forUrl("jdbc:postgresql://h/db")).isInstanceOf(PostgresDialect.class);
    }
}
