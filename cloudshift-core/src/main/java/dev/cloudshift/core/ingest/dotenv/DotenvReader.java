package dev.cloudshift.core.ingest.dotenv;

import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.SourcePosition;
import dev.cloudshift.core.secrets.Redactor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a dotenv file into {@link ConfigEntry} records.
 *
 * <p>Every value of a dotenv file is treated as a secret: each entry has {@code value = null},
 * {@code secret = true} and a {@code shape} that keeps only the scheme and ports of a URL
 * ({@code postgresql://<redacted>@<redacted>:5432/<redacted>}), the ports of a {@code host:port} list
 * ({@code <redacted>:9092}), {@code <empty>} for an empty value, {@code <unset>} for a bare key, and
 * {@code <redacted>} otherwise. The syntax accepted is described in {@link DotenvParser}.
 *
 * <p>The environment comes from the file name: {@code .env} is {@code default}, {@code .env.prod} names
 * {@code prod}; {@code .env.example}, {@code .env.sample}, {@code .env.template}, {@code .env.dist},
 * {@code .env.defaults} and {@code .env.local} name no environment (see {@link #environmentOf(String)}).
 */
public final class DotenvReader {

    /** Suffixes of {@code .env.<suffix>} that are templates or local overrides, not environments. */
    public static final Set<String> NOT_ENVIRONMENTS = Set.of("example", "sample", "template", "dist", "defaults", "default", "local", "tpl", "bak", "orig");

    private final Redactor redactor;

    public DotenvReader() {
        this(Redactor.defaults());
    }

    public DotenvReader(Redactor redactor) {
        this.redactor = redactor;
    }

    /**
     * The environment a dotenv file name stands for: {@code .env} -> {@code default}, {@code .env.prod} ->
     * {@code prod}; empty for templates such as {@code .env.example} and for other names ({@code app.env},
     * files named by compose {@code env_file}, belong to no particular environment).
     */
    public static Optional<String> environmentOf(String fileName) {
        String n = fileName;
        if (n.equals(".env")) {
            return Optional.of("default");
        }
        String suffix = null;
        if (n.startsWith(".env.")) {
            suffix = n.substring(5);
        }
        if (suffix == null || suffix.isEmpty() || NOT_ENVIRONMENTS.contains(suffix.toLowerCase(Locale.ROOT))
                || !suffix.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        return Optional.of(suffix);
    }

    /** Reads {@code file}; positions name the file by its own name, the environment comes from the name. */
    public DotenvResult read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return read(file, name, environmentOf(name).orElse("default"), null);
    }

    /**
     * Reads {@code file} as {@code displayName} for {@code environment}.
     *
     * @param owner the resource address that loads this file ({@code compose.api} for an env_file), or null
     */
    public DotenvResult read(Path file, String displayName, String environment, String owner) {
        List<Diagnostic> diags = new ArrayList<>();
        Optional<String> text = readText(file, displayName, diags);
        if (text.isEmpty()) {
            return new DotenvResult(environment, List.of(), diags);
        }
        DotenvDocument doc = DotenvParser.parse(displayName, text.get());
        return new DotenvResult(environment, entries(doc, environment, owner), doc.diagnostics());
    }

    /** Parses a file for its values (for interpolation); problems reading it go to {@code diagnostics}. */
    public static DotenvDocument parseFile(Path file, String displayName, Map<String, String> inherited, List<Diagnostic> diagnostics) {
        Optional<String> text = readText(file, displayName, diagnostics);
        if (text.isEmpty()) {
            return new DotenvDocument(displayName, List.of(), List.of());
        }
        return DotenvParser.parse(displayName, text.get(), inherited);
    }

    /** The entries of a parsed document, values redacted. */
    public List<ConfigEntry> entries(DotenvDocument doc, String environment, String owner) {
        List<ConfigEntry> out = new ArrayList<>();
        for (DotenvVariable v : doc.variables()) {
            String shape = v.value() == null ? "<unset>" : redactor.opaqueShape(v.value());
            out.add(new ConfigEntry(environment, v.position(), owner, v.key(), null, true, shape));
        }
        return out;
    }

    /** Reads a file as UTF-8, replacing malformed bytes; a read failure becomes a diagnostic (compose files too). */
    public static Optional<String> readText(Path file, String displayName, List<Diagnostic> diagnostics) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (IOException e) {
            diagnostics.add(Diagnostic.at(SourcePosition.ofFile(displayName),
                    "cannot read the file (" + e.getClass().getSimpleName() + "); check that it exists and is readable"));
            return Optional.empty();
        }
    }
}
