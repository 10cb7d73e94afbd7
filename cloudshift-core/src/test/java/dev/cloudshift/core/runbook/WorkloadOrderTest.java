package dev.cloudshift.core.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadOrderTest {

    @Test
    void dependenciesComeFirstAndTiesFollowNames() {
        WorkloadOrder o = WorkloadOrder.of(Map.of("frontend", Set.of("api"), "api", Set.of("auth", "billing"),
                "auth", Set.of(), "billing", Set.of()));
        assertThat(o.steps()).containsExactly(List.of("auth"), List.of("billing"), List.of("api"), List.of("frontend"));
        assertThat(o.cycles()).isEmpty();
    }

    @Test
    void cyclesAreReportedAndMoveTogetherButTheirDependentsDoNotJoinThem() {
        WorkloadOrder o = WorkloadOrder.of(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
                "web", Set.of("a"), "db", Set.of()));
        assertThat(o.cycles()).containsExactly(List.of("a", "b", "c"));
        assertThat(o.steps()).containsExactly(List.of("a", "b", "c"), List.of("db"), List.of("web"));
    }

    @Test
    void dependencyOnlyNamesAreNodesAndSelfEdgesAreIgnored() {
        WorkloadOrder o = WorkloadOrder.of(Map.of("x", Set.of("x", "y")));
        assertThat(o.steps()).containsExactly(List.of("y"), List.of("x"));
        assertThat(o.cycles()).isEmpty();
    }

    @Test
    void longChainDoesNotOverflow() {
        java.util.Map<String, Set<String>> chain = new java.util.HashMap<>();
        for (int i = 1; i < 20_000; i++) {
            chain.put("s" + i, Set.of("s" + (i - 1)));
        }
        WorkloadOrder o = WorkloadOrder.of(chain);
        assertThat(o.steps()).hasSize(20_000);
        assertThat(o.steps().get(0)).containsExactly("s0");
    }
}
