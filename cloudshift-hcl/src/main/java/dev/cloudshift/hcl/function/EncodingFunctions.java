package dev.cloudshift.hcl.function;

import static dev.cloudshift.hcl.eval.Conversions.asString;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.hcl.eval.BoolValue;
import dev.cloudshift.hcl.eval.EvalException;
import dev.cloudshift.hcl.eval.ListValue;
import dev.cloudshift.hcl.eval.NumberValue;
import dev.cloudshift.hcl.eval.ObjectValue;
import dev.cloudshift.hcl.eval.StringValue;
import dev.cloudshift.hcl.eval.Value;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** jsonencode, jsondecode, base64encode, base64decode, urlencode, md5, sha1, sha256. */
final class EncodingFunctions {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private EncodingFunctions() {
    }

    static void register(FunctionLibrary.Registry r) {
        r.add("jsonencode", 1, 1, true, (a, c) -> {
            Value v = a.get(0);
            if (v.isWhollyKnown()) {
                return Value.string(jsonEncode(v)).mark(v.isDeepSensitive());
            }
            // partly unknown: keep the document readable, with each unknown part as a "${expr}" string
            StringBuilder sb = new StringBuilder();
            encode(v, sb, true);
            return dev.cloudshift.hcl.eval.UnknownValue.template(c.call() == null ? "jsonencode(...)" : c.call().text(),
                    sb.toString()).mark(v.isDeepSensitive());
        });
        r.add("yamlencode", 1, 1, false, (a, c) -> {
            StringBuilder sb = new StringBuilder();
            yaml(a.get(0), 0, sb, false);
            return Value.string(sb.toString());
        });
        r.add("jsondecode", 1, 1, false, (a, c) -> {
            try {
                JsonNode node = JSON.readTree(asString(a.get(0), "argument"));
                if (node == null || node.isMissingNode()) {
                    throw new EvalException("the string is not valid JSON (empty)");
                }
                return fromJson(node);
            } catch (JsonProcessingException e) {
                throw new EvalException("the string is not valid JSON (at line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ")");
            }
        });
        r.add("base64encode", 1, 1, false, (a, c) -> Value.string(Base64.getEncoder()
                .encodeToString(asString(a.get(0), "argument").getBytes(StandardCharsets.UTF_8))));
        r.add("base64decode", 1, 1, false, (a, c) -> {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(asString(a.get(0), "argument"));
            } catch (IllegalArgumentException e) {
                throw new EvalException("the string is not valid base64");
            }
            try {
                return Value.string(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString());
            } catch (CharacterCodingException e) {
                throw new EvalException("the decoded bytes are not valid UTF-8");
            }
        });
        r.add("urlencode", 1, 1, false, (a, c) -> Value.string(java.net.URLEncoder
                .encode(asString(a.get(0), "argument"), StandardCharsets.UTF_8).replace("%7E", "~")));
        r.add("md5", 1, 1, false, (a, c) -> Value.string(digest("MD5", asString(a.get(0), "argument"))));
        r.add("sha1", 1, 1, false, (a, c) -> Value.string(digest("SHA-1", asString(a.get(0), "argument"))));
        r.add("sha256", 1, 1, false, (a, c) -> Value.string(digest("SHA-256", asString(a.get(0), "argument"))));
        r.add("sha512", 1, 1, false, (a, c) -> Value.string(digest("SHA-512", asString(a.get(0), "argument"))));
    }

    private static String digest(String alg, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new EvalException(alg + " is not available");
        }
    }

    static Value fromJson(JsonNode node) {
        if (node.isNull()) {
            return Value.NULL;
        }
        if (node.isBoolean()) {
            return Value.bool(node.booleanValue());
        }
        if (node.isNumber()) {
            return Value.number(node.isBigInteger() || node.isIntegralNumber()
                    ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue());
        }
        if (node.isTextual()) {
            return Value.string(node.textValue());
        }
        if (node.isArray()) {
            List<Value> items = new ArrayList<>();
            for (JsonNode x : node) {
                items.add(fromJson(x));
            }
            return Value.tuple(items);
        }
        Map<String, Value> attrs = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            attrs.put(e.getKey(), fromJson(e.getValue()));
        }
        return Value.object(attrs);
    }

    /** Terraform's jsonencode: compact, keys sorted, <, > and & escaped as \\u003c, \\u003e, \\u0026. */
    static String jsonEncode(Value v) {
        StringBuilder sb = new StringBuilder();
        encode(v, sb, false);
        return sb.toString();
    }

    private static void encode(Value v, StringBuilder sb, boolean renderUnknown) {
        if (v.isNull()) {
            sb.append("null");
        } else if (v instanceof BoolValue b) {
            sb.append(b.value());
        } else if (v instanceof NumberValue n) {
            sb.append(NumberValue.format(n.value()));
        } else if (v instanceof StringValue s) {
            sb.append(jsonString(s.value()));
        } else if (v instanceof ListValue l) {
            sb.append('[');
            boolean first = true;
            for (Value x : l.items()) {
                if (!first) {
                    sb.append(',');
                }
                encode(x, sb, renderUnknown);
                first = false;
            }
            sb.append(']');
        } else if (v instanceof ObjectValue o) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Value> e : o.attributes().entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                sb.append(jsonString(e.getKey())).append(':');
                encode(e.getValue(), sb, renderUnknown);
                first = false;
            }
            sb.append('}');
        } else if (renderUnknown && v instanceof dev.cloudshift.hcl.eval.UnknownValue u) {
            sb.append(jsonString(u.rendered()));
        } else {
            throw new EvalException("cannot encode an unknown value");
        }
    }

    /**
     * YAML in the shape Terraform's yamlencode writes: block style, keys and strings double-quoted,
     * numbers and booleans plain, empty collections as [] and {}. Multi-line strings stay double-quoted.
     */
    private static void yaml(Value v, int indent, StringBuilder sb, boolean inline) {
        String pad = " ".repeat(indent);
        if (v instanceof ObjectValue o && o.size() > 0) {
            boolean first = true;
            for (Map.Entry<String, Value> e : o.attributes().entrySet()) {
                if (!(first && inline)) {
                    sb.append(pad);
                }
                first = false;
                sb.append(jsonString(e.getKey())).append(':');
                Value x = e.getValue();
                if (x instanceof ObjectValue xo && xo.size() > 0) {
                    sb.append('\n');
                    yaml(x, indent + 2, sb, false);
                } else if (x instanceof ListValue xl && xl.size() > 0) {
                    sb.append('\n');
                    yaml(x, indent, sb, false);
                } else {
                    sb.append(' ');
                    yaml(x, indent, sb, true);
                }
            }
            return;
        }
        if (v instanceof ListValue l && l.size() > 0) {
            for (Value x : l.items()) {
                sb.append(pad).append("- ");
                if ((x instanceof ObjectValue xo && xo.size() > 0) || (x instanceof ListValue xl && xl.size() > 0)) {
                    if (x instanceof ListValue) {
                        sb.append('\n');
                        yaml(x, indent + 2, sb, false);
                    } else {
                        yaml(x, indent + 2, sb, true);
                    }
                } else {
                    yaml(x, indent, sb, true);
                }
            }
            return;
        }
        if (v instanceof ObjectValue) {
            sb.append("{}\n");
        } else if (v instanceof ListValue) {
            sb.append("[]\n");
        } else if (v.isNull()) {
            sb.append("null\n");
        } else if (v instanceof StringValue str) {
            sb.append(jsonString(str.value())).append('\n');
        } else if (v instanceof NumberValue || v instanceof BoolValue) {
            sb.append(dev.cloudshift.hcl.eval.Conversions.asString(v, "value")).append('\n');
        } else {
            throw new EvalException("cannot encode an unknown value");
        }
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
