package dev.cloudshift.core.ingest.compose;

import java.util.Locale;

/**
 * A container image reference split into registry, repository path, tag and digest:
 * {@code mcr.microsoft.com/mssql/server:2022-latest} -> registry {@code mcr.microsoft.com}, repository
 * {@code mssql/server}, tag {@code 2022-latest}. Docker Hub's implicit {@code library/} prefix is removed.
 *
 * @param registry   registry host, or null for Docker Hub
 * @param repository lower-case repository path without registry
 * @param tag        tag, or null (Docker's default is {@code latest})
 * @param digest     digest ({@code sha256:...}), or null
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    public static ImageReference parse(String image) {
        String s = image.strip();
        String digest = null;
        int at = s.indexOf('@');
        if (at >= 0) {
            digest = s.substring(at + 1);
            s = s.substring(0, at);
        }
        String tag = null;
        int slash = s.lastIndexOf('/');
        int colon = s.lastIndexOf(':');
        if (colon > slash) {
            tag = s.substring(colon + 1);
            s = s.substring(0, colon);
        }
        String registry = null;
        int first = s.indexOf('/');
        if (first > 0) {
            String head = s.substring(0, first);
            if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
                registry = head;
                s = s.substring(first + 1);
            }
        }
        String repo = s.toLowerCase(Locale.ROOT);
        if (registry == null || registry.equals("docker.io") || registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")
                || registry.endsWith("gcr.io") || registry.equals("public.ecr.aws")) {
            if (repo.startsWith("docker/library/")) {
                repo = repo.substring("docker/library/".length());
            } else if (repo.startsWith("library/")) {
                repo = repo.substring("library/".length());
            }
        }
        return new ImageReference(registry, repo, tag == null || tag.isEmpty() ? null : tag, digest);
    }

    /** The leading version number of the tag ({@code 16.2-alpine} -> {@code 16.2}), or null. */
    public String version() {
        if (tag == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^v?(\\d+(?:\\.\\d+)*)").matcher(tag);
        return m.find() ? m.group(1) : null;
    }
}
