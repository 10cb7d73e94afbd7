package dev.cloudshift.data.cast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** JSON text for values that have no JSON column on the target (arrays to MySQL/SQLite), and back. */
final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {
    }

    static String write(Object v) throws RejectedValueException {
        try {
            return MAPPER.writeValueAsString(plain(v));
        } catch (JsonProcessingException e) {
            throw new RejectedValueException("cannot be written as JSON");
        }
    }

    private static Object plain(Object v) throws RejectedValueException {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer
                || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new RejectedValueException("NaN or infinity cannot be written as JSON");
            }
            return d;
        }
        if (v instanceof Float f) {
            return plain(Double.parseDouble(Float.toString(f)));
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object e : list) {
                out.add(plain(e));
            }
            return out;
        }
        if (v instanceof Object[] array) {
            return plain(List.of(array));
        }
        return Coercions.asText(v);
    }

    /** Parses JSON text into Lists, Strings, Longs, BigDecimals, Booleans and nulls (objects stay JsonNode text). */
    static Object read(String s) throws RejectedValueException {
        try {
            return value(MAPPER.readTree(s));
        } catch (JsonProcessingException e) {
            throw new RejectedValueException("invalid JSON");
        }
    }

    private static Object value(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(e -> out.add(value(e)));
            return out;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        return n.toString();
    }
}
