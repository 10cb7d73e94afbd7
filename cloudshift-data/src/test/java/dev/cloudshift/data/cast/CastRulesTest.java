package dev.cloudshift.data.cast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudshift.data.dialect.ZeroDate;
import dev.cloudshift.data.rulefile.RuleFileException;
import dev.cloudshift.data.schema.Column;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which target type each source type gets, straight from the rule files. Values are tested in CastRoundTripIT. */
class CastRulesTest {

    static final List<String> DIALECTS = List.of("postgresql", "mysql", "sqlite", "h2");

    private static Column col(String declared) {
        return new Column("c", declared, Types.OTHER, 0, 0, true, null, false);
    }

    @Test
    void everyPairLoads() {
        for (String s : DIALECTS) {
            for (String t : DIALECTS) {
                CastRules rules = CastRules.load(s, t);
                assertThat(rules.rules()).as(s + "-to-" + t).isNotEmpty();
                // every rule's target type is one the target type table knows (or a {declared} placeholder)
                for (CastRules.CastRule r : rules.rules()) {
                    if (!r.to().contains("{declared}") && !r.to().contains("{element}")) {
                        String probe = r.to().replaceAll("\\{(length|precision)(:\\d+)?}", "10")
                                .replaceAll("\\{scale(:\\d+)?}", "2").replace("{params}", "");
                        assertThat(rules.targetTypes().resolve(probe).kind()).as(r.where() + " " + r.to())
                                .isNotEqualTo(TargetType.Kind.OTHER);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "mysql|tinyint(1)|postgresql|boolean",
        "mysql|tinyint(1) unsigned|postgresql|boolean",
        "mysql|tinyint(4)|postgresql|smallint",
        "mysql|int(10) unsigned|postgresql|bigint",
        "mysql|int(11)|postgresql|integer",
        "mysql|bigint(20) unsigned|postgresql|numeric(20)",
        "mysql|decimal(12,2)|postgresql|numeric(12,2)",
        "mysql|varchar(255)|postgresql|varchar(255)",
        "mysql|mediumtext|postgresql|text",
        "mysql|longblob|postgresql|bytea",
        "mysql|varbinary(16)|postgresql|bytea",
        "mysql|json|postgresql|jsonb",
        "mysql|enum('a','b')|postgresql|text",
        "mysql|set('x','y')|postgresql|text[]",
        "mysql|datetime(6)|postgresql|timestamp(6)",
        "mysql|datetime|postgresql|timestamp(0)",
        "mysql|timestamp(3)|postgresql|timestamp(3) with time zone",
        "mysql|year(4)|postgresql|smallint",
        "mysql|bit(1)|postgresql|boolean",
        "mysql|float|postgresql|real",
        "mysql|double|postgresql|double precision",
        "mysql|geometry|postgresql|text",
        "sqlite|INTEGER|postgresql|bigint",
        "sqlite|BOOLEAN|postgresql|boolean",
        "sqlite|DATETIME|postgresql|timestamp",
        "sqlite|TIMESTAMP|postgresql|timestamp",
        "sqlite|DATE|postgresql|date",
        "sqlite|REAL|postgresql|double precision",
        "sqlite|BLOB|postgresql|bytea",
        "sqlite||postgresql|text",
        "sqlite|VARCHAR(80)|postgresql|varchar(80)",
        "sqlite|UNSIGNED BIG INT|postgresql|bigint",
        "sqlite|NVARCHAR(10)|postgresql|varchar(10)",
        "sqlite|MONEY|postgresql|numeric",
        "sqlite|STRING|postgresql|text",
        "sqlite|DECIMAL(10,5)|postgresql|numeric(10,5)",
        "postgresql|integer[]|mysql|json",
        "postgresql|jsonb|mysql|json",
        "postgresql|uuid|mysql|char(36)",
        "postgresql|inet|mysql|varchar(64)",
        "postgresql|interval|mysql|varchar(64)",
        "postgresql|timestamp with time zone|mysql|datetime(6)",
        "postgresql|timestamp(3) with time zone|mysql|datetime(3)",
        "postgresql|text|mysql|longtext",
        "postgresql|character varying(255)|mysql|varchar(255)",
        "postgresql|character varying(5000)|mysql|text",
        "postgresql|character varying|mysql|longtext",
        "postgresql|numeric|mysql|decimal(65,30)",
        "postgresql|boolean|mysql|tinyint(1)",
        "postgresql|bytea|mysql|longblob",
        "postgresql|integer[]|h2|INTEGER ARRAY",
        "postgresql|character varying(20)[]|h2|CHARACTER VARYING(20) ARRAY",
        "postgresql|jsonb|h2|JSON",
        "postgresql|timestamp(3) with time zone|h2|TIMESTAMP(3) WITH TIME ZONE",
        "postgresql|integer[]|sqlite|JSON",
        "postgresql|uuid|sqlite|UUID",
        "postgresql|numeric(12,2)|sqlite|DECIMAL(12,2)",
        "postgresql|jsonb|postgresql|jsonb",
        "postgresql|json|postgresql|json",
        "postgresql|text[]|postgresql|text[]",
        "h2|CHARACTER VARYING(255)|postgresql|varchar(255)",
        "h2|CHARACTER LARGE OBJECT|postgresql|text",
        "h2|BINARY VARYING(16)|postgresql|bytea",
        "h2|DECFLOAT|postgresql|numeric",
        "h2|TIMESTAMP(9) WITH TIME ZONE|postgresql|timestamp(9) with time zone",
        "h2|TINYINT|mysql|tinyint",
        "h2|UUID|mysql|char(36)",
        "mysql|int(10) unsigned|mysql|int(10) unsigned",
        "sqlite|DATETIME|h2|TIMESTAMP(9)",
        "sqlite|DATETIME|mysql|datetime(6)",
    })
    void targetTypes(String source, String declared, String target, String expected) {
        ColumnCast cast = CastRules.load(source, target).castFor(col(declared == null ? "" : declared));
        assertThat(cast.targetType()).as(cast.rule()).isEqualTo(expected);
    }

    @Test
    void zeroDateDefaultMeansNullAndDropsNotNull() throws Exception {
        Column c = new Column("d", "datetime", Types.TIMESTAMP, 0, 0, false, "'0000-00-00 00:00:00'", false);
        ColumnCast cast = CastRules.load("mysql", "postgresql").castFor(c);
        assertThat(cast.nullable()).isTrue();
        assertThat(cast.defaultExpression()).isNull();
        assertThat(cast.convert(new ZeroDate("0000-00-00 00:00:00"))).isNull();
        Column plain = new Column("d", "datetime", Types.TIMESTAMP, 0, 0, false, null, false);
        ColumnCast strict = CastRules.load("mysql", "postgresql").castFor(plain);
        assertThat(strict.nullable()).isFalse();
        assertThatThrownBy(() -> strict.convert(new ZeroDate("0000-00-00 00:00:00")))
                .isInstanceOf(RejectedValueException.class).hasMessage("zero date");
    }

    @Test
    void enumBecomesTextWithCheckAndRejectsOtherValues() throws Exception {
        ColumnCast cast = CastRules.load("mysql", "postgresql").castFor(col("enum('small','it''s big')"));
        assertThat(cast.allowedValues()).containsExactly("small", "it's big");
        assertThat(cast.convert("it's big")).isEqualTo("it's big");
        assertThatThrownBy(() -> cast.convert("")).isInstanceOf(RejectedValueException.class);
    }

    @Test
    void defaultsAreTranslated() {
        CastRules toPg = CastRules.load("mysql", "postgresql");
        assertThat(toPg.castFor(new Column("b", "tinyint(1)", Types.TINYINT, 0, 0, false, "1", false))
                .defaultExpression()).isEqualTo("true");
        assertThat(toPg.castFor(new Column("t", "datetime(6)", Types.TIMESTAMP, 0, 0, false, "current_timestamp(6)", false))
                .defaultExpression()).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(toPg.castFor(new Column("s", "varchar(10)", Types.VARCHAR, 0, 0, false, "'it''s'", false))
                .defaultExpression()).isEqualTo("'it''s'");
        CastRules toMy = CastRules.load("postgresql", "mysql");
        assertThat(toMy.castFor(new Column("t", "timestamp(3) without time zone", Types.TIMESTAMP, 0, 0, false, "now()", false))
                .defaultExpression()).isEqualTo("CURRENT_TIMESTAMP(3)");
        assertThat(toMy.castFor(new Column("b", "boolean", Types.BOOLEAN, 0, 0, false, "false", false))
                .defaultExpression()).isEqualTo("0");
        assertThat(toMy.castFor(new Column("n", "numeric(5,2)", Types.NUMERIC, 0, 0, false, "'1.50'::numeric", false))
                .defaultExpression()).isEqualTo("1.50");
        ColumnCast serial = toMy.castFor(new Column("id", "integer", Types.INTEGER, 0, 0, false,
                "nextval('t_id_seq'::regclass)", true));
        assertThat(serial.identity()).isTrue();
        assertThat(serial.defaultExpression()).isNull();
        ColumnCast weird = toMy.castFor(new Column("x", "text", Types.VARCHAR, 0, 0, true, "md5(random()::text)", false));
        assertThat(weird.defaultExpression()).isNull();
        assertThat(weird.notes()).anyMatch(n -> n.contains("dropped"));
    }

    @Test
    void unsignedBigintKeepsValuesAbove2To63() throws Exception {
        ColumnCast cast = CastRules.load("mysql", "postgresql").castFor(col("bigint(20) unsigned"));
        assertThat(cast.convert(new BigDecimal("18446744073709551615"))).isEqualTo(new BigDecimal("18446744073709551615"));
        ColumnCast toSqlite = CastRules.load("mysql", "sqlite").castFor(col("int(10) unsigned"));
        assertThat(toSqlite.convert(4294967295L)).isEqualTo(4294967295L);
    }

    @Test
    void sqliteTemporalAcceptsTextAndUnixTime() throws Exception {
        ColumnCast cast = CastRules.load("sqlite", "postgresql").castFor(col("DATETIME"));
        assertThat(cast.convert("2024-02-29 13:14:15.123456")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123456000));
        assertThat(cast.convert("2024-02-29T13:14:15Z")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15));
        assertThat(cast.convert(1709212455L)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15));
        assertThat(cast.convert(1709212455123L)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123000000));
        assertThat(cast.convert(1709212455.5)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 500000000));
        assertThatThrownBy(() -> cast.convert("yesterday")).isInstanceOf(RejectedValueException.class)
                .hasMessage("not a date or timestamp");
    }

    @Test
    void userRuleFileErrorsNameTheLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("casts.yaml");
        Files.writeString(file, "rules:\n  - match: { type: int }\n    to: bigint\n    transfrom: none\n");
        assertThatThrownBy(() -> CastRules.load("mysql", "postgresql", file))
                .isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith(file + ":4:5: expected one of")
                .hasMessageContaining("unknown key 'transfrom'");
        Files.writeString(file, "rules:\n  - match: { type: int }\n    to: bigint\n    transform: shout\n");
        assertThatThrownBy(() -> CastRules.load("mysql", "postgresql", file))
                .hasMessageStartingWith(file + ":4:16: expected a transform");
        Files.writeString(file, "rules:\n  - match: { type: int\n    to: bigint\n");
        assertThatThrownBy(() -> CastRules.load("mysql", "postgresql", file))
                .isInstanceOf(RuleFileException.class).hasMessageStartingWith(file + ":3:");
        Files.writeString(file, "rules:\n  - match: { type: \"int*\" }\n    to: numeric(30)\n");
        assertThat(CastRules.load("mysql", "postgresql", file).castFor(col("int(11)")).targetType())
                .isEqualTo("numeric(30)");
    }
}
