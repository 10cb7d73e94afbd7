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
}
