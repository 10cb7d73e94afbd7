package dev.cloudshift.data.copy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows that could not be copied, one JSON object per line:
 * {@code {"table":..., "chunk":n, "key":{pk column: value}, "column":..., "reason":..., "value":{"type":..., "length":...}}}.
 *
 * <p>The rejected value itself is never written: a column may hold secrets, and a reject file travels further
 * than the database. Only its Java type and length are kept, enough to tell an empty string from a 10 MB blob.
 * The key is written as is so the row can be found in the source; {@code column} is null when the target
 * refused the whole row (the reason is then the database's message). A file opened with resume appends.
 * Lines are written after the chunk's transaction commits: a chunk retried after a failure never writes twice;
 * a crash between a commit and the write can lose that chunk's lines, while the checkpoint table keeps the
 * exact count.
 */
public final class RejectLog implements Closeable {
    private final OutputStream stream;
    private final JsonGenerator json;
    private final AtomicLong count = new AtomicLong();

    private RejectLog(OutputStream stream) throws IOException {
        this.stream = stream;
        this.json = stream == null ? null : new JsonFactory().createGenerator(stream, JsonEncoding.UTF8);
        if (json != null) {
            json.setRootValueSeparator(null);
        }
    }

    /** Appends to {@code file} (creating it), or keeps count only when file is null. */
    public static RejectLog open(Path file, boolean append) throws IOException {
        if (file == null) {
            return new RejectLog(null);
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        return new RejectLog(new java.io.BufferedOutputStream(out, 1 << 16));
    }

    public long count() {
        return count.get();
    }

    /** One rejected row; built by {@link #of} so the value itself is never kept. */
    public record Reject(String table, int chunk, Map<String, Object> key, String column, String reason,
            String valueType, long valueLength) {
    }

    public static Reject of(String table, int chunk, Map<String, Object> key, String column, String reason, Object value) {
        long length = value instanceof CharSequence s ? s.length() : value instanceof byte[] b ? b.length : -1;
        return new Reject(table, chunk, key, column, reason == null ? "rejected" : JdbcEndpoint.redact(reason),
                column == null ? null : value == null ? "null" : value.getClass().getSimpleName(), length);
    }

    /** Writes a committed chunk's rejects (after its commit, so a retried chunk never writes twice). */
    public synchronized void write(java.util.Collection<Reject> rejects) {
        count.addAndGet(rejects.size());
        if (json == null || rejects.isEmpty()) {
            return;
        }
        try {
            for (Reject r : rejects) {
                json.writeStartObject();
                json.writeStringField("table", r.table());
                json.writeNumberField("chunk", r.chunk());
                json.writeObjectFieldStart("key");
                for (Map.Entry<String, Object> e : r.key().entrySet()) {
                    json.writeFieldName(e.getKey());
                    writeScalar(e.getValue());
                }
                json.writeEndObject();
                json.writeStringField("column", r.column());
                json.writeStringField("reason", r.reason());
                if (r.valueType() != null) {
                    json.writeObjectFieldStart("value");
                    json.writeStringField("type", r.valueType());
                    if (r.valueLength() >= 0) {
                        json.writeNumberField("length", r.valueLength());
                    }
                    json.writeEndObject();
                }
                json.writeEndObject();
                json.writeRaw('\n');
            }
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes to disk, so the file is complete before the chunk's transaction commits. */
    public synchronized void flush() {
        if (json != null) {
            try {
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void writeScalar(Object v) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            json.writeNumber(((Number) v).longValue());
        } else if (v instanceof java.math.BigDecimal d) {
            json.writeNumber(d);
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof byte[] b) {
            json.writeString(java.util.HexFormat.of().formatHex(b));
        } else {
            json.writeString(v.toString());
        }
    }

    public static Map<String, Object> key(java.util.List<String> names, Object[] values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), values[i]);
        }
        return m;
    }

    @Override
    public synchronized void close() throws IOException {
        if (json != null) {
            json.close();
            stream.close();
        }
    }
}
