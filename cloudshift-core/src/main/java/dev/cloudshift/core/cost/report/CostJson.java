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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("address", l.address());
            x.put("side", l.side());
            x.put("service", l.service());
            x.put("sku", l.sku());
            x.put("component", l.component());
            x.put("quantity", l.quantity());
            x.put("unit", l.unit());
            x.put("unit_price_usd", l.unitPriceUsd());
            x.put("monthly_usd", l.monthlyUsd());
            x.put("monthly_range_usd", List.of(l.lowUsd(), l.highUsd()));
            x.put("note", l.note());
            lines.add(x);
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
