package dev.cloudshift.hcl;

import static dev.cloudshift.hcl.HclTestSupport.eval;
import static dev.cloudshift.hcl.HclTestSupport.evalErrors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.eval.Evaluator;
import dev.cloudshift.hcl.eval.Scope;
import dev.cloudshift.hcl.eval.Value;
import dev.cloudshift.hcl.function.FunctionLibrary;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionTest {

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    @Test
    void cidrFunctionsMatchTheTerraformDocumentation() {
        assertThat(eval("cidrsubnet(\"172.16.0.0/12\", 4, 2)")).isEqualTo("172.18.0.0/16");
        assertThat(eval("cidrsubnet(\"10.1.2.0/24\", 4, 15)")).isEqualTo("10.1.2.240/28");
        assertThat(eval("cidrsubnet(\"fd00:fd12:3456:7890::/56\", 16, 162)")).isEqualTo("fd00:fd12:3456:7800:a200::/72");
        assertThat(eval("cidrhost(\"10.12.112.0/20\", 16)")).isEqualTo("10.12.112.16");
        assertThat(eval("cidrhost(\"10.12.112.0/20\", 268)")).isEqualTo("10.12.113.12");
        assertThat(eval("cidrhost(\"fd00:fd12:3456:7890:00a2::/72\", 34)")).isEqualTo("fd00:fd12:3456:7890::22");
        assertThat(eval("cidrhost(\"10.0.0.0/24\", -2)")).isEqualTo("10.0.0.254");
        assertThat(eval("cidrnetmask(\"172.16.0.0/12\")")).isEqualTo("255.240.0.0");
        assertThat(eval("cidrsubnets(\"10.1.0.0/16\", 4, 4, 8, 4)"))
                .isEqualTo(List.of("10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"));
        assertThat(eval("[for i in range(3) : cidrsubnet(\"10.0.0.0/16\", 8, i + 10)]"))
                .isEqualTo(List.of("10.0.10.0/24", "10.0.11.0/24", "10.0.12.0/24"));
        assertThat(evalErrors("cidrsubnet(\"10.0.0.0/30\", 4, 1)", Map.of()).get(0).message())
                .startsWith("cidrsubnet(): insufficient address space");
    }

    @Test
    void collectionFunctions() {
        assertThat(eval("merge({a = 1, b = 2}, {b = 3, c = 4})")).isEqualTo(Map.of("a", n("1"), "b", n("3"), "c", n("4")));
        assertThat(eval("lookup({a = \"x\"}, \"a\", \"d\")")).isEqualTo("x");
        assertThat(eval("lookup({a = \"x\"}, \"z\", \"d\")")).isEqualTo("d");
        assertThat(eval("element([\"a\", \"b\", \"c\"], 4)")).isEqualTo("b");
        assertThat(eval("length([1, 2])")).isEqualTo(n("2"));
        assertThat(eval("length(\"héllo\")")).isEqualTo(n("5"));
        assertThat(eval("keys({b = 1, a = 2})")).isEqualTo(List.of("a", "b"));
        assertThat(eval("values({b = 1, a = 2})")).isEqualTo(List.of(n("2"), n("1")));
        assertThat(eval("zipmap([\"a\", \"b\"], [1, 2])")).isEqualTo(Map.of("a", n("1"), "b", n("2")));
        assertThat(eval("flatten([[1, [2]], [], 3])")).isEqualTo(List.of(n("1"), n("2"), n("3")));
        assertThat(eval("distinct([1, 2, 1, 3])")).isEqualTo(List.of(n("1"), n("2"), n("3")));
        assertThat(eval("compact([\"a\", \"\", null, \"b\"])")).isEqualTo(List.of("a", "b"));
        assertThat(eval("slice([1, 2, 3, 4], 1, 3)")).isEqualTo(List.of(n("2"), n("3")));
        assertThat(eval("reverse([1, 2])")).isEqualTo(List.of(n("2"), n("1")));
        assertThat(eval("sort([\"b\", \"a\", \"c\"])")).isEqualTo(List.of("a", "b", "c"));
        assertThat(eval("range(1, 4)")).isEqualTo(List.of(n("1"), n("2"), n("3")));
        assertThat(eval("range(3, 0, -1)")).isEqualTo(List.of(n("3"), n("2"), n("1")));
        assertThat(eval("index([\"a\", \"b\"], \"b\")")).isEqualTo(n("1"));
        assertThat(eval("contains([\"a\"], \"a\")")).isEqualTo(true);
        assertThat(eval("coalesce(null, \"\", \"x\")")).isEqualTo("x");
        assertThat(eval("coalescelist([], [1])")).isEqualTo(List.of(n("1")));
        assertThat(eval("one([])")).isNull();
        assertThat(eval("one([7])")).isEqualTo(n("7"));
        assertThat(eval("alltrue([true, \"true\"])")).isEqualTo(true);
        assertThat(eval("anytrue([false])")).isEqualTo(false);
        assertThat(eval("sum([1, 2.5])")).isEqualTo(n("3.5"));
        assertThat(eval("setunion([\"b\"], [\"a\", \"b\"])")).isEqualTo(List.of("a", "b"));
        assertThat(eval("setintersection([\"a\", \"b\"], [\"b\", \"c\"])")).isEqualTo(List.of("b"));
        assertThat(eval("concat([1], [2, 3])")).isEqualTo(List.of(n("1"), n("2"), n("3")));
        assertThat(eval("toset([\"b\", \"a\", \"b\"])")).isEqualTo(List.of("a", "b"));
        assertThat(eval("tomap({a = 1})")).isEqualTo(Map.of("a", n("1")));
        assertThat(eval("tolist(toset([2, 1]))")).isEqualTo(List.of(n("1"), n("2")));
    }

    @Test
    void stringFunctions() {
        assertThat(eval("format(\"%s-%03d-%.2f-%t-%q-%5s|%-4s|\", \"a\", 7, 3.14159, true, \"q\", \"r\", \"l\")"))
                .isEqualTo("a-007-3.14-true-\"q\"-    r|l   |");
        assertThat(eval("format(\"%[2]s %[1]s\", \"a\", \"b\")")).isEqualTo("b a");
        assertThat(eval("format(\"%v %v\", 1.50, {a = 1})")).isEqualTo("1.5 {\"a\":1}");
        assertThat(eval("formatlist(\"%s=%s\", [\"a\", \"b\"], \"x\")")).isEqualTo(List.of("a=x", "b=x"));
        assertThat(eval("join(\",\", [\"a\", \"b\"], [\"c\"])")).isEqualTo("a,b,c");
        assertThat(eval("split(\",\", \"a,,b\")")).isEqualTo(List.of("a", "", "b"));
        assertThat(eval("split(\",\", \"\")")).isEqualTo(List.of(""));
        assertThat(eval("lower(\"AbC\")")).isEqualTo("abc");
        assertThat(eval("upper(\"abc\")")).isEqualTo("ABC");
        assertThat(eval("title(\"hello world-foo\")")).isEqualTo("Hello World-Foo");
        assertThat(eval("replace(\"a-b-c\", \"-\", \"_\")")).isEqualTo("a_b_c");
        assertThat(eval("replace(\"hello world\", \"/w(or)ld/\", \"x$1\")")).isEqualTo("hello xor");
        assertThat(eval("substr(\"hello\", 1, 3)")).isEqualTo("ell");
        assertThat(eval("substr(\"hello\", -3, -1)")).isEqualTo("llo");
        assertThat(eval("trimspace(\"  x \\n\")")).isEqualTo("x");
        assertThat(eval("trim(\"?!hello?!\", \"!?\")")).isEqualTo("hello");
        assertThat(eval("trimprefix(\"helloworld\", \"hello\")")).isEqualTo("world");
        assertThat(eval("trimsuffix(\"helloworld\", \"world\")")).isEqualTo("hello");
        assertThat(eval("startswith(\"hello\", \"he\")")).isEqualTo(true);
        assertThat(eval("endswith(\"hello\", \"lo\")")).isEqualTo(true);
        assertThat(eval("regex(\"[a-z]+\", \"53453453.345345aaabbbccc23454\")")).isEqualTo("aaabbbccc");
        assertThat(eval("regex(\"(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)\", \"2019-02-01\")")).isEqualTo(List.of("2019", "02"));
        assertThat(eval("regex(\"^(?:(?P<scheme>[^:/?#]+):)?\", \"https://x\")")).isEqualTo(Map.of("scheme", "https"));
        assertThat(eval("regexall(\"[a-z]+\", \"1234abcd5678efgh9\")")).isEqualTo(List.of("abcd", "efgh"));
    }

    @Test
    void numericEncodingAndConversionFunctions() {
        assertThat(eval("min(3, 1, 2)")).isEqualTo(n("1"));
        assertThat(eval("max(3, 1, 2)")).isEqualTo(n("3"));
        assertThat(eval("abs(-2.5)")).isEqualTo(n("2.5"));
        assertThat(eval("ceil(4.1)")).isEqualTo(n("5"));
        assertThat(eval("floor(-4.1)")).isEqualTo(n("-5"));
        assertThat(eval("pow(2, 10)")).isEqualTo(n("1024"));
        assertThat(eval("parseint(\"ff\", 16)")).isEqualTo(n("255"));
        assertThat(eval("tostring(12)")).isEqualTo("12");
        assertThat(eval("tonumber(\"1.50\")")).isEqualTo(n("1.5"));
        assertThat(eval("tobool(\"true\")")).isEqualTo(true);
        assertThat(eval("jsonencode({b = [1, \"x<\"], a = null, c = true})"))
                .isEqualTo("{\"a\":null,\"b\":[1,\"x\\u003c\"],\"c\":true}");
        assertThat(eval("jsondecode(\"{\\\"a\\\": [1, 2.5, \\\"s\\\", null, false]}\")"))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(n("1"), n("2.5"), "s", null, false)));
        assertThat(eval("yamlencode({a = \"b\", c = \"d\"})")).isEqualTo("\"a\": \"b\"\n\"c\": \"d\"\n");
        assertThat(eval("yamlencode({foo = [1, {a = \"b\", c = \"d\"}, 3], bar = \"baz\"})"))
                .isEqualTo("\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n");
        assertThat(eval("yamlencode({x = {y = [], z = true}})")).isEqualTo("\"x\":\n  \"y\": []\n  \"z\": true\n");
        assertThat(eval("base64encode(\"Hello World\")")).isEqualTo("SGVsbG8gV29ybGQ=");
        assertThat(eval("base64decode(\"SGVsbG8gV29ybGQ=\")")).isEqualTo("Hello World");
        assertThat(eval("sha256(\"hello\")")).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void tryAndCan() {
        assertThat(eval("try({a = 1}.b, \"fallback\")")).isEqualTo("fallback");
        assertThat(eval("try(tonumber(\"x\"), 5)")).isEqualTo(n("5"));
        assertThat(eval("can(regex(\"^a\", \"abc\"))")).isEqualTo(true);
        assertThat(eval("can({}.missing)")).isEqualTo(false);
        assertThat(evalErrors("try({}.a, {}.b)", Map.of())).hasSize(1);
    }

    @Test
    void unknownArgumentsYieldUnknownsWithTheCallText() {
        Map<String, Value> scope = Map.of("aws_vpc", dev.cloudshift.hcl.eval.ObjectValue.open(Map.of()));
        assertThat(eval("cidrsubnet(aws_vpc.main.cidr_block, 8, 1)", scope))
                .isEqualTo("${cidrsubnet(aws_vpc.main.cidr_block, 8, 1)}");
        assertThat(eval("length([aws_vpc.main.id, 1])", scope)).isEqualTo(n("2"));
        assertThat(eval("merge({a = aws_vpc.main.id}, {b = 1})", scope))
                .isEqualTo(Map.of("a", "${aws_vpc.main.id}", "b", n("1")));
        assertThat(eval("\"arn:${aws_vpc.main.arn}/x\"", scope)).isEqualTo("arn:${aws_vpc.main.arn}/x");
        assertThat(eval("aws_vpc.main.id == \"x\" ? 1 : 2", scope)).isEqualTo("${aws_vpc.main.id == \"x\" ? 1 : 2}");
        assertThat(eval("timestamp()")).isEqualTo("${timestamp()}");
        assertThat(eval("jsonencode([{name = \"app\", image = \"${aws_vpc.main.url}:1.2\", cpu = 256}])", scope))
                .as("a partly unknown document stays readable JSON")
                .isEqualTo("[{\"cpu\":256,\"image\":\"${aws_vpc.main.url}:1.2\",\"name\":\"app\"}]");
    }

    @Test
    void functionErrorsAreDiagnosticsWithPositions() {
        List<HclDiagnostic> d = evalErrors("  nosuch(1)", Map.of());
        assertThat(d).extracting(HclDiagnostic::toString).containsExactly("t.hcl:1:3: there is no function named \"nosuch\"");
        assertThat(evalErrors("upper(1, 2)", Map.of()).get(0).message()).isEqualTo("upper(): expected 1 argument, found 2");
        assertThat(evalErrors("jsondecode(\"{\")", Map.of()).get(0).message()).startsWith("jsondecode(): the string is not valid JSON");
        assertThat(evalErrors("element([], 0)", Map.of())).hasSize(1);
    }

    @Test
    void fileAndTemplatefileResolveAgainstTheBaseDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hello.txt"), "hi there\n");
        Files.writeString(dir.resolve("t.tpl"), "%{ for s in servers ~}\nserver ${s}:${port}\n%{ endfor ~}\n");
        List<HclDiagnostic> diags = new ArrayList<>();
        Evaluator ev = new Evaluator(FunctionLibrary.standard(), dir, diags);
        assertThat(ev.evaluate(HclTestSupport.expr("file(\"hello.txt\")"), Scope.EMPTY).toJava()).isEqualTo("hi there\n");
        assertThat(ev.evaluate(HclTestSupport.expr("templatefile(\"t.tpl\", {servers = [\"a\", \"b\"], port = 80})"),
                Scope.EMPTY).toJava()).isEqualTo("server a:80\nserver b:80\n");
        assertThat(diags).isEmpty();
        Value missing = ev.evaluate(HclTestSupport.expr("file(\"nope.txt\")"), Scope.EMPTY);
        assertThat(missing.isKnown()).isFalse();
        assertThat(diags).extracting(HclDiagnostic::toString).containsExactly("t.hcl:1:1: file(): no file at nope.txt");
    }
}
