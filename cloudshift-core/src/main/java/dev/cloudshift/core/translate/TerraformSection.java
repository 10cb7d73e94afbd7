package dev.cloudshift.core.translate;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlanSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code terraform} section of a plan: the generated files and the TODOs left in them. */
public final class TerraformSection implements PlanSection {

    private final TerraformOutput output;

    public TerraformSection(TerraformOutput output) {
        this.output = output;
    }

    /**
     * Translates a plan (sizes from its cost section, if any) and returns it with the {@code terraform} section and
     * every TODO as a warning ({@code terraform/<file>:line:column}).
     */
    public static Plan attach(Plan plan) {
        dev.cloudshift.core.cost.CostEstimate estimate = null;
        for (dev.cloudshift.core.plan.PlanSection s : plan.sections()) {
            if (s instanceof dev.cloudshift.core.cost.CostSection c) {
                estimate = c.estimate();
            }
        }
        TerraformOutput out = TerraformTranslator.translate(plan, TerraformTranslator.sizing(estimate));
        List<Diagnostic> warnings = new ArrayList<>(plan.warnings());
        for (Todo t : out.todos()) {
            warnings.add(new Diagnostic("terraform/" + t.file(), t.line(), t.column(), "TODO(cloudshift): " + t.address()
                    + ": " + t.reason()));
        }
        Plan withWarnings = new Plan(plan.project(), plan.source(), plan.target(), plan.environments(), plan.inputs(),
                plan.resources(), plan.configChanges(), warnings, plan.sections());
        return withWarnings.withSection(new TerraformSection(out));
    }

    public TerraformOutput output() {
        return output;
    }

    @Override
    public String key() {
        return "terraform";
    }

    @Override
    public String title() {
        return "Target Terraform";
    }

    @Override
    public Object toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("directory", "terraform");
        m.put("files", new ArrayList<>(output.files().keySet()));
        List<Object> todos = new ArrayList<>();
        for (Todo t : output.todos()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("address", t.address());
            x.put("file", "terraform/" + t.file());
            x.put("line", t.line());
            x.put("column", t.column());
            x.put("reason", t.reason());
            todos.add(x);
        }
        m.put("todos", todos);
        m.put("absorbed", output.absorbed());
        return m;
    }

    @Override
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        if (output.isEmpty()) {
            return "No Terraform was generated for this direction.\n";
        }
        sb.append("Written to `terraform/`: ");
        List<String> names = new ArrayList<>();
        output.files().keySet().forEach(f -> names.add("`" + f + "`"));
        sb.append(String.join(", ", names)).append(".\n");
        sb.append("Apply per environment with `terraform plan -var-file=<env>.tfvars`; sensitive variables (passwords, "
                + "secret values) have no value in any file: pass them as `TF_VAR_<name>`.\n");
        if (output.todos().isEmpty()) {
            sb.append("\nNo TODOs: every source resource was translated.\n");
        } else {
            sb.append("\n").append(output.todos().size()).append(" TODO").append(output.todos().size() == 1 ? "" : "s")
                    .append(" to resolve by hand:\n\n");
            for (Todo t : output.todos()) {
                sb.append("- `terraform/").append(t.file()).append(':').append(t.line()).append("` `").append(t.address())
                        .append("`: ").append(t.reason()).append('\n');
            }
        }
        if (!output.absorbed().isEmpty()) {
            sb.append("\nAbsorbed into another target resource (no block of their own):\n\n");
            for (String a : output.absorbed()) {
                int colon = a.indexOf(": ");
                sb.append("- `").append(a, 0, colon).append("`").append(a.substring(colon)).append('\n');
            }
        }
        return sb.toString();
    }
}
