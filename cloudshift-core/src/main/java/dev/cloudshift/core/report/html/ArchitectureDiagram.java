package dev.cloudshift.core.report.html;

import static dev.cloudshift.core.report.html.HtmlText.clip;
import static dev.cloudshift.core.report.html.HtmlText.px;
import static dev.cloudshift.core.report.html.HtmlText.text;

import dev.cloudshift.core.plan.AddressOrder;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.TargetMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The architecture of one environment as an inline SVG drawn from the dependency graph: resources in four
 * layers (edge, compute, data, foundation), an arrow for every {@code depends_on} edge. The source side is
 * labelled with the source types, the target side with the mapped target services; unmapped resources are
 * drawn dashed in red. Instances of one resource ({@code aws_subnet.private[0..2]}) share a node, and the
 * foundation layer shows one node per type, so a real estate stays readable.
 */
final class ArchitectureDiagram {

    /** The four layers, top to bottom, and the categories each holds. */
    enum Layer {
        EDGE(List.of("Edge and", "load balancing"), Set.of("load_balancer", "cdn", "dns", "api_gateway")),
        COMPUTE(List.of("Compute and", "containers"), Set.of("compute", "container", "kubernetes", "serverless")),
        DATA(List.of("Data, cache", "and messaging"), Set.of("database", "cache", "messaging", "storage", "search", "analytics")),
        FOUNDATION(List.of("Foundation"), Set.of());

        final List<String> title;
        final Set<String> categories;

        Layer(List<String> title, Set<String> categories) {
            this.title = title;
            this.categories = categories;
        }

        static Layer of(String category) {
            for (Layer l : values()) {
                if (l.categories.contains(category)) {
                    return l;
                }
            }
            return FOUNDATION;
        }
    }

    private static final double WIDTH = 1160;
    private static final double LABEL_W = 140;
    private static final double NODE_W = 180;
    private static final double NODE_H = 46;
    private static final double GAP_X = 14;
    private static final double GAP_Y = 18;
    private static final double LAYER_PAD = 16;

    /** One box: a group of resource instances. */
    record Node(String key, Layer layer, String category, String title, String subtitle, boolean unmapped,
            List<String> addresses) {
    }

    private ArchitectureDiagram() {
    }

