package dev.cloudshift.cli;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.plan.PlanInputException;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.plan.ProjectInventory;
import dev.cloudshift.core.report.InventoryJsonWriter;
import dev.cloudshift.core.report.InventoryTableWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloudshift inventory PATH [--format table|json] [--env NAME]...}. */
@Command(
        name = "inventory",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Prints the resources of every environment of a project, normalised, with their dependencies.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:inventory printed (warnings, if any, on stderr)",
            "2:bad usage, unknown environment, or nothing in PATH could be read"
        })
public final class InventoryCommand implements Callable<Integer> {

    enum Format { table, json }

    @Parameters(index = "0", paramLabel = "PATH", description = "Project directory.")
    Path path;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--env", paramLabel = "NAME",
            description = "Only this environment (repeatable); default: every environment found.")
    List<String> environments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ProjectInventory inventory;
        try {
            inventory = Planner.withDefaults().inventory(path, environments);
        } catch (PlanInputException e) {
            throw CliException.usage(e.getMessage());
        }
        for (Diagnostic d : inventory.warnings()) {
            stderr.println(d);
        }
        stderr.flush();
        stdout.print(switch (format) {
            case table -> new InventoryTableWriter().render(inventory);
            case json -> new InventoryJsonWriter().render(inventory);
        });
        stdout.flush();
        return ExitCode.OK;
    }
}
