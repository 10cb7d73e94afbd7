package dev.cloudshift.hcl.function;

import static dev.cloudshift.hcl.eval.Conversions.asInt;
import static dev.cloudshift.hcl.eval.Conversions.asList;
import static dev.cloudshift.hcl.eval.Conversions.asString;

import dev.cloudshift.hcl.eval.EvalException;
import dev.cloudshift.hcl.eval.ListValue;
import dev.cloudshift.hcl.eval.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** format, formatlist, join, split, lower, upper, title, replace, substr, trim*, regex, regexall, ... */
final class StringFunctions {
    private StringFunctions() {
    }

    static void register(FunctionLibrary.Registry r) {
        r.add("format", 1, -1, false, (a, c) -> Value.string(TerraformFormat.format(asString(a.get(0), "format"), a.subList(1, a.size()))));
        r.add("formatlist", 1, -1, false, (a, c) -> {
            String fmt = asString(a.get(0), "format");
            int n = -1;
            for (int i = 1; i < a.size(); i++) {
                if (a.get(i) instanceof ListValue l) {
                    if (n >= 0 && n != l.size()) {
                        throw new EvalException("all list arguments must have the same length");
                    }
                    n = l.size();
                }
            }
            if (n < 0) {
                n = 1;
            }
            List<Value> out = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                List<Value> row = new ArrayList<>();
                for (int i = 1; i < a.size(); i++) {
                    row.add(a.get(i) instanceof ListValue l ? l.items().get(k) : a.get(i));
                }
                out.add(Value.string(TerraformFormat.format(fmt, row)));
            }
            return Value.list(out);
        });
        r.add("join", 2, -1, false, (a, c) -> {
            String sep = asString(a.get(0), "separator");
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            for (int i = 1; i < a.size(); i++) {
                for (Value v : asList(a.get(i), "list")) {
                    if (v.isNull()) {
                        throw new EvalException("cannot join a null element");
                    }
                    if (!first) {
                        sb.append(sep);
                    }
                    sb.append(asString(v, "element"));
                    first = false;
                }
            }
            return Value.string(sb.toString());
        });
        r.add("split", 2, 2, false, (a, c) -> {
            String sep = asString(a.get(0), "separator");
            String s = asString(a.get(1), "string");
            List<Value> out = new ArrayList<>();
            if (sep.isEmpty()) {
                s.codePoints().forEach(cp -> out.add(Value.string(new String(Character.toChars(cp)))));
                return Value.list(out);
            }
            int from = 0;
            while (true) {
                int i = s.indexOf(sep, from);
                if (i < 0) {
                    out.add(Value.string(s.substring(from)));
                    break;
                }
                out.add(Value.string(s.substring(from, i)));
                from = i + sep.length();
            }
            return Value.list(out);
        });
        r.add("lower", 1, 1, false, (a, c) -> Value.string(asString(a.get(0), "argument").toLowerCase(Locale.ROOT)));
        r.add("upper", 1, 1, false, (a, c) -> Value.string(asString(a.get(0), "argument").toUpperCase(Locale.ROOT)));
        r.add("title", 1, 1, false, (a, c) -> {
            String s = asString(a.get(0), "argument");
            StringBuilder sb = new StringBuilder(s.length());
            boolean prevLetter = false;
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                sb.append(prevLetter ? ch : Character.toTitleCase(ch));
                prevLetter = Character.isLetterOrDigit(ch) || ch == '_' || ch == '\'';
            }
            return Value.string(sb.toString());
        });
        r.add("replace", 3, 3, false, (a, c) -> {
            String s = asString(a.get(0), "string");
            String search = asString(a.get(1), "substring");
            String repl = asString(a.get(2), "replacement");
            if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
                Pattern p = compile(search.substring(1, search.length() - 1));
                return Value.string(p.matcher(s).replaceAll(goReplacement(repl)));
            }
            return Value.string(search.isEmpty() ? s : s.replace(search, repl));
        });
        r.add("substr", 3, 3, false, (a, c) -> {
            String s = asString(a.get(0), "string");
            int[] cps = s.codePoints().toArray();
            int off = asInt(a.get(1), "offset");
            int len = asInt(a.get(2), "length");
            if (off < 0) {
                off = Math.max(0, cps.length + off);
            }
            if (off > cps.length) {
                throw new EvalException("offset is beyond the end of the string");
            }
            int end = len < 0 ? cps.length : (int) Math.min((long) cps.length, (long) off + len);
            return Value.string(new String(cps, off, end - off));
        });
        r.add("trimspace", 1, 1, false, (a, c) -> Value.string(asString(a.get(0), "argument").strip()));
        r.add("trim", 2, 2, false, (a, c) -> {
            String s = asString(a.get(0), "string");
            String cut = asString(a.get(1), "characters");
            int b = 0;
            int e = s.length();
            while (b < e && cut.indexOf(s.charAt(b)) >= 0) {
                b++;
            }
            while (e > b && cut.indexOf(s.charAt(e - 1)) >= 0) {
                e--;
            }
            return Value.string(s.substring(b, e));
        });
        r.add("trimprefix", 2, 2, false, (a, c) -> {
            String s = asString(a.get(0), "string");
            String p = asString(a.get(1), "prefix");
            return Value.string(s.startsWith(p) ? s.substring(p.length()) : s);
        });
        r.add("trimsuffix", 2, 2, false, (a, c) -> {
            String s = asString(a.get(0), "string");
            String p = asString(a.get(1), "suffix");
            return Value.string(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s);
        });
        r.add("chomp", 1, 1, false, (a, c) -> Value.string(asString(a.get(0), "argument").replaceAll("[\\r\\n]+$", "")));
        r.add("strrev", 1, 1, false, (a, c) -> Value.string(new StringBuilder(asString(a.get(0), "argument")).reverse().toString()));
        r.add("indent", 2, 2, false, (a, c) -> {
            String pad = " ".repeat(Math.max(0, Math.min(1024, asInt(a.get(0), "spaces"))));
            return Value.string(asString(a.get(1), "string").replace("\n", "\n" + pad));
        });
        r.add("startswith", 2, 2, false, (a, c) -> Value.bool(asString(a.get(0), "string").startsWith(asString(a.get(1), "prefix"))));
        r.add("endswith", 2, 2, false, (a, c) -> Value.bool(asString(a.get(0), "string").endsWith(asString(a.get(1), "suffix"))));
        r.add("strcontains", 2, 2, false, (a, c) -> Value.bool(asString(a.get(0), "string").contains(asString(a.get(1), "substring"))));
        r.add("regex", 2, 2, false, (a, c) -> {
            Pattern p = compile(asString(a.get(0), "pattern"));
            Matcher m = p.matcher(asString(a.get(1), "string"));
            if (!m.find()) {
                throw new EvalException("the pattern did not match the string");
            }
            return matchValue(p, m);
        });
        r.add("regexall", 2, 2, false, (a, c) -> {
            Pattern p = compile(asString(a.get(0), "pattern"));
            Matcher m = p.matcher(asString(a.get(1), "string"));
            List<Value> out = new ArrayList<>();
            while (m.find()) {
                out.add(matchValue(p, m));
                if (m.end() == m.start() && m.end() >= m.regionEnd()) {
                    break;
                }
            }
            return Value.list(out);
        });
    }

    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P?<([a-zA-Z][a-zA-Z0-9]*)>");

    static Pattern compile(String re) {
        try {
            // Go (RE2) writes named groups as (?P<name>...); Java wants (?<name>...)
            return Pattern.compile(re.replace("(?P<", "(?<"));
        } catch (PatternSyntaxException e) {
            throw new EvalException("invalid regular expression: " + e.getDescription());
        }
    }

    private static Value matchValue(Pattern p, Matcher m) {
        if (m.groupCount() == 0) {
            return Value.string(m.group());
        }
        List<String> names = new ArrayList<>();
        Matcher nm = NAMED_GROUP.matcher(p.pattern());
        while (nm.find()) {
            names.add(nm.group(1));
        }
        if (!names.isEmpty()) {
            Map<String, Value> out = new LinkedHashMap<>();
            for (String n : names) {
                String g = m.group(n);
                out.put(n, g == null ? Value.NULL : Value.string(g));
            }
            return Value.object(out);
        }
        List<Value> out = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            String g = m.group(i);
            out.add(g == null ? Value.NULL : Value.string(g));
        }
        return Value.tuple(out);
    }

    /** Go's replacement syntax ($1, ${1}, ${name}) to Java's ($1, ${name}); literal backslashes kept. */
    private static String goReplacement(String repl) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < repl.length(); i++) {
            char ch = repl.charAt(i);
            if (ch == '\\') {
                sb.append("\\\\");
            } else if (ch == '$' && i + 1 < repl.length() && repl.charAt(i + 1) == '{') {
                int end = repl.indexOf('}', i);
                if (end < 0) {
                    sb.append("\\$");
                    continue;
                }
                String name = repl.substring(i + 2, end);
                if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
                    sb.append('$').append(name);
                } else {
                    sb.append("${").append(name).append('}');
                }
                i = end;
            } else if (ch == '$' && (i + 1 >= repl.length() || !Character.isDigit(repl.charAt(i + 1)))) {
                sb.append("\\$");
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
