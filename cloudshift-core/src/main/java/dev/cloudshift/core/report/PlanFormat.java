package dev.cloudshift.core.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every output format of a plan and its file name. The one place that picks a renderer: a new format (HTML
 * runbook, issue 6) adds a constant and a case here, and one renderer class. HTML is plan.html
 * ({@link dev.cloudshift.core.report.html.HtmlReportWriter}).
 */
public enum PlanFormat {
    JSON("plan.json"),
    MARKDOWN("plan.md"),
    HTML("plan.html");

    private final String fileName;

    PlanFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public PlanRenderer renderer() {
        return switch (this) {
            case JSON -> new PlanJsonWriter();
            case MARKDOWN -> new PlanMarkdownWriter();
            case HTML -> new dev.cloudshift.core.report.html.HtmlReportWriter();
        };
    }

    public static Optional<PlanFormat> parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(n) || f.fileName.endsWith("." + n))
                .findFirst();
    }
}
