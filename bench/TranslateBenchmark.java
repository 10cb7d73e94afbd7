/**
 * Times the Terraform translation on a generated estate (plan and cost first, untimed): wall time, CPU time and bytes
 * allocated by the translating thread, per run (the first run is the cold one, as in {@code cloudshift plan}).
 *
 * <pre>
 *   bench/plan-benchmark.sh 10000 1   # generates bench/out/estate-10000 and builds the jar
 *   java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xms1g -Xmn500m -XX:MaxTenuringThreshold=0 -cp cloudshift-cli/target/cloudshift.jar \
 *       bench/TranslateBenchmark.java bench/out/estate-10000 [azure|aws|gcp] [runs]
 * </pre>
 */
import dev.cloudshift.core.cost.CostSection;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.translate.TerraformOutput;
import dev.cloudshift.core.translate.TerraformTranslator;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

public class TranslateBenchmark {
    public static void main(String[] a) {
        Plan plan = Planner.withDefaults().plan(Path.of(a[0]), a.length > 1 ? a[1] : "azure", List.of());
        var sizing = TerraformTranslator.sizing(CostSection.of(plan).estimate());
        com.sun.management.ThreadMXBean thread = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int runs = a.length > 2 ? Integer.parseInt(a[2]) : 3;
        for (int i = 0; i < runs; i++) {
            long cpu0 = thread.getCurrentThreadCpuTime();
            long alloc0 = thread.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            TerraformOutput out = TerraformTranslator.translate(plan, sizing);
            long t1 = System.nanoTime();
            long cpu = thread.getCurrentThreadCpuTime() - cpu0;
            long alloc = thread.getCurrentThreadAllocatedBytes() - alloc0;
            long bytes = out.files().values().stream().mapToLong(String::length).sum();
            System.out.printf("%d resource instances: translate + render %d ms wall, %d ms CPU, %d MB allocated, %d files, %d KB, "
                    + "%d TODOs%n", plan.resources().size(), (t1 - t0) / 1000000, cpu / 1000000, alloc / 1000000,
                    out.files().size(), bytes / 1000, out.todos().size());
        }
    }
}
