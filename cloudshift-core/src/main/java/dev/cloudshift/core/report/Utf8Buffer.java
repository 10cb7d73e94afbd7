package dev.cloudshift.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Text appended as UTF-8 bytes into a list of chunks: it never copies what it holds to grow (a document of tens of
 * megabytes is a list of chunks, not one array doubled again and again), and it goes out to a stream chunk by chunk.
 * Not thread-safe.
 */
final class Utf8Buffer {

    private static final int CHUNK = 1 << 16;

    /** Finished chunks and how many bytes of each are used. */
    private final List<byte[]> chunks = new ArrayList<>();
    private final List<Integer> used = new ArrayList<>();
    private byte[] buf;
    private int pos;
    private long finished;

    Utf8Buffer() {
        this(CHUNK);
    }

    Utf8Buffer(int firstChunk) {
        buf = new byte[Math.max(16, firstChunk)];
    }

    /** Bytes held. */
    long size() {
        return finished + pos;
    }

    /** Room for {@code n} more bytes in the current chunk, starting a new chunk if needed. */
    private void room(int n) {
        if (buf.length - pos < n) {
            newChunk(n);
        }
    }

    private void newChunk(int atLeast) {
        if (pos > 0) {
            chunks.add(buf);
            used.add(pos);
            finished += pos;
        }
        buf = new byte[Math.max(CHUNK, atLeast)];
        pos = 0;
    }

    /** One ASCII character. */
    void ascii(char c) {
        if (pos == buf.length) {
            newChunk(1);
        }
        buf[pos++] = (byte) c;
    }

    /** Bytes already encoded (ASCII constants such as indentation). */
    void bytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** A string known to hold only characters below U+0080. */
    void ascii(String s) {
        ascii(s, 0, s.length());
    }

    /** Characters {@code from} to {@code to} of {@code s}, known to be below U+0080. */
    @SuppressWarnings("deprecation")
    void ascii(String s, int from, int to) {
        int n = to - from;
        room(n);
        s.getBytes(from, to, buf, pos); // the low byte of each char: exact for ASCII, and no copy of the string
        pos += n;
    }

    /** The decimal digits of {@code v}. */
    void decimal(long v) {
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        room(20);
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        pos = end;
    }

    /**
     * Characters {@code from} to {@code to} of {@code s} as UTF-8, as {@link String#getBytes(java.nio.charset.Charset)}
     * encodes them (an unpaired surrogate becomes {@code ?}).
     */
    void utf8(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                ascii(c);
            } else if (c < 0x800) {
                room(2);
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    room(4);
                    buf[pos++] = (byte) (0xF0 | (cp >> 18));
                    buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buf[pos++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    ascii('?');
                }
            } else {
                room(3);
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /** Appends everything {@code other} holds (its chunks are shared, not copied; {@code other} must not change after). */
    void append(Utf8Buffer other) {
        if (other.size() <= buf.length - pos) {
            other.forEachChunk((b, n) -> {
                System.arraycopy(b, 0, buf, pos, n);
                pos += n;
            });
            return;
        }
        if (pos > 0) {
            chunks.add(buf);
            used.add(pos);
            finished += pos;
        }
        other.forEachChunk((b, n) -> {
            chunks.add(b);
            used.add(n);
            finished += n;
        });
        buf = new byte[CHUNK];
        pos = 0;
    }

    private interface ChunkConsumer {
        void accept(byte[] chunk, int length) throws IOException;
    }

    private void forEachChunk(ChunkConsumer c) {
        try {
            eachChunk(c);
        } catch (IOException e) {
            throw new IllegalStateException(e); // in-memory consumers do not throw
        }
    }

    private void eachChunk(ChunkConsumer c) throws IOException {
        for (int i = 0; i < chunks.size(); i++) {
            c.accept(chunks.get(i), used.get(i));
        }
        if (pos > 0) {
            c.accept(buf, pos);
        }
    }

    /** Writes the bytes held to {@code out}, chunk by chunk. */
    void writeTo(OutputStream out) throws IOException {
        eachChunk((b, n) -> out.write(b, 0, n));
    }

    /** Writes the bytes held to {@code out} and empties this buffer (keeping its current chunk for reuse). */
    void drainTo(OutputStream out) throws IOException {
        writeTo(out);
        chunks.clear();
        used.clear();
        finished = 0;
        pos = 0;
    }

    /** The text held. */
    @Override
    public String toString() {
        long n = size();
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("text of " + n + " bytes is too long for one string");
        }
        byte[] all = new byte[(int) n];
        int[] at = {0};
        forEachChunk((b, len) -> {
            System.arraycopy(b, 0, all, at[0], len);
            at[0] += len;
        });
        return new String(all, StandardCharsets.UTF_8);
    }
}
