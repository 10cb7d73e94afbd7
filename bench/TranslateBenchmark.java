/**
 * Times the Terraform translation on a generated estate (plan and cost first, untimed), three runs.
 *
 * <pre>
 *   bench/plan-benchmark.sh 10000 1   # generates bench/out/estate-10000 and builds the jar
 *   java -cp cloudshift-cli/target/cloudshift.jar bench/TranslateBenchmark.java bench/out/estate-10000
 * </pre>
 */
import dev.cloudshift.core.cost.CostSection;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.translate.TerraformOutput;
import dev.cloudshift.core.translate.TerraformTranslator;
import java.nio.file.Path;
import java.util.List;

public class TranslateBenchmark {
    public static void main(String[] a) {
        Plan plan = Planner.withDefaults().plan(Path.of(a[0]), a.length > 1 ? a[1] : "azure", List.of());
        var sizing = TerraformTranslator.sizing(CostSection.of(plan).estimate());
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            TerraformOutput out = TerraformTranslator.translate(plan, sizing);
            long t1 = System.nanoTime();
            long bytes = out.files().values().stream().mapToLong(String::length).sum();
            System.out.printf("%d resource instances: translate + render %d ms, %d files, %d KB, %d TODOs%n",
                    plan.resources().size(), (t1 - t0) / 1000000, out.files().size(), bytes / 1000, out.todos().size());
        }
    }
}
