package dev.cloudshift.core.translate.schema;

import dev.cloudshift.core.kb.CatalogException;
import dev.cloudshift.hcl.ast.Attribute;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.Body;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The argument schemas of the resource types of one target provider version, read from
 * {@code catalog/provider-schemas/<provider>.yaml} (aws: hashicorp/aws 5.x; azure: hashicorp/azurerm 4.x and
 * hashicorp/azuread 3.x; gcp: hashicorp/google 6.x and google-beta), and the check of generated resource blocks
 * against them ({@link #validate(Block)}): unknown arguments and blocks (with a "did you mean" path), missing required
 * arguments and blocks, too many single blocks, and literal values of the wrong coarse type.
 */
public final class ProviderSchemas {

    /** The CloudShift provider ids that have a schema file. */
    public static final List<String> PROVIDERS = List.of("aws", "azure", "gcp");

    private static final Set<String> META_ARGUMENTS = Set.of("count", "for_each", "depends_on", "provider");
    private static final Set<String> META_BLOCKS = Set.of("lifecycle", "provisioner", "connection");
    private static final Map<String, ProviderSchemas> CACHE = new ConcurrentHashMap<>();

    private final String provider;
    private final Map<String, String> versions;
    private final Map<String, ResourceSchema> resources;

    private ProviderSchemas(String provider, Map<String, String> versions, Map<String, ResourceSchema> resources) {
        this.provider = provider;
        this.versions = Collections.unmodifiableMap(versions);
        this.resources = Collections.unmodifiableMap(resources);
    }

    /**
     * The schemas of a provider: {@code aws}, {@code azure} (also {@code azurerm}, {@code azuread}) or {@code gcp}
     * (also {@code google}, {@code google-beta}). Loaded once per JVM.
     *
     * @throws IllegalArgumentException for another provider name
     * @throws CatalogException when the schema file is missing or malformed
     */
    public static ProviderSchemas load(String provider) {
        String id = switch (provider) {
            case "aws" -> "aws";
            case "azure", "azurerm", "azuread" -> "azure";
            case "gcp", "google", "google-beta" -> "gcp";
            default -> throw new IllegalArgumentException("no provider schemas for \"" + provider
                    + "\": expected one of aws, azure, gcp");
        };
        return CACHE.computeIfAbsent(id, ProviderSchemas::read);
    }

    /** The schemas of the provider a Terraform resource type belongs to, by prefix; empty for other prefixes. */
    public static Optional<ProviderSchemas> forType(String resourceType) {
        if (resourceType.startsWith("aws_")) {
            return Optional.of(load("aws"));
        }
        if (resourceType.startsWith("azurerm_") || resourceType.startsWith("azuread_")) {
            return Optional.of(load("azure"));
        }
        if (resourceType.startsWith("google_")) {
            return Optional.of(load("gcp"));
        }
        return Optional.empty();
    }

    /**
     * Checks every {@code resource} block of a parsed file against the schema of its provider (any provider the
     * type prefix names). Other blocks (terraform, provider, variable, output, locals, data) are not checked.
     */
    public static List<SchemaProblem> validateFile(Body file) {
        List<SchemaProblem> out = new ArrayList<>();
        for (Block b : file.blocks("resource")) {
            String type = b.label(0);
            if (type == null || b.labels().size() != 2) {
                out.add(new SchemaProblem(type == null ? "resource" : type,
                        "a resource block takes two labels: type and name", where(b.span())));
                continue;
            }
            Optional<ProviderSchemas> schemas = forType(type);
            if (schemas.isEmpty()) {
                out.add(new SchemaProblem(type + "." + b.label(1), "unknown provider prefix of \"" + type
                        + "\": expected aws_, azurerm_, azuread_ or google_", where(b.typeSpan())));
            } else {
                out.addAll(schemas.get().validate(b));
            }
        }
        return out;
    }

    /** This provider's id: aws, azure or gcp. */
    public String provider() {
        return provider;
    }

    /** Terraform provider local names (aws, azurerm, azuread, google, google-beta) to the version described. */
    public Map<String, String> versions() {
        return versions;
    }

    /** The schema of a resource type, or empty when the type is not in this provider's schema file. */
    public Optional<ResourceSchema> resource(String type) {
        return Optional.ofNullable(resources.get(type));
    }

    /** All resource types described, sorted. */
    public Set<String> types() {
        return new TreeSet<>(resources.keySet());
    }

    /**
     * Checks a parsed {@code resource "type" "name" { ... }} block. Returns no problems when every argument and
     * nested block exists in the provider schema, every required argument and block is present, single blocks
     * appear at most once, and literal values fit the argument's coarse type. A {@code dynamic} block is checked
     * through its {@code content}. Expressions (references, calls) are not type-checked.
     */
    public List<SchemaProblem> validate(Block resource) {
        String type = resource.label(0);
        String address = type + "." + resource.label(1);
        List<SchemaProblem> out = new ArrayList<>();
        ResourceSchema schema = resources.get(type);
        if (schema == null) {
            out.add(new SchemaProblem(address, "unknown resource type \"" + type + "\" in " + describe(),
                    where(resource.typeSpan())));
            return out;
        }
        check(schema, schema.body(), resource.body(), "", address, true, out);
        return out;
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        versions.forEach((k, v) -> parts.add("hashicorp/" + k + " " + v));
        return String.join(" / ", parts) + " (catalog/provider-schemas/" + provider + ".yaml)";
    }

    private void check(ResourceSchema resource, BlockSchema schema, Body body, String path, String address,
                       boolean top, List<SchemaProblem> out) {
        if (schema.open()) {
            return;
        }
        String in = path.isEmpty() ? "" : " in " + path;
        Set<String> given = new TreeSet<>();
        for (Attribute a : body.attributes()) {
            given.add(a.name());
            if (top && META_ARGUMENTS.contains(a.name())) {
                continue;
            }
            ArgumentSchema arg = schema.arguments().get(a.name());
            if (arg == null) {
                if (schema.blocks().containsKey(a.name())) {
                    out.add(new SchemaProblem(address, "\"" + a.name() + "\"" + in + " is a block: write "
                            + a.name() + " { ... }, not " + a.name() + " = ...", where(a.nameSpan())));
                } else {
                    out.add(new SchemaProblem(address, "unknown argument \"" + a.name() + "\"" + in
                            + suggestion(resource, schema, path, a.name()), where(a.nameSpan())));
                }
                continue;
            }
            String mismatch = ValueKinds.mismatch(arg.type(), a.expr());
            if (mismatch != null) {
                out.add(new SchemaProblem(address, "\"" + qualified(path, a.name()) + "\" expects " + article(arg.type())
                        + ", not " + mismatch, where(a.expr().span())));
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> dynamic = new TreeSet<>();
        for (Block b : body.blocks()) {
            String name = b.type();
            Body content = b.body();
            if (name.equals("dynamic")) {
                name = b.label(0) == null ? "" : b.label(0);
                dynamic.add(name);
                List<Block> contents = b.body().blocks("content");
                content = contents.isEmpty() ? null : contents.get(0).body();
            }
            if (top && META_BLOCKS.contains(name)) {
                continue;
            }
            NestedBlockSchema nested = schema.blocks().get(name);
            if (nested == null) {
                ArgumentSchema arg = schema.arguments().get(name);
                if (arg != null && (arg.structured() || arg.type().equals("any"))) {
                    given.add(name); // attributes as blocks (aws_security_group ingress): contents not listed
                } else if (arg != null) {
                    out.add(new SchemaProblem(address, "\"" + name + "\"" + in + " is an argument: write " + name
                            + " = ..., not a block", where(b.typeSpan())));
                } else {
                    out.add(new SchemaProblem(address, "unknown block \"" + name + "\"" + in
                            + suggestion(resource, schema, path, name), where(b.typeSpan())));
                }
                continue;
            }
            counts.merge(name, 1, Integer::sum);
            if (content != null) {
                check(resource, nested.body(), content, qualified(path, name), address, false, out);
            }
        }
        for (ArgumentSchema arg : new java.util.TreeMap<>(schema.arguments()).values()) {
            if (arg.required() && !given.contains(arg.name())) {
                out.add(new SchemaProblem(address, "missing required argument \"" + qualified(path, arg.name()) + "\"",
                        where(body.span())));
            }
        }
        for (NestedBlockSchema nb : new java.util.TreeMap<>(schema.blocks()).values()) {
            int n = counts.getOrDefault(nb.name(), 0);
            if (nb.required() && n == 0 && !dynamic.contains(nb.name())) {
                out.add(new SchemaProblem(address, "missing required block \"" + qualified(path, nb.name()) + "\"",
                        where(body.span())));
            }
            if (nb.maxItems() > 0 && n > nb.maxItems()) {
                out.add(new SchemaProblem(address, "block \"" + qualified(path, nb.name()) + "\" appears " + n
                        + " times, at most " + nb.maxItems() + " allowed", where(body.span())));
            }
        }
    }

    private static String suggestion(ResourceSchema resource, BlockSchema scope, String path, String name) {
        for (String candidate : resource.pathsOf(name)) {
            if (!candidate.equals(qualified(path, name))) {
                return " (did you mean " + candidate + "?)";
            }
        }
        String best = null;
        int bestDistance = 3;
        List<String> names = new ArrayList<>(new TreeSet<>(scope.arguments().keySet()));
        names.addAll(new TreeSet<>(scope.blocks().keySet()));
        for (String n : names) {
            int d = EditDistance.of(name, n, bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return best == null ? "" : " (did you mean " + qualified(path, best) + "?)";
    }

    private static String qualified(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String article(String type) {
        return switch (type) {
            case "string" -> "a string";
            case "number" -> "a number";
            case "bool" -> "a bool";
            case "list" -> "a list";
            case "set" -> "a set";
            case "map" -> "a map";
            case "object" -> "an object";
            default -> type;
        };
    }

    private static String where(dev.cloudshift.hcl.Span span) {
        return span == null ? "" : span.position().toString();
    }

    // ---------------------------------------------------------------- loading

    private static ProviderSchemas read(String id) {
        String file = "catalog/provider-schemas/" + id + ".yaml";
        Object root;
        try (InputStream in = ProviderSchemas.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new CatalogException(file + ": missing from the classpath");
            }
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(16 * 1024 * 1024);
            root = new Yaml(new SafeConstructor(options)).load(in);
        } catch (IOException e) {
            throw new CatalogException(file + ": unreadable (" + e.getClass().getSimpleName() + ")", e);
        } catch (YAMLException e) {
            throw new CatalogException(file + ": malformed YAML: " + e.getMessage(), e);
        }
        return parse(id, file, root);
    }

    /** Builds the schemas of {@code id} from the YAML tree of a schema file (also used by tests of bad data). */
    static ProviderSchemas parse(String id, String file, Object root) {
        Map<String, Object> top = map(root, file, "");
        Map<String, Object> providers = map(top.get("providers"), file, "providers");
        Map<String, String> versions = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : providers.entrySet()) {
            Map<String, Object> p = map(e.getValue(), file, "providers." + e.getKey());
            Object v = p.get("version");
            if (v == null) {
                throw new CatalogException(file + ": providers." + e.getKey() + ": expected a version");
            }
            versions.put(e.getKey(), String.valueOf(v));
        }
        if (versions.isEmpty()) {
            throw new CatalogException(file + ": providers: expected at least one provider with its version");
        }
        String defaultProvider = versions.keySet().iterator().next();
        Map<String, Object> types = map(top.get("resources"), file, "resources");
        Map<String, ResourceSchema> resources = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : types.entrySet()) {
            String where = "resources." + e.getKey();
            Map<String, Object> body = map(e.getValue(), file, where);
            String tfProvider = body.get("provider") instanceof String s ? s : providerOf(e.getKey(), defaultProvider);
            String version = versions.get(tfProvider);
            if (version == null) {
                throw new CatalogException(file + ": " + where + ": provider \"" + tfProvider
                        + "\" is not listed under providers");
            }
            resources.put(e.getKey(), new ResourceSchema(e.getKey(), tfProvider, version, block(body, file, where)));
        }
        return new ProviderSchemas(id, versions, resources);
    }

    private static String providerOf(String type, String fallback) {
        int i = type.indexOf('_');
        return i > 0 ? type.substring(0, i) : fallback;
    }

    private static final Set<String> TYPES = Set.of("string", "number", "bool", "list", "set", "map", "object", "any");
    private static final Set<String> NESTINGS = Set.of("single", "list", "set", "map");

    private static BlockSchema block(Map<String, Object> body, String file, String where) {
        Map<String, ArgumentSchema> args = new LinkedHashMap<>();
        Map<String, Object> argNode = body.containsKey("args") ? map(body.get("args"), file, where + ".args") : Map.of();
        for (Map.Entry<String, Object> a : argNode.entrySet()) {
            String spec = a.getValue() instanceof String s ? s.trim() : "";
            String[] parts = spec.split("\\s+");
            if (parts.length != 2 || !(parts[0].equals("required") || parts[0].equals("optional"))
                    || !TYPES.contains(parts[1])) {
                throw new CatalogException(file + ": " + where + ".args." + a.getKey()
                        + ": expected \"required|optional <type>\" with type one of " + new TreeSet<>(TYPES));
            }
            args.put(a.getKey(), new ArgumentSchema(a.getKey(), parts[0].equals("required"), parts[1]));
        }
        Map<String, NestedBlockSchema> blocks = new LinkedHashMap<>();
        Map<String, Object> blockNode = body.containsKey("blocks") ? map(body.get("blocks"), file, where + ".blocks") : Map.of();
        for (Map.Entry<String, Object> b : blockNode.entrySet()) {
            String at = where + ".blocks." + b.getKey();
            Map<String, Object> nb = map(b.getValue(), file, at);
            String nesting = nb.get("nesting") instanceof String s ? s : "list";
            if (!NESTINGS.contains(nesting)) {
                throw new CatalogException(file + ": " + at + ".nesting: expected one of " + new TreeSet<>(NESTINGS));
            }
            int min = intValue(nb.get("min_items"), file, at + ".min_items");
            int max = intValue(nb.get("max_items"), file, at + ".max_items");
            blocks.put(b.getKey(), new NestedBlockSchema(b.getKey(), nesting, min, max, block(nb, file, at)));
        }
        boolean open = Boolean.TRUE.equals(body.get("open"));
        return new BlockSchema(args, blocks, open);
    }

    private static int intValue(Object v, String file, String where) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Integer i && i >= 0) {
            return i;
        }
        throw new CatalogException(file + ": " + where + ": expected a whole number of 0 or more");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String file, String where) {
        if (node == null) {
            return Map.of();
        }
        if (node instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new CatalogException(file + ": " + (where.isEmpty() ? "top level" : where) + ": expected a mapping");
    }
}
