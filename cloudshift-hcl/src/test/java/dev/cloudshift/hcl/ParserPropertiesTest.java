package dev.cloudshift.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.ast.Attribute;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.Body;
import dev.cloudshift.hcl.eval.Evaluator;
import dev.cloudshift.hcl.eval.ObjectValue;
import dev.cloudshift.hcl.eval.Scope;
import dev.cloudshift.hcl.eval.Value;
import dev.cloudshift.hcl.function.FunctionLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

/** Arbitrary and mutated input never escapes parse or evaluate as an exception or an internal error. */
class ParserPropertiesTest {

    private static final String VALID = """
            variable "cidr" {
              type    = string
              default = "10.0.0.0/16"
            }
            locals {
              names  = ["a", "b", "c"]
              tags   = merge({ Env = "dev" }, { Name = "x-${var.cidr}" })
              subnet = [for i, n in local.names : cidrsubnet(var.cidr, 8, i) if n != "b"]
              grouped = { for n in local.names : substr(n, 0, 1) => n... }
              doc = <<-EOT
                hello ${upper("x")}
                %{ for n in local.names ~}
                - ${n}
                %{ endfor ~}
              EOT
            }
            resource "aws_subnet" "private" {
              count      = length(local.names)
              vpc_id     = aws_vpc.main.id
              cidr_block = local.subnet[count.index % 2]
              ids        = aws_vpc.main[*].id
              legacy     = local.names.0
              cond       = count.index > 1 ? "big" : "small"
              math       = (1 + 2) * -3 / 4 % 5 >= 0 && !false || true
              dynamic "ingress" {
                for_each = toset([80, 443])
                content { port = ingress.value }
              }
            }
            """;

    @Property(tries = 400)
    void arbitraryStringsNeverEscape(@ForAll("hclish") String input) {
        check(input);
    }

    @Property(tries = 400)
    void mutatedValidHclNeverEscapes(@ForAll("mutations") String input) {
        check(input);
    }

    @Provide
    Arbitrary<String> hclish() {
        Arbitrary<Character> chars = Arbitraries.of('a', 'b', 'x', '1', '0', '.', '*', '[', ']', '{', '}', '(', ')',
                '"', '$', '%', '~', '<', '-', '=', '>', '!', '?', ':', ',', '#', '/', '\\', '\n', ' ', '\t', 'E',
                'O', 'T', '+', '&', '|', 'e', '\r', '\u00e9', '\0');
        return chars.list().ofMaxSize(200).map(l -> {
            StringBuilder sb = new StringBuilder();
            l.forEach(sb::append);
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, VALID.length() - 1);
        Arbitrary<Integer> len = Arbitraries.integers().between(0, 12);
        Arbitrary<String> insert = Arbitraries.of("", "}", "{", "\"", "${", "%{", "]", "[", "(", ")", "\n", "<<EOT\n",
                "~", "...", ".*", "[*]", "?", ":", "=>", "==", "/*", "#", "for", "if", "in", "-", "!", ",");
        Arbitrary<Integer> times = Arbitraries.integers().between(1, 4);
        return Combinators.combine(pos, len, insert, times).as((p, l, ins, t) -> {
            String s = VALID;
            for (int i = 0; i < t; i++) {
                int at = (p * (i + 7)) % s.length();
                int end = Math.min(s.length(), at + l);
                s = s.substring(0, at) + ins + s.substring(end);
            }
            return s;
        });
    }

    private static void check(String input) {
        ParseResult r = HclParser.parse("fuzz.tf", input);
        assertThat(r.diagnostics()).noneMatch(d -> d.message().startsWith("internal"));
        List<HclDiagnostic> diags = new ArrayList<>();
        Evaluator ev = new Evaluator(FunctionLibrary.standard(), null, diags);
        Scope scope = Scope.of(Map.of(
                "var", Value.object(Map.of("cidr", Value.string("10.0.0.0/16"))),
                "local", Value.object(Map.of("names", Value.tuple(List.of(Value.string("a"))))),
                "count", Value.object(Map.of("index", Value.number(1))),
                "aws_vpc", ObjectValue.open(Map.of())));
        evaluateAll(r.body(), ev, scope);
        assertThat(diags).noneMatch(d -> d.message().startsWith("could not evaluate"));
        HclParser.parseExpression("fuzz.hcl", input);
    }

    private static void evaluateAll(Body body, Evaluator ev, Scope scope) {
        for (Attribute a : body.attributes()) {
            Value v = ev.evaluate(a.expr(), scope);
            assertThat(v).isNotNull();
            v.toJava();
        }
        for (Block b : body.blocks()) {
            evaluateAll(b.body(), ev, scope);
        }
    }
}
