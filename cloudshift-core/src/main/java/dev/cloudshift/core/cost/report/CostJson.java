package dev.cloudshift.core.cost.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cloudshift.core.cost.CostEstimate;
import dev.cloudshift.core.cost.CostLine;
import dev.cloudshift.core.cost.EnvironmentCost;
import dev.cloudshift.core.cost.sizing.SizingDecision;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The JSON form of a cost estimate: per environment {@code source_monthly_usd}, {@code target_monthly_usd},
 * {@code source_range_usd}, {@code target_range_usd}, {@code lines}, {@code assumptions} and {@code sizing}.
 * The same tree is plan.json's {@code cost} member.
 */
public final class CostJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private CostJson() {
    }

    /** {@code {environment: {...}}} in environment order. */
    public static Map<String, Object> environments(CostEstimate estimate) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (EnvironmentCost e : estimate.environments()) {
            m.put(e.environment(), environment(e));
        }
        return m;
    }

    public static Map<String, Object> document(CostEstimate estimate) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", estimate.sourceProviders());
        root.put("target", estimate.targetProvider());
        root.put("environments", environments(estimate));
        return root;
    }

    public static Map<String, Object> environment(EnvironmentCost e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source_monthly_usd", e.sourceMonthlyUsd());
        m.put("target_monthly_usd", e.targetMonthlyUsd());
        m.put("source_range_usd", e.sourceRangeUsd());
        m.put("target_range_usd", e.targetRangeUsd());
        List<Object> lines = new ArrayList<>();
        for (CostLine l : e.lines()) {
            lines.add(line(l));
        }
        m.put("lines", lines);
        m.put("assumptions", e.assumptions());
        List<Object> sizing = new ArrayList<>();
        for (SizingDecision s : e.sizing()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("address", s.address());
            x.put("source_sku", s.sourceSku());
            x.put("target_sku", s.targetSku());
            x.put("reason", s.reason());
            sizing.add(x);
        }
        m.put("sizing", sizing);
        return m;
    }

    /**
     * One cost line as a JSON object: its fields in a fixed order, values (nulls included) in an array instead of a
     * hash table per line (an environment of a large estate has tens of thousands of lines). Read-only.
     */
    private static final class LineFields extends AbstractMap<String, Object> {

        private static final String[] NAMES = {"address", "side", "service", "sku", "component", "quantity", "unit",
                "unit_price_usd", "monthly_usd", "monthly_range_usd", "note"};

        private final Object[] values;

        LineFields(Object[] values) {
            this.values = values;
        }

        @Override
        public Object get(Object key) {
            for (int i = 0; i < NAMES.length; i++) {
                if (NAMES[i].equals(key)) {
                    return values[i];
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            for (String name : NAMES) {
                if (name.equals(key)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int size() {
            return NAMES.length;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            for (int i = 0; i < NAMES.length; i++) {
                action.accept(NAMES[i], values[i]);
            }
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < NAMES.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= NAMES.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(NAMES[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return NAMES.length;
                }
            };
        }
    }

    private static Map<String, Object> line(CostLine l) {
        return new LineFields(new Object[] {l.address(), l.side(), l.service(), l.sku(), l.component(), l.quantity(),
                l.unit(), l.unitPriceUsd(), l.monthlyUsd(), List.of(l.lowUsd(), l.highUsd()), l.note()});
    }

    public static String write(Object tree) {
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
            pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
            pp.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
            return JSON.writer(pp).writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render cost JSON", e);
        }
    }
}