    /** The SVG for one environment's resources; {@code target} false draws the source side. */
    static String svg(List<PlannedResource> resources, boolean target, String caption) {
        Map<String, Node> nodes = nodes(resources, target);
        Map<String, String> nodeOf = new LinkedHashMap<>();
        nodes.forEach((k, n) -> n.addresses().forEach(a -> nodeOf.put(a, k)));
        Set<List<String>> edges = new LinkedHashSet<>();
        for (PlannedResource r : resources) {
            String from = nodeOf.get(r.address());
            if (from == null) {
                continue;
            }
            for (String d : r.dependsOn()) {
                String to = nodeOf.get(d);
                if (to != null && !to.equals(from)) {
                    edges.add(List.of(from, to));
                }
            }
        }
        // layout: one band per layer, nodes wrapped in rows
        int perRow = (int) ((WIDTH - LABEL_W - 10 + GAP_X) / (NODE_W + GAP_X));
        Map<String, double[]> pos = new LinkedHashMap<>();
        StringBuilder bands = new StringBuilder();
        StringBuilder boxes = new StringBuilder();
        double y = 10;
        for (Layer layer : Layer.values()) {
            List<Node> inLayer = nodes.values().stream().filter(n -> n.layer() == layer).toList();
            if (inLayer.isEmpty()) {
                continue;
            }
            int rows = (inLayer.size() + perRow - 1) / perRow;
            double h = LAYER_PAD * 2 + rows * NODE_H + (rows - 1) * GAP_Y;
            bands.append("<rect class=\"band band-").append(layer.name().toLowerCase(java.util.Locale.ROOT))
                    .append("\" x=\"0\" y=\"").append(px(y)).append("\" width=\"").append(px(WIDTH))
                    .append("\" height=\"").append(px(h)).append("\" rx=\"8\"/>")
                    .append("<text class=\"band-label\" x=\"12\" y=\"").append(px(y + 22)).append("\">");
            for (int i = 0; i < layer.title.size(); i++) {
                bands.append("<tspan x=\"12\" dy=\"").append(i == 0 ? "0" : "15").append("\">").append(text(layer.title.get(i)))
                        .append("</tspan>");
            }
            bands.append("</text>\n");
            for (int i = 0; i < inLayer.size(); i++) {
                Node n = inLayer.get(i);
                int row = i / perRow;
                int col = i % perRow;
                int inThisRow = Math.min(perRow, inLayer.size() - row * perRow);
                double rowWidth = inThisRow * NODE_W + (inThisRow - 1) * GAP_X;
                double x0 = LABEL_W + (WIDTH - LABEL_W - rowWidth) / 2;
                double x = x0 + col * (NODE_W + GAP_X);
                double ny = y + LAYER_PAD + row * (NODE_H + GAP_Y);
                pos.put(n.key(), new double[] {x, ny});
                boxes.append(box(n, x, ny));
            }
            y += h + 12;
        }
        double height = y;
        StringBuilder lines = new StringBuilder();
        for (List<String> e : edges) {
            double[] a = pos.get(e.get(0));
            double[] b = pos.get(e.get(1));
            double ax = a[0] + NODE_W / 2;
            double bx = b[0] + NODE_W / 2;
            double ay;
            double by;
            if (Math.abs(a[1] - b[1]) < 1) {
                ay = a[1] + NODE_H;
                by = b[1] + NODE_H;
                double dip = ay + 14;
                lines.append("<path class=\"edge\" d=\"M").append(px(ax)).append(' ').append(px(ay)).append(" C")
                        .append(px(ax)).append(' ').append(px(dip)).append(' ').append(px(bx)).append(' ').append(px(dip))
                        .append(' ').append(px(bx)).append(' ').append(px(by)).append("\" marker-end=\"url(#arrow)\"/>\n");
                continue;
            }
            boolean down = b[1] > a[1];
            ay = down ? a[1] + NODE_H : a[1];
            by = down ? b[1] : b[1] + NODE_H;
            double my = (ay + by) / 2;
            lines.append("<path class=\"edge\" d=\"M").append(px(ax)).append(' ').append(px(ay)).append(" C")
                    .append(px(ax)).append(' ').append(px(my)).append(' ').append(px(bx)).append(' ').append(px(my))
                    .append(' ').append(px(bx)).append(' ').append(px(by)).append("\" marker-end=\"url(#arrow)\"/>\n");
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"diagram\" role=\"img\" viewBox=\"0 0 ")
                .append(px(WIDTH)).append(' ').append(px(height)).append("\" aria-label=\"").append(text(caption)).append("\">\n")
                .append("<title>").append(text(caption)).append("</title>\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                        + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\" class=\"arrowhead\"/>"
                        + "</marker></defs>\n")
                .append(bands).append(lines).append(boxes).append("</svg>\n");
        return svg.toString();
    }

    private static String box(Node n, double x, double y) {
        String cls = "node cat-" + n.category().replace('_', '-') + (n.unmapped() ? " unmapped" : "");
        String tooltip = n.title() + " — " + n.subtitle()
                + (n.addresses().size() > 1 ? " (" + String.join(", ", n.addresses()) + ")" : "");
        return "<g class=\"" + text(cls) + "\"><title>" + text(tooltip) + "</title>"
                + "<rect x=\"" + px(x) + "\" y=\"" + px(y) + "\" width=\"" + px(NODE_W) + "\" height=\"" + px(NODE_H)
                + "\" rx=\"6\"/>"
                + "<rect class=\"accent\" x=\"" + px(x) + "\" y=\"" + px(y) + "\" width=\"5\" height=\"" + px(NODE_H) + "\" rx=\"2\"/>"
                + "<text class=\"node-title\" x=\"" + px(x + 12) + "\" y=\"" + px(y + 19) + "\">" + text(middle(n.title(), n.addresses().size() > 1 ? 18 : 22)
                        + (n.addresses().size() > 1 ? " ×" + n.addresses().size() : "")) + "</text>"
                + "<text class=\"node-sub\" x=\"" + px(x + 12) + "\" y=\"" + px(y + 36) + "\">" + text(clip(n.subtitle(), 26)) + "</text>"
                + "</g>\n";
    }

