import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Runs {@code cloudshift} in-process (output discarded) and prints the CPU time of the main thread beside the CPU
 * time of the whole process. On a machine shared with other builds the wall time says little; the main thread's CPU
 * is the serial part of a run (what more cores cannot shorten), the process CPU is all the work. Give the JVM
 * options of the launcher on the command line:
 *
 * <pre>
 *   java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xms1g -Xmn500m -XX:MaxTenuringThreshold=0 -cp cloudshift-cli/target/cloudshift.jar \
 *       bench/PlanMainThreadCpu.java plan bench/out/estate-10000 --to azure --out bench/out/plan-10000
 * </pre>
 */
public final class PlanMainThreadCpu {

    public static void main(String[] args) {
        // measured from here: the source launcher's compilation of this file is not counted
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long mainBefore = threads.getCurrentThreadCpuTime();
        long processBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        PrintWriter discard = new PrintWriter(new StringWriter());
        int exit = dev.cloudshift.cli.Main.run(discard, discard, args);
        long wall = System.nanoTime() - start;
        System.out.printf("exit %d: %d ms wall, main thread CPU %d ms, process CPU %d ms (load %.2f)%n", exit,
                wall / 1_000_000, (threads.getCurrentThreadCpuTime() - mainBefore) / 1_000_000,
                (os.getProcessCpuTime() - processBefore) / 1_000_000, os.getSystemLoadAverage());
    }

    private PlanMainThreadCpu() {
    }
}
