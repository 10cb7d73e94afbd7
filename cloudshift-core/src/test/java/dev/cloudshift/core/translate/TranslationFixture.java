package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.cost.CostSection;
import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.translate.schema.ProviderSchemas;
import dev.cloudshift.core.translate.schema.ReferenceShapes;
import dev.cloudshift.hcl.HclParser;
import dev.cloudshift.hcl.ParseResult;
import dev.cloudshift.hcl.ast.Attribute;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.Body;
import dev.cloudshift.hcl.emit.HclModelReader;
import dev.cloudshift.hcl.emit.HclWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small source project written to a folder, planned and translated as {@code cloudshift plan} does, with the checks
 * every generated file must pass: it parses with the project's HCL parser, is a fixed point of the canonical writer,
 * every resource block fits the provider schema (reference shapes included), and no planted secret appears.
 */
final class TranslationFixture {

    private static Planner planner;

    private TranslationFixture() {
    }

    static synchronized Planner planner() {
        if (planner == null) {
            planner = new Planner(KnowledgeBase.load());
        }
        return planner;
    }

    /** Writes the files (name -> text) into dir and returns the plan and its translation. */
    static Result translate(Path dir, String target, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        Plan plan = planner().plan(dir, target, List.of());
        TerraformOutput out = TerraformTranslator.translate(plan, TerraformTranslator.sizing(CostSection.of(plan).estimate()));
        return new Result(plan, out);
    }

    record Result(Plan plan, TerraformOutput out) {

        String file(String name) {
            String text = out.files().get(name);
            assertThat(text).as("generated %s (files: %s)", name, out.files().keySet()).isNotNull();
            return text;
        }

        Body parsed(String name) {
            ParseResult r = HclParser.parse(name, file(name));
            assertThat(r.diagnostics()).as("%s parses", name).isEmpty();
            return r.body();
        }

        /** The resource block {@code type.name} in a file. */
        Block resource(String fileName, String type, String name) {
            for (Block b : parsed(fileName).blocks("resource")) {
                if (b.label(0).equals(type) && b.label(1).equals(name)) {
                    return b;
                }
            }
            throw new AssertionError("no resource " + type + "." + name + " in " + fileName + ":\n" + file(fileName));
        }

        /** Parse, canonical form, provider schema and no secret value, for every generated file. */
        Result assertValid(String... secrets) {
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, String> f : out.files().entrySet()) {
                ParseResult parsed = HclParser.parse(f.getKey(), f.getValue());
                assertThat(parsed.diagnostics()).as("%s parses", f.getKey()).isEmpty();
                String stripped = GoldenTerraformTest.withoutComments(f.getValue());
                assertThat(HclWriter.write(HclModelReader.read(HclParser.parse(f.getKey(), stripped).body())))
                        .as("%s is canonical", f.getKey()).isEqualTo(stripped);
                if (f.getKey().endsWith(".tf")) {
                    ProviderSchemas.validateFile(parsed.body()).forEach(p -> problems.add(f.getKey() + ": " + p));
                    ReferenceShapes.check(parsed.body()).forEach(p -> problems.add(f.getKey() + ": " + p));
                }
                for (String s : secrets) {
                    assertThat(f.getValue()).as("%s holds no secret value", f.getKey()).doesNotContain(s);
                }
            }
            assertThat(problems).as("schema problems").isEmpty();
            return this;
        }
    }

    /** The expression of an attribute exactly as written. */
    static String text(Attribute a) {
        return a.expr().span().text();
    }
}
