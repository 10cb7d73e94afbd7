package dev.cloudshift.hcl.parse;

import dev.cloudshift.hcl.HclDiagnostic;
import dev.cloudshift.hcl.SourceFile;
import dev.cloudshift.hcl.Span;
import dev.cloudshift.hcl.ast.Attribute;
import dev.cloudshift.hcl.ast.BinaryExpr;
import dev.cloudshift.hcl.ast.BinaryOperator;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.Body;
import dev.cloudshift.hcl.ast.ConditionalExpr;
import dev.cloudshift.hcl.ast.Expr;
import dev.cloudshift.hcl.ast.ForExpr;
import dev.cloudshift.hcl.ast.FunctionCallExpr;
import dev.cloudshift.hcl.ast.GetAttrExpr;
import dev.cloudshift.hcl.ast.IndexExpr;
import dev.cloudshift.hcl.ast.LiteralExpr;
import dev.cloudshift.hcl.ast.ObjectExpr;
import dev.cloudshift.hcl.ast.ObjectItem;
import dev.cloudshift.hcl.ast.ParenExpr;
import dev.cloudshift.hcl.ast.SplatExpr;
import dev.cloudshift.hcl.ast.SplatItemExpr;
import dev.cloudshift.hcl.ast.TemplateExpr;
import dev.cloudshift.hcl.ast.TemplateForExpr;
import dev.cloudshift.hcl.ast.TemplateIfExpr;
import dev.cloudshift.hcl.ast.TemplateWrapExpr;
import dev.cloudshift.hcl.ast.TupleExpr;
import dev.cloudshift.hcl.ast.UnaryExpr;
import dev.cloudshift.hcl.ast.UnaryOperator;
import dev.cloudshift.hcl.ast.VariableExpr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A scannerless recursive-descent parser for the HCL native syntax (hashicorp/hcl hclsyntax/spec.md).
 * Newline significance follows the specification: newlines end attributes and separate object items, and are
 * ignored inside parentheses, brackets, function arguments, interpolations and for expressions.
 * Errors are collected as diagnostics; parsing recovers at the next line so later items are still read.
 * Nesting is bounded by {@link #MAX_DEPTH} so deep input yields a diagnostic, never a stack overflow.
 */
public final class NativeSyntaxParser {
    public static final int MAX_DEPTH = 128;

    private final SourceFile file;
    private final String s;
    private final int n;
    private int p;
    private int depth;
    private boolean[] nl = new boolean[64];
    private int nlTop;
    private final List<HclDiagnostic> diagnostics = new ArrayList<>();

    /** Thrown inside the parser only; always caught and turned into a diagnostic. */
    private static final class ParseError extends RuntimeException {
        final int offset;

        ParseError(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private final java.util.Set<String> topLevelBlockTypes;

    public NativeSyntaxParser(SourceFile file) {
        this(file, java.util.Set.of());
    }

    /**
     * @param topLevelBlockTypes block types that only ever appear at the top level (for Terraform: resource,
     *                           data, module, ...). When one starts at column 1 inside an unclosed block, the
     *                           parser reports the missing '}' there and reads it as a new top-level block,
     *                           so one unclosed block does not swallow the rest of the file.
     */
    public NativeSyntaxParser(SourceFile file, java.util.Set<String> topLevelBlockTypes) {
        this.topLevelBlockTypes = topLevelBlockTypes;
        this.file = file;
        this.s = file.text();
        this.n = s.length();
        if (n > 0 && s.charAt(0) == '\uFEFF') {
            p = 1;
        }
        nl[0] = true;
    }

    public List<HclDiagnostic> diagnostics() {
        return diagnostics;
    }

    // ------------------------------------------------------------------ bodies

    public Body parseFile() {
        return parseBody(null, 0);
    }

    /** Parses a standalone expression (whole input). */
    public Expr parseStandaloneExpression() {
        pushNl(false);
        try {
            ws();
            Expr e = parseExpr();
            ws();
            if (p < n) {
                throw err(p, "expected end of expression, found " + describe(p));
            }
            return e;
        } catch (ParseError e) {
            diagnostics.add(new HclDiagnostic(file.position(e.offset), e.getMessage()));
            return null;
        }
    }

    private Body parseBody(String blockType, int blockStart) {
        int start = p;
        List<Attribute> attrs = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        while (true) {
            try {
                skipBlank();
            } catch (ParseError e) {
                diagnostics.add(new HclDiagnostic(file.position(e.offset), e.getMessage()));
                p = n;
            }
            if (p >= n) {
                if (blockType != null) {
                    error(p, "expected '}' to close block \"" + blockType + "\" opened at "
                            + file.position(blockStart).lineColumn());
                }
                break;
            }
            char c = s.charAt(p);
            if (c == '}') {
                if (blockType != null) {
                    break;
                }
                error(p, "unexpected '}': no block is open here");
                p++;
                continue;
            }
            if (blockType != null && !topLevelBlockTypes.isEmpty() && startsTopLevelBlock()) {
                error(p, "expected '}' to close block \"" + blockType + "\" opened at "
                        + file.position(blockStart).lineColumn());
                break;
            }
            int savedTop = nlTop;
            int savedDepth = depth;
            try {
                parseItem(attrs, blocks, blockType != null);
            } catch (ParseError e) {
                diagnostics.add(new HclDiagnostic(file.position(e.offset), e.getMessage()));
                nlTop = savedTop;
                depth = savedDepth;
                if (p < e.offset) {
                    p = e.offset;
                }
                recoverToLineEnd();
            }
        }
        return new Body(new Span(file, start, p), attrs, blocks);
    }

    private boolean startsTopLevelBlock() {
        if (p > 0 && s.charAt(p - 1) != '\n') {
            return false;
        }
        int e = p;
        while (e < n && isIdentPart(s.charAt(e))) {
            e++;
        }
        if (e == p || !topLevelBlockTypes.contains(s.substring(p, e))) {
            return false;
        }
        while (e < n && (s.charAt(e) == ' ' || s.charAt(e) == '\t')) {
            e++;
        }
        return e < n && (s.charAt(e) == '"' || s.charAt(e) == '{' || isIdentStart(s.charAt(e)));
    }

    private void parseItem(List<Attribute> attrs, List<Block> blocks, boolean inBlock) {
        int start = p;
        String name = readIdentifier();
        if (name == null) {
            throw err(p, "expected an attribute or block name, found " + describe(p));
        }
        Span nameSpan = new Span(file, start, p);
        inlineWs();
        if (p < n && s.charAt(p) == '=' && !(p + 1 < n && s.charAt(p + 1) == '=')) {
            p++;
            pushNl(true);
            inlineWs();
            Expr e = parseExpr();
            popNl();
            attrs.add(new Attribute(name, e, new Span(file, start, e.span().end()), nameSpan));
            expectLineEnd(inBlock, "the attribute \"" + name + "\"");
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Span> labelSpans = new ArrayList<>();
        while (p < n) {
            int ls = p;
            char c = s.charAt(p);
            if (c == '"') {
                labels.add(readLabelString());
            } else if (isIdentStart(c)) {
                labels.add(readIdentifier());
            } else {
                break;
            }
            labelSpans.add(new Span(file, ls, p));
            inlineWs();
        }
        if (p >= n || s.charAt(p) != '{') {
            if (labels.isEmpty()) {
                throw err(p, "expected '=' or '{' after \"" + name + "\", found " + describe(p));
            }
            throw err(p, "expected '{' to open block \"" + name + "\", found " + describe(p));
        }
        p++;
        enter();
        Body body = parseBody(name, start);
        depth--;
        if (p < n && s.charAt(p) == '}') {
            p++;
        } else {
            // missing close brace already reported at end of file
            blocks.add(new Block(name, labels, body, new Span(file, start, p), nameSpan, labelSpans));
            return;
        }
        blocks.add(new Block(name, labels, body, new Span(file, start, p), nameSpan, labelSpans));
        expectLineEnd(inBlock, "the block \"" + name + "\"");
    }

    private void expectLineEnd(boolean inBlock, String what) {
        inlineWs();
        if (p >= n) {
            return;
        }
        char c = s.charAt(p);
        if (c == '\n') {
            p++;
            return;
        }
        if (c == '}' && inBlock) {
            return;
        }
        throw err(p, "expected a newline after " + what + ", found " + describe(p));
    }

    private String readLabelString() {
        int start = p;
        List<TPart> parts = scanQuoted();
        StringBuilder sb = new StringBuilder();
        for (TPart part : parts) {
            if (!(part instanceof Lit lit)) {
                throw err(part.start(), "expected a plain string block label; interpolations and directives are not allowed in labels");
            }
            sb.append(lit.text);
        }
        if (p <= start) {
            throw err(start, "expected a block label");
        }
        return sb.toString();
    }

    /** Skips ahead after an error: to the end of the line, past balanced brackets, strings and heredocs. */
    private void recoverToLineEnd() {
        int bal = 0;
        while (p < n) {
            char c = s.charAt(p);
            if (c == '\n' && bal <= 0) {
                p++;
                return;
            }
            if (c == '"') {
                p++;
                while (p < n && s.charAt(p) != '"' && s.charAt(p) != '\n') {
                    if (s.charAt(p) == '\\') {
                        p++;
                    }
                    p++;
                }
                if (p < n && s.charAt(p) == '"') {
                    p++;
                }
                continue;
            }
            if (c == '#' || (c == '/' && p + 1 < n && s.charAt(p + 1) == '/')) {
                while (p < n && s.charAt(p) != '\n') {
                    p++;
                }
                continue;
            }
            if (c == '<' && p + 1 < n && s.charAt(p + 1) == '<') {
                int q = p + 2;
                if (q < n && s.charAt(q) == '-') {
                    q++;
                }
                int ms = q;
                while (q < n && isIdentPart(s.charAt(q))) {
                    q++;
                }
                if (q > ms && q < n && (s.charAt(q) == '\n' || s.charAt(q) == '\r')) {
                    String marker = s.substring(ms, q);
                    int end = findHeredocEnd(q, marker);
                    p = end < 0 ? n : end;
                    continue;
                }
            }
            if (c == '{' || c == '[' || c == '(') {
                bal++;
            } else if (c == '}' || c == ']' || c == ')') {
                bal--;
                if (c == '}' && bal < 0) {
                    // belongs to an enclosing block: stop so the block can close
                    return;
                }
            }
            p++;
        }
    }

    /** Offset just after the heredoc's closing marker line content, or -1. */
    private int findHeredocEnd(int from, String marker) {
        int q = s.indexOf('\n', from);
        while (q >= 0 && q < n) {
            int ls = q + 1;
            int k = ls;
            while (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
                k++;
            }
            if (s.startsWith(marker, k)) {
                int e = k + marker.length();
                if (e >= n || s.charAt(e) == '\n' || s.charAt(e) == '\r') {
                    return e;
                }
            }
            q = s.indexOf('\n', ls);
        }
        return -1;
    }

    // ------------------------------------------------------------------ expressions

    private Expr parseExpr() {
        enter();
        try {
            Expr cond = parseBinary(1);
            int save = p;
            ws();
            if (p < n && s.charAt(p) == '?') {
                p++;
                ws();
                Expr then = parseExpr();
                ws();
                if (p >= n || s.charAt(p) != ':') {
                    throw err(p, "expected ':' in the conditional expression started at "
                            + cond.position().lineColumn() + ", found " + describe(p));
                }
                p++;
                ws();
                Expr otherwise = parseExpr();
                return new ConditionalExpr(span(cond.span().start(), otherwise.span().end()), cond, then, otherwise);
            }
            p = save;
            return cond;
        } finally {
            depth--;
        }
    }

    private Expr parseBinary(int minPrec) {
        Expr left = parseUnary();
        int entered = 0;
        try {
            while (true) {
                int save = p;
                ws();
                BinaryOperator op = peekBinaryOperator();
                if (op == null || op.precedence() < minPrec) {
                    p = save;
                    return left;
                }
                enter(); // a left-associative chain nests its tree: bound its length like any nesting
                entered++;
                p += op.symbol().length();
                ws();
                Expr right = parseBinary(op.precedence() + 1);
                left = new BinaryExpr(span(left.span().start(), right.span().end()), op, left, right);
            }
        } finally {
            depth -= entered;
        }
    }

    private BinaryOperator peekBinaryOperator() {
        if (p >= n) {
            return null;
        }
        char c = s.charAt(p);
        char d = p + 1 < n ? s.charAt(p + 1) : '\0';
        switch (c) {
            case '|':
                return d == '|' ? BinaryOperator.OR : null;
            case '&':
                return d == '&' ? BinaryOperator.AND : null;
            case '=':
                return d == '=' ? BinaryOperator.EQUAL : null;
            case '!':
                return d == '=' ? BinaryOperator.NOT_EQUAL : null;
            case '<':
                return d == '=' ? BinaryOperator.LESS_OR_EQUAL : d == '<' ? null : BinaryOperator.LESS;
            case '>':
                return d == '=' ? BinaryOperator.GREATER_OR_EQUAL : BinaryOperator.GREATER;
            case '+':
                return BinaryOperator.ADD;
            case '-':
                return BinaryOperator.SUBTRACT;
            case '*':
                return BinaryOperator.MULTIPLY;
            case '/':
                return BinaryOperator.DIVIDE;
            case '%':
                return d == '{' ? null : BinaryOperator.MODULO;
            default:
                return null;
        }
    }

    private Expr parseUnary() {
        if (p < n) {
            char c = s.charAt(p);
            if ((c == '!' && !(p + 1 < n && s.charAt(p + 1) == '=')) || c == '-') {
                int start = p;
                p++;
                ws();
                enter();
                try {
                    Expr operand = parseUnary();
                    return new UnaryExpr(span(start, operand.span().end()),
                            c == '!' ? UnaryOperator.NOT : UnaryOperator.NEGATE, operand);
                } finally {
                    depth--;
                }
            }
        }
        return parseSuffix(parseTerm(), 0);
    }

    /**
     * Traversal operators after a term. mode 0: anything; mode 1: attribute-splat chain (only .name and
     * .N); mode 2: full-splat chain (attributes and indexes).
     */
    private Expr parseSuffix(Expr base, int mode) {
        Expr e = base;
        int steps = 0;
        while (true) {
            if (++steps > MAX_DEPTH) {
                throw err(p, "expected at most " + MAX_DEPTH + " attribute and index steps in one reference");
            }
            int save = p;
            ws();
            if (p >= n) {
                p = save;
                return e;
            }
            char c = s.charAt(p);
            if (c == '.') {
                char d = p + 1 < n ? s.charAt(p + 1) : '\0';
                if (d == '.') {
                    p = save;
                    return e;
                }
                if (d == '*') {
                    int starStart = p;
                    p += 2;
                    SplatItemExpr item = new SplatItemExpr(span(starStart, p));
                    enter();
                    Expr each;
                    try {
                        each = parseSuffix(item, 1);
                    } finally {
                        depth--;
                    }
                    e = new SplatExpr(span(e.span().start(), Math.max(p, each.span().end())), e, each, item, false);
                    continue;
                }
                p++;
                if (p < n && isDigit(s.charAt(p))) {
                    int ks = p;
                    while (p < n && isDigit(s.charAt(p))) {
                        p++;
                    }
                    Expr key = new LiteralExpr(span(ks, p), new BigDecimal(s.substring(ks, p)));
                    e = new IndexExpr(span(e.span().start(), p), e, key, true);
                    continue;
                }
                String name = readIdentifier();
                if (name == null) {
                    throw err(p, "expected an attribute name after '.', found " + describe(p));
                }
                e = new GetAttrExpr(span(e.span().start(), p), e, name);
                continue;
            }
            if (c == '[') {
                if (mode == 1) {
                    p = save;
                    return e;
                }
                int open = p;
                p++;
                pushNl(false);
                ws();
                if (p < n && s.charAt(p) == '*') {
                    int q = p + 1;
                    while (q < n && (s.charAt(q) == ' ' || s.charAt(q) == '\t')) {
                        q++;
                    }
                    if (q < n && s.charAt(q) == ']') {
                        p = q + 1;
                        popNl();
                        SplatItemExpr item = new SplatItemExpr(span(open, p));
                        enter();
                        Expr each;
                        try {
                            each = parseSuffix(item, 2);
                        } finally {
                            depth--;
                        }
                        e = new SplatExpr(span(e.span().start(), Math.max(p, each.span().end())), e, each, item, true);
                        continue;
                    }
                }
                Expr key = parseExpr();
                ws();
                if (p >= n || s.charAt(p) != ']') {
                    throw err(p, "expected ']' to close the index opened at " + file.position(open).lineColumn()
                            + ", found " + describe(p));
                }
                p++;
                popNl();
                e = new IndexExpr(span(e.span().start(), p), e, key, false);
                continue;
            }
            p = save;
            return e;
        }
    }

    private Expr parseTerm() {
        if (p >= n) {
            throw err(p, "expected an expression, found end of file");
        }
        char c = s.charAt(p);
        int start = p;
        if (isDigit(c)) {
            return parseNumber();
        }
        if (c == '"') {
            return parseQuotedTemplate();
        }
        if (c == '<' && p + 1 < n && s.charAt(p + 1) == '<') {
            return parseHeredoc();
        }
        if (c == '(') {
            p++;
            pushNl(false);
            ws();
            Expr inner = parseExpr();
            ws();
            if (p >= n || s.charAt(p) != ')') {
                throw err(p, "expected ')' to close '(' opened at " + file.position(start).lineColumn()
                        + ", found " + describe(p));
            }
            p++;
            popNl();
            return new ParenExpr(span(start, p), inner);
        }
        if (c == '[') {
            return parseTuple();
        }
        if (c == '{') {
            return parseObject();
        }
        if (isIdentStart(c)) {
            String name = readIdentifier();
            int q = p;
            while (q + 1 < n && s.charAt(q) == ':' && s.charAt(q + 1) == ':') {
                int save = p;
                p = q + 2;
                String more = readIdentifier();
                if (more == null) {
                    p = save;
                    break;
                }
                name = name + "::" + more;
                q = p;
            }
            int save = p;
            inlineWs();
            if (p < n && s.charAt(p) == '(') {
                return parseCall(start, name);
            }
            p = save;
            switch (name) {
                case "true":
                    return new LiteralExpr(span(start, p), Boolean.TRUE);
                case "false":
                    return new LiteralExpr(span(start, p), Boolean.FALSE);
                case "null":
                    return new LiteralExpr(span(start, p), null);
                default:
                    if (name.contains("::")) {
                        throw err(p, "expected '(' to call function " + name + ", found " + describe(p));
                    }
                    return new VariableExpr(span(start, p), name);
            }
        }
        throw err(p, "expected an expression, found " + describe(p));
    }

    private Expr parseNumber() {
        int start = p;
        while (p < n && isDigit(s.charAt(p))) {
            p++;
        }
        if (p + 1 < n && s.charAt(p) == '.' && isDigit(s.charAt(p + 1))) {
            p++;
            while (p < n && isDigit(s.charAt(p))) {
                p++;
            }
        }
        if (p < n && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            int q = p + 1;
            if (q < n && (s.charAt(q) == '+' || s.charAt(q) == '-')) {
                q++;
            }
            if (q < n && isDigit(s.charAt(q))) {
                while (q < n && isDigit(s.charAt(q))) {
                    q++;
                }
                p = q;
            }
        }
        String text = s.substring(start, p);
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException ex) {
            throw err(start, "expected a number, found '" + text + "'");
        }
        if (value.scale() < -1000 || value.scale() > 1000) {
            throw err(start, "number out of range: " + text);
        }
        return new LiteralExpr(span(start, p), value);
    }

    private Expr parseCall(int start, String name) {
        int open = p;
        p++;
        pushNl(false);
        List<Expr> args = new ArrayList<>();
        boolean expand = false;
        ws();
        if (p < n && s.charAt(p) == ')') {
            p++;
            popNl();
            return new FunctionCallExpr(span(start, p), name, args, false);
        }
        while (true) {
            args.add(parseExpr());
            ws();
            if (s.startsWith("...", p)) {
                p += 3;
                expand = true;
                ws();
                if (p < n && s.charAt(p) == ',') {
                    p++;
                    ws();
                }
                if (p >= n || s.charAt(p) != ')') {
                    throw err(p, "expected ')' after the expanded final argument of " + name + "(), found " + describe(p));
                }
                p++;
                break;
            }
            if (p < n && s.charAt(p) == ',') {
                p++;
                ws();
                if (p < n && s.charAt(p) == ')') {
                    p++;
                    break;
                }
                continue;
            }
            if (p < n && s.charAt(p) == ')') {
                p++;
                break;
            }
            throw err(p, "expected ',' or ')' in the call to " + name + "() opened at "
                    + file.position(open).lineColumn() + ", found " + describe(p));
        }
        popNl();
        return new FunctionCallExpr(span(start, p), name, args, expand);
    }

    private Expr parseTuple() {
        int start = p;
        p++;
        pushNl(false);
        ws();
        if (atForKeyword()) {
            Expr f = parseFor(start, false);
            popNl();
            return f;
        }
        List<Expr> items = new ArrayList<>();
        while (true) {
            ws();
            if (p < n && s.charAt(p) == ']') {
                p++;
                break;
            }
            items.add(parseExpr());
            ws();
            if (p < n && s.charAt(p) == ',') {
                p++;
                continue;
            }
            if (p < n && s.charAt(p) == ']') {
                p++;
                break;
            }
            throw err(p, "expected ',' or ']' in the list opened at " + file.position(start).lineColumn()
                    + ", found " + describe(p));
        }
        popNl();
        return new TupleExpr(span(start, p), items);
    }

    private Expr parseObject() {
        int start = p;
        p++;
        pushNl(false);
        ws();
        if (atForKeyword()) {
            Expr f = parseFor(start, true);
            popNl();
            return f;
        }
        popNl();
        pushNl(true);
        List<ObjectItem> items = new ArrayList<>();
        while (true) {
            skipBlank();
            if (p >= n) {
                throw err(p, "expected '}' to close the object opened at " + file.position(start).lineColumn()
                        + ", found end of file");
            }
            if (s.charAt(p) == '}') {
                p++;
                break;
            }
            Expr key = parseObjectKey();
            inlineWs();
            if (p < n && (s.charAt(p) == '=' || s.charAt(p) == ':') && !s.startsWith("==", p)) {
                p++;
            } else {
                throw err(p, "expected '=' or ':' after the object key, found " + describe(p));
            }
            inlineWs();
            Expr value = parseExpr();
            items.add(new ObjectItem(key, value));
            inlineWs();
            if (p < n && s.charAt(p) == ',') {
                p++;
                continue;
            }
            if (p < n && (s.charAt(p) == '\n' || s.charAt(p) == '}')) {
                continue;
            }
            throw err(p, "expected ',', a newline or '}' after the object item, found " + describe(p));
        }
        popNl();
        return new ObjectExpr(span(start, p), items);
    }

    private Expr parseObjectKey() {
        int start = p;
        if (p < n && isIdentStart(s.charAt(p))) {
            String name = readIdentifier();
            int save = p;
            inlineWs();
            if (p < n && (s.charAt(p) == ':' || (s.charAt(p) == '=' && !s.startsWith("==", p)))) {
                p = save;
                return new LiteralExpr(span(start, save), name);
            }
            p = start;
        }
        pushNl(false);
        Expr key = parseBinary(1);
        popNl();
        return key;
    }

    private boolean atForKeyword() {
        if (!s.startsWith("for", p) || (p + 3 < n && isIdentPart(s.charAt(p + 3)))) {
            return false;
        }
        int q = p + 3;
        int save = p;
        p = q;
        ws();
        boolean ok = p > q && p < n && isIdentStart(s.charAt(p));
        p = save;
        return ok;
    }

    private boolean atKeyword(String word) {
        return s.startsWith(word, p) && !(p + word.length() < n && isIdentPart(s.charAt(p + word.length())));
    }

    private Expr parseFor(int start, boolean object) {
        p += 3;
        ws();
        String first = readIdentifier();
        ws();
        String keyVar = null;
        String valueVar = first;
        if (p < n && s.charAt(p) == ',') {
            p++;
            ws();
            keyVar = first;
            valueVar = readIdentifier();
            if (valueVar == null) {
                throw err(p, "expected a variable name after ',' in the for expression, found " + describe(p));
            }
            ws();
        }
        if (!atKeyword("in")) {
            throw err(p, "expected 'in' in the for expression opened at " + file.position(start).lineColumn()
                    + ", found " + describe(p));
        }
        p += 2;
        ws();
        Expr coll = parseExpr();
        ws();
        if (p >= n || s.charAt(p) != ':') {
            throw err(p, "expected ':' after the collection of the for expression, found " + describe(p));
        }
        p++;
        ws();
        Expr keyExpr = null;
        Expr valueExpr;
        boolean grouping = false;
        if (object) {
            keyExpr = parseExpr();
            ws();
            if (!s.startsWith("=>", p)) {
                throw err(p, "expected '=>' in the object for expression, found " + describe(p));
            }
            p += 2;
            ws();
            valueExpr = parseExpr();
            ws();
            if (s.startsWith("...", p)) {
                p += 3;
                grouping = true;
                ws();
            }
        } else {
            valueExpr = parseExpr();
            ws();
        }
        Expr cond = null;
        if (atKeyword("if")) {
            p += 2;
            ws();
            cond = parseExpr();
            ws();
        }
        char close = object ? '}' : ']';
        if (p >= n || s.charAt(p) != close) {
            throw err(p, "expected '" + close + "' to close the for expression opened at "
                    + file.position(start).lineColumn() + ", found " + describe(p));
        }
        p++;
        return new ForExpr(span(start, p), keyVar, valueVar, coll, keyExpr, valueExpr, cond, grouping);
    }

    // ------------------------------------------------------------------ templates

    /** A raw template piece before the directive tree is built. */
    private sealed interface TPart permits Lit, Interp, Directive {
        int start();
    }

    private static final class Lit implements TPart {
        String text;
        final int start;
        final int end;
        final boolean atLineStart;

        Lit(String text, int start, int end, boolean atLineStart) {
            this.text = text;
            this.start = start;
            this.end = end;
            this.atLineStart = atLineStart;
        }

        @Override
        public int start() {
            return start;
        }
    }

    private record Interp(Expr expr, boolean stripLeft, boolean stripRight, int start, int end) implements TPart {
    }

    private record Directive(String keyword, String keyVar, String valueVar, Expr expr, boolean stripLeft,
                             boolean stripRight, int start, int end) implements TPart {
    }

    private Expr parseQuotedTemplate() {
        int start = p;
        List<TPart> parts = scanQuoted();
        return buildTemplate(start, parts);
    }

    /** Scans a quoted string from the opening quote to past the closing quote. */
    private List<TPart> scanQuoted() {
        int open = p;
        p++;
        List<TPart> parts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int litStart = p;
        while (true) {
            if (p >= n || s.charAt(p) == '\n') {
                throw err(p, "expected '\"' to close the string opened at " + file.position(open).lineColumn()
                        + ", found " + describe(p));
            }
            char c = s.charAt(p);
            if (c == '"') {
                if (sb.length() > 0) {
                    parts.add(new Lit(sb.toString(), litStart, p, false));
                }
                p++;
                return parts;
            }
            if (c == '\\') {
                p++;
                if (p >= n) {
                    throw err(p, "expected an escape sequence after '\\', found end of file");
                }
                char e = s.charAt(p);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case 'u', 'U' -> {
                        int len = e == 'u' ? 4 : 8;
                        if (p + 1 + len > n) {
                            throw err(p - 1, "expected " + len + " hex digits after \\" + e);
                        }
                        String hex = s.substring(p + 1, p + 1 + len);
                        int cp;
                        try {
                            cp = Integer.parseUnsignedInt(hex, 16);
                        } catch (NumberFormatException ex) {
                            throw err(p - 1, "expected " + len + " hex digits after \\" + e + ", found '" + hex + "'");
                        }
                        if (!Character.isValidCodePoint(cp)) {
                            throw err(p - 1, "invalid Unicode code point \\" + e + hex);
                        }
                        sb.appendCodePoint(cp);
                        p += len;
                    }
                    default -> throw err(p - 1, "expected a valid escape sequence (\\n, \\r, \\t, \\\", \\\\, \\uNNNN), found '\\" + e + "'");
                }
                p++;
                continue;
            }
            if (atEscapedTemplateStart(c)) {
                sb.append(c).append('{');
                p += 3;
                continue;
            }
            if (atTemplateStart(c)) {
                if (sb.length() > 0) {
                    parts.add(new Lit(sb.toString(), litStart, p, false));
                    sb.setLength(0);
                }
                parts.add(c == '$' ? scanInterpolation() : scanDirective());
                litStart = p;
                continue;
            }
            sb.append(c);
            p++;
        }
    }

    private Expr parseHeredoc() {
        int start = p;
        p += 2;
        boolean indent = false;
        if (p < n && s.charAt(p) == '-') {
            indent = true;
            p++;
        }
        int ms = p;
        String marker = readIdentifier();
        if (marker == null) {
            throw err(ms, "expected a heredoc marker identifier after '<<', found " + describe(ms));
        }
        if (p < n && s.charAt(p) == '\r') {
            p++;
        }
        if (p >= n || s.charAt(p) != '\n') {
            throw err(p, "expected a newline after the heredoc marker " + marker + ", found " + describe(p));
        }
        p++;
        List<TPart> parts = scanHeredocBody(marker, start);
        if (indent) {
            stripHeredocIndent(parts);
        }
        return buildTemplate(start, parts);
    }

    /** Scans heredoc (or, with a null marker, whole-file template) content up to the closing marker line. */
    private List<TPart> scanHeredocBody(String marker, int start) {
        List<TPart> parts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int litStart = p;
        boolean litAtLineStart = true;
        boolean lineStart = true;
        while (true) {
            if (p >= n) {
                if (marker == null) {
                    if (sb.length() > 0) {
                        parts.add(new Lit(sb.toString(), litStart, p, litAtLineStart));
                    }
                    break;
                }
                throw err(start, "expected the closing marker " + marker + " for the heredoc opened at "
                        + file.position(start).lineColumn() + ", found end of file");
            }
            if (lineStart && marker != null) {
                int k = p;
                while (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
                    k++;
                }
                if (s.startsWith(marker, k)) {
                    int e = k + marker.length();
                    if (e >= n || s.charAt(e) == '\n' || s.charAt(e) == '\r') {
                        if (sb.length() > 0) {
                            parts.add(new Lit(sb.toString(), litStart, p, litAtLineStart));
                        }
                        p = e;
                        break;
                    }
                }
                lineStart = false;
            }
            char c = s.charAt(p);
            if (c == '\r' && p + 1 < n && s.charAt(p + 1) == '\n') {
                p++;
                continue;
            }
            if (c == '\n') {
                sb.append('\n');
                p++;
                lineStart = true;
                continue;
            }
            if (atEscapedTemplateStart(c)) {
                sb.append(c).append('{');
                p += 3;
                continue;
            }
            if (atTemplateStart(c)) {
                if (sb.length() > 0) {
                    parts.add(new Lit(sb.toString(), litStart, p, litAtLineStart));
                    sb.setLength(0);
                }
                parts.add(c == '$' ? scanInterpolation() : scanDirective());
                litStart = p;
                litAtLineStart = false;
                continue;
            }
            sb.append(c);
            p++;
        }
        return parts;
    }

    /** At {@code $${} or {@code %%{} (c is the character at p): the escape for a literal {@code ${} or {@code %{}. */
    private boolean atEscapedTemplateStart(char c) {
        return (c == '$' || c == '%') && p + 2 < n && s.charAt(p + 1) == c && s.charAt(p + 2) == '{';
    }

    /** At {@code ${} or {@code %{} (c is the character at p): an interpolation or a directive starts. */
    private boolean atTemplateStart(char c) {
        return (c == '$' || c == '%') && p + 1 < n && s.charAt(p + 1) == '{';
    }

    /** Parses the whole input as a template (templatefile): interpolations and directives, no quoting. */
    public Expr parseTemplateFile() {
        try {
            List<TPart> parts = scanHeredocBody(null, 0);
            return buildTemplate(0, parts);
        } catch (ParseError e) {
            diagnostics.add(new HclDiagnostic(file.position(e.offset), e.getMessage()));
            return null;
        }
    }

    /** The spec's {@code <<-} rule: remove the smallest leading whitespace of all non-blank lines. */
    private static void stripHeredocIndent(List<TPart> parts) {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof Lit lit)) {
                continue;
            }
            String t = lit.text;
            boolean followed = i + 1 < parts.size();
            int pos = lit.atLineStart ? 0 : t.indexOf('\n') + 1;
            if (!lit.atLineStart && pos == 0) {
                continue;
            }
            while (pos >= 0) {
                int k = pos;
                while (k < t.length() && (t.charAt(k) == ' ' || t.charAt(k) == '\t')) {
                    k++;
                }
                if (k < t.length() ? t.charAt(k) != '\n' : followed) {
                    min = Math.min(min, k - pos);
                }
                int nextNl = t.indexOf('\n', pos);
                pos = nextNl < 0 ? -1 : nextNl + 1;
                if (pos >= t.length() && !followed) {
                    break;
                }
                if (pos > t.length()) {
                    break;
                }
            }
        }
        if (min == Integer.MAX_VALUE || min == 0) {
            return;
        }
        for (TPart part : parts) {
            if (!(part instanceof Lit lit)) {
                continue;
            }
            String t = lit.text;
            StringBuilder out = new StringBuilder(t.length());
            int pos = 0;
            boolean atStart = lit.atLineStart;
            while (pos < t.length()) {
                if (atStart) {
                    int k = 0;
                    while (k < min && pos < t.length() && (t.charAt(pos) == ' ' || t.charAt(pos) == '\t')) {
                        pos++;
                        k++;
                    }
                    atStart = false;
                    continue;
                }
                char c = t.charAt(pos++);
                out.append(c);
                if (c == '\n') {
                    atStart = true;
                }
            }
            lit.text = out.toString();
        }
    }

    private Interp scanInterpolation() {
        int start = p;
        p += 2;
        boolean stripLeft = false;
        if (p < n && s.charAt(p) == '~') {
            stripLeft = true;
            p++;
        }
        pushNl(false);
        ws();
        Expr e = parseExpr();
        ws();
        boolean stripRight = false;
        if (p < n && s.charAt(p) == '~') {
            stripRight = true;
            p++;
        }
        if (p >= n || s.charAt(p) != '}') {
            throw err(p, "expected '}' to close the interpolation opened at " + file.position(start).lineColumn()
                    + ", found " + describe(p));
        }
        p++;
        popNl();
        return new Interp(e, stripLeft, stripRight, start, p);
    }

    private Directive scanDirective() {
        int start = p;
        p += 2;
        boolean stripLeft = false;
        if (p < n && s.charAt(p) == '~') {
            stripLeft = true;
            p++;
        }
        pushNl(false);
        ws();
        int ks = p;
        String keyword = readIdentifier();
        if (keyword == null) {
            throw err(p, "expected if, else, endif, for or endfor after '%{', found " + describe(p));
        }
        String keyVar = null;
        String valueVar = null;
        Expr expr = null;
        switch (keyword) {
            case "if" -> {
                ws();
                expr = parseExpr();
            }
            case "for" -> {
                ws();
                valueVar = readIdentifier();
                if (valueVar == null) {
                    throw err(p, "expected a variable name after %{for, found " + describe(p));
                }
                ws();
                if (p < n && s.charAt(p) == ',') {
                    p++;
                    ws();
                    keyVar = valueVar;
                    valueVar = readIdentifier();
                    if (valueVar == null) {
                        throw err(p, "expected a variable name after ',' in %{for, found " + describe(p));
                    }
                    ws();
                }
                if (!atKeyword("in")) {
                    throw err(p, "expected 'in' in %{for, found " + describe(p));
                }
                p += 2;
                ws();
                expr = parseExpr();
            }
            case "else", "endif", "endfor" -> {
            }
            default -> throw err(ks, "expected if, else, endif, for or endfor after '%{', found '" + keyword + "'");
        }
        ws();
        boolean stripRight = false;
        if (p < n && s.charAt(p) == '~') {
            stripRight = true;
            p++;
        }
        if (p >= n || s.charAt(p) != '}') {
            throw err(p, "expected '}' to close the %{" + keyword + "} directive opened at "
                    + file.position(start).lineColumn() + ", found " + describe(p));
        }
        p++;
        popNl();
        return new Directive(keyword, keyVar, valueVar, expr, stripLeft, stripRight, start, p);
    }

    private Expr buildTemplate(int start, List<TPart> parts) {
        // strip markers
        for (int i = 0; i < parts.size(); i++) {
            TPart part = parts.get(i);
            boolean sl = part instanceof Interp in ? in.stripLeft() : part instanceof Directive d && d.stripLeft();
            boolean sr = part instanceof Interp in2 ? in2.stripRight() : part instanceof Directive d2 && d2.stripRight();
            if (sl && i > 0 && parts.get(i - 1) instanceof Lit prev) {
                prev.text = stripTrailing(prev.text);
            }
            if (sr && i + 1 < parts.size() && parts.get(i + 1) instanceof Lit next) {
                next.text = stripLeading(next.text);
            }
        }
        Span span = span(start, p);
        if (parts.isEmpty()) {
            return new LiteralExpr(span, "");
        }
        if (parts.size() == 1 && parts.get(0) instanceof Lit only) {
            return new LiteralExpr(span, only.text);
        }
        if (parts.size() == 1 && parts.get(0) instanceof Interp only) {
            return new TemplateWrapExpr(span, only.expr());
        }
        int[] idx = {0};
        List<Expr> built = buildParts(parts, idx, null);
        if (idx[0] < parts.size()) {
            Directive d = (Directive) parts.get(idx[0]);
            throw err(d.start(), "unexpected %{" + d.keyword() + "}: no matching %{"
                    + (d.keyword().equals("endfor") ? "for" : "if") + "} is open");
        }
        return new TemplateExpr(span, built);
    }

    /** Builds parts until a directive whose keyword is in {@code stopAt} (left at idx) or the end. */
    private List<Expr> buildParts(List<TPart> parts, int[] idx, List<String> stopAt) {
        List<Expr> out = new ArrayList<>();
        while (idx[0] < parts.size()) {
            TPart part = parts.get(idx[0]);
            if (part instanceof Lit lit) {
                if (!lit.text.isEmpty()) {
                    out.add(new LiteralExpr(span(lit.start, lit.end), lit.text));
                }
                idx[0]++;
            } else if (part instanceof Interp in) {
                out.add(in.expr());
                idx[0]++;
            } else {
                Directive d = (Directive) part;
                if (stopAt != null && stopAt.contains(d.keyword())) {
                    return out;
                }
                if (d.keyword().equals("if")) {
                    idx[0]++;
                    enter();
                    List<Expr> then = buildParts(parts, idx, List.of("else", "endif"));
                    List<Expr> otherwise = null;
                    int elseStart = -1;
                    if (idx[0] < parts.size() && ((Directive) parts.get(idx[0])).keyword().equals("else")) {
                        elseStart = ((Directive) parts.get(idx[0])).end();
                        idx[0]++;
                        otherwise = buildParts(parts, idx, List.of("endif"));
                    }
                    depth--;
                    if (idx[0] >= parts.size() || !((Directive) parts.get(idx[0])).keyword().equals("endif")) {
                        throw err(d.start(), "expected %{endif} to close the %{if} opened at "
                                + file.position(d.start()).lineColumn());
                    }
                    Directive end = (Directive) parts.get(idx[0]);
                    idx[0]++;
                    TemplateExpr thenT = new TemplateExpr(span(d.end(), elseStart >= 0 ? elseStart : end.start()), then);
                    TemplateExpr elseT = otherwise == null ? null
                            : new TemplateExpr(span(elseStart, end.start()), otherwise);
                    out.add(new TemplateIfExpr(span(d.start(), end.end()), d.expr(), thenT, elseT));
                } else if (d.keyword().equals("for")) {
                    idx[0]++;
                    enter();
                    List<Expr> body = buildParts(parts, idx, List.of("endfor"));
                    depth--;
                    if (idx[0] >= parts.size()) {
                        throw err(d.start(), "expected %{endfor} to close the %{for} opened at "
                                + file.position(d.start()).lineColumn());
                    }
                    Directive end = (Directive) parts.get(idx[0]);
                    idx[0]++;
                    out.add(new TemplateForExpr(span(d.start(), end.end()), d.keyVar(), d.valueVar(), d.expr(),
                            new TemplateExpr(span(d.end(), end.start()), body)));
                } else {
                    return out;
                }
            }
        }
        return out;
    }

    private static String stripTrailing(String t) {
        int e = t.length();
        while (e > 0 && isTemplateSpace(t.charAt(e - 1))) {
            e--;
        }
        return t.substring(0, e);
    }

    private static String stripLeading(String t) {
        int b = 0;
        while (b < t.length() && isTemplateSpace(t.charAt(b))) {
            b++;
        }
        return t.substring(b);
    }

    private static boolean isTemplateSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    // ------------------------------------------------------------------ lexical helpers

    private void enter() {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw err(p, "expected at most " + MAX_DEPTH + " levels of nesting; this expression or block is nested too deeply");
        }
    }

    private void pushNl(boolean significant) {
        if (++nlTop == nl.length) {
            nl = java.util.Arrays.copyOf(nl, nl.length * 2);
        }
        nl[nlTop] = significant;
    }

    private void popNl() {
        if (nlTop > 0) {
            nlTop--;
        }
    }

    /** Skips spaces, tabs, comments, and newlines when they are not significant here. */
    private void ws() {
        boolean skipNl = !nl[nlTop];
        while (p < n) {
            char c = s.charAt(p);
            if (c == ' ' || c == '\t' || c == '\r' || (c == '\n' && skipNl)) {
                p++;
            } else if (!skipComment()) {
                return;
            }
        }
    }

    /** Skips spaces, tabs and comments, never newlines. */
    private void inlineWs() {
        while (p < n) {
            char c = s.charAt(p);
            if (c == ' ' || c == '\t' || c == '\r') {
                p++;
            } else if (!skipComment()) {
                return;
            }
        }
    }

    /** Skips everything blank, newlines included. */
    private void skipBlank() {
        while (p < n) {
            char c = s.charAt(p);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                p++;
            } else if (!skipComment()) {
                return;
            }
        }
    }

    private boolean skipComment() {
        char c = s.charAt(p);
        if (c == '#' || (c == '/' && p + 1 < n && s.charAt(p + 1) == '/')) {
            while (p < n && s.charAt(p) != '\n') {
                p++;
            }
            return true;
        }
        if (c == '/' && p + 1 < n && s.charAt(p + 1) == '*') {
            int end = s.indexOf("*/", p + 2);
            if (end < 0) {
                throw err(p, "expected '*/' to close the comment opened here, found end of file");
            }
            p = end + 2;
            return true;
        }
        return false;
    }

    private String readIdentifier() {
        if (p >= n || !isIdentStart(s.charAt(p))) {
            return null;
        }
        int start = p;
        p++;
        while (p < n && isIdentPart(s.charAt(p))) {
            p++;
        }
        return s.substring(start, p);
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                || (c > 127 && Character.isLetter(c));
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c) || c == '-' || (c > 127 && Character.isLetterOrDigit(c));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String describe(int at) {
        if (at >= n) {
            return "end of file";
        }
        char c = s.charAt(at);
        if (c == '\n' || c == '\r') {
            return "a newline";
        }
        if (isIdentStart(c)) {
            int e = at;
            while (e < n && e - at < 40 && isIdentPart(s.charAt(e))) {
                e++;
            }
            return "'" + s.substring(at, e) + "'";
        }
        if (c == '"') {
            return "'\"'";
        }
        if (isDigit(c)) {
            return "a number";
        }
        if (Character.isISOControl(c) || Character.isSurrogate(c)) {
            return String.format("character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private Span span(int start, int end) {
        return new Span(file, start, end);
    }

    private ParseError err(int offset, String message) {
        return new ParseError(offset, message);
    }

    private void error(int offset, String message) {
        diagnostics.add(new HclDiagnostic(file.position(offset), message));
    }
}
