package dev.cloudshift.data.verify;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The client-side twin of the {@code field}, {@code row} and {@code hash} expressions in
 * {@code verify/<dialect>.yaml}: a row's text joins one field per column with U+001F, a field being {@code 'V'} +
 * canonical text or {@code 'N'} for NULL; its hash is the last 60 bits of md5 over the UTF-8 bytes. Not thread-safe
 * (holds a digest); one per thread.
 */
public final class RowHash {

    static final char SEPARATOR = '\u001f';
    private static final long MASK60 = 0x0FFF_FFFF_FFFF_FFFFL;
    private final MessageDigest md5;
    private byte[] buffer = new byte[512];
    private int bytes;

    public RowHash() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The row text of canonical values (null for NULL), in the order given. */
    public static String rowText(List<String> values) {
        StringBuilder b = new StringBuilder();
        appendRow(b, values);
        return b.toString();
    }

    private static void appendRow(StringBuilder b, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(SEPARATOR);
            }
            String v = values.get(i);
            if (v == null) {
                b.append('N');
            } else {
                b.append('V').append(v);
            }
        }
    }

    /**
     * The 60-bit hash of the row text of these canonical values. Encodes the row straight into a reused UTF-8
     * buffer (no row String, no per-row byte array); identical to {@code hashText(rowText(values))}, including
     * String.getBytes' '?' for an unpaired surrogate.
     */
    public long hash(List<String> values) {
        bytes = 0;
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                put((byte) SEPARATOR);
            }
            String v = values.get(i);
            if (v == null) {
                put((byte) 'N');
            } else {
                put((byte) 'V');
                encode(v);
            }
        }
        md5.update(buffer, 0, bytes);
        return last60(md5.digest());
    }

    /** The 60-bit hash of a text: the last 15 hex digits of its md5 as an unsigned number. */
    public long hashText(String text) {
        return last60(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static long last60(byte[] d) {
        long v = 0;
        for (int i = 8; i < 16; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v & MASK60;
    }

    private void put(byte b) {
        if (bytes == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[bytes++] = b;
    }

    private void encode(String s) {
        int n = s.length();
        if (buffer.length - bytes < n * 3) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, bytes + n * 3));
        }
        byte[] b = buffer;
        int p = bytes;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xf0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                b[p++] = '?';
            } else {
                b[p++] = (byte) (0xe0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        bytes = p;
    }

    /** An exact running sum of 60-bit hashes, as the databases' numeric sum computes it. */
    public static final class Sum {
        private long low;
        private BigInteger high = BigInteger.ZERO;
        private long count;

        public void add(long hash60) {
            low += hash60;
            count++;
            if (low >= (1L << 62)) {
                high = high.add(BigInteger.valueOf(low));
                low = 0;
            }
        }

        public long count() {
            return count;
        }

        public BigInteger value() {
            return high.add(BigInteger.valueOf(low));
        }
    }
}
