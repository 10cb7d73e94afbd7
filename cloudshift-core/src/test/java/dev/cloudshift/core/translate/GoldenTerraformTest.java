package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.cost.CostSection;
import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.translate.schema.ProviderSchemas;
import dev.cloudshift.hcl.HclParser;
import dev.cloudshift.hcl.ParseResult;
import dev.cloudshift.hcl.emit.HclModelReader;
import dev.cloudshift.hcl.emit.HclWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the generated Terraform: {@code src/test/golden/<case>/terraform/} holds the expected files of every
 * case whose direction has translation rules (regenerate with {@code -Dgolden.update=true} and review the diff).
 * Every generated file also parses with the project's HCL parser without diagnostics, is a fixed point of the
 * canonical writer (parse, read, write gives the same text, comments aside), and carries no secret value of the
 * source (sensitive tfvars values, planted secrets). Every resource block uses only types, arguments and nested blocks
 * of the target provider's schema ({@code catalog/provider-schemas/<provider>.yaml}), required ones included.
 */
class GoldenTerraformTest {

    static final Path GOLDEN = Path.of("src", "test", "golden");
    static final Path EXAMPLES = Path.of("..", "examples");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?im)^\\s*[A-Za-z0-9_]*(password|secret|token|api_key)[A-Za-z0-9_]*\\s*[=:]\\s*\"?([^\"\\s]{6,})\"?\\s*$");
    private static Planner planner;

    @BeforeAll
    static void loadKnowledgeBase() {
        planner = new Planner(KnowledgeBase.load());
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("case.properties")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** The translation a {@code cloudshift plan} run writes for a golden case. */
    static TerraformOutput translate(Path input, String target, List<String> envs) {
        Plan plan = planner.plan(input, target, envs);
        CostSection cost = CostSection.of(plan);
        return TerraformTranslator.translate(plan, TerraformTranslator.sizing(cost.estimate()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void terraformMatchesGoldenFiles(String name) throws IOException {
        Path dir = GOLDEN.resolve(name);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("case.properties"))) {
            p.load(in);
        }
        Path input = p.getProperty("example") != null ? EXAMPLES.resolve(p.getProperty("example")) : dir.resolve("input");
        List<String> envs = p.getProperty("env", "").isBlank() ? List.of()
                : Arrays.stream(p.getProperty("env").split(",")).map(String::trim).toList();
        Plan plan = planner.plan(input, p.getProperty("target"), envs);
        boolean hasRules = plan.source().stream().filter(s -> !s.equals(plan.target()))
                .anyMatch(s -> !TranslationRules.bundled(s, plan.target()).rules().isEmpty());
        Path expectedDir = dir.resolve("terraform");
        if (!hasRules) {
            assertThat(expectedDir).as("no rules for this direction yet, so no golden Terraform").doesNotExist();
            return;
        }
        TerraformOutput out = translate(input, p.getProperty("target"), envs);

        if (UPDATE) {
            if (Files.isDirectory(expectedDir)) {
                try (Stream<Path> old = Files.list(expectedDir)) {
                    for (Path f : old.toList()) {
                        Files.delete(f);
                    }
                }
            }
            Files.createDirectories(expectedDir);
            for (Map.Entry<String, String> f : out.files().entrySet()) {
                Files.writeString(expectedDir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        }
        assertThat(expectedDir).as("golden folder (create it with -Dgolden.update=true)").isDirectory();
        TreeSet<String> expectedNames = new TreeSet<>();
        try (Stream<Path> files = Files.list(expectedDir)) {
            files.forEach(f -> expectedNames.add(f.getFileName().toString()));
        }
        assertThat(new TreeSet<>(out.files().keySet())).as("generated file names").isEqualTo(expectedNames);
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> f : out.files().entrySet()) {
            String expected = Files.readString(expectedDir.resolve(f.getKey()), StandardCharsets.UTF_8);
            if (!expected.equals(f.getValue())) {
                Path actual = Path.of("target", "golden-actual", name, "terraform", f.getKey());
                Files.createDirectories(actual.getParent());
                Files.writeString(actual, f.getValue(), StandardCharsets.UTF_8);
                mismatches.add(f.getKey() + " differs (actual in " + actual + ")");
            }
        }
        assertThat(mismatches).isEmpty();

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> f : out.files().entrySet()) {
            if (f.getKey().endsWith(".tf")) {
                ProviderSchemas.validateFile(HclParser.parse(f.getKey(), f.getValue()).body())
                        .forEach(x -> problems.add(f.getKey() + ": " + x));
            }
        }
        assertThat(problems).as("every resource block against catalog/provider-schemas").isEmpty();

        List<String> secrets = plantedSecrets(input, p);
        for (Map.Entry<String, String> f : out.files().entrySet()) {
            ParseResult parsed = HclParser.parse(f.getKey(), f.getValue());
            assertThat(parsed.diagnostics()).as("%s parses", f.getKey()).isEmpty();
            String stripped = withoutComments(f.getValue());
            ParseResult again = HclParser.parse(f.getKey(), stripped);
            assertThat(HclWriter.write(HclModelReader.read(again.body()))).as("%s is canonical", f.getKey()).isEqualTo(stripped);
            for (String s : secrets) {
                assertThat(f.getValue()).as("%s holds no secret value", f.getKey()).doesNotContain(s);
            }
        }
        for (Todo t : out.todos()) {
            String text = out.files().get(t.file());
            assertThat(text).as("TODO file of %s", t.address()).isNotNull();
            String line = text.split("\n", -1)[t.line() - 1];
            assertThat(line.substring(t.column() - 1)).isEqualTo("# " + t.comment());
        }
    }

    /** Secret-looking values assigned in the input's tfvars and .env files, plus the case's planted secrets. */
    static List<String> plantedSecrets(Path input, Properties p) throws IOException {
        List<String> out = new ArrayList<>();
        for (String s : p.getProperty("secrets", "").split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        try (Stream<Path> files = Files.walk(input)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".tfvars") || x.getFileName().toString().startsWith(".env")).toList()) {
                Matcher m = SECRET_ASSIGNMENT.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(2));
                }
            }
        }
        return out;
    }

    /** The text without comment lines, blank-line runs collapsed, no leading blank line. */
    static String withoutComments(String text) {
        StringBuilder sb = new StringBuilder();
        boolean blank = true;
        for (String line : text.split("\n", -1)) {
            if (line.trim().startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (!blank) {
                    sb.append('\n');
                }
                blank = true;
                continue;
            }
            sb.append(line).append('\n');
            blank = false;
        }
        String s = sb.toString();
        while (s.endsWith("\n\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
