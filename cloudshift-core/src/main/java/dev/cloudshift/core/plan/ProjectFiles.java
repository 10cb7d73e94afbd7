package dev.cloudshift.core.plan;

import dev.cloudshift.core.ingest.compose.ComposeReader;
import dev.cloudshift.core.ingest.dotenv.DotenvReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The input files found under a project directory, by kind. Hidden directories, {@code .terraform},
 * {@code node_modules}, {@code target} and {@code build} output are skipped.
 *
 * @param root             the project directory
 * @param terraformRoots   directories holding a Terraform root module: directories with {@code *.tf} files
 *                         that are neither below another such directory nor inside a {@code modules} folder
 * @param terraformFiles   every {@code *.tf} file (root modules and local modules)
 * @param tfvarsFiles      every {@code *.tfvars} / {@code *.tfvars.json} file
 * @param terraformJson    {@code terraform show -json} plan or state files
 * @param composeFiles     compose files ({@code docker-compose*.yml}, {@code compose*.yaml}, ...)
 * @param dotenvFiles      dotenv files ({@code .env}, {@code .env.prod}, {@code prod.env})
 */
public record ProjectFiles(
        Path root,
        List<Path> terraformRoots,
        List<Path> terraformFiles,
        List<Path> tfvarsFiles,
        List<Path> terraformJson,
        List<Path> composeFiles,
        List<Path> dotenvFiles) {

    private static final List<String> SKIPPED_DIRS = List.of(".terraform", "node_modules", "target", "build", ".git");
    private static final int JSON_SNIFF_BYTES = 1 << 16;

    public ProjectFiles {
        terraformRoots = List.copyOf(terraformRoots);
        terraformFiles = List.copyOf(terraformFiles);
        tfvarsFiles = List.copyOf(tfvarsFiles);
        terraformJson = List.copyOf(terraformJson);
        composeFiles = List.copyOf(composeFiles);
        dotenvFiles = List.copyOf(dotenvFiles);
    }

    /** Walks {@code root}; deterministic (sorted) lists. */
    public static ProjectFiles scan(Path root) throws IOException {
        List<Path> tf = new ArrayList<>();
        List<Path> tfvars = new ArrayList<>();
        List<Path> json = new ArrayList<>();
        List<Path> compose = new ArrayList<>();
        List<Path> dotenv = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    String name = dir.getFileName().toString();
                    if (name.startsWith(".") || SKIPPED_DIRS.contains(name)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                String name = file.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".tf")) {
                    tf.add(file);
                } else if (lower.endsWith(".tfvars") || lower.endsWith(".tfvars.json")) {
                    tfvars.add(file);
                } else if (lower.endsWith(".json")) {
                    if (isTerraformJson(file)) {
                        json.add(file);
                    }
                } else if (ComposeReader.isComposeFileName(name)) {
                    compose.add(file);
                } else if (DotenvReader.environmentOf(name).isPresent()) {
                    dotenv.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        Comparator<Path> byPath = Comparator.comparing(p -> root.relativize(p).toString().replace('\\', '/'));
        tf.sort(byPath);
        tfvars.sort(byPath);
        json.sort(byPath);
        compose.sort(byPath);
        dotenv.sort(byPath);
        return new ProjectFiles(root, terraformRoots(root, tf), tf, tfvars, json, compose, dotenv);
    }

    private static List<Path> terraformRoots(Path root, List<Path> tfFiles) {
        TreeSet<Path> dirs = new TreeSet<>();
        for (Path f : tfFiles) {
            dirs.add(f.getParent());
        }
        List<Path> roots = new ArrayList<>();
        for (Path d : dirs) {
            Path rel = root.relativize(d);
            boolean inModules = false;
            for (Path part : rel) {
                if (part.toString().equals("modules")) {
                    inModules = true;
                }
            }
            boolean below = roots.stream().anyMatch(r -> !r.equals(d) && d.startsWith(r));
            if (!inModules && !below) {
                roots.add(d);
            }
        }
        return roots;
    }

    /** A JSON file written by {@code terraform show -json}: it names the Terraform version near its start. */
    static boolean isTerraformJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(JSON_SNIFF_BYTES);
            String s = new String(head, StandardCharsets.UTF_8);
            return s.contains("\"terraform_version\"") && s.contains("\"format_version\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** The path of {@code file} relative to the project directory, with {@code /} separators. */
    public String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** True when nothing was found. */
    public boolean isEmpty() {
        return terraformFiles.isEmpty() && tfvarsFiles.isEmpty() && terraformJson.isEmpty() && composeFiles.isEmpty()
                && dotenvFiles.isEmpty();
    }
}
