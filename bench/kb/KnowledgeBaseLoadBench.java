import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.kb.MappingResult;
import dev.cloudshift.core.kb.TypeInfo;
import dev.cloudshift.core.model.Resource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark of the knowledge base (run by bench/kb-load.sh, not a test): first load in a fresh JVM
 * (class loading included), repeated loads of the same catalog once warm, and normalise + map of 10,000
 * resources. Prints one line per figure.
 */
public class KnowledgeBaseLoadBench {

    public static void main(String[] args) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double loadAverage = os.getSystemLoadAverage();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        KnowledgeBase kb = KnowledgeBase.load();
        long cold = System.nanoTime() - t0;
        long coldCpu = os.getProcessCpuTime() - cpu0;
        int types = kb.types("aws").size() + kb.types("azure").size() + kb.types("gcp").size() + kb.types("compose").size();
        System.out.printf("machine load average at start: %.1f on %d cores%n", loadAverage, os.getAvailableProcessors());
        System.out.printf("first load (fresh JVM, classpath): %.1f ms wall, %.1f ms process CPU (all threads, JIT included), %d types%n",
                cold / 1e6, coldCpu / 1e6, types);

        Path catalog = Path.of(args.length > 0 ? args[0] : "cloudshift-core/target/classes/catalog");
        int rounds = 20;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            KnowledgeBase.loadFrom(catalog);
            best = Math.min(best, System.nanoTime() - s);
        }
        System.out.printf("reload once warm (best of %d): %.1f ms%n", rounds, best / 1e6);

        List<Resource> resources = new ArrayList<>();
        List<TypeInfo> all = new ArrayList<>(kb.types("aws"));
        all.addAll(kb.types("azure"));
        all.addAll(kb.types("gcp"));
        for (int i = 0; i < 10_000; i++) {
            TypeInfo t = all.get(i % all.size());
            resources.add(new Resource(t.type() + ".r" + i, t.type(), t.provider(), null, "prod", null,
                    Map.of("engine", "postgres", "instance_class", "db.m5.large", "allocated_storage", new BigDecimal("100"),
                            "node_type", "cache.m5.large", "cidr_block", "10.0.0.0/16"), null, null));
        }
        int mapped = 0;
        long s = System.nanoTime();
        for (Resource r : resources) {
            Resource n = kb.normalise(r);
            for (String target : KnowledgeBase.TARGETS) {
                if (kb.map(n, target) instanceof MappingResult.Mapped) {
                    mapped++;
                }
            }
        }
        long all10k = System.nanoTime() - s;
        System.out.printf("normalise + map to 3 clouds, 10,000 resources: %.1f ms (%d mapped results)%n", all10k / 1e6, mapped);
    }
}
