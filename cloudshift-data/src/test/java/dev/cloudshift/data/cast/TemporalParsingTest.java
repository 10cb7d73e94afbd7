package dev.cloudshift.data.cast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Text dates and times read by hand: every shape the cast accepts, the same validation, no parser state per value. */
class TemporalParsingTest {

    @Test
    void zonedAndShortShapesParseToTheSameInstant() throws Exception {
        LocalDateTime utc = LocalDateTime.of(2024, 2, 29, 11, 14, 15, 123_000_000);
        for (String s : new String[] {"2024-02-29 13:14:15.123+02:00", "2024-02-29T13:14:15.123+02:00",
            "2024-02-29 13:14:15.123 +02:00", "2024-02-29 13:14:15.123+02", "2024-02-29 11:14:15.123Z",
            "2024-02-29 11:14:15.123 Z", "2024-02-29 09:44:15.123-01:30", " 2024-02-29 11:14:15.123Z "}) {
            assertThat(TemporalParsing.timestamp(s)).as(s).isEqualTo(utc);
            assertThat(TemporalParsing.timestampTz(s)).as(s).isEqualTo(utc.atOffset(ZoneOffset.UTC));
            assertThat(TemporalParsing.byHand(s)).as(s + " read by hand").isInstanceOf(OffsetDateTime.class);
        }
        assertThat(TemporalParsing.timestamp("2024-02-29 13:14")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14));
        assertThat(TemporalParsing.timestamp("2024-02-29T13:14:15.123456789+00:00"))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_789));
        assertThat(TemporalParsing.timestampTz("2024-02-29 13:14:15")).isEqualTo(OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 0, ZoneOffset.UTC));
        assertThat(TemporalParsing.date("2024-02-29 23:59:59-05:00")).isEqualTo(java.time.LocalDate.of(2024, 3, 1));
        assertThat(TemporalParsing.time("13:14")).isEqualTo(LocalTime.of(13, 14));
        assertThat(TemporalParsing.time("13:14:15.000001")).isEqualTo(LocalTime.of(13, 14, 15, 1000));
    }

    @Test
    void invalidDatesTimesAndZonesAreRejected() {
        for (String s : new String[] {"2024-02-30 00:00:00+02:00", "2023-02-29", "2024-13-01 00:00", "2024-02-29 24:00:00Z",
            "2024-02-29 13:60", "2024-02-29 13:14:61+01:00", "2024-02-29 13:14:15+19:00",
            "2024-02-29 13:14:15.1234567890Z", "2024-02-29 13:14:15+2:00", "2024-02-29 13:14:15 UTC",
            "2024-02-29x", "02/29/2024"}) {
            assertThatThrownBy(() -> TemporalParsing.timestamp(s)).as(s).isInstanceOf(RejectedValueException.class);
            assertThatThrownBy(() -> TemporalParsing.timestampTz(s)).as(s).isInstanceOf(RejectedValueException.class);
        }
        for (String s : new String[] {"24:00", "13:60", "13:14:60", "1:02", "838:59:59"}) {
            assertThatThrownBy(() -> TemporalParsing.time(s)).as(s).isInstanceOf(RejectedValueException.class);
        }
    }

    /**
     * A copy reads millions of text timestamps: the zoned ones must not go through a {@code DateTimeFormatter}
     * (a field map and a resolver per value, about 1.5 KB of garbage each). Counts the bytes this thread allocates,
     * not time: the result objects alone are about 150 bytes.
     */
    @Test
    void zonedTimestampsAndTimesAllocateOnlyTheirResults() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String[] values = {"2024-02-29 13:14:15.123456+02:00", "2024-02-29T13:14:15Z", "2024-02-29 13:14:15 -05:30"};
        long sink = 0;
        for (int i = 0; i < 20_000; i++) { // warm up (class loading, the JIT)
            sink += TemporalParsing.timestamp(values[i % 3]).getNano() + TemporalParsing.time("13:14:15.5").getNano();
        }
        int n = 30_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            sink += TemporalParsing.timestamp(values[i % 3]).getSecond();
            sink += TemporalParsing.timestampTz(values[i % 3]).getSecond();
            sink += TemporalParsing.time("13:14:15.5").getSecond();
        }
        long perValue = (threads.getCurrentThreadAllocatedBytes() - before) / (3L * n);
        assertThat(sink).isPositive();
        assertThat(perValue).as("bytes allocated per parsed value").isLessThan(300);
    }
}
