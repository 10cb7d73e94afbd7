package dev.cloudshift.core.kb;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runbook's data files (issue 6) stay within the catalog's YAML subset, so the knowledge base's fast reader
 * (checked against Jackson on every shipped file) can read them.
 */
class RunbookCatalogSubsetTest {

    @ParameterizedTest
    @ValueSource(strings = {"effort.yaml", "rules/phases.yaml", "rules/strategy.yaml", "rules/risks.yaml",
        "rules/rollback.yaml", "rules/checklists.yaml", "rules/drift.yaml"})
    void readsWithTheCatalogReader(String name) {
        assertThatCode(() -> {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("catalog/" + name)) {
                CatalogNode.read(name, in);
            }
        }).doesNotThrowAnyException();
    }
}
