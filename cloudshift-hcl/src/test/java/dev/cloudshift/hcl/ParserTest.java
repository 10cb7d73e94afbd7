package dev.cloudshift.hcl;

import static dev.cloudshift.hcl.HclTestSupport.eval;
import static dev.cloudshift.hcl.HclTestSupport.expr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudshift.hcl.ast.Attribute;
import dev.cloudshift.hcl.ast.BinaryExpr;
import dev.cloudshift.hcl.ast.BinaryOperator;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.Body;
import dev.cloudshift.hcl.ast.ConditionalExpr;
import dev.cloudshift.hcl.ast.GetAttrExpr;
import dev.cloudshift.hcl.ast.IndexExpr;
import dev.cloudshift.hcl.ast.SplatExpr;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

    @Test
    void parsesBlocksLabelsAttributesAndComments() {
        String src = """
                # line comment
                // another
                /* block
                   comment */
                resource "aws_instance" web {
                  ami           = "ami-123" # trailing
                  instance_type = "t3.micro"
                  tags = {
                    Name = "web"
                    "Env": "dev", (local.k) = 1
                  }
                  ebs_block_device { device_name = "/dev/sda" }
                  empty {}
                }
                locals { a = 1 }
                """;
        ParseResult r = HclParser.parse("main.tf", src);
        assertThat(r.diagnostics()).isEmpty();
        List<Block> blocks = r.body().blocks();
        assertThat(blocks).hasSize(2);
        Block res = blocks.get(0);
        assertThat(res.type()).isEqualTo("resource");
        assertThat(res.labels()).containsExactly("aws_instance", "web");
        assertThat(res.position()).isEqualTo(new Position("main.tf", 5, 1));
        assertThat(res.labelSpans().get(1).position()).isEqualTo(new Position("main.tf", 5, 25));
        Attribute ami = res.body().attribute("ami");
        assertThat(ami.position()).isEqualTo(new Position("main.tf", 6, 3));
        assertThat(ami.expr().position()).isEqualTo(new Position("main.tf", 6, 19));
        assertThat(ami.expr().text()).isEqualTo("\"ami-123\"");
        assertThat(res.body().blocks("ebs_block_device")).hasSize(1);
        assertThat(res.body().blocks("ebs_block_device").get(0).body().attribute("device_name")).isNotNull();
        assertThat(res.body().blocks("empty").get(0).body().attributes()).isEmpty();
        assertThat(blocks.get(1).body().attribute("a")).isNotNull();
    }

    @Test
    void operatorPrecedenceAndAssociativity() {
        assertThat(eval("1 + 2 * 3")).isEqualTo(new BigDecimal("7"));
        assertThat(eval("(1 + 2) * 3")).isEqualTo(new BigDecimal("9"));
        assertThat(eval("10 - 4 - 3")).isEqualTo(new BigDecimal("3"));
        assertThat(eval("100 / 10 / 5")).isEqualTo(new BigDecimal("2"));
        assertThat(eval("7 % 4 * 2")).isEqualTo(new BigDecimal("6"));
        assertThat(eval("1 + 2 > 2 && 3 == 3")).isEqualTo(true);
        assertThat(eval("true || false && false")).isEqualTo(true);
        assertThat(eval("!true || true")).isEqualTo(true);
        assertThat(eval("-2 * -3")).isEqualTo(new BigDecimal("6"));
        assertThat(eval("1 < 2 == true")).isEqualTo(true);
        assertThat(eval("false ? 1 : true ? 2 : 3")).isEqualTo(new BigDecimal("2"));
        assertThat(eval("1.5e3 + 2E-1")).isEqualTo(new BigDecimal("1500.2"));
        BinaryExpr sub = (BinaryExpr) expr("a - b - c");
        assertThat(sub.left()).isInstanceOf(BinaryExpr.class);
        assertThat(sub.left().text()).isEqualTo("a - b");
        BinaryExpr or = (BinaryExpr) expr("a || b && c");
        assertThat(or.op()).isEqualTo(BinaryOperator.OR);
        assertThat(((BinaryExpr) or.right()).op()).isEqualTo(BinaryOperator.AND);
        assertThat(expr("a ? b : c ? d : e")).isInstanceOfSatisfying(ConditionalExpr.class,
                c -> assertThat(c.otherwise()).isInstanceOf(ConditionalExpr.class));
    }

    @Test
    void nestedTemplatesAndEscapes() {
        assertThat(eval("\"${true ? \"${\"b\"}\" : \"c\"}\"")).isEqualTo("b");
        assertThat(eval("\"x-${false ? \"${\"b\"}\" : \"c\"}-y\"")).isEqualTo("x-c-y");
        assertThat(eval("\"a\\tb\\n\\\"q\\\" \\\\ \\u00e9\"")).isEqualTo("a\tb\n\"q\" \\ é");
        assertThat(eval("\"$${literal} %%{literal}\"")).isEqualTo("${literal} %{literal}");
        assertThat(eval("\"cost: $5 and 100%\"")).isEqualTo("cost: $5 and 100%");
        assertThat(eval("\"${1 + 2}\"")).as("template wrap keeps the number").isEqualTo(new BigDecimal("3"));
    }

    @Test
    void templateDirectivesWithStripMarkers() {
        assertThat(eval("\"%{if true}yes%{else}no%{endif}\"")).isEqualTo("yes");
        assertThat(eval("\"%{ if 1 > 2 }yes%{ else }no%{ endif }\"")).isEqualTo("no");
        assertThat(eval("\"%{for x in [1, 2, 3]}${x},%{endfor}\"")).isEqualTo("1,2,3,");
        assertThat(eval("\"%{for k, v in {a = 1, b = 2}}${k}=${v};%{endfor}\"")).isEqualTo("a=1;b=2;");
        String heredoc = "<<EOT\n%{ for ip in [\"10.0.0.1\", \"10.0.0.2\"] ~}\nserver ${ip}\n%{ endfor ~}\nEOT\n";
        assertThat(eval(heredoc)).isEqualTo("server 10.0.0.1\nserver 10.0.0.2\n");
        assertThat(eval("\"a   ${~ \"b\" ~}   c\"")).isEqualTo("abc");
        assertThat(eval("\"%{if true}  x  %{~ endif}\"")).isEqualTo("  x");
    }

    @Test
    void heredocsAndIndentationStripping() {
        assertThat(eval("<<EOT\n    Foo\n      Bar\n    Baz\n  EOT\n")).isEqualTo("    Foo\n      Bar\n    Baz\n");
        assertThat(eval("<<-EOT\n    Foo\n      Bar\n    Baz\n  EOT\n")).isEqualTo("Foo\n  Bar\nBaz\n");
        assertThat(eval("<<-EOT\n    Foo\n  Bar\n    Baz\n  EOT\n")).isEqualTo("  Foo\nBar\n  Baz\n");
        assertThat(eval("<<-EOT\n    Foo\n\n    Bar\n  EOT\n")).as("blank lines do not count").isEqualTo("Foo\n\nBar\n");
        assertThat(HclTestSupport.eval("<<-EOT\n    Foo\n  ${x}\n    Baz\n  EOT\n",
                java.util.Map.of("x", dev.cloudshift.hcl.eval.Value.string("  Bar"))))
                .as("an interpolation's indentation counts").isEqualTo("  Foo\n  Bar\n  Baz\n");
        assertThat(eval("<<-EOT\n\tFoo\n\t\tBar\n\tEOT\n")).isEqualTo("Foo\n\tBar\n");
        assertThat(eval("<<EOT\n  NOT EOT\nEOT\n")).isEqualTo("  NOT EOT\n");
        assertThat(eval("<<EOT\n\"quoted\" \\n kept ${\"x\"}\nEOT\n")).isEqualTo("\"quoted\" \\n kept x\n");
    }

    @Test
    void splatsIndexesAndLegacyIndex() {
        assertThat(expr("a.b[0].c")).isInstanceOf(GetAttrExpr.class);
        assertThat(expr("a.0")).isInstanceOfSatisfying(IndexExpr.class, i -> assertThat(i.legacy()).isTrue());
        assertThat(eval("[[1, 2], [3]].0.1")).isEqualTo(new BigDecimal("2"));
        assertThat(eval("[{id = 1, n = {v = \"a\"}}, {id = 2, n = {v = \"b\"}}].*.id"))
                .isEqualTo(List.of(new BigDecimal("1"), new BigDecimal("2")));
        assertThat(eval("[{id = 1, n = {v = \"a\"}}, {id = 2, n = {v = \"b\"}}][*].n.v")).isEqualTo(List.of("a", "b"));
        assertThat(eval("[{l = [5, 6]}, {l = [7, 8]}][*].l[1]")).isEqualTo(List.of(new BigDecimal("6"), new BigDecimal("8")));
        assertThat(eval("[{l = [5, 6]}, {l = [7, 8]}].*.l[1]")).as("attribute splat stops at an index")
                .isEqualTo(List.of(new BigDecimal("7"), new BigDecimal("8")));
        assertThat(eval("{id = 9}[*].id")).as("a non-list becomes a one-element tuple").isEqualTo(List.of(new BigDecimal("9")));
        assertThat(eval("null[*].id")).isEqualTo(List.of());
        assertThat(expr("x[*].y")).isInstanceOf(SplatExpr.class);
    }

    @Test
    void forExpressionsWithFiltersAndGrouping() {
        assertThat(eval("[for x in [1, 2, 3, 4] : x * 10 if x % 2 == 0]"))
                .isEqualTo(List.of(new BigDecimal("20"), new BigDecimal("40")));
        assertThat(eval("{for k, v in {a = 1, b = 2} : upper(k) => v + 1}"))
                .isEqualTo(java.util.Map.of("A", new BigDecimal("2"), "B", new BigDecimal("3")));
        assertThat(eval("{for s in [\"apple\", \"avocado\", \"banana\"] : substr(s, 0, 1) => s...}"))
                .isEqualTo(java.util.Map.of("a", List.of("apple", "avocado"), "b", List.of("banana")));
        assertThat(eval("[for i, v in [\"a\", \"b\"] : \"${i}:${v}\"]")).isEqualTo(List.of("0:a", "1:b"));
        assertThat(eval("[\n for x in [1]:\n x\n ]")).isEqualTo(List.of(new BigDecimal("1")));
    }

    @Test
    void functionCallsWithExpansion() {
        assertThat(eval("max([3, 9, 2]...)")).isEqualTo(new BigDecimal("9"));
        assertThat(eval("concat(\n  [1],\n  [2],\n)")).isEqualTo(List.of(new BigDecimal("1"), new BigDecimal("2")));
        assertThat(eval("core::max(1, 2)")).as("core:: namespaced built-ins").isEqualTo(new BigDecimal("2"));
        assertThat(eval("provider::aws::arn_parse(\"x\")")).as("provider functions are unknown")
                .isEqualTo("${provider::aws::arn_parse(\"x\")}");
    }

    @Test
    void everyNodeHasAPositionAndSourceText() {
        String src = "locals {\n  x = merge(var.a, {\n    b = aws_vpc.main.id\n  })\n}\n";
        ParseResult r = HclParser.parse("m.tf", src);
        assertThat(r.diagnostics()).isEmpty();
        var call = (dev.cloudshift.hcl.ast.FunctionCallExpr) r.body().blocks().get(0).body().attribute("x").expr();
        assertThat(call.args().get(0).text()).isEqualTo("var.a");
        assertThat(call.args().get(0).position()).isEqualTo(new Position("m.tf", 2, 13));
        var obj = (dev.cloudshift.hcl.ast.ObjectExpr) call.args().get(1);
        assertThat(obj.items().get(0).value().text()).isEqualTo("aws_vpc.main.id");
        assertThat(obj.items().get(0).value().position()).isEqualTo(new Position("m.tf", 3, 9));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unclosed block           | resource "a" "b" {\\n  x = 1\\n                    | main.tf:3:1: expected '}' to close block "resource" opened at 1:1
            missing value            | a = \\n                                              | main.tf:1:5: expected an expression, found a newline
            unterminated string      | a = "abc\\nb = 1\\n                                 | main.tf:1:9: expected '"' to close the string opened at 1:5, found a newline
            bad tuple                | a = [1, 2\\n                                         | main.tf:2:1: expected ',' or ']' in the list opened at 1:5, found end of file
            two attributes one line  | a = 1 b = 2\\n                                      | main.tf:1:7: expected a newline after the attribute "a", found 'b'
            missing block brace      | resource "a" "b"\\n                                 | main.tf:1:17: expected '{' to open block "resource", found a newline
            bad interpolation        | a = "${x"\\n                                        | main.tf:1:9: expected '}' to close the interpolation opened at 1:6, found '"'
            bad escape               | a = "\\q"\\n                                        | main.tf:1:6: expected a valid escape sequence (\\n, \\r, \\t, \\", \\\\, \\uNNNN), found '\\q'
            unclosed heredoc         | a = <<EOT\\nfoo\\n                                   | main.tf:1:5: expected the closing marker EOT for the heredoc opened at 1:5, found end of file
            missing endif            | a = "%{if true}x"\\n                                | main.tf:1:6: expected %{endif} to close the %{if} opened at 1:6
            stray close brace        | }\\n                                                | main.tf:1:1: unexpected '}': no block is open here
            missing paren            | a = (1 + 2\\n                                       | main.tf:2:1: expected ')' to close '(' opened at 1:5, found end of file
            bad object separator     | a = { b = 1 c = 2 }\\n                              | main.tf:1:13: expected ',', a newline or '}' after the object item, found 'c'
            for without in           | a = [for x of y : x]\\n                             | main.tf:1:12: expected 'in' in the for expression opened at 1:5, found 'of'
            unclosed comment         | /* never closed\\n                                  | main.tf:1:1: expected '*/' to close the comment opened here, found end of file
            """)
    void errorPositionsAndMessages(String name, String source, String expected) {
        ParseResult r = HclParser.parse("main.tf", source.replace("\\n", "\n"));
        assertThat(r.diagnostics()).isNotEmpty();
        assertThat(r.diagnostics().get(0).toString()).isEqualTo(expected);
    }

    @Test
    void recoversSoOneBadBlockDoesNotHideOthers() {
        String src = """
                resource "a" "one" {
                  x = [1,
                }
                resource "a" "two" {
                  y = = 2
                }
                resource "a" "three" {
                  z = 3
                }
                """;
        ParseResult r = HclParser.parse("main.tf", src);
        assertThat(r.diagnostics()).hasSize(2);
        assertThat(r.diagnostics().get(0).position().line()).isEqualTo(3);
        assertThat(r.diagnostics().get(1).toString()).isEqualTo("main.tf:5:7: expected an expression, found '='");
        assertThat(r.body().blocks().stream().map(b -> b.label(1)).collect(Collectors.toList()))
                .containsExactly("one", "two", "three");
        assertThat(r.body().blocks().get(2).body().attribute("z")).isNotNull();
    }

    @Test
    void topLevelBlockTypesStopAnUnclosedBlockFromSwallowingTheRest() {
        String src = "resource \"a\" \"one\" {\n  x = 1\n\nresource \"a\" \"two\" {\n  y = 2\n}\n";
        ParseResult plain = HclParser.parse("main.tf", src);
        assertThat(plain.body().blocks()).hasSize(1);
        ParseResult tf = HclParser.parse("main.tf", src, java.util.Set.of("resource"));
        assertThat(tf.diagnostics()).extracting(HclDiagnostic::toString)
                .containsExactly("main.tf:4:1: expected '}' to close block \"resource\" opened at 1:1");
        assertThat(tf.body().blocks()).extracting(b -> b.label(1)).containsExactly("one", "two");
        assertThat(tf.body().blocks().get(1).body().attribute("y")).isNotNull();
    }

    @Test
    void deepNestingIsReportedNotAStackOverflow() {
        String deep = "a = " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        ParseResult r = HclParser.parse("deep.tf", deep);
        assertThat(r.diagnostics()).hasSize(1);
        assertThat(r.diagnostics().get(0).message()).contains("nested too deeply");
        String unary = "a = " + "-".repeat(100000) + "1\n";
        assertThat(HclParser.parse("u.tf", unary).diagnostics().get(0).message()).contains("nested too deeply");
        String chain = "a = " + "1 + ".repeat(20000) + "1\n";
        assertThat(HclParser.parse("c.tf", chain).diagnostics().get(0).message()).contains("nested too deeply");
        String attrs = "a = x" + ".y".repeat(20000) + "\n";
        assertThat(HclParser.parse("d.tf", attrs).diagnostics().get(0).message()).contains("steps in one reference");
        String ok = "a = " + "1 + ".repeat(100) + "1\n";
        assertThat(HclParser.parse("e.tf", ok).diagnostics()).isEmpty();
        String blocks = "a {\n".repeat(3000);
        assertThat(HclParser.parse("b.tf", blocks).diagnostics()).isNotEmpty();
    }

    @Test
    void traversalCollectorFindsEveryReferenceWithItsSteps() {
        var refs = dev.cloudshift.hcl.ast.TraversalCollector.collect(
                expr("merge(var.a, {x = aws_vpc.main[0].id}, [for s in aws_subnet.p[*].id : \"${s}-${local.k[var.i]}\"])"));
        assertThat(refs).extracting(t -> t.root() + t.steps().size()).containsExactly(
                "var1", "aws_vpc3", "aws_subnet1", "s0", "var1", "local2");
        var vpc = refs.get(1);
        assertThat(vpc.attr(0)).isEqualTo("main");
        assertThat(vpc.index(1)).isInstanceOfSatisfying(dev.cloudshift.hcl.ast.LiteralExpr.class,
                l -> assertThat(l.value()).isEqualTo(BigDecimal.ZERO));
        assertThat(vpc.expr().text()).isEqualTo("aws_vpc.main[0].id");
    }

    @Test
    void parseOrThrowCarriesTheFirstDiagnostic() {
        assertThatThrownBy(() -> HclParser.parseOrThrow("x.tf", "a = \n"))
                .isInstanceOf(HclParseException.class)
                .hasMessage("x.tf:1:5: expected an expression, found a newline");
        Body b = HclParser.parseOrThrow("x.tf", "a = 1\n");
        assertThat(b.attribute("a")).isNotNull();
    }
}
