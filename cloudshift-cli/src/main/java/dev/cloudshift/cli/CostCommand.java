package dev.cloudshift.cli;

import dev.cloudshift.core.cost.CostDiff;
import dev.cloudshift.core.cost.CostEstimate;
import dev.cloudshift.core.cost.CostEstimator;
import dev.cloudshift.core.cost.CostLine;
import dev.cloudshift.core.cost.catalog.PriceCatalog;
import dev.cloudshift.core.cost.catalog.PriceCatalogException;
import dev.cloudshift.core.cost.report.CostDiffReport;
import dev.cloudshift.core.cost.report.CostJson;
import dev.cloudshift.core.cost.report.CostMarkdown;
import dev.cloudshift.core.cost.report.CostTable;
import dev.cloudshift.core.cost.usage.UsageDefaults;
import dev.cloudshift.core.cost.usage.UsageFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloudshift cost}: monthly cost per environment, on the project's own cloud and on a target. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = {"Price a project per environment from the offline list-price catalog: as it is on its own cloud,",
            "and with --to on the target cloud after sizing. PATH is a project directory (planned first),",
            "a plan.json, or a directory holding one."},
        subcommands = CostCommand.Diff.class)
public final class CostCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Project directory, plan.json, or a directory containing plan.json.")
    Path path;

    @Option(names = "--to", paramLabel = "azure|aws|gcp", description = "Price on this target cloud as well.")
    String to;

    @Option(names = "--env", paramLabel = "NAME", description = "Only this environment.")
    String env;

    @Option(names = "--format", paramLabel = "table|json|md", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--usage", paramLabel = "FILE", description = "Usage assumptions overriding catalog/usage-defaults.yaml.")
    Path usage;

    @Option(names = "--catalog", paramLabel = "DIR", description = "User price catalog directory (default: ~/.cloudshift/catalog).")
    Path catalog;

    @Option(names = "--target-region", paramLabel = "REGION",
            description = {"Price the target of every environment in this region (default: per environment, the region the",
                "Terraform translation chooses: nearest the source region by catalog/translate/regions.yaml, else",
                "us-east-1, eastus or us-central1). A SKU with no list price in that region is left unpriced."})
    String targetRegion;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (path == null) {
            throw CliException.usage("cost: missing PATH (a project directory or a plan.json); see 'cloudshift cost --help'");
        }
        String target = validTarget(to);
        CostInputs.Loaded in = CostInputs.read(path, env, target);
        CostInputs.checkTarget(in, target, path);
        CostEstimate estimate = estimator(usage, catalog, targetRegion).estimate(in.environments(), target);
        spec.commandLine().getOut().print(render(estimate, format));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    static String validTarget(String to) {
        if (to != null && !List.of("azure", "aws", "gcp").contains(to)) {
            throw CliException.usage("--to: expected azure, aws or gcp, not '" + to + "'");
        }
        return to;
    }

    static CostEstimator estimator(Path usage, Path catalogDir, String targetRegion) {
        try {
            return new CostEstimator(PriceCatalog.load(catalogDir != null ? catalogDir : CatalogCommand.defaultDir()),
                    UsageDefaults.withOverride(usage), targetRegion);
        } catch (UsageFileException | PriceCatalogException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    static String render(CostEstimate e, String format) {
        return switch (format) {
            case "json" -> CostJson.write(CostJson.document(e));
            case "md", "markdown" -> CostMarkdown.render(e);
            case "table" -> CostTable.render(e);
            default -> throw CliException.usage("--format: expected table, json or md, not '" + format + "'");
        };
    }

    /** {@code cloudshift cost diff OLD NEW}: the monthly cost change between two states of a project. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"Price the change between two states of a project (for a pull-request comment).",
                "OLD_PATH and NEW_PATH are project directories, plan.json files or directories holding one."})
    static final class Diff implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OLD_PATH")
        Path before;

        @Parameters(index = "1", paramLabel = "NEW_PATH")
        Path after;

        @Option(names = "--env", paramLabel = "NAME", description = "Only this environment.")
        String env;

        @Option(names = "--to", paramLabel = "azure|aws|gcp", description = "Compare the target-side cost instead.")
        String to;

        @Option(names = "--format", paramLabel = "table|json|md", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--usage", paramLabel = "FILE", description = "Usage assumptions overriding the defaults.")
        Path usage;

        @Option(names = "--catalog", paramLabel = "DIR", description = "User price catalog directory.")
        Path catalog;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String target = validTarget(to);
            CostEstimator est = estimator(usage, catalog, null);
            CostInputs.Loaded lb = CostInputs.read(before, null, target);
            CostInputs.Loaded la = CostInputs.read(after, null, target);
            CostInputs.checkTarget(lb, target, before);
            CostInputs.checkTarget(la, target, after);
            CostEstimate b = est.estimate(lb.environments(), target);
            CostEstimate a = est.estimate(la.environments(), target);
            if (env != null) {
                b = only(b, env);
                a = only(a, env);
            }
            CostDiff.Result r = CostDiff.compare(b, a, target == null ? CostLine.SOURCE : CostLine.TARGET);
            String out = switch (format) {
                case "json" -> CostDiffReport.json(r);
                case "md", "markdown" -> CostDiffReport.markdown(r);
                case "table" -> CostDiffReport.table(r);
                default -> throw CliException.usage("--format: expected table, json or md, not '" + format + "'");
            };
            spec.commandLine().getOut().print(out);
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }

        private static CostEstimate only(CostEstimate e, String env) {
            return new CostEstimate(e.sourceProviders(), e.targetProvider(),
                    e.environments().stream().filter(x -> x.environment().equals(env)).toList());
        }
    }
}
