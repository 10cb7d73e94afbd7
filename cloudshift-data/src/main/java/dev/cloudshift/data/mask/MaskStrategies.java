package dev.cloudshift.data.mask;

import dev.cloudshift.data.cast.RejectedValueException;
import dev.cloudshift.data.cast.ValueConverter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The masking strategies. Every one that changes a value is keyed: HMAC-SHA256 of the value under the mask key,
 * so the same input gives the same output in every table and every run with the same key (joins and unique keys
 * survive), and nobody without the key can recompute the mapping from a list of candidate values.
 */
final class MaskStrategies {

    private static final List<String> FIRST = words("/mask/first-names.txt");
    private static final List<String> LAST = words("/mask/last-names.txt");
    private static final List<String> DOMAINS = words("/mask/email-domains.txt");
    /** Under RFC 2606's reserved .test TLD, for columns too short for {@code <8 chars>@example.org}. */
    private static final String SHORT_DOMAIN = "a.test";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final byte[] key;
    private final ThreadLocal<Mac> mac;

    MaskStrategies(byte[] key) {
        this.key = key == null ? null : key.clone();
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static List<String> words(String resource) {
        try (InputStream in = MaskStrategies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String w = line.trim();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    out.add(w);
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HMAC-SHA256 of {@code purpose:value}, purpose separating strategies (a hash never equals a fake email's). */
    byte[] hmac(String purpose, Object value) {
        Mac m = mac.get();
        m.update(purpose.getBytes(StandardCharsets.UTF_8));
        m.update((byte) 0);
        return m.doFinal(canonicalBytes(value));
    }

    /** The bytes a value is hashed as: one form per value whatever the database it came from. */
    static byte[] canonicalBytes(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof BigDecimal d) {
            return (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString()).getBytes(StandardCharsets.UTF_8);
        }
        return String.valueOf(v).getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------- strategies

    static ValueConverter nulling() {
        return v -> null;
    }

    static ValueConverter constant(String text) {
        return v -> {
            try {
                return constantLike(text, v);
            } catch (RuntimeException e) {
                throw new dev.cloudshift.data.cast.RejectedValueException(
                        "mask constant does not fit the column's type");
            }
        };
    }

    private static Object constantLike(String text, Object v) {
        {
            if (v == null) {
                return null;
            }
            if (v instanceof Long) {
                return Long.parseLong(text.trim());
            }
            if (v instanceof BigDecimal) {
                return new BigDecimal(text.trim());
            }
            if (v instanceof Double) {
                return Double.parseDouble(text.trim());
            }
            if (v instanceof Boolean) {
                return Boolean.parseBoolean(text.trim());
            }
            if (v instanceof LocalDate) {
                return LocalDate.parse(text.trim());
            }
            if (v instanceof byte[]) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            return text;
        }
    }

    /**
     * Hex of the HMAC for text, cut to {@code maxLength} (so it fits the column); for integers, a non-negative
     * number below {@code maxInteger}; for bytes, the HMAC cut or repeated to the original length.
     */
    ValueConverter hash(int maxLength, long maxInteger) {
        return v -> {
            if (v == null) {
                return null;
            }
            byte[] h = hmac("hash", v);
            if (v instanceof Long) {
                long n = new BigInteger(1, h).mod(BigInteger.valueOf(maxInteger)).longValue();
                return n;
            }
            if (v instanceof BigDecimal d) {
                int digits = Math.max(1, d.precision() - d.scale());
                return new BigDecimal(new BigInteger(1, h).mod(BigInteger.TEN.pow(Math.min(digits, 18))));
            }
            if (v instanceof byte[] b) {
                byte[] out = new byte[b.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = h[i % h.length];
                }
                return out;
            }
            String hex = HexFormat.of().formatHex(h);
            int len = maxLength > 0 ? Math.min(maxLength, hex.length()) : hex.length();
            return hex.substring(0, len);
        };
    }

    /** A name from the lists: {@code full} "First Last", {@code first} or {@code last}; cut to {@code maxLength}. */
    ValueConverter fakeName(String part, int maxLength) {
        return v -> {
            if (v == null) {
                return null;
            }
            byte[] h = hmac("name", v);
            ByteBuffer bb = ByteBuffer.wrap(h);
            String first = FIRST.get(Math.floorMod(bb.getInt(), FIRST.size()));
            String last = LAST.get(Math.floorMod(bb.getInt(), LAST.size()));
            String name = switch (part) {
                case "first" -> first;
                case "last" -> last;
                default -> first + " " + last;
            };
            return maxLength > 0 && name.length() > maxLength ? name.substring(0, maxLength) : name;
        };
    }

    /**
     * {@code first.last.<13 base32 chars>@example.org}: a valid address at a reserved domain. The 65 bits from the
     * HMAC make any two of n different inputs share an address with odds of about n^2/2^66 (1 in 70 million for
     * a million addresses), so unique inputs stay unique in practice. When the column is short, the name part
     * goes first, then the hash is cut (not below 8 characters while the domain fits); a column under 20
     * characters gets the domain {@code a.test} and as much hash as fits ({@code varchar(15)}: 8 characters,
     * 40 bits); one under 8 characters cannot hold an address and the value is rejected.
     */
    ValueConverter fakeEmail(int maxLength) {
        return v -> {
            if (v == null) {
                return null;
            }
            byte[] h = hmac("email", v);
            ByteBuffer bb = ByteBuffer.wrap(h);
            String first = FIRST.get(Math.floorMod(bb.getInt(), FIRST.size())).toLowerCase();
            String last = LAST.get(Math.floorMod(bb.getInt(), LAST.size())).toLowerCase();
            String domain = DOMAINS.get(Math.floorMod(bb.getInt(), DOMAINS.size()));
            String tag = base32(Arrays.copyOfRange(h, 12, 32), 13);
            String email = first + "." + last + "." + tag + "@" + domain;
            if (maxLength > 0 && email.length() > maxLength) {
                if (maxLength - 1 - domain.length() < 8) {
                    domain = SHORT_DOMAIN; // a column under 20 characters: the shortest reserved domain
                }
                int room = maxLength - 1 - domain.length();
                if (room < 1) {
                    throw new RejectedValueException("column too short for a fake email (" + maxLength + " characters)");
                }
                email = tag.substring(0, Math.min(tag.length(), room)) + "@" + domain;
            }
            return email;
        };
    }

    /**
     * Every digit replaced by a keyed digit, everything else (+, spaces, dashes, parentheses, letters) kept: same
     * length, same pattern. A number stays a number with as many digits and no leading zero.
     */
    ValueConverter fakePhone() {
        return v -> {
            if (v == null) {
                return null;
            }
            String s = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
            byte[] h = hmac("phone", s);
            StringBuilder out = new StringBuilder(s.length());
            int digit = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    if (digit >= h.length) {
                        h = hmac("phone", s + "#" + digit); // more digits than one HMAC: extend the stream
                        digit = 0;
                    }
                    int d = (h[digit++] & 0xFF) % 10;
                    if (out.length() == 0 && !(v instanceof String) && d == 0) {
                        d = 1 + (h[h.length - 1] & 0xFF) % 9;
                    }
                    out.append((char) ('0' + d));
                } else {
                    out.append(c);
                }
            }
            if (v instanceof Long) {
                return Long.parseLong(out.toString());
            }
            if (v instanceof BigDecimal) {
                return new BigDecimal(out.toString());
            }
            return out.toString();
        };
    }

    /** Moves a date by 1 to {@code days} days, earlier or later, the amount keyed by the value. Dates stay dates. */
    ValueConverter shiftDate(int days) {
        return v -> {
            if (v == null) {
                return null;
            }
            byte[] h = hmac("date", v instanceof OffsetDateTime o ? o.toInstant().toString() : v);
            ByteBuffer bb = ByteBuffer.wrap(h);
            long magnitude = 1 + Math.floorMod(bb.getLong(), (long) days);
            long shift = (h[8] & 1) == 0 ? magnitude : -magnitude;
            if (v instanceof LocalDate d) {
                return d.plusDays(shift);
            }
            if (v instanceof LocalDateTime t) {
                return t.plusDays(shift);
            }
            if (v instanceof OffsetDateTime t) {
                return t.plusDays(shift);
            }
            if (v instanceof String s) {
                try {
                    if (s.length() == 10) {
                        return LocalDate.parse(s).plusDays(shift).toString();
                    }
                    return LocalDateTime.parse(s.replace(' ', 'T')).plusDays(shift).toString().replace('T', ' ');
                } catch (DateTimeParseException e) {
                    return s; // not a date: nothing to shift
                }
            }
            return v;
        };
    }

    private static String base32(byte[] bytes, int chars) {
        BigInteger n = new BigInteger(1, bytes);
        StringBuilder sb = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            sb.append(BASE32[n.intValue() & 31]);
            n = n.shiftRight(5);
        }
        return sb.toString();
    }
}
