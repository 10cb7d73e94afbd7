package dev.cloudshift.data.cast;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * What a target column can hold, looked up in {@code typemaps/target-types/<target>.yaml} from the target type
 * a cast rule produced. The kind fixes the Java class the converter hands to the writer:
 * BOOLEAN Boolean, INTEGER Long, DECIMAL BigDecimal, FLOAT32 Float, FLOAT64 Double, TEXT String, BYTES byte[],
 * DATE LocalDate, TIME LocalTime, TIMESTAMP LocalDateTime, TIMESTAMPTZ OffsetDateTime (UTC), JSON String (byte[]
 * of UTF-8 for H2, which reads a String as a JSON string literal), UUID String, ARRAY String in PostgreSQL's array
 * literal form (Object[] for H2, JSON text elsewhere), TEXTLIKE String (intervals, inet, bit strings: the
 * database parses them), OTHER the value unchanged.
 *
 * @param name          the target type as the rule wrote it, parsed
 * @param kind          see above
 * @param maxChars      most characters a text value may have (-1: no limit)
 * @param maxBytes      most UTF-8 bytes a text or binary value may have (-1: no limit)
 * @param precision     decimal precision (-1: unconstrained)
 * @param scale         decimal scale
 * @param min           smallest integer (null: none)
 * @param max           largest integer (null: none)
 * @param fraction      fractional-second digits kept for TIME/TIMESTAMP
 * @param earliest      earliest timestamp/date (null: none)
 * @param latest        latest timestamp/date (null: none)
 * @param element       element type of an ARRAY, else null
 * @param options       target-wide options
 */
public record TargetType(
        TypeName name,
        Kind kind,
        int maxChars,
        long maxBytes,
        int precision,
        int scale,
        BigDecimal min,
        BigDecimal max,
        int fraction,
        LocalDateTime earliest,
        LocalDateTime latest,
        TargetType element,
        TargetOptions options) {

    public enum Kind {
        BOOLEAN, INTEGER, DECIMAL, FLOAT32, FLOAT64, TEXT, BYTES, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, JSON, UUID,
        ARRAY, TEXTLIKE, OTHER
    }

    /**
     * Target-wide facts.
     *
     * @param rejectNulInText   PostgreSQL cannot store U+0000 in text
     * @param nonFiniteFloats   whether NaN and infinities can be stored
     * @param enforcesLength    whether varchar(n) limits are enforced (SQLite does not)
     * @param jsonAsBytes       bind JSON as UTF-8 bytes (H2)
     * @param arrays            {@code pg-literal}, {@code object-array} or {@code json}
     * @param infiniteTimes     whether dates and timestamps can be infinity/-infinity (PostgreSQL; sent as words)
     */
    public record TargetOptions(boolean rejectNulInText, boolean nonFiniteFloats, boolean enforcesLength,
                                boolean jsonAsBytes, String arrays, boolean infiniteTimes) {
    }
}
