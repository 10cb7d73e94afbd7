package dev.cloudshift.data.cast;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Reads dates and times stored as text (SQLite, or any text column cast to a temporal type): {@code 2024-01-02},
 * {@code 2024-01-02 03:04:05}, {@code 2024-01-02T03:04:05.123456}, optionally with {@code Z} or {@code +02:00}.
 */
final class TemporalParsing {

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(TIME)
            .optionalEnd()
            .optionalStart().optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH:mm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter();

    private TemporalParsing() {
    }

    static LocalTime time(String s) throws RejectedValueException {
        try {
            return LocalTime.parse(s.trim(), TIME);
        } catch (DateTimeParseException e) {
            throw new RejectedValueException("not a time of day");
        }
    }

    /** A timestamp; one written with an offset is moved to UTC. */
    static LocalDateTime timestamp(String s) throws RejectedValueException {
        var parsed = parse(s);
        try {
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.from(parsed);
        } catch (java.time.DateTimeException e) {
            throw new RejectedValueException("not a date or timestamp");
        }
    }

    /** A timestamp with zone; one written without an offset is taken as UTC. */
    static OffsetDateTime timestampTz(String s) throws RejectedValueException {
        var parsed = parse(s);
        try {
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed).withOffsetSameInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.from(parsed).atOffset(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            throw new RejectedValueException("not a date or timestamp");
        }
    }

    static LocalDate date(String s) throws RejectedValueException {
        return timestamp(s).toLocalDate();
    }

    private static java.time.temporal.TemporalAccessor parse(String s) throws RejectedValueException {
        try {
            return TIMESTAMP.parse(s.trim());
        } catch (java.time.DateTimeException e) {
            throw new RejectedValueException("not a date or timestamp");
        }
    }
}
