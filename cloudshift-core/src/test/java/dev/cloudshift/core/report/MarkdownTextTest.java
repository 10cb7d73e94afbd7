package dev.cloudshift.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void textCannotBreakATableOrBecomeMarkup() {
        assertThat(MarkdownText.text("a|b")).isEqualTo("a\\|b");
        assertThat(MarkdownText.text("line1\nline2")).isEqualTo("line1<br>line2");
        assertThat(MarkdownText.text("<redacted>")).isEqualTo("&lt;redacted&gt;");
        assertThat(MarkdownText.text("*bold* _it_ `code` [link](x) # h")).isEqualTo("\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\# h");
        assertThat(MarkdownText.text("a & b")).isEqualTo("a &amp; b");
    }

    @Test
    void codeSpansSurviveBackticksAndPipes() {
        assertThat(MarkdownText.code("aws_db_instance.main")).isEqualTo("`aws_db_instance.main`");
        assertThat(MarkdownText.code("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownText.code("`x")).isEqualTo("`` `x ``");
        assertThat(MarkdownText.code("x|y")).isEqualTo("`x\\|y`");
        assertThat(MarkdownText.code("a\nb")).isEqualTo("`a b`");
    }

    @Test
    void tableHasOneLinePerRowAndSeparatorPerColumn() {
        String t = MarkdownText.table(List.of("A", "B"), List.of(List.of(MarkdownText.text("x|y"), ""), List.of("1", "2")));
        assertThat(t).isEqualTo("| A | B |\n| --- | --- |\n| x\\|y |   |\n| 1 | 2 |\n");
    }
}
