package dev.cloudshift.hcl;

import dev.cloudshift.hcl.ast.Body;
import dev.cloudshift.hcl.ast.Expr;
import dev.cloudshift.hcl.parse.NativeSyntaxParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Entry point for parsing HCL native syntax. Never throws on bad input: problems come back as diagnostics
 * with file:line:column positions ({@link #parseOrThrow} turns them into an {@link HclParseException}).
 */
public final class HclParser {

    private HclParser() {
    }

    public static ParseResult parse(String fileName, String text) {
        return parse(fileName, text, Set.of());
    }

    /**
     * Parses with a set of block types that only appear at the top level (see
     * {@link NativeSyntaxParser#NativeSyntaxParser(SourceFile, Set)}): better recovery from a missing '}'.
     */
    public static ParseResult parse(String fileName, String text, Set<String> topLevelBlockTypes) {
        SourceFile source = new SourceFile(fileName, text);
        NativeSyntaxParser parser = new NativeSyntaxParser(source, topLevelBlockTypes);
        Body body;
        try {
            body = parser.parseFile();
        } catch (RuntimeException | StackOverflowError e) {
            // safety net: the parser reports problems as diagnostics; reaching here is a parser bug
            List<HclDiagnostic> diags = new ArrayList<>(parser.diagnostics());
            diags.add(new HclDiagnostic(source.position(0), "internal parser error (" + e.getClass().getSimpleName() + ")"));
            return new ParseResult(source, new Body(new Span(source, 0, 0), List.of(), List.of()), diags);
        }
        return new ParseResult(source, body, parser.diagnostics());
    }

    /** Reads and parses a file; an unreadable file is a diagnostic. {@code displayName} names it in messages. */
    public static ParseResult parse(Path file, String displayName) {
        return parse(file, displayName, Set.of());
    }

    /** Reads and parses a file with top-level-only block types (see {@link #parse(String, String, Set)}). */
    public static ParseResult parse(Path file, String displayName, Set<String> topLevelBlockTypes) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            SourceFile source = new SourceFile(displayName, "");
            return new ParseResult(source, new Body(new Span(source, 0, 0), List.of(), List.of()),
                    List.of(new HclDiagnostic(new Position(displayName, 1, 1),
                            "expected a readable UTF-8 file (" + e.getClass().getSimpleName() + ")")));
        }
        return parse(displayName, text, topLevelBlockTypes);
    }

    public static Body parseOrThrow(String fileName, String text) {
        ParseResult r = parse(fileName, text);
        if (r.hasErrors()) {
            throw new HclParseException(r.diagnostics());
        }
        return r.body();
    }

    /** Parses a single expression, e.g. {@code var.x + 1}. */
    public static ExpressionResult parseExpression(String fileName, String text) {
        SourceFile source = new SourceFile(fileName, text);
        NativeSyntaxParser parser = new NativeSyntaxParser(source);
        Expr e;
        try {
            e = parser.parseStandaloneExpression();
        } catch (RuntimeException | StackOverflowError ex) {
            List<HclDiagnostic> diags = new ArrayList<>(parser.diagnostics());
            diags.add(new HclDiagnostic(source.position(0), "internal parser error (" + ex.getClass().getSimpleName() + ")"));
            return new ExpressionResult(null, diags);
        }
        return new ExpressionResult(e, parser.diagnostics());
    }

    /** A parsed expression (null when it could not be parsed) and its diagnostics. */
    public record ExpressionResult(Expr expr, List<HclDiagnostic> diagnostics) {
        public ExpressionResult {
            diagnostics = List.copyOf(diagnostics);
        }
    }
}
