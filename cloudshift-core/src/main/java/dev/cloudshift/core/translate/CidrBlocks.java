package dev.cloudshift.core.translate;

import java.util.List;

/** IPv4 CIDR arithmetic for carving a free subnet out of a virtual network's address space. */
final class CidrBlocks {

    private CidrBlocks() {
    }

    record Block(long start, int length) {
        long size() {
            return 1L << (32 - length);
        }

        boolean overlaps(Block o) {
            return start < o.start + o.size() && o.start < start + size();
        }

        @Override
        public String toString() {
            return ((start >> 24) & 255) + "." + ((start >> 16) & 255) + "." + ((start >> 8) & 255) + "." + (start & 255)
                    + "/" + length;
        }
    }

    /** Parses {@code 10.0.0.0/16}; null when it is not an IPv4 CIDR. */
    static Block parse(String cidr) {
        if (cidr == null) {
            return null;
        }
        String[] p = cidr.trim().split("/");
        String[] o = p[0].split("\\.");
        if (p.length != 2 || o.length != 4) {
            return null;
        }
        try {
            long ip = 0;
            for (String x : o) {
                int v = Integer.parseInt(x);
                if (v < 0 || v > 255) {
                    return null;
                }
                ip = (ip << 8) | v;
            }
            int len = Integer.parseInt(p[1]);
            if (len < 0 || len > 32) {
                return null;
            }
            long mask = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
            return new Block(ip & mask, len);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The first block of the given length inside {@code space} that overlaps none of {@code used}; null if full. */
    static Block firstFree(Block space, int length, List<Block> used) {
        if (length < space.length()) {
            return null;
        }
        long size = 1L << (32 - length);
        for (long s = space.start(); s + size <= space.start() + space.size(); s += size) {
            Block b = new Block(s, length);
            if (used.stream().noneMatch(b::overlaps)) {
                return b;
            }
        }
        return null;
    }
}
