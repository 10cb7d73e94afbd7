package dev.cloudshift.core.plan;

import java.util.Comparator;

/**
 * Orders resource addresses as a person reads them: text compared as text, runs of digits compared as
 * numbers, so {@code aws_subnet.private[2]} comes before {@code aws_subnet.private[10]}.
 */
public final class AddressOrder implements Comparator<String> {

    public static final AddressOrder INSTANCE = new AddressOrder();

    private AddressOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int la = a.length();
        int lb = b.length();
        // Addresses share long prefixes (module.team042_app[3].aws_...): characters both have in common compare equal
        // in either reading, so start at the first difference, backed up to the start of the run of digits it is in.
        int i = commonPrefix(a, b, Math.min(la, lb));
        while (i > 0 && isDigit(a.charAt(i - 1))) {
            i--;
        }
        int j = i;
        while (i < la && j < lb) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                // skip leading zeros, then the longer run of significant digits is the larger number
                while (i < la && a.charAt(i) == '0') {
                    i++;
                }
                while (j < lb && b.charAt(j) == '0') {
                    j++;
                }
                int di = i;
                int dj = j;
                while (i < la && isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < lb && isDigit(b.charAt(j))) {
                    j++;
                }
                int lenA = i - di;
                int lenB = j - dj;
                if (lenA != lenB) {
                    return Integer.compare(lenA, lenB);
                }
                for (int k = 0; k < lenA; k++) {
                    int c = Character.compare(a.charAt(di + k), b.charAt(dj + k));
                    if (c != 0) {
                        return c;
                    }
                }
                // equal values written with different leading zeros: the final plain comparison decides
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(la - i, lb - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int commonPrefix(String a, String b, int max) {
        int p = 0;
        while (p < max && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        return p;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
