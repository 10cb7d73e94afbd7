package dev.cloudshift.core.ingest.compose;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.SourcePosition;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.DumperOptions;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads YAML text into a {@link YNode} tree with 1-based line:column positions, using SnakeYAML's composer
 * (so aliases are shared nodes and nothing is constructed as Java objects). Merge keys ({@code <<: *anchor}
 * and {@code <<: [*a, *b]}) are applied here: keys written in the mapping win over merged ones, earlier
 * merged mappings win over later ones. Syntax errors become a {@link Diagnostic} with the position SnakeYAML
 * reports and its problem text only (SnakeYAML's full message quotes the offending line, which could hold a
 * secret, so it is never used).
 */
final class YamlTreeReader {

    private static final int NODE_BUDGET = 1_000_000;

    private final String file;
    private final List<Diagnostic> diagnostics;
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    private int nodes;

    private YamlTreeReader(String file, List<Diagnostic> diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    /** Parses {@code text}; empty on a syntax error (reported in {@code diagnostics}) or an empty document. */
    static Optional<YNode> read(String file, String text, List<Diagnostic> diagnostics) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(200);
        options.setNestingDepthLimit(100);
        options.setCodePointLimit(20 * 1024 * 1024);
        options.setProcessComments(false);
        Yaml yaml = new Yaml(options);
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? "valid YAML" : e.getProblem();
            String context = e.getContext();
            String message = "expected valid YAML: " + problem + (context != null ? " (" + context + ")" : "");
            diagnostics.add(m == null ? Diagnostic.at(SourcePosition.ofFile(file), message)
                    : new Diagnostic(file, m.getLine() + 1, m.getColumn() + 1, safe(message)));
            return Optional.empty();
        } catch (YAMLException | IllegalArgumentException | IllegalStateException e) {
            diagnostics.add(Diagnostic.at(SourcePosition.ofFile(file), "expected valid YAML: " + safe(firstLine(e.getMessage()))));
            return Optional.empty();
        } catch (StackOverflowError e) {
            diagnostics.add(Diagnostic.at(SourcePosition.ofFile(file), "expected YAML nested less deeply"));
            return Optional.empty();
        }
        if (root == null) {
            return Optional.empty();
        }
        YamlTreeReader r = new YamlTreeReader(file, diagnostics);
        try {
            return Optional.of(r.convert(root));
        } catch (BudgetExceeded e) {
            diagnostics.add(Diagnostic.at(SourcePosition.ofFile(file),
                    "expected a YAML document of reasonable size: aliases expand to more than " + NODE_BUDGET + " nodes"));
            return Optional.empty();
        }
    }

    /** SnakeYAML problem texts quote at most a character or a token kind; keep only the text up to a quote of content. */
    private static String safe(String message) {
        if (message == null) {
            return "";
        }
        // problem texts name characters like "found character '\t'"; clip any long quoted fragment
        return message.replaceAll("'[^']{9,}'", "'…'").replaceAll("\"[^\"]{9,}\"", "\"…\"");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    private SourcePosition pos(Node n) {
        Mark m = n.getStartMark();
        return m == null ? SourcePosition.ofFile(file) : new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private static String localTag(Node n) {
        Tag t = n.getTag();
        if (t == null) {
            return null;
        }
        String v = t.getValue();
        return v.startsWith("!") && !v.startsWith("!!") ? v : null;
    }

    private YNode convert(Node n) {
        if (++nodes > NODE_BUDGET) {
            throw new BudgetExceeded();
        }
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            boolean plain = s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
            boolean isNull = (plain && (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL")))
                    || Tag.NULL.equals(s.getTag()) && plain;
            return new YNode.YScalar(v, v, false, isNull, pos(n), localTag(n));
        }
        if (!inProgress.add(n)) {
            diagnostics.add(Diagnostic.at(pos(n), "expected a finite structure: an alias inside this anchored node refers back to it"));
            return new YNode.YScalar("", "", false, true, pos(n), null);
        }
        try {
            if (n instanceof SequenceNode sq) {
                List<YNode> items = new ArrayList<>();
                for (Node c : sq.getValue()) {
                    items.add(convert(c));
                }
                return new YNode.YList(items, pos(n), localTag(n));
            }
            MappingNode mn = (MappingNode) n;
            Map<String, YNode> own = new LinkedHashMap<>();
            Map<String, SourcePosition> ownPos = new LinkedHashMap<>();
            List<YNode.YMap> merges = new ArrayList<>();
            for (NodeTuple t : mn.getValue()) {
                Node k = t.getKeyNode();
                if (!(k instanceof ScalarNode ks)) {
                    diagnostics.add(Diagnostic.at(pos(k), "expected a plain key (a string), found a " + (k instanceof MappingNode ? "mapping" : "list") + " used as a key"));
                    continue;
                }
                if (Tag.MERGE.equals(ks.getTag()) || ("<<".equals(ks.getValue()) && ks.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN)) {
                    YNode mv = convert(t.getValueNode());
                    if (mv instanceof YNode.YMap m) {
                        merges.add(m);
                    } else if (mv instanceof YNode.YList l) {
                        for (YNode item : l.items()) {
                            if (item instanceof YNode.YMap m) {
                                merges.add(m);
                            } else {
                                diagnostics.add(Diagnostic.at(item.pos(), "expected a mapping (an alias to a mapping) in the merge key list, found " + YNode.kind(item)));
                            }
                        }
                    } else {
                        diagnostics.add(Diagnostic.at(mv.pos(), "expected a mapping or a list of mappings after '<<', found " + YNode.kind(mv)));
                    }
                    continue;
                }
                own.put(ks.getValue(), convert(t.getValueNode()));
                ownPos.put(ks.getValue(), pos(k));
            }
            Map<String, YNode> entries = new LinkedHashMap<>();
            Map<String, SourcePosition> keyPos = new LinkedHashMap<>();
            for (YNode.YMap m : merges) {
                for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                    if (!entries.containsKey(e.getKey())) {
                        entries.put(e.getKey(), e.getValue());
                        keyPos.put(e.getKey(), m.keyPos(e.getKey()));
                    }
                }
            }
            for (Map.Entry<String, YNode> e : own.entrySet()) {
                entries.remove(e.getKey());
                entries.put(e.getKey(), e.getValue());
                keyPos.put(e.getKey(), ownPos.get(e.getKey()));
            }
            return new YNode.YMap(entries, keyPos, pos(n), localTag(n));
        } finally {
            inProgress.remove(n);
        }
    }
}
