/**
 * Times the cost section on a generated estate: plan, render without cost, estimate, render with cost, three runs.
 *
 * <pre>
 *   bench/plan-benchmark.sh 10000 1   # generates bench/out/estate-10000 and builds the jar
 *   java -cp cloudshift-cli/target/cloudshift.jar bench/CostSectionBenchmark.java bench/out/estate-10000
 * </pre>
 */
import dev.cloudshift.core.cost.*;
import dev.cloudshift.core.plan.*;
import dev.cloudshift.core.report.PlanFormat;
import java.nio.file.Path;
import java.util.List;
public class CostSectionBenchmark {
    public static void main(String[] a) {
        Planner p = Planner.withDefaults();
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            Plan plan = p.plan(Path.of(a[0]), "azure", List.of());
            long t1 = System.nanoTime();
            String j0 = PlanFormat.JSON.renderer().render(plan); String m0 = PlanFormat.MARKDOWN.renderer().render(plan);
            long t2 = System.nanoTime();
            Plan withCost = plan.withSection(CostSection.of(plan));
            long t3 = System.nanoTime();
            String j = PlanFormat.JSON.renderer().render(withCost); String m = PlanFormat.MARKDOWN.renderer().render(withCost);
            long t4 = System.nanoTime();
            System.out.printf("plan %d ms, render %d ms (json %d MB) | cost %d ms, render with cost %d ms (json %d MB, md %d KB)%n",
                (t1-t0)/1000000, (t2-t1)/1000000, j0.length()/1000000, (t3-t2)/1000000, (t4-t3)/1000000, j.length()/1000000, m.length()/1000);
        }
    }
}
