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

    /**
     * The catalog on the classpath, found through its {@code vocabulary.yaml}: a directory (IDE, tests) or a jar
     * (the shaded CLI jar). Jar listing works from file entries alone, so jars without directory entries work too.
     */
    static CatalogSource classpath(ClassLoader loader, String base) {
        URL anchor = loader.getResource(base + "/vocabulary.yaml");
        if (anchor == null) {
            throw new CatalogException(base + "/vocabulary.yaml: not on the classpath; the knowledge base is missing from this build");
        }
        try {
            if (anchor.getProtocol().equals("file")) {
                Path root = Path.of(anchor.toURI()).getParent();
                CatalogSource dir = directory(root);
                return new CatalogSource() {
                    @Override
                    public List<String> list(String folder) {
                        return dir.list(folder);
                    }

                    @Override
                    public List<String> folders(String folder) {
                        return dir.folders(folder);
                    }

                    @Override
                    public InputStream open(String name) throws IOException {
                        return dir.open(name);
                    }
                };
            }
            if (anchor.getProtocol().equals("jar")) {
                JarURLConnection conn = (JarURLConnection) anchor.openConnection();
                conn.setUseCaches(false);
                List<String> names = new ArrayList<>();
                String prefix = base + "/";
                try (JarFile jar = conn.getJarFile()) {
                    Enumeration<JarEntry> en = jar.entries();
                    while (en.hasMoreElements()) {
                        JarEntry e = en.nextElement();
                        if (!e.isDirectory() && e.getName().startsWith(prefix)) {
                            names.add(e.getName().substring(prefix.length()));
                        }
                    }
                }
                List<String> sorted = names.stream().sorted().toList();
                return new CatalogSource() {
                    @Override
                    public List<String> list(String folder) {
                        String p = folder + "/";
                        return sorted.stream().filter(n -> n.startsWith(p) && n.indexOf('/', p.length()) < 0).toList();
                    }

                    @Override
                    public List<String> folders(String folder) {
                        String p = folder + "/";
                        return sorted.stream().filter(n -> n.startsWith(p) && n.indexOf('/', p.length()) > 0)
                                .map(n -> n.substring(0, n.indexOf('/', p.length()))).distinct().sorted().toList();
                    }

                    @Override
                    public InputStream open(String name) {
                        return loader.getResourceAsStream(base + "/" + name);
                    }
                };
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new CatalogException("cannot list the catalog from " + anchor.getProtocol() + " URLs");
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
