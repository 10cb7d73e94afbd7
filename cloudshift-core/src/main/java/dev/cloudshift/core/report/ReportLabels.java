package dev.cloudshift.core.report;

import dev.cloudshift.core.plan.InputFile;
import java.util.List;
import java.util.Locale;

/** The names people read for providers, categories and input files, shared by every report format. */
public final class ReportLabels {

    private ReportLabels() {
    }

    public static String providerLabel(String p) {
        if (p == null) {
            return "unknown";
        }
        return switch (p) {
            case "aws" -> "AWS";
            case "azure" -> "Azure";
            case "gcp" -> "Google Cloud";
            case "compose" -> "Docker Compose";
            default -> p;
        };
    }

    public static String sourceLabel(List<String> providers) {
        if (providers.isEmpty()) {
            return "an empty estate";
        }
        return String.join(" + ", providers.stream().map(ReportLabels::providerLabel).toList());
    }

    public static String categoryLabel(String category) {
        return switch (category) {
            case "dns" -> "DNS";
            case "cdn" -> "CDN";
            case "api_gateway" -> "API gateway";
            default -> {
                String c = category.replace('_', ' ');
                yield c.isEmpty() ? c : c.substring(0, 1).toUpperCase(Locale.ROOT) + c.substring(1);
            }
        };
    }

    /** What an input file is, in words, for {@code n} of them: {@code 2 Terraform files}, {@code 1 .env file}. */
    public static String inputKindLabel(InputFile.Kind k, int n) {
        String one = switch (k) {
            case TERRAFORM -> "Terraform file";
            case TFVARS -> "variable file";
            case TERRAFORM_JSON -> "Terraform JSON plan/state file";
            case COMPOSE -> "compose file";
            case DOTENV -> ".env file";
        };
        return n == 1 ? one : one.replace(" file", " files");
    }
}
