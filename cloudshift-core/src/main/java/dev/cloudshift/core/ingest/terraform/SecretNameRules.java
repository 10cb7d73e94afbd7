package dev.cloudshift.core.ingest.terraform;

import dev.cloudshift.core.kb.CatalogException;
import dev.cloudshift.core.kb.CatalogNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words that make a Terraform variable, argument or map-entry name a secret: the {@code terraform_names} section
 * of {@code catalog/secret-rules.yaml} (the file of every secret rule; its key_patterns are the broader rule for
 * environment and configuration keys). {@link SecretNames} splits a name into lower-case words and asks
 * {@link #isSecret(List)}.
 *
 * @param metadataWords  a last word that names metadata about a secret (arn, id, length): never a secret
 * @param secretWords    a word that makes the name a secret anywhere (password, token)
 * @param qualifiedWords a word that is a secret right after a qualifier (key)
 * @param qualifiers     the words that qualify it (api, access, private)
 * @param phrases        words that are a secret in a row (connection string)
 */
record SecretNameRules(Set<String> metadataWords, Set<String> secretWords, Set<String> qualifiedWords,
        Set<String> qualifiers, List<List<String>> phrases) {

    /** The file the shipped rules are in. */
    static final String RESOURCE = dev.cloudshift.core.secrets.SecretRules.RESOURCE;
    static final String SECTION = "terraform_names";

    SecretNameRules {
        metadataWords = Set.copyOf(metadataWords);
        secretWords = Set.copyOf(secretWords);
        qualifiedWords = Set.copyOf(qualifiedWords);
        qualifiers = Set.copyOf(qualifiers);
        phrases = phrases.stream().map(List::copyOf).toList();
    }

    /**
     * Reads the {@code terraform_names} section of a secret rules file; anything malformed (not YAML, a missing or
     * unknown key, a list that is no list, an entry that is not one lower-case word, a word listed twice) is a
     * {@link CatalogException} naming {@code file:line}.
     */
    static SecretNameRules read(String file, InputStream in) {
        CatalogNode root = CatalogNode.readWithJackson(file, in);
        CatalogNode names = root.get(SECTION);
        if (names == null) {
            throw CatalogException.at(root, "missing '" + SECTION + ":' (the words that make a Terraform name a secret)");
        }
        names.onlyKeys(SECTION, Set.of("metadata_words", "secret_words", "qualified", "phrases"));
        CatalogNode qualified = required(names, "qualified");
        qualified.onlyKeys(SECTION + ".qualified", Set.of("words", "qualifiers"));
        List<List<String>> phrases = new ArrayList<>();
        for (CatalogNode p : required(names, "phrases").items(SECTION + ".phrases")) {
            List<String> words = List.of(p.text("a phrase (words separated by spaces)").strip().split(" +"));
            for (String w : words) {
                checkWord(p, w);
            }
            if (words.size() < 2) {
                throw CatalogException.at(p, "a phrase needs two words or more (a single word belongs in secret_words)");
            }
            phrases.add(words);
        }
        return new SecretNameRules(words(names, "metadata_words"), words(names, "secret_words"),
                words(qualified, "words"), words(qualified, "qualifiers"), phrases);
    }

    private static CatalogNode required(CatalogNode parent, String key) {
        CatalogNode n = parent.get(key);
        if (n == null) {
            throw CatalogException.at(parent, "missing '" + key + ":' in " + SECTION);
        }
        return n;
    }

    private static Set<String> words(CatalogNode parent, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (CatalogNode w : required(parent, key).items(key)) {
            String word = w.text(key + " entry");
            checkWord(w, word);
            if (!out.add(word)) {
                throw CatalogException.at(w, "'" + word + "' is listed twice in " + key + "; keep one");
            }
        }
        if (out.isEmpty()) {
            throw CatalogException.at(parent.get(key), key + " is empty; list at least one word");
        }
        return out;
    }

    /** Names are split into lower-case words on _ - . and spaces and at camelCase: any other entry never matches. */
    private static void checkWord(CatalogNode where, String word) {
        if (word.isEmpty() || !word.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            throw CatalogException.at(where, "'" + word + "' can never match: names are split into lower-case words "
                    + "(on _ - . and camelCase), so write one word of a-z and 0-9");
        }
    }

    /**
     * Whether a name, as its lower-case words, is a secret: not when its last word is metadata; else when a word is a
     * secret word, a qualified word follows a qualifier, or a phrase's words appear in a row.
     */
    boolean isSecret(List<String> words) {
        if (words.isEmpty() || metadataWords.contains(words.get(words.size() - 1))) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (secretWords.contains(w)) {
                return true;
            }
            if (i > 0 && qualifiedWords.contains(w) && qualifiers.contains(words.get(i - 1))) {
                return true;
            }
            for (List<String> phrase : phrases) {
                if (phrase.get(0).equals(w) && i + phrase.size() <= words.size()
                        && words.subList(i, i + phrase.size()).equals(phrase)) {
                    return true;
                }
            }
        }
        return false;
    }
}
