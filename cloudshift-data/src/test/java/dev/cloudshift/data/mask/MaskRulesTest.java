package dev.cloudshift.data.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudshift.data.rulefile.RuleFileException;
import dev.cloudshift.data.schema.Column;
import dev.cloudshift.data.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskRulesTest {

    @TempDir
    Path dir;
    Path file;

    private static final String RULES = """
            rules:
              - match: users.id
                strategy: keep
              - match: users.email
                strategy: fake_email
              - match: "*.phone*"
                strategy: fake_phone
              - match: users.first_name
                strategy: fake_name
                part: first
              - match: users.full_name
                strategy: fake_name
              - match: users.ssn
                strategy: hash
              - match: users.born
                strategy: shift_date
                days: 30
              - match: users.notes
                strategy: null
              - match: users.country
                strategy: constant
                value: XX
              - match: "*.code"
                strategy: hash
            """;

    private static final Table USERS = new Table("users", List.of(
            col("id", Types.BIGINT, 0, false), col("email", Types.VARCHAR, 40, false),
            col("phone", Types.VARCHAR, 30, true), col("phone_num", Types.BIGINT, 0, true),
            col("first_name", Types.VARCHAR, 20, true), col("full_name", Types.VARCHAR, 9, true),
            col("ssn", Types.CHAR, 11, true), col("born", Types.DATE, 0, true),
            col("notes", Types.VARCHAR, 0, true), col("country", Types.CHAR, 2, true), col("code", Types.INTEGER, 0, true),
            col("untouched", Types.VARCHAR, 10, true)),
            List.of("id"), List.of(), List.of());

    private static Column col(String name, int type, int length, boolean nullable) {
        return new Column(name, "t", type, length, 0, nullable, null, false);
    }

    @BeforeEach
    void write() throws Exception {
        file = dir.resolve("mask.yaml");
        Files.writeString(file, RULES);
    }

    @Test
    void sameKeySameOutputOtherKeyOtherOutput() {
        Masker a = MaskRules.load(file, "key-one").masker(USERS);
        Masker again = MaskRules.load(file, "key-one").masker(USERS);
        Masker b = MaskRules.load(file, "key-two").masker(USERS);
        for (String column : List.of("email", "phone", "first_name", "ssn", "born", "code")) {
            Object value = column.equals("born") ? LocalDate.of(1980, 5, 17) : column.equals("code") ? 12345L : "alice@corp.test";
            assertThat(a.mask(column, value)).as(column).isEqualTo(again.mask(column, value));
        }
        assertThat(a.mask("email", "alice@corp.test")).isNotEqualTo(b.mask("email", "alice@corp.test"));
        assertThat(a.mask("email", "alice@corp.test")).isNotEqualTo("alice@corp.test");
    }

    @Test
    void fakeEmailsAreValidUniqueAndFitTheColumn() {
        Masker m = MaskRules.load(file, "k").masker(USERS);
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String email = (String) m.mask("email", "user" + i + "@corp.test");
            assertThat(email).matches("[a-z0-9.]+@example\\.(com|net|org)").hasSizeLessThanOrEqualTo(40);
            seen.add(email);
        }
        assertThat(seen).hasSize(20_000);
    }

    @Test
    void phonesKeepTheirPatternAndLength() {
        Masker m = MaskRules.load(file, "k").masker(USERS);
        String in = "+1 (415) 555-0134 ext. 12";
        String out = (String) m.mask("phone", in);
        assertThat(out).hasSameSizeAs(in).isNotEqualTo(in);
        assertThat(out.replaceAll("[0-9]", "9")).isEqualTo(in.replaceAll("[0-9]", "9"));
        Object number = m.mask("phone_num", 4155550134L);
        assertThat(number).isInstanceOf(Long.class);
        assertThat(number.toString()).hasSize(10);
    }

    @Test
    void namesHashesDatesAndConstantsKeepTheirShape() {
        Masker m = MaskRules.load(file, "k").masker(USERS);
        assertThat((String) m.mask("first_name", "Alice")).matches("[A-Z][a-z]+");
        assertThat((String) m.mask("full_name", "Alice Smith")).hasSizeLessThanOrEqualTo(9);
        assertThat((String) m.mask("ssn", "123-45-6789")).hasSize(11).matches("[0-9a-f]{11}");
        LocalDate born = LocalDate.of(1980, 5, 17);
        LocalDate shifted = (LocalDate) m.mask("born", born);
        long days = Math.abs(ChronoUnit.DAYS.between(born, shifted));
        assertThat(days).isBetween(1L, 30L);
        LocalDateTime ts = (LocalDateTime) MaskRules.load(file, "k").masker(USERS).mask("born",
                LocalDateTime.of(1980, 5, 17, 10, 30));
        assertThat(ts.toLocalTime()).isEqualTo(java.time.LocalTime.of(10, 30));
        assertThat(m.mask("notes", "secret")).isNull();
        assertThat(m.mask("country", "PL")).isEqualTo("XX");
        Object code = m.mask("code", 77L);
        assertThat((Long) code).isBetween(0L, (long) Integer.MAX_VALUE);
        assertThat(m.mask("untouched", "as is")).isEqualTo("as is");
        assertThat(m.mask("id", 5L)).isEqualTo(5L);
        assertThat(m.mask("email", null)).isNull();
        assertThat(m.masks("untouched")).isFalse();
        assertThat(m.masks("EMAIL")).isTrue();
    }

    @Test
    void badRulesNameTheirPlace() throws Exception {
        Files.writeString(file, "rules:\n  - match: users.email\n    strategy: fake_mail\n");
        assertThatThrownBy(() -> MaskRules.load(file, "k")).isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith(file + ":3:15: expected a strategy (");
        Files.writeString(file, "rules:\n  - match: email\n    strategy: hash\n");
        assertThatThrownBy(() -> MaskRules.load(file, "k"))
                .hasMessageStartingWith(file + ":2:12: expected match as table.column");
        Files.writeString(file, "rules:\n  - match: a.b\n    strategy: shift_date\n");
        assertThatThrownBy(() -> MaskRules.load(file, "k"))
                .hasMessageStartingWith(file + ":2:5: expected key 'days'");
        Files.writeString(file, "rules:\n  - match: a.b\n    strategy: hash\n");
        assertThatThrownBy(() -> MaskRules.load(file, null))
                .hasMessageStartingWith(file + ":3:15: expected a mask key").hasMessageContaining("CLOUDSHIFT_MASK_KEY");
        Files.writeString(file, "rules:\n  - match: users.email\n    strategy: null\n");
        assertThatThrownBy(() -> MaskRules.load(file, null).masker(USERS))
                .hasMessageStartingWith(file + ":3:5: expected a strategy that keeps a value for users.email");
        Files.writeString(file, "rules: [\n");
        assertThatThrownBy(() -> MaskRules.load(file, null)).isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith(file + ":1:9: expected valid YAML");
    }

    @Test
    void theKeyNeverAppearsInMessages() throws Exception {
        Files.writeString(file, "rules:\n  - match: users.email\n    strategy: nope\n");
        assertThatThrownBy(() -> MaskRules.load(file, "s3cret-key")).hasMessageNotContaining("s3cret-key");
    }
}
