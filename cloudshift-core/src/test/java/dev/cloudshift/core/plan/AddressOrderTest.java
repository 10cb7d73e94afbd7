package dev.cloudshift.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressOrderTest {

    @Test
    void numbersCompareAsNumbers() {
        List<String> a = new ArrayList<>(List.of("aws_subnet.private[10]", "aws_subnet.private[9]", "aws_subnet.private[1]",
                "aws_subnet.public[0]", "aws_subnet.private[010]", "aws_eip.nat[0]"));
        a.sort(AddressOrder.INSTANCE);
        assertThat(a).containsExactly("aws_eip.nat[0]", "aws_subnet.private[1]", "aws_subnet.private[9]",
                "aws_subnet.private[010]", "aws_subnet.private[10]", "aws_subnet.public[0]");
    }

    @Test
    void isAConsistentTotalOrder() {
        assertThat(AddressOrder.INSTANCE.compare("a1", "a01")).isNotZero();
        assertThat(Integer.signum(AddressOrder.INSTANCE.compare("a1", "a01")))
                .isEqualTo(-Integer.signum(AddressOrder.INSTANCE.compare("a01", "a1")));
        assertThat(AddressOrder.INSTANCE.compare("x", "x")).isZero();
        assertThat(AddressOrder.INSTANCE.compare("x", "x.y")).isNegative();
    }

    @Test
    void startingAtTheFirstDifferenceGivesWhatComparingFromTheStartGives() {
        java.util.Random random = new java.util.Random(11);
        String alphabet = "000112789ab.[]_\"";
        for (int round = 0; round < 200_000; round++) {
            String prefix = random.nextInt(3) == 0 ? "" : "module.team0" + random.nextInt(30) + "_app[" + random.nextInt(12) + "].";
            String a = prefix + randomText(random, alphabet);
            String b = random.nextInt(4) == 0 ? a + randomText(random, alphabet)
                    : (random.nextBoolean() ? prefix : "module.team0" + random.nextInt(30) + "_app[") + randomText(random, alphabet);
            assertThat(Integer.signum(AddressOrder.INSTANCE.compare(a, b))).as("%s vs %s", a, b).isEqualTo(Integer.signum(reference(a, b)));
        }
    }

    private static String randomText(java.util.Random random, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** The comparison as it was written before it skipped the common prefix: reads both addresses from the start. */
    private static int reference(String a, String b) {
        int i = 0;
        int j = 0;
        int la = a.length();
        int lb = b.length();
        while (i < la && j < lb) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isAsciiDigit(ca) && isAsciiDigit(cb)) {
                // skip leading zeros, then the longer run of significant digits is the larger number
                while (i < la && a.charAt(i) == '0') {
                    i++;
                }
                while (j < lb && b.charAt(j) == '0') {
                    j++;
                }
                int di = i;
                int dj = j;
                while (i < la && isAsciiDigit(a.charAt(i))) {
                    i++;
                }
                while (j < lb && isAsciiDigit(b.charAt(j))) {
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

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
