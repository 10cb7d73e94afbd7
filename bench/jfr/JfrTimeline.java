import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
/**
 * Execution samples per thread in time buckets, and the garbage collections, to see which threads keep the cores busy
 * when: {@code java bench/jfr/JfrTimeline.java plan.jfr 200} (bucket in milliseconds).
 */
public class JfrTimeline {
  public static void main(String[] a) throws Exception {
    List<RecordedEvent> evs = RecordingFile.readAllEvents(Path.of(a[0]));
    long t0 = evs.stream().mapToLong(e -> e.getStartTime().toEpochMilli()).min().getAsLong();
    int bucket = Integer.parseInt(a.length > 1 ? a[1] : "200");
    TreeMap<Long, Map<String, Integer>> m = new TreeMap<>();
    TreeMap<Long, String> stage = new TreeMap<>();
    for (RecordedEvent e : evs) {
      if (e.getEventType().getName().equals("jdk.GarbageCollection")) System.out.println("GC at " + (e.getStartTime().toEpochMilli() - t0) + " " + e.getDuration().toMillis() + " ms");
      if (e.getEventType().getName().equals("jdk.Compilation")) { m.computeIfAbsent((e.getStartTime().toEpochMilli() - t0) / bucket, k -> new TreeMap<>()).merge("JIT-ms", (int) e.getDuration().toMillis(), Integer::sum); continue; }
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
      String t = e.getThread("sampledThread").getJavaName();
      t = t.startsWith("ForkJoin") ? "FJ" : t.startsWith("Thread-") ? "T" : t.replace("cloudshift-", "");
      long b = (e.getStartTime().toEpochMilli() - t0) / bucket;
      m.computeIfAbsent(b, k -> new TreeMap<>()).merge(t, 1, Integer::sum);
    }
    for (var en : m.entrySet()) System.out.println(en.getKey() * bucket + " ms: " + en.getValue());
  }
}
