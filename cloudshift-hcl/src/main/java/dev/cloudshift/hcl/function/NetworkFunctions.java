package dev.cloudshift.hcl.function;

import static dev.cloudshift.hcl.eval.Conversions.asNumber;
import static dev.cloudshift.hcl.eval.Conversions.asString;

import dev.cloudshift.hcl.eval.EvalException;
import dev.cloudshift.hcl.eval.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** cidrsubnet, cidrsubnets, cidrhost, cidrnetmask for IPv4 and IPv6, with Terraform's semantics. */
final class NetworkFunctions {
    private NetworkFunctions() {
    }

    /** A parsed prefix: the network address (host bits cleared), its length, and the address width. */
    record Cidr(BigInteger network, int prefixLength, int bits) {
        BigInteger size() {
            return BigInteger.ONE.shiftLeft(bits - prefixLength);
        }

        String format(BigInteger addr, int len) {
            return formatAddress(addr, bits) + "/" + len;
        }
    }

    static void register(FunctionLibrary.Registry r) {
        r.add("cidrsubnet", 3, 3, false, (a, c) -> {
            Cidr cidr = parseCidr(asString(a.get(0), "prefix"));
            int newbits = wholeNumber(a.get(1), "newbits");
            BigInteger netnum = wholeBig(a.get(2), "netnum");
            int newLen = cidr.prefixLength() + newbits;
            if (newbits < 0 || newLen > cidr.bits()) {
                throw new EvalException("insufficient address space to extend the prefix by " + newbits + " bits");
            }
            if (netnum.signum() < 0 || netnum.compareTo(BigInteger.ONE.shiftLeft(newbits)) >= 0) {
                throw new EvalException("netnum does not fit in " + newbits + " bits");
            }
            BigInteger addr = cidr.network().or(netnum.shiftLeft(cidr.bits() - newLen));
            return Value.string(cidr.format(addr, newLen));
        });
        r.add("cidrsubnets", 1, -1, false, (a, c) -> {
            Cidr cidr = parseCidr(asString(a.get(0), "prefix"));
            BigInteger end = cidr.network().add(cidr.size());
            BigInteger current = cidr.network();
            List<Value> out = new ArrayList<>();
            for (int i = 1; i < a.size(); i++) {
                int nb = wholeNumber(a.get(i), "newbits");
                int len = cidr.prefixLength() + nb;
                if (nb < 1 || len > cidr.bits()) {
                    throw new EvalException("argument " + (i + 1) + ": newbits must be at least 1 and fit the address");
                }
                BigInteger size = BigInteger.ONE.shiftLeft(cidr.bits() - len);
                BigInteger[] qr = current.subtract(cidr.network()).divideAndRemainder(size);
                BigInteger start = cidr.network().add(qr[0].add(qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO).multiply(size));
                if (start.add(size).compareTo(end) > 0) {
                    throw new EvalException("not enough remaining address space for a subnet with a prefix of " + len + " bits");
                }
                out.add(Value.string(cidr.format(start, len)));
                current = start.add(size);
            }
            return Value.list(out);
        });
        r.add("cidrhost", 2, 2, false, (a, c) -> {
            Cidr cidr = parseCidr(asString(a.get(0), "prefix"));
            BigInteger host = wholeBig(a.get(1), "hostnum");
            BigInteger size = cidr.size();
            if (host.signum() < 0) {
                host = size.add(host);
            }
            if (host.signum() < 0 || host.compareTo(size) >= 0) {
                throw new EvalException("host number is out of range for the prefix");
            }
            return Value.string(formatAddress(cidr.network().add(host), cidr.bits()));
        });
        r.add("cidrnetmask", 1, 1, false, (a, c) -> {
            Cidr cidr = parseCidr(asString(a.get(0), "prefix"));
            if (cidr.bits() != 32) {
                throw new EvalException("only IPv4 prefixes have a netmask");
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(32 - cidr.prefixLength()).subtract(BigInteger.ONE));
            return Value.string(formatAddress(mask, 32));
        });
    }

    private static int wholeNumber(Value v, String what) {
        BigDecimal d = asNumber(v, what);
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            throw new EvalException(what + " must be a whole number");
        }
    }

    private static BigInteger wholeBig(Value v, String what) {
        try {
            return asNumber(v, what).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new EvalException(what + " must be a whole number");
        }
    }

    static Cidr parseCidr(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new EvalException("invalid CIDR address: expected address/length");
        }
        String addrText = s.substring(0, slash);
        int len;
        try {
            len = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new EvalException("invalid CIDR prefix length");
        }
        boolean v6 = addrText.contains(":");
        int bits = v6 ? 128 : 32;
        if (len < 0 || len > bits) {
            throw new EvalException("invalid CIDR prefix length");
        }
        BigInteger addr = v6 ? parseV6(addrText) : parseV4(addrText);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - len).subtract(BigInteger.ONE);
        return new Cidr(addr.andNot(hostMask), len, bits);
    }

    private static BigInteger parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw new EvalException("invalid IPv4 address");
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new EvalException("invalid IPv4 address");
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                throw new EvalException("invalid IPv4 address");
            }
            v = (v << 8) | octet;
        }
        return BigInteger.valueOf(v);
    }

    private static BigInteger parseV6(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            throw new EvalException("invalid IPv6 address");
        }
        List<Integer> head = groups(dbl >= 0 ? s.substring(0, dbl) : s);
        List<Integer> tail = dbl >= 0 ? groups(s.substring(dbl + 2)) : List.of();
        int missing = 8 - head.size() - tail.size();
        if ((dbl < 0 && missing != 0) || (dbl >= 0 && missing < 1)) {
            throw new EvalException("invalid IPv6 address");
        }
        BigInteger v = BigInteger.ZERO;
        List<Integer> all = new ArrayList<>(head);
        for (int i = 0; i < missing; i++) {
            all.add(0);
        }
        all.addAll(tail);
        for (int g : all) {
            v = v.shiftLeft(16).or(BigInteger.valueOf(g));
        }
        return v;
    }

    private static List<Integer> groups(String s) {
        List<Integer> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        for (String g : s.split(":", -1)) {
            if (g.isEmpty() || g.length() > 4) {
                throw new EvalException("invalid IPv6 address");
            }
            try {
                out.add(Integer.parseInt(g, 16));
            } catch (NumberFormatException e) {
                throw new EvalException("invalid IPv6 address");
            }
        }
        return out;
    }

    /** Dotted quad, or RFC 5952 IPv6 (lowercase, longest zero run of 2+ groups compressed). */
    static String formatAddress(BigInteger addr, int bits) {
        if (bits == 32) {
            long v = addr.longValue();
            return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
        }
        int[] g = new int[8];
        for (int i = 7; i >= 0; i--) {
            g[i] = addr.and(BigInteger.valueOf(0xffff)).intValue();
            addr = addr.shiftRight(16);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