    /** {@code s} cut in the middle with an ellipsis, so that both the type and the name or key stay visible. */
    static String middle(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int tail = (max - 1) / 2;
        return s.substring(0, max - 1 - tail) + "…" + s.substring(s.length() - tail);
    }

    /** Groups the resources into nodes, ordered by layer, category and address. */
    static Map<String, Node> nodes(List<PlannedResource> resources, boolean target) {
        Map<String, List<PlannedResource>> groups = new TreeMap<>(AddressOrder.INSTANCE);
        Map<String, Layer> layers = new LinkedHashMap<>();
        for (PlannedResource r : resources) {
            if (r.mapping() instanceof TargetMapping.Mapped m && m.absorbedBy() != null) {
                continue; // a setting of another resource on the target (and a detail on the source)
            }
            String category = r.category() == null ? "other" : r.category();
            Layer layer = Layer.of(category);
            String key = layer == Layer.FOUNDATION ? "type:" + r.type() : base(r.address());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            layers.put(key, layer);
        }
        List<Node> nodes = new ArrayList<>();
        groups.forEach((key, rs) -> {
            PlannedResource first = rs.get(0);
            String category = first.category() == null ? "other" : first.category();
            boolean unmapped = target && rs.stream().noneMatch(PlannedResource::mapped);
            String title = key.startsWith("type:") ? first.type() : shortName(key);
            if (!target && !key.startsWith("type:") && title.length() > 22 && title.startsWith(first.type() + ".")) {
                title = title.substring(first.type().length() + 1); // the subtitle names the type
            }
            String subtitle;
            if (!target) {
                subtitle = key.startsWith("type:") ? (first.sourceService() == null ? category : first.sourceService())
                        : first.type();
            } else if (first.mapping() instanceof TargetMapping.Mapped m) {
                subtitle = m.service();
            } else {
                subtitle = "no equivalent: decide";
            }
            List<String> addresses = rs.stream().map(PlannedResource::address).toList();
            nodes.add(new Node(key, layers.get(key), category, title, subtitle, unmapped, addresses));
        });
        nodes.sort((a, b) -> {
            int c = a.layer().compareTo(b.layer());
            if (c == 0) {
                c = a.category().compareTo(b.category());
            }
            return c != 0 ? c : AddressOrder.INSTANCE.compare(a.key(), b.key());
        });
        Map<String, Node> out = new LinkedHashMap<>();
        nodes.forEach(n -> out.put(n.key(), n));
        return out;
    }

    /**
     * The address without a numeric instance index: {@code aws_subnet.private[2]} -> {@code aws_subnet.private};
     * {@code for_each} keys ({@code ["backend"]}) name different things and stay.
     */
    static String base(String address) {
        if (address.endsWith("]")) {
            int open = address.lastIndexOf('[');
            if (open > 0 && address.substring(open + 1, address.length() - 1).chars().allMatch(Character::isDigit)) {
                return address.substring(0, open);
            }
        }
        return address;
    }

    /** The last two dot-separated parts of an address ({@code module.db.aws_db_instance.main} -> {@code aws_db_instance.main}). */
    static String shortName(String address) {
        int bracket = address.indexOf('[');
        if (bracket > 0) {
            return shortName(address.substring(0, bracket)) + address.substring(bracket);
        }
        int last = address.lastIndexOf('.');
        if (last <= 0) {
            return address;
        }
        int prev = address.lastIndexOf('.', last - 1);
        return prev < 0 ? address : address.substring(prev + 1);
    }
}
