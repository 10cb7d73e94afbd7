package dev.cloudshift.core.report.html;

import static dev.cloudshift.core.report.html.HtmlText.clip;
import static dev.cloudshift.core.report.html.HtmlText.px;
import static dev.cloudshift.core.report.html.HtmlText.text;
import static dev.cloudshift.core.report.html.HtmlText.usd;

import java.math.BigDecimal;
import java.util.List;

/**
 * A horizontal grouped bar chart as inline SVG: one group per label (an environment, a category), a bar for the
 * source and one for the target side, each with its USD value written at its end.
 */
final class BarChart {

    /**
     * One group: its label and the two monthly amounts (target may be null when no target was priced), with the
     * number of unpriced components on each side (written next to the value so that $0.00 is not misread).
     */
    record Group(String label, BigDecimal source, BigDecimal target, int sourceUnpriced, int targetUnpriced) {
        Group(String label, BigDecimal source, BigDecimal target) {
            this(label, source, target, 0, 0);
        }
    }

    private static final double WIDTH = 1160;
    private static final double LABEL_W = 220;
    private static final double VALUE_W = 110;
    private static final double BAR_H = 16;
    private static final double GROUP_GAP = 14;

    private BarChart() {
    }

    static String svg(List<Group> groups, String sourceLabel, String targetLabel, String caption) {
        BigDecimal max = BigDecimal.ZERO;
        for (Group g : groups) {
            max = max.max(nz(g.source())).max(nz(g.target()));
        }
        double plotW = WIDTH - LABEL_W - VALUE_W;
        double legendH = 30;
        double groupH = BAR_H * 2 + 4;
        double height = legendH + groups.size() * (groupH + GROUP_GAP) + 6;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(px(WIDTH)).append(' ').append(px(height)).append("\" aria-label=\"").append(text(caption)).append("\">\n")
                .append("<title>").append(text(caption)).append("</title>\n");
        svg.append("<rect class=\"bar-source\" x=\"").append(px(LABEL_W)).append("\" y=\"6\" width=\"14\" height=\"14\" rx=\"2\"/>")
                .append("<text class=\"legend\" x=\"").append(px(LABEL_W + 20)).append("\" y=\"18\">").append(text(sourceLabel))
                .append("</text>");
        svg.append("<rect class=\"bar-target\" x=\"").append(px(LABEL_W + 260)).append("\" y=\"6\" width=\"14\" height=\"14\" rx=\"2\"/>")
                .append("<text class=\"legend\" x=\"").append(px(LABEL_W + 280)).append("\" y=\"18\">").append(text(targetLabel))
                .append("</text>\n");
        svg.append("<line class=\"axis\" x1=\"").append(px(LABEL_W)).append("\" y1=\"").append(px(legendH - 2))
                .append("\" x2=\"").append(px(LABEL_W)).append("\" y2=\"").append(px(height - 4)).append("\"/>\n");
        double y = legendH;
        for (Group g : groups) {
            svg.append("<text class=\"bar-label\" x=\"").append(px(LABEL_W - 10)).append("\" y=\"")
                    .append(px(y + groupH / 2 + 4)).append("\" text-anchor=\"end\">").append(text(clip(g.label(), 34)))
                    .append("</text>\n");
            bar(svg, "bar-source", g.source(), g.sourceUnpriced(), max, plotW, y, sourceLabel + " " + g.label());
            bar(svg, "bar-target", g.target(), g.targetUnpriced(), max, plotW, y + BAR_H + 4, targetLabel + " " + g.label());
            y += groupH + GROUP_GAP;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, String cls, BigDecimal value, int unpriced, BigDecimal max, double plotW, double y,
            String what) {
        if (value == null) {
            svg.append("<text class=\"bar-value muted\" x=\"").append(px(LABEL_W + 6)).append("\" y=\"").append(px(y + BAR_H - 4))
                    .append("\">not priced</text>\n");
            return;
        }
        double w = max.signum() == 0 ? 0 : value.doubleValue() / max.doubleValue() * plotW;
        double shown = Math.max(w, value.signum() > 0 ? 2 : 0);
        svg.append("<rect class=\"").append(cls).append("\" x=\"").append(px(LABEL_W)).append("\" y=\"").append(px(y))
                .append("\" width=\"").append(px(shown)).append("\" height=\"").append(px(BAR_H)).append("\" rx=\"2\"><title>")
                .append(text(what + ": " + usd(value) + " per month")).append("</title></rect>")
                .append("<text class=\"bar-value\" x=\"").append(px(LABEL_W + shown + 6)).append("\" y=\"").append(px(y + BAR_H - 4))
                .append("\">").append(text(usd(value)));
        if (unpriced > 0) {
            svg.append("<tspan class=\"unpriced\"> + ").append(unpriced).append(" unpriced</tspan>");
        }
        svg.append("</text>\n");
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
