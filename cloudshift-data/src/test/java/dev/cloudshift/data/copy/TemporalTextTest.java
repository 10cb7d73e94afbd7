package dev.cloudshift.data.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TemporalTextTest {

    @Test
    void alwaysWritesSecondsAndOnlyNeededFractionDigits() {
        assertThat(TemporalText.format(LocalDateTime.of(2024, 1, 2, 3, 4))).isEqualTo("2024-01-02 03:04:00");
        assertThat(TemporalText.format(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000))).isEqualTo("2024-01-02 03:04:05.12");
        assertThat(TemporalText.format(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 1))).isEqualTo("2024-01-02 03:04:05.000000001");
        assertThat(TemporalText.format(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))).isEqualTo("2024-01-02 03:04:05+00:00");
        assertThat(TemporalText.format(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(-5, -30))))
                .isEqualTo("2024-01-02 03:04:05-05:30");
        assertThat(TemporalText.format(LocalDate.of(7, 3, 9))).isEqualTo("0007-03-09");
        assertThat(TemporalText.format(LocalTime.MIDNIGHT)).isEqualTo("00:00:00");
        assertThat(TemporalText.format("not temporal")).isNull();
    }
}
