package dev.cloudshift.core.kb;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The agreed words of the inventory (catalog/vocabulary.yaml): resource categories and normalised attribute
 * names with the kind of value each holds. Data files may only use these words.
 */
record Vocabulary(Set<String> categories, Map<String, Kind> attributes) {

    /** The kind of value a normalised attribute holds; values are coerced to it. */
    enum Kind { STRING, NUMBER, BOOLEAN, NUMBER_LIST, ANY }

    static Vocabulary read(CatalogNode root) {
        root.onlyKeys("vocabulary", Set.of("categories", "attributes"));
        CatalogNode cats = root.get("categories");
        CatalogNode attrs = root.get("attributes");
        if (cats == null || attrs == null) {
            throw CatalogException.at(root, "vocabulary needs 'categories' and 'attributes'");
        }
        Set<String> categories = new LinkedHashSet<>(cats.texts("categories"));
        Map<String, Kind> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, CatalogNode> e : attrs.entries("attributes").entrySet()) {
            String k = e.getValue().text("attribute kind");
            Kind kind;
            try {
                kind = Kind.valueOf(k.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw CatalogException.at(e.getValue(), "unknown attribute kind '" + k
                        + "'; expected string, number, boolean, number_list or any");
            }
            attributes.put(e.getKey(), kind);
        }
        return new Vocabulary(Set.copyOf(categories), Map.copyOf(attributes));
    }
}
