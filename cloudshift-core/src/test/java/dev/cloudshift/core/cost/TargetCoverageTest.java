package dev.cloudshift.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.kb.MappingResult;
import dev.cloudshift.core.kb.TypeInfo;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every target resource type that the knowledge base maps anything to is known to the target's pricing rules:
 * priced (a rule with cost components), explicitly free, or explicitly unpriced with the reason. So every
 * mapped target service gets a priced line or a line that says why it costs nothing or cannot be priced.
 */
class TargetCoverageTest {

    @Test
    void everyMappedTargetTypeIsPricedFreeOrExplicitlyUnpriced() {
        KnowledgeBase kb = KnowledgeBase.load();
        Set<String> unknown = new TreeSet<>();
        int checked = 0;
        for (String provider : KnowledgeBase.PROVIDERS) {
            for (TypeInfo t : kb.types(provider)) {
                for (String target : KnowledgeBase.TARGETS) {
                    PricingRules rules = PricingRules.forProvider(target);
                    for (MappingResult m : kb.recordedMappings(t.type(), target).values()) {
                        if (m instanceof MappingResult.Mapped mapped && !mapped.absorbed()) {
                            for (String type : mapped.resourceTypes()) {
                                checked++;
                                if (rules.rule(type) == null && !rules.isFree(type) && rules.unpricedReason(type) == null) {
                                    unknown.add(target + ": " + type);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
        assertThat(unknown).as("target types with no pricing rule, no free entry and no unpriced reason").isEmpty();
    }
}
