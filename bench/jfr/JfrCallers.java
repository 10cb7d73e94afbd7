import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
/**
 * Who calls a method in the execution samples, per thread:
 * {@code java bench/jfr/JfrCallers.java plan.jfr java.util.HashMap.getNode 4} (the last argument is the depth shown).
 */
public class JfrCallers {
  public static void main(String[] a) throws Exception {
    Map<String, Integer> m = new HashMap<>(); int depth = Integer.parseInt(a[2]);
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
      List<RecordedFrame> fr = e.getStackTrace().getFrames();
      for (int i = 0; i < fr.size(); i++) {
        String n = fr.get(i).getMethod().getType().getName() + "." + fr.get(i).getMethod().getName();
        if (n.equals(a[1])) { StringBuilder sb = new StringBuilder(e.getThread("sampledThread").getJavaName() + ": ");
          for (int j = i + 1; j < Math.min(fr.size(), i + 1 + depth); j++) sb.append(fr.get(j).getMethod().getType().getName().replaceAll(".*\\.", "") + "." + fr.get(j).getMethod().getName() + ":" + fr.get(j).getLineNumber() + " < ");
          m.merge(sb.toString(), 1, Integer::sum); break; }
      }
    }
    m.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(25).forEach(en -> System.out.println(en.getValue() + " " + en.getKey()));
  }
}
