package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.translate.schema.ProviderSchemas;
import dev.cloudshift.core.translate.schema.ReferenceShapes;
import dev.cloudshift.hcl.HclParser;
import dev.cloudshift.hcl.ParseResult;
import dev.cloudshift.hcl.ast.Attribute;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.emit.HclModelReader;
import dev.cloudshift.hcl.emit.HclWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Terraform a translation writes, read back with the project's own HCL parser: resource blocks by address, the
 * source text of an argument, and the checks every generated file must pass (parses without diagnostics, is a fixed
 * point of the canonical writer, every resource block fits the provider schema and the reference shapes).
 */
final class GeneratedTerraform {

    final TerraformOutput output;
    private final Map<String, ParseResult> parsed = new java.util.LinkedHashMap<>();

    private GeneratedTerraform(TerraformOutput output) {
        this.output = output;
        output.files().forEach((name, text) -> {
            if (name.endsWith(".tf") || name.endsWith(".tfvars")) {
                parsed.put(name, HclParser.parse(name, text));
            }
        });
    }

    /** Plans a folder of input files for a target (the knowledge base must be loaded) and translates the plan. */
    static GeneratedTerraform of(Path input, String target) {
        GoldenTerraformTest.loadKnowledgeBase();
        TerraformOutput out = GoldenTerraformTest.translate(input, target, List.of());
        if (Boolean.getBoolean("terraform.preview")) {
            // -Dterraform.preview=true: the files for review in target/terraform-preview/inline/<input folder>
            try {
                Path preview = Files.createDirectories(Path.of("target", "terraform-preview", "inline", input.getFileName().toString()));
                for (Map.Entry<String, String> f : out.files().entrySet()) {
                    Files.writeString(preview.resolve(f.getKey()), f.getValue());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new GeneratedTerraform(out);
    }

    /** Writes input files (name -> text) into a folder. */
    static Path write(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return dir;
    }

    String file(String name) {
        return output.files().get(name);
    }

    /** Every generated file's text, joined (for "never appears anywhere" checks). */
    String all() {
        return String.join("\n", output.files().values());
    }

    /** The resource block {@code type.name}, or fails. */
    Block resource(String type, String name) {
        for (ParseResult p : parsed.values()) {
            for (Block b : p.body().blocks("resource")) {
                if (b.label(0).equals(type) && b.label(1).equals(name)) {
                    return b;
                }
            }
        }
        throw new AssertionError("no resource " + type + "." + name + " in " + output.files().keySet());
    }

    boolean has(String type, String name) {
        return parsed.values().stream().flatMap(p -> p.body().blocks("resource").stream())
                .anyMatch(b -> b.label(0).equals(type) && b.label(1).equals(name));
    }

    /** The source text of an argument of a block (as written in its file). */
    String text(Block b, String attribute) {
        Attribute a = b.body().attribute(attribute);
        assertThat(a).as("%s has %s", b.labels(), attribute).isNotNull();
        return a.expr().span().text();
    }

    /** Parses, is canonical, fits the provider schema and the reference shapes: the checks of every generated file. */
    void assertValid() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ParseResult> p : parsed.entrySet()) {
            assertThat(p.getValue().diagnostics()).as("%s parses", p.getKey()).isEmpty();
            if (!p.getKey().endsWith(".tf")) {
                continue;
            }
            String stripped = GoldenTerraformTest.withoutComments(output.files().get(p.getKey()));
            assertThat(HclWriter.write(HclModelReader.read(HclParser.parse(p.getKey(), stripped).body())))
                    .as("%s is canonical", p.getKey()).isEqualTo(stripped);
            ProviderSchemas.validateFile(p.getValue().body()).forEach(x -> problems.add(x.toString()));
            ReferenceShapes.check(p.getValue().body()).forEach(x -> problems.add(x.toString()));
        }
        assertThat(problems).as("schema problems").isEmpty();
    }
}
