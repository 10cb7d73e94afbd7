import dev.cloudshift.core.config.ConfigChangePlanner;
import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.model.Inventory;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.plan.ProjectInventory;
import dev.cloudshift.core.report.PlanFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Plans a project in-process and prints the time of each stage, to see where the end-to-end time goes:
 *
 * <pre>
 *   java -cp cloudshift-cli/target/cloudshift.jar bench/PlannerBenchmark.java bench/out/estate-10000 azure 3
 * </pre>
 *
 * Each round: load the knowledge base, read + normalise + graph (inventory), map + configuration changes
 * (plan), configuration changes alone (again, to attribute their share), render plan.json and plan.md.
 */
public final class PlannerBenchmark {

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : "bench/out/estate-10000");
        String target = args.length > 1 ? args[1] : "azure";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path out = Files.createDirectories(Path.of("bench", "out", "plan-inprocess"));
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            KnowledgeBase kb = KnowledgeBase.load();
            long t1 = System.nanoTime();
            Planner planner = new Planner(kb);
            ProjectInventory inventory = planner.inventory(project, List.of());
            long t2 = System.nanoTime();
            Plan plan = planner.plan(inventory, target);
            long t3 = System.nanoTime();
            ConfigChangePlanner changes = ConfigChangePlanner.defaults();
            int n = 0;
            for (Inventory env : inventory.environments()) {
                n += changes.plan(env.environment(), env.config(), env.resources(), target, type -> null).size();
            }
            long t4 = System.nanoTime();
            for (PlanFormat f : PlanFormat.values()) {
                Files.writeString(out.resolve(f.fileName()), f.renderer().render(plan));
            }
            long t5 = System.nanoTime();
            System.out.printf("round %d: %d resources, %d config changes | knowledge base %d ms, inventory %d ms, "
                            + "plan (map + config changes) %d ms, of which config changes alone ~%d ms, render %d ms | total %d ms%n",
                    round, plan.resources().size(), n, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4),
                    ms(t5 - t0 - (t4 - t3)));
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private PlannerBenchmark() {
    }
}
