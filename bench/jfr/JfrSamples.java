import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

/**
 * Execution samples of a JFR recording: per thread, the hottest methods (self and inclusive), the samples by stage (the
 * first cloudshift frames from the root), and with {@code timeline} the stage the main thread is in over time.
 *
 * <pre>
 *   java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC \
 *       -XX:StartFlightRecording:filename=plan.jfr,settings=profile,jdk.ExecutionSample#period=1ms,jdk.ObjectAllocationSample#throttle=5000/s \
 *       -jar cloudshift-cli/target/cloudshift.jar plan bench/out/estate-10000 --to azure --out /tmp/x
 *   java bench/jfr/JfrSamples.java plan.jfr timeline main 2      # MODE THREAD-PREFIX STAGE-DEPTH
 * </pre>
 */
public class JfrSamples {
  public static void main(String[] a) throws Exception {
    String mode = a.length > 1 ? a[1] : "all";
    Map<String, Integer> threads = new TreeMap<>();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> incl = new HashMap<>();
    Map<String, Integer> stage = new HashMap<>();
    TreeMap<Long, String> timeline = new TreeMap<>();
    long t0 = Long.MAX_VALUE;
    List<RecordedEvent> evs = RecordingFile.readAllEvents(Path.of(a[0]));
    for (RecordedEvent e : evs) t0 = Math.min(t0, e.getStartTime().toEpochMilli());
    String filter = a.length > 2 ? a[2] : null;
    int n = 0;
    for (RecordedEvent e : evs) {
      String type = e.getEventType().getName();
      if (type.equals("jdk.GarbageCollection")) {
        System.out.printf("GC %s at %d ms, %d ms%n", e.getString("name"), e.getStartTime().toEpochMilli() - t0, e.getDuration().toMillis());
        continue;
      }
      if (!type.equals("jdk.ExecutionSample")) continue;
      RecordedThread th = e.getThread("sampledThread");
      String tn = th == null ? "?" : th.getJavaName();
      threads.merge(tn, 1, Integer::sum);
      if (filter != null && !tn.startsWith(filter)) continue;
      n++;
      RecordedStackTrace st = e.getStackTrace();
      if (st == null) continue;
      List<RecordedFrame> fr = st.getFrames();
      if (fr.isEmpty()) continue;
      String top = name(fr.get(0));
      self.merge(top, 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      String stg = null;
      for (int i = fr.size() - 1; i >= 0; i--) {
        String m = name(fr.get(i));
        if (seen.add(m)) incl.merge(m, 1, Integer::sum);
      }
      // stage: deepest-from-root cloudshift frame at depth after Main / Plan command
      StringBuilder sb = new StringBuilder();
      int k = 0;
      for (int i = fr.size() - 1; i >= 0 && k < Integer.parseInt(a.length > 3 ? a[3] : "4"); i--) {
        String m = name(fr.get(i));
        if (m.contains("cloudshift") && !m.contains("picocli") && !m.contains(".cli.")) { sb.append(m.replace("dev.cloudshift.", "")).append(" > "); k++; }
      }
      stage.merge(sb.toString(), 1, Integer::sum);
      if (tn.equals("main")) timeline.put(e.getStartTime().toEpochMilli() - t0, sb.toString());
    }
    System.out.println("threads: " + threads);
    System.out.println("samples (filtered): " + n);
    print("SELF", self, 35);
    print("INCL", incl, 60);
    print("STAGE", stage, 40);
    if (mode.equals("timeline")) {
      String last = null; long lastT = 0;
      for (var en : timeline.entrySet()) {
        String s = en.getValue(); String key = s.split(" > ")[0];
        if (!key.equals(last)) { System.out.println(en.getKey() + " ms: " + key); last = key; }
      }
    }
  }
  static String name(RecordedFrame f) { return f.getMethod().getType().getName() + "." + f.getMethod().getName(); }
  static void print(String t, Map<String, Integer> m, int k) {
    System.out.println("== " + t);
    m.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(k).forEach(en -> System.out.println(en.getValue() + " " + en.getKey()));
  }
}
