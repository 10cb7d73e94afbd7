package dev.cloudshift.hcl.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.HclParser;
import dev.cloudshift.hcl.ParseResult;
import dev.cloudshift.hcl.eval.Evaluator;
import dev.cloudshift.hcl.eval.Scope;
import dev.cloudshift.hcl.eval.Value;
import dev.cloudshift.hcl.eval.StringValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For arbitrary documents of literals, lists, objects and nested blocks: the writer's output parses without
 * diagnostics, is a fixed point (parse, read, write gives the same bytes), and every string literal evaluates back to
 * the value that was written (escaping of quotes, backslashes, control characters, ${ and %{).
 */
class HclWriterPropertiesTest {

    @Property(tries = 60)
    void writtenDocumentsParseAndAreFixedPoints(@ForAll("documents") HclFile file) {
        String text = HclWriter.write(file);
        ParseResult parsed = HclParser.parse("p.tf", text);
        assertThat(parsed.diagnostics()).as(text).isEmpty();
        assertThat(HclWriter.write(HclModelReader.read(parsed.body()))).isEqualTo(text);
    }

    @Property(tries = 100)
    void stringsEvaluateToThemselves(@ForAll("strings") String s) {
        String text = HclWriter.write(new HclFile(List.of(new HclItem.Attribute("v", HclExpr.str(s)))));
        ParseResult parsed = HclParser.parse("s.tf", text);
        assertThat(parsed.diagnostics()).isEmpty();
        Value v = Evaluator.standard().evaluate(parsed.body().attribute("v").expr(), Scope.of(Map.of()));
        assertThat(v).isInstanceOf(StringValue.class);
        assertThat(((StringValue) v).value()).isEqualTo(s);
    }

    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.strings().withChars("ab \"\\\n\t$%{}~é").ofMaxLength(20);
    }

    @Provide
    Arbitrary<HclFile> documents() {
        return block(2).list().ofMinSize(1).ofMaxSize(3).map(bs -> new HclFile(new ArrayList<>(bs)));
    }

    private Arbitrary<HclItem> block(int depth) {
        Arbitrary<List<HclItem>> attrs = attribute().list().ofMaxSize(4).map(l -> {
            Map<String, HclItem> unique = new LinkedHashMap<>();
            l.forEach(a -> unique.putIfAbsent(((HclItem.Attribute) a).name(), a));
            return new ArrayList<>(unique.values());
        });
        Arbitrary<List<HclItem>> nested = depth == 0 ? Arbitraries.just(List.of()) : block(depth - 1).list().ofMaxSize(2);
        return net.jqwik.api.Combinators.combine(Arbitraries.of("resource", "settings", "rule"), attrs, nested)
                .as((type, a, n) -> {
                    List<HclItem> body = new ArrayList<>(a);
                    body.addAll(n);
                    return new HclItem.Block(type, type.equals("resource") ? List.of("azurerm_x", "main") : List.of(), body);
                });
    }

    private Arbitrary<HclItem> attribute() {
        return net.jqwik.api.Combinators.combine(Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(12),
                value(2)).as(HclItem.Attribute::new);
    }

    private Arbitrary<HclExpr> value(int depth) {
        Arbitrary<HclExpr> scalar = Arbitraries.oneOf(
                strings().map(HclExpr::str),
                Arbitraries.longs().between(-1000, 100000).map(n -> HclExpr.num(BigDecimal.valueOf(n))),
                Arbitraries.of(true, false).map(HclExpr::bool),
                Arbitraries.of("var.location", "azurerm_subnet.main.id", "each.value.cpu").map(HclExpr::ref));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<HclExpr> list = value(depth - 1).list().ofMaxSize(4).map(HclExpr.ListOf::new);
        Arbitrary<HclExpr> object = net.jqwik.api.Combinators.combine(
                Arbitraries.maps(Arbitraries.strings().withChars("ab-_C").ofMinLength(1).ofMaxLength(6), value(depth - 1)).ofMaxSize(3),
                Arbitraries.of(true, false)).as((m, inline) -> new HclExpr.ObjectOf(m, inline));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, scalar), net.jqwik.api.Tuple.of(2, list),
                net.jqwik.api.Tuple.of(2, object));
    }
}
