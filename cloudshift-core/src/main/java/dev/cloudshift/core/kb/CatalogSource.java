package dev.cloudshift.core.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Where catalog files are read from: the classpath (normal use) or a directory (tests of bad data). */
interface CatalogSource {

    /** Names (relative to the catalog root, like {@code types/aws.yaml}) of the files directly in a folder, sorted. */
    List<String> list(String folder);

    /** Sub-folder names of a folder, sorted. */
    List<String> folders(String folder);

    /** Opens a file; null when absent. */
    InputStream open(String name) throws IOException;

    /** Printable name of a file for error messages ({@code catalog/types/aws.yaml}). */
    default String display(String name) {
        return "catalog/" + name;
    }

    static CatalogSource directory(Path root) {
        return new CatalogSource() {
            @Override
            public List<String> list(String folder) {
                return entries(folder, false);
            }

            @Override
            public List<String> folders(String folder) {
                return entries(folder, true);
            }

            private List<String> entries(String folder, boolean dirs) {
                return listDir(root.resolve(folder), folder, dirs);
            }

            @Override
            public InputStream open(String name) throws IOException {
                Path p = root.resolve(name);
                return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
            }
        };
    }

    static CatalogSource classpath(ClassLoader loader, String base) {
        return new CatalogSource() {
            @Override
            public List<String> list(String folder) {
                return entries(folder, false);
            }

            @Override
            public List<String> folders(String folder) {
                return entries(folder, true);
            }

            private List<String> entries(String folder, boolean dirs) {
                URL url = loader.getResource(base + "/" + folder);
                if (url == null) {
                    return List.of();
                }
                try {
                    if (url.getProtocol().equals("file")) {
                        return listDir(Path.of(url.toURI()), folder, dirs);
                    }
                    if (url.getProtocol().equals("jar")) {
                        JarURLConnection conn = (JarURLConnection) url.openConnection();
                        conn.setUseCaches(false);
                        String prefix = base + "/" + folder + "/";
                        List<String> out = new ArrayList<>();
                        try (JarFile jar = conn.getJarFile()) {
                            Enumeration<JarEntry> en = jar.entries();
                            while (en.hasMoreElements()) {
                                String n = en.nextElement().getName();
                                if (!n.startsWith(prefix) || n.length() == prefix.length()) {
                                    continue;
                                }
                                String rest = n.substring(prefix.length());
                                int slash = rest.indexOf('/');
                                if (dirs && slash > 0 && slash == rest.length() - 1) {
                                    out.add(folder + "/" + rest.substring(0, slash));
                                } else if (!dirs && slash < 0) {
                                    out.add(folder + "/" + rest);
                                }
                            }
                        }
                        return out.stream().distinct().sorted().toList();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
                throw new CatalogException("cannot list " + display(folder) + " from " + url.getProtocol() + " URLs");
            }

            @Override
            public InputStream open(String name) {
                return loader.getResourceAsStream(base + "/" + name);
            }
        };
    }

    /** The files (or folders) directly in a directory, as catalog-relative names, sorted. */
    private static List<String> listDir(Path dir, String folder, boolean dirs) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> dirs == Files.isDirectory(p))
                    .map(p -> folder + "/" + p.getFileName())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
