package dev.cloudshift.hcl.function;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The Terraform functions the evaluator can call, by name. */
public final class FunctionLibrary {
    private static final FunctionLibrary STANDARD = buildStandard();

    private final Map<String, HclFunction> functions;

    private FunctionLibrary(Map<String, HclFunction> functions) {
        this.functions = Collections.unmodifiableMap(functions);
    }

    /** Collection, string, numeric, encoding, type-conversion, network (cidr*), hash and file functions. */
    public static FunctionLibrary standard() {
        return STANDARD;
    }

    public HclFunction get(String name) {
        HclFunction f = functions.get(name);
        if (f == null && name.startsWith("core::")) {
            f = functions.get(name.substring(6));
        }
        return f;
    }

    public Set<String> names() {
        return functions.keySet();
    }

    private static FunctionLibrary buildStandard() {
        Map<String, HclFunction> m = new HashMap<>();
        Registry r = f -> m.put(f.name(), f);
        CollectionFunctions.register(r);
        StringFunctions.register(r);
        NumericFunctions.register(r);
        EncodingFunctions.register(r);
        TypeConversionFunctions.register(r);
        NetworkFunctions.register(r);
        FileFunctions.register(r);
        return new FunctionLibrary(m);
    }

    @FunctionalInterface
    interface Registry {
        void add(HclFunction f);

        default void add(String name, int min, int max, boolean partial, FunctionDef.Impl impl) {
            add(new FunctionDef(name, min, max, partial, impl));
        }
    }
}
