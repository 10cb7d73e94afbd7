package dev.cloudshift.data.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.data.copy.CopyResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopySummaryTableTest {

    @Test
    void showsEveryTableATotalAndTheReconciliation() {
        CopyResult ok = new CopyResult(List.of(
                new CopyResult.TableResult("customers", 300, 300, 0, 0.5, 600),
                new CopyResult.TableResult("order_lines", 2000, 1998, 2, 1.0, 2000)), 2, 2.0);
        String text = CopySummaryTable.render(ok);
        assertThat(text).containsPattern("table\\s+source rows\\s+copied\\s+rejected\\s+seconds\\s+rows/s");
        assertThat(text).containsPattern("order_lines\\s+2000\\s+1998\\s+2\\s+1\\.00\\s+2000");
        assertThat(text).containsPattern("total\\s+2300\\s+2298\\s+2\\s+2\\.00\\s+1149");
        assertThat(text).contains("reconciled: source rows = copied + rejected for every table");
    }

    @Test
    void namesTablesThatDoNotReconcile() {
        CopyResult off = new CopyResult(List.of(new CopyResult.TableResult("events", 100, 90, 5, 1, 95)), 5, 1);
        assertThat(CopySummaryTable.render(off)).contains("NOT reconciled").contains("events (5 rows unaccounted");
    }
}
