package dev.cloudshift.cli;

import dev.cloudshift.core.cost.catalog.PriceCatalog;
import dev.cloudshift.core.cost.catalog.PriceCatalogException;
import dev.cloudshift.core.cost.catalog.PriceCsv;
import dev.cloudshift.core.cost.catalog.PriceRow;
import dev.cloudshift.core.cost.loader.PriceListFormat;
import dev.cloudshift.core.cost.loader.PriceListImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cloudshift catalog}: show the price catalog, refresh it from a vendor price list. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Show the offline price catalog or refresh it from a vendor's price list.",
        subcommands = {CatalogCommand.Show.class, CatalogCommand.Refresh.class})
public final class CatalogCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing a subcommand: 'cloudshift catalog show' or 'cloudshift catalog refresh --from FILE'.");
    }

    /** ~/.cloudshift/catalog: the user catalog that overrides the bundled rows. */
    static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".cloudshift", "catalog");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "List catalog rows (bundled and user rows) with their source and date.")
    static final class Show implements Callable<Integer> {
        @Option(names = "--provider", paramLabel = "aws|azure|gcp")
        String provider;

        @Option(names = "--service", paramLabel = "TEXT", description = "Rows whose service contains TEXT.")
        String service;

        @Option(names = "--catalog", paramLabel = "DIR", description = "User price catalog directory.")
        Path catalog;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PriceCatalog c;
            try {
                c = PriceCatalog.load(catalog != null ? catalog : defaultDir());
            } catch (PriceCatalogException e) {
                throw CliException.usage(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            List<PriceRow> rows = c.select(provider, service);
            out.printf("%-6s %-32s %-44s %-12s %14s  %-12s %-10s %s%n", "CLOUD", "SERVICE", "SKU", "REGION", "USD", "UNIT",
                    "AS OF", "SOURCE");
            for (PriceRow r : rows) {
                out.printf("%-6s %-32s %-44s %-12s %14s  %-12s %-10s %s%n", r.provider(), r.service(), r.sku(), r.region(),
                        r.priceUsd() == null ? "unpriced" : r.priceUsd().toPlainString(), r.unit(), r.asOf(), r.source());
            }
            out.println(rows.size() + " rows");
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = {"Import a vendor price list into the user catalog (its rows override the bundled ones):",
                "Azure Retail Prices API pages, an AWS Price List offer file, or Cloud Billing Catalog SKU pages.",
                "Give --from once per file; pages of one list in order."})
    static final class Refresh implements Callable<Integer> {
        @Option(names = "--from", paramLabel = "FILE", required = true, description = "Price list file (repeatable).")
        List<Path> from = new ArrayList<>();

        @Option(names = "--catalog", paramLabel = "DIR", description = "User catalog directory (default: ~/.cloudshift/catalog).")
        Path catalog;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            for (Path f : from) {
                if (!Files.isRegularFile(f)) {
                    throw CliException.usage(f + ": no such file");
                }
            }
            PriceListImport imp;
            try {
                PriceListFormat format = PriceListFormat.detect(from.get(0));
                for (Path f : from.subList(1, from.size())) {
                    if (PriceListFormat.detect(f) != format) {
                        throw CliException.usage(f + ": not the same kind of price list as " + from.get(0));
                    }
                }
                imp = format.load(from);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            } catch (IOException e) {
                throw CliException.runtime("cannot read the price list: " + e.getMessage(), e);
            }
            Path dir = (catalog != null ? catalog : defaultDir()).resolve(imp.provider());
            String name = from.get(0).getFileName().toString().replaceAll("\\.json$", "") + ".csv";
            Path out = dir.resolve(name);
            try {
                Files.createDirectories(dir);
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    PriceCsv.write(w, imp.rows());
                }
            } catch (IOException e) {
                throw CliException.runtime(out + ": cannot write the catalog: " + e.getMessage(), e);
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println("Read " + imp.entries() + " price entries from " + from.size() + " file(s) (" + imp.format() + ").");
            o.println("Wrote " + imp.rows().size() + " catalog rows to " + out + "; they override bundled rows with the "
                    + "same provider, SKU and region.");
            PrintWriter e = spec.commandLine().getErr();
            imp.notes().forEach(n -> e.println("cloudshift: note: " + n));
            o.flush();
            e.flush();
            return ExitCode.OK;
        }
    }
}
