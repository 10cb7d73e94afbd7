import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
/**
 * Allocation samples of a JFR recording (weights in MB): by stage, by type and by the first cloudshift frame:
 * {@code java bench/jfr/JfrAllocations.java plan.jfr 3} (the last argument is the stage depth).
 */
public class JfrAllocations {
  public static void main(String[] a) throws Exception {
    Map<String, Long> stage = new HashMap<>(); Map<String, Long> type = new HashMap<>(); Map<String, Long> site = new HashMap<>();
    long total = 0;
    int depth = Integer.parseInt(a.length > 1 ? a[1] : "3");
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
      if (!e.getEventType().getName().equals("jdk.ObjectAllocationSample")) continue;
      long w = e.getLong("weight"); total += w;
      type.merge(e.getClass("objectClass").getName(), w, Long::sum);
      RecordedStackTrace st = e.getStackTrace(); if (st == null) continue;
      List<RecordedFrame> fr = st.getFrames();
      StringBuilder sb = new StringBuilder(); int k = 0;
      for (int i = fr.size() - 1; i >= 0 && k < depth; i--) { String m = fr.get(i).getMethod().getType().getName() + "." + fr.get(i).getMethod().getName();
        if (m.contains("cloudshift") && !m.contains(".cli.")) { sb.append(m.replace("dev.cloudshift.", "")).append(" > "); k++; } }
      stage.merge(sb.toString(), w, Long::sum);
      String s = ""; for (RecordedFrame f : fr) { String m = f.getMethod().getType().getName() + "." + f.getMethod().getName(); if (m.contains("cloudshift")) { s = m + ":" + f.getLineNumber(); break; } }
      site.merge(s, w, Long::sum);
    }
    System.out.println("total MB " + total / 1_000_000);
    pr("STAGE", stage, 40); pr("TYPE", type, 15); pr("SITE", site, 40);
  }
  static void pr(String t, Map<String, Long> m, int k) { System.out.println("== " + t); m.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(k).forEach(en -> System.out.println(en.getValue() / 1_000_000 + " MB " + en.getKey())); }
}
