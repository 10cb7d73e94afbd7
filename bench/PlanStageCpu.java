import dev.cloudshift.core.config.ConfigChangePlanner;
import dev.cloudshift.core.cost.CostEstimator;
import dev.cloudshift.core.cost.CostInput;
import dev.cloudshift.core.cost.CostSection;
import dev.cloudshift.core.cost.PlanCostInputs;
import dev.cloudshift.core.cost.catalog.PriceCatalog;
import dev.cloudshift.core.cost.usage.UsageDefaults;
import dev.cloudshift.core.model.Inventory;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.plan.ProjectInventory;
import dev.cloudshift.core.plan.ProjectSource;
import dev.cloudshift.core.plan.TargetMapping;
import dev.cloudshift.core.report.PlanFormat;
import dev.cloudshift.core.report.PlanRenderer;
import dev.cloudshift.core.runbook.Runbook;
import dev.cloudshift.core.runbook.RunbookBuilder;
import dev.cloudshift.core.runbook.RunbookOptions;
import dev.cloudshift.core.runbook.TerraformVariables;
import dev.cloudshift.core.translate.TerraformSection;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Thread CPU time and bytes allocated by the later stages of {@code cloudshift plan}, each run on this thread: the
 * configuration changes and the cost of each environment, the cost section, its Markdown and JSON, plan.md's parts
 * rendered ahead, the runbook and its chapters, and the final plan.md. The stages before them (reading, evaluating,
 * mapping) run once, untimed. Round 1 is what a real run pays (the stage's code runs for the first time, C1 compiling
 * it); later rounds show the steady cost. Unlike a JFR sample count, thread CPU and allocated bytes hardly move when
 * the machine is shared. Compare two builds by alternating the jar on the class path:
 *
 * <pre>
 *   java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xms1g -Xmn500m -XX:MaxTenuringThreshold=0 -cp cloudshift-cli/target/cloudshift.jar \
 *       bench/PlanStageCpu.java bench/out/estate-10000 azure 1
 * </pre>
 */
public final class PlanStageCpu {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final Map<String, List<long[]>> STAGES = new LinkedHashMap<>();

    public static void main(String[] args) {
        Path project = Path.of(args[0]);
        String target = args.length > 1 ? args[1] : "azure";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Planner planner = Planner.withDefaults();
        ProjectSource source = Planner.read(project);
        ProjectInventory inventory = planner.inventory(source, List.of());
        Plan mapped = planner.plan(inventory, target);
        ConfigChangePlanner configChanges = ConfigChangePlanner.defaults();
        for (int round = 0; round < rounds; round++) {
            for (Inventory env : inventory.environments()) {
                Map<String, String> serviceByType = new HashMap<>();
                for (PlannedResource r : mapped.resources()) {
                    if (r.environment().equals(env.environment()) && r.mapping() instanceof TargetMapping.Mapped m) {
                        serviceByType.putIfAbsent(r.type(), m.service());
                    }
                }
                time("config changes (per env)", () -> configChanges.plan(env.environment(), env.config(),
                        env.resources(), target, serviceByType::get));
            }
            CostEstimator estimator = new CostEstimator(PriceCatalog.bundled(), UsageDefaults.bundled());
            Map<String, List<CostInput>> inputs = PlanCostInputs.from(mapped);
            inputs.forEach((env, in) -> time("cost estimate (per env)", () -> estimator.estimate(env, in, target)));
            CostSection cost = time("cost section", () -> CostSection.of(mapped, estimator));
            Plan priced = mapped.withSection(cost);
            time("cost markdown", cost::toMarkdown);
            time("cost json", cost::toJson);
            PlanRenderer markdown = PlanFormat.MARKDOWN.renderer();
            time("plan.md prepare", () -> {
                markdown.prepare(priced);
                return null;
            });
            Plan translated = TerraformSection.attach(priced);
            RunbookOptions options = new RunbookOptions(null, TerraformVariables.of(inventory, translated.environments()));
            Runbook runbook = time("runbook build", () -> RunbookBuilder.withDefaults().build(translated, options));
            Plan complete = time("runbook addTo", () -> runbook.addTo(translated));
            time("plan.md render", () -> markdown.render(complete));
        }
        STAGES.forEach((stage, runs) -> {
            StringBuilder line = new StringBuilder(String.format("%-25s", stage));
            for (long[] r : runs) {
                line.append(String.format(" %5d ms %4d MB |", r[0], r[1]));
            }
            System.out.println(line);
        });
    }

    private static <T> T time(String stage, Supplier<T> work) {
        long thread = Thread.currentThread().getId();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long bytes = THREADS.getThreadAllocatedBytes(thread);
        T result = work.get();
        STAGES.computeIfAbsent(stage, k -> new ArrayList<>()).add(new long[] {
                (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000, (THREADS.getThreadAllocatedBytes(thread) - bytes) >> 20});
        return result;
    }

    private PlanStageCpu() {
    }
}
