package dev.cloudshift.data.verify;

/**
 * A part of a table verify checks as a whole: the rows whose integer range key is in {@code [lo, hi)} (when
 * {@code ranged}) and whose 60-bit key hash is {@code residue} modulo {@code modulus} (when {@code modulus > 1}).
 * Key hashes, not text order, split tables keyed by text, so no two databases need to sort text alike.
 */
public record Segment(boolean ranged, long lo, long hi, long modulus, long residue) {

    public static Segment range(long lo, long hi) {
        return new Segment(true, lo, hi, 1, 0);
    }

    public static Segment whole() {
        return new Segment(false, 0, 0, 1, 0);
    }

    /** True when the row with this range key and key hash belongs here. */
    public boolean contains(long key, long keyHash) {
        return (!ranged || (key >= lo && key < hi)) && (modulus <= 1 || Math.floorMod(keyHash, modulus) == residue);
    }

    /** How this segment splits into at most {@code fanout} children: by range while it spans several keys. */
    public Split split(int fanout) {
        if (ranged && hi - lo > 1) {
            long span = hi - lo;
            long width = Math.max(1, (span + fanout - 1) / fanout);
            return new Split(true, width, modulus);
        }
        return new Split(false, 0, Math.multiplyExact(modulus, (long) fanout));
    }

    /** False when splitting by hash would exceed 2^50 buckets (only identical duplicate rows get there). */
    public boolean splittable(int fanout) {
        return (ranged && hi - lo > 1) || modulus <= (1L << 50) / fanout;
    }

    /** The child with this index (range split) or residue (hash split). */
    public Segment child(Split split, long index) {
        if (split.byRange()) {
            long childLo = lo + index * split.width();
            return new Segment(true, childLo, Math.min(hi, childLo + split.width()), modulus, residue);
        }
        return new Segment(ranged, lo, hi, split.modulus(), index);
    }

    /** A split of a segment: by key range in steps of {@code width}, or by key hash modulo {@code modulus}. */
    public record Split(boolean byRange, long width, long modulus) {
        /** The child index of a row: its range step or its hash residue. */
        public long childOf(Segment parent, long key, long keyHash) {
            return byRange ? (key - parent.lo()) / width : Math.floorMod(keyHash, modulus);
        }
    }

    /** Row count and exact sum of 60-bit row hashes of a segment. */
    public record Checksum(long count, java.math.BigInteger sum) {
    }
}
