package dev.cloudshift.core.report.html;

import static dev.cloudshift.core.report.html.HtmlText.clip;
import static dev.cloudshift.core.report.html.HtmlText.px;
import static dev.cloudshift.core.report.html.HtmlText.text;

import java.util.List;

/** The timeline of the runbook's phases as an inline SVG Gantt chart: one bar per phase on a day axis. */
final class GanttChart {

    /** One bar: a phase from its start day to its end day (end exclusive, day 0 is the first day). */
    record Bar(String name, double start, double end, String detail) {
    }

    private static final double WIDTH = 1160;
    private static final double LABEL_W = 200;
    private static final double ROW_H = 30;
    private static final double AXIS_H = 28;

    private GanttChart() {
    }

    static String svg(List<Bar> bars, String caption) {
        double days = 1;
        for (Bar b : bars) {
            days = Math.max(days, b.end());
        }
        double plotW = WIDTH - LABEL_W - 60; // room for a day count written after the last bar
        double scale = plotW / days;
        int step = days <= 14 ? 1 : days <= 45 ? 5 : days <= 120 ? 10 : 30;
        double height = AXIS_H + bars.size() * ROW_H + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart gantt\" role=\"img\" viewBox=\"0 0 ")
                .append(px(WIDTH)).append(' ').append(px(height)).append("\" aria-label=\"").append(text(caption)).append("\">\n")
                .append("<title>").append(text(caption)).append("</title>\n");
        for (int d = 0; d <= days; d += step) {
            double x = LABEL_W + d * scale;
            svg.append("<line class=\"grid\" x1=\"").append(px(x)).append("\" y1=\"").append(px(AXIS_H - 6)).append("\" x2=\"")
                    .append(px(x)).append("\" y2=\"").append(px(height - 6)).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(px(x)).append("\" y=\"").append(px(AXIS_H - 10))
                    .append("\" text-anchor=\"middle\">").append(d == 0 ? "day 0" : String.valueOf(d)).append("</text>\n");
        }
        if (days % step != 0 && (days % step) * scale > 24) {
            double x = LABEL_W + days * scale;
            svg.append("<line class=\"grid end\" x1=\"").append(px(x)).append("\" y1=\"").append(px(AXIS_H - 6)).append("\" x2=\"")
                    .append(px(x)).append("\" y2=\"").append(px(height - 6)).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(px(x)).append("\" y=\"").append(px(AXIS_H - 10))
                    .append("\" text-anchor=\"middle\">").append(HtmlText.number(days)).append("</text>\n");
        }
        double y = AXIS_H;
        int i = 0;
        for (Bar b : bars) {
            if (i % 2 == 0) {
                svg.append("<rect class=\"stripe\" x=\"0\" y=\"").append(px(y)).append("\" width=\"").append(px(WIDTH))
                        .append("\" height=\"").append(px(ROW_H)).append("\"/>");
            }
            svg.append("<text class=\"bar-label\" x=\"10\" y=\"").append(px(y + ROW_H / 2 + 4)).append("\">")
                    .append(text(clip(b.name(), 28))).append("</text>");
            double x = LABEL_W + b.start() * scale;
            double w = Math.max(3, (b.end() - b.start()) * scale);
            svg.append("<rect class=\"phase phase-").append(i % 6).append("\" x=\"").append(px(x)).append("\" y=\"")
                    .append(px(y + 6)).append("\" width=\"").append(px(w)).append("\" height=\"").append(px(ROW_H - 12))
                    .append("\" rx=\"3\"><title>").append(text(b.name() + ": " + b.detail())).append("</title></rect>");
            String label = HtmlText.number(b.end() - b.start()) + " d";
            boolean inside = w > 60;
            svg.append("<text class=\"").append(inside ? "phase-days" : "bar-value").append("\" x=\"")
                    .append(px(inside ? x + 8 : x + w + 6)).append("\" y=\"").append(px(y + ROW_H / 2 + 4)).append("\">")
                    .append(text(label)).append("</text>\n");
            y += ROW_H;
            i++;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }
}
