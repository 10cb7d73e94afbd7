package dev.cloudshift.data.ddl;

import dev.cloudshift.data.rulefile.RuleFileReader;
import dev.cloudshift.data.rulefile.RuleNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How one target database spells the DDL a copy needs, from {@code dialects/<name>/ddl.yaml}.
 *
 * @param identity          clause making a column generate its values, or empty
 * @param identityTypes     target base types the identity clause may go on
 * @param primaryKeyInCreate whether the primary key is part of CREATE TABLE (else added after the load)
 * @param foreignKeysInCreate whether foreign keys are part of CREATE TABLE
 * @param uniqueAsConstraint unique keys as {@code ADD CONSTRAINT ... UNIQUE} (else {@code CREATE UNIQUE INDEX})
 * @param tableSuffix       appended to CREATE TABLE (MySQL engine and collation)
 * @param maxIdentifier     longest identifier the database keeps
 * @param resetIdentity     statement moving an identity past the copied maximum, or empty
 */
record DdlStyle(String identity, List<String> identityTypes, boolean primaryKeyInCreate,
                boolean foreignKeysInCreate, boolean uniqueAsConstraint, String tableSuffix, int maxIdentifier,
                String resetIdentity) {

    private static final Set<String> KEYS = Set.of("identity", "identity_types", "primary_key", "foreign_keys",
            "unique", "table_suffix", "max_identifier", "reset_identity");

    static DdlStyle load(String dialect) {
        RuleNode root = RuleFileReader.readResource("/dialects/" + dialect + "/ddl.yaml");
        root.asMap("a DDL style file");
        root.requireOnlyKeys(KEYS, "a DDL style file");
        List<String> types = new ArrayList<>();
        for (RuleNode t : root.require("identity_types", "a DDL style file").asList("identity_types")) {
            types.add(t.asText("identity type").toLowerCase(Locale.ROOT));
        }
        return new DdlStyle(text(root, "identity"), types,
                placement(root, "primary_key"), placement(root, "foreign_keys"),
                choice(root, "unique", "constraint", "index"),
                text(root, "table_suffix"), (int) root.require("max_identifier", "a DDL style file").asLong("max_identifier"),
                text(root, "reset_identity"));
    }

    private static String text(RuleNode root, String key) {
        String s = root.require(key, "a DDL style file").asText(key);
        return s == null ? "" : s;
    }

    private static boolean placement(RuleNode root, String key) {
        return choice(root, key, "in_create", "post_data");
    }

    private static boolean choice(RuleNode root, String key, String first, String second) {
        RuleNode n = root.require(key, "a DDL style file");
        String v = n.asText(key);
        if (first.equals(v)) {
            return true;
        }
        if (second.equals(v)) {
            return false;
        }
        throw n.error("expected " + key + ": " + first + " or " + second);
    }
}
