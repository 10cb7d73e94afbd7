package dev.cloudshift.cli;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlanInputException;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.ProjectInventory;
import dev.cloudshift.core.plan.ProjectSource;
import dev.cloudshift.core.report.PlanFormat;
import dev.cloudshift.core.report.PlanRenderer;
import dev.cloudshift.core.runbook.RunbookBuilder;
import dev.cloudshift.core.runbook.RunbookOptions;
import dev.cloudshift.core.runbook.TerraformVariables;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloudshift plan PATH --to azure|aws|gcp [--env NAME]... --out DIR}. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reads a project (Terraform *.tf with per-environment *.tfvars, terraform show -json files, "
                    + "docker-compose files, .env files), maps every resource of every environment to the target "
                    + "cloud and writes DIR/plan.json, DIR/plan.md and the target Terraform under DIR/terraform/ "
                    + "(one <env>.tfvars per environment; TODO(cloudshift) comments where a resource needs a hand).",
            "Malformed files are reported as warnings (file:line:column) and everything else is still planned."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:plan written (warnings, if any, on stderr)",
            "2:bad usage, unknown environment, or nothing in PATH could be read",
            "3:the plan could not be written"
        })
public final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "Project directory.")
    Path path;

    @Option(names = "--to", required = true, paramLabel = "CLOUD", description = "Target cloud: azure, aws or gcp.")
    String target;

    @Option(names = "--env", paramLabel = "NAME",
            description = "Plan only this environment (repeatable); default: every environment found.")
    List<String> environments = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Directory for plan.json and plan.md (created if missing).")
    Path out;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT", defaultValue = "md,json",
            description = "Files to write, comma-separated: md (plan.md), json (plan.json), html (plan.html); default md,json.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--max-downtime", paramLabel = "MINUTES",
            description = "Longest acceptable downtime in minutes; the runbook's strategy compares it with the estimated "
                    + "dump-and-restore time of the data stores.")
    Integer maxDowntime;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<PlanFormat> selected = formats(formats);
        if (maxDowntime != null && maxDowntime < 0) {
            throw CliException.usage("--max-downtime must be zero or more minutes, got " + maxDowntime);
        }
        Plan plan;
        ProjectInventory inventory;
        try {
            String cloud = Planner.checkTarget(target);
            // the knowledge base and configuration rules load on another thread while the project is read here
            FutureTask<Planner> loading = start("cloudshift-load-knowledge", () -> {
                Planner loaded = Planner.withDefaults();
                dev.cloudshift.core.secrets.Redactor.defaults(); // its rules, which the configuration changes use, load here too
                return loaded;
            });
            ProjectSource source = Planner.read(path);
            Planner planner = join(loading);
            inventory = planner.inventory(source, environments);
            plan = planner.plan(inventory, cloud);
        } catch (PlanInputException e) {
            throw CliException.usage(e.getMessage());
        }
        // Cost (issue 4): the plan's cost section, per environment, source against target (bundled prices
        // overlaid by the user catalog of 'cloudshift catalog refresh').
        plan = plan.withSection(dev.cloudshift.core.cost.CostSection.of(plan, CostCommand.estimator(null, null, null)));
        // The resources and the cost section are most of plan.json and plan.md and no later stage changes them:
        // they are rendered on another thread while the translation and the runbook are computed on this one.
        List<PlanRenderer> renderers = selected.stream().map(PlanFormat::renderer).toList();
        Plan priced = plan;
        FutureTask<Void> renderedAhead = start("cloudshift-render-ahead", () -> {
            renderers.forEach(r -> r.prepare(priced));
            return null;
        });
        // Target Terraform (issue 5): DIR/terraform/, the section in plan.json/plan.md and its TODOs as warnings.
        plan = dev.cloudshift.core.translate.TerraformSection.attach(plan);
        // Runbook (issue 6): strategy, phases, risks, rollback, checklists, environment matrix; after cost and
        // translation so that the cost-increase and translation-TODO rules see them.
        // (its checklists and environment matrix, with their Markdown, are made on a second thread)
        plan = RunbookBuilder.withDefaults()
                .addRunbook(plan, new RunbookOptions(maxDowntime, TerraformVariables.of(inventory, plan.environments())));
        // one write for all warnings (a 10,000-resource estate has over a thousand TODOs)
        StringBuilder warnings = new StringBuilder();
        for (Diagnostic d : plan.warnings()) {
            warnings.append(d).append(System.lineSeparator());
        }
        stderr.print(warnings);
        stderr.flush();
        join(renderedAhead);
        List<Path> written = write(plan, out, selected, renderers);
        written.addAll(writeTerraform(plan, out));
        long mapped = plan.resources().stream().filter(PlannedResource::mapped).count();
        stdout.printf("Planned %s to %s: %d environment%s (%s), %d resources (%d mapped, %d unmapped), %d config change%s, %d warning%s.%n",
                plan.project(), plan.target(), plan.environments().size(), plan.environments().size() == 1 ? "" : "s",
                String.join(", ", plan.environments()), plan.resources().size(), mapped, plan.resources().size() - mapped,
                plan.configChanges().size(), plan.configChanges().size() == 1 ? "" : "s",
                plan.warnings().size(), plan.warnings().size() == 1 ? "" : "s");
        for (Path p : written) {
            stdout.println("Wrote " + p);
        }
        stdout.flush();
        return ExitCode.OK;
    }

    static List<Path> writeTerraform(Plan plan, Path out) {
        List<Path> written = new ArrayList<>();
        for (dev.cloudshift.core.plan.PlanSection s : plan.sections()) {
            if (s instanceof dev.cloudshift.core.translate.TerraformSection t && !t.output().isEmpty()) {
                Path dir = out.resolve("terraform");
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new CliException(ExitCode.RUNTIME, dir + ": cannot create the output directory ("
                            + e.getClass().getSimpleName() + ")");
                }
                for (java.util.Map.Entry<String, String> f : t.output().files().entrySet()) {
                    Path file = dir.resolve(f.getKey());
                    try {
                        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new CliException(ExitCode.RUNTIME, file + ": cannot write (" + e.getClass().getSimpleName() + ")");
                    }
                }
                written.add(dir);
            }
        }
        return written;
    }

    /** The formats asked for by name (md, json, html), in the order given, without repeats. */
    static List<PlanFormat> formats(List<String> names) {
        List<PlanFormat> out = new ArrayList<>();
        for (String n : names) {
            String name = n.trim();
            if (name.isEmpty()) {
                continue;
            }
            PlanFormat f = PlanFormat.parse(name.equalsIgnoreCase("markdown") ? "md" : name).orElse(null);
            if (f == null) {
                throw CliException.usage("--format: unknown format '" + name + "'; use md, json or html (comma-separated)");
            }
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            throw CliException.usage("--format: give at least one of md, json, html");
        }
        return out;
    }

    static List<Path> write(Plan plan, Path out, List<PlanFormat> formats, List<PlanRenderer> renderers) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new CliException(ExitCode.RUNTIME, out + ": cannot create the output directory ("
                    + e.getClass().getSimpleName() + ")");
        }
        // The renderers only read the plan: every format but the first is rendered and written on its own
        // thread while the first is rendered here (plan.json and plan.md of a 10,000-resource estate take
        // about the same time, so on 2 cores this halves the wall time of this step).
        List<FutureTask<Path>> others = new ArrayList<>();
        for (int i = 1; i < formats.size(); i++) {
            PlanFormat f = formats.get(i);
            PlanRenderer r = renderers.get(i);
            others.add(start("cloudshift-write-" + f.fileName(), () -> writeFormat(plan, out, f, r)));
        }
        List<Path> written = new ArrayList<>();
        RuntimeException failure = null;
        try {
            written.add(writeFormat(plan, out, formats.get(0), renderers.get(0)));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (FutureTask<Path> task : others) {
            try {
                written.add(join(task));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return written;
    }

    /** Runs {@code work} on a new daemon thread. */
    private static <T> FutureTask<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** The result of a task of {@link #start}, its runtime exception or error rethrown here as it was thrown. */
    private static <T> T join(FutureTask<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.RUNTIME, "interrupted while writing the plan");
        }
    }

    private static Path writeFormat(Plan plan, Path out, PlanFormat f, PlanRenderer renderer) {
        Path file = out.resolve(f.fileName());
        try {
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                renderer.write(plan, stream);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.RUNTIME, file + ": cannot write (" + e.getClass().getSimpleName() + ")");
        }
        return file;
    }
}
