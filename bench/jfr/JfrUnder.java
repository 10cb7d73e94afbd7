import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
// samples whose stack contains a[1]; aggregate by the chain of cloudshift frames below it (depth a[2]) and self method
/**
 * The execution samples whose stack holds one method, grouped by the cloudshift frames below it, and their top frames:
 * {@code java bench/jfr/JfrUnder.java plan.jfr dev.cloudshift.core.translate.TerraformTranslator.translate 3}.
 */
public class JfrUnder {
  public static void main(String[] a) throws Exception {
    Map<String, Integer> chain = new HashMap<>(), self = new HashMap<>(); int depth = Integer.parseInt(a[2]); int n = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
      List<RecordedFrame> fr = e.getStackTrace().getFrames(); int at = -1;
      for (int i = fr.size() - 1; i >= 0; i--) if (nm(fr.get(i)).equals(a[1])) { at = i; break; }
      if (at < 0) continue; n++;
      StringBuilder sb = new StringBuilder(); int k = 0;
      for (int i = at - 1; i >= 0 && k < depth; i--) { String m = nm(fr.get(i)); if (m.startsWith("dev.cloudshift")) { sb.append(m.replaceAll("^dev\\.cloudshift\\.[a-z]+\\.", "")).append(" > "); k++; } }
      chain.merge(sb.toString(), 1, Integer::sum); self.merge(nm(fr.get(0)), 1, Integer::sum);
    }
    System.out.println("samples " + n);
    chain.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(40).forEach(en -> System.out.println(en.getValue() + " " + en.getKey()));
    System.out.println("-- self");
    self.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(25).forEach(en -> System.out.println(en.getValue() + " " + en.getKey()));
  }
  static String nm(RecordedFrame f) { return f.getMethod().getType().getName() + "." + f.getMethod().getName(); }
}
