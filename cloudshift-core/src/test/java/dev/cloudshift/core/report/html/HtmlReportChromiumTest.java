package dev.cloudshift.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders plan.html of an example estate in headless Chromium (Debian package {@code chromium}; CI installs it in
 * .ci/run) and checks that the page is not blank and that no request left it: Chromium runs behind a local
 * "proxy" (a socket on 127.0.0.1 that records every connection) with loopback not bypassed, so any fetch, to
 * any address, would reach it. A control page that does fetch an image proves the trap catches requests.
 * Chromium itself talks to a few Google service hosts whatever the page (component updater, account and time
 * checks, which no switch turns off in this build); those {@link #BROWSER_SERVICE_HOSTS} are not requests of the
 * page and are set aside. The static test in HtmlReportWriterTest checks that the HTML names no URL at all.
 * Not skipped when Chromium is missing: it fails and says how to install it.
 */
class HtmlReportChromiumTest {

    /** Hosts Chromium contacts on its own, whatever page it shows. */
    static final Set<String> BROWSER_SERVICE_HOSTS = Set.of("accounts.google.com", "update.googleapis.com",
            "clients1.google.com", "clients2.google.com", "redirector.gvt1.com", "edgedl.me.gvt1.com",
            "optimizationguide-pa.googleapis.com", "safebrowsing.googleapis.com", "content-autofill.googleapis.com");

    private static final Path OUT = Path.of("target", "html-report");
    private static ServerSocket proxy;
    private static final List<String> connections = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startProxyTrap() throws IOException {
        proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!proxy.isClosed()) {
                try (Socket s = proxy.accept()) {
                    s.setSoTimeout(2000);
                    connections.add(firstLine(s.getInputStream()));
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // closed at the end of the test class, or a client that went away
                }
            }
        }, "proxy-trap");
        t.setDaemon(true);
        t.start();
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void stopProxyTrap() throws IOException {
        proxy.close();
    }

    @Test
    void examplePlanRendersInChromiumWithoutAnyRequest() throws Exception {
        String html = new HtmlReportWriter().render(ExamplePlans.of("aws-container-platform", "azure"));
        Path page = OUT.resolve("aws-container-platform-to-azure.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path png = OUT.resolve("aws-container-platform-to-azure.png");
        Files.deleteIfExists(png);

        connections.clear();
        chromium("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,2000", page.toUri().toString());
        String dom = chromium("--dump-dom", page.toUri().toString());

        assertThat(pageRequests()).as("requests that left the page (through the proxy trap)").isEmpty();
        assertThat(png).as("screenshot written by chromium").exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        double share = (double) nonWhite / ((long) image.getWidth() * image.getHeight());
        assertThat(share).as("share of non-white pixels in the screenshot").isGreaterThan(0.08);
        assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(200);
        // the inline script ran under the page's Content-Security-Policy, and the content is in the DOM
        assertThat(dom).contains("<body class=\"js\">").contains("aws_db_instance.main").contains("Migration strategy");
    }

    @Test
    void theTrapCatchesAPageThatFetches() throws Exception {
        Path page = OUT.resolve("control-fetches-an-image.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><p>control</p>"
                + "<img src=\"http://cloudshift-control.invalid/pixel.png\"></body></html>", StandardCharsets.UTF_8);
        connections.clear();
        chromium("--dump-dom", page.toUri().toString());
        assertThat(pageRequests()).as("the control page's image request reaches the proxy trap")
                .anySatisfy(r -> assertThat(r).contains("cloudshift-control.invalid"));
    }

    /** The trapped requests, without Chromium's own calls to its service hosts. */
    private static List<String> pageRequests() {
        List<String> out = new ArrayList<>();
        synchronized (connections) {
            for (String line : connections) {
                if (!BROWSER_SERVICE_HOSTS.contains(host(line))) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /** The host of a proxy request line: {@code CONNECT host:443 HTTP/1.1} or {@code GET http://host/path HTTP/1.1}. */
    static String host(String requestLine) {
        String[] parts = requestLine.split(" ");
        if (parts.length < 2) {
            return "";
        }
        String target = parts[1];
        int scheme = target.indexOf("://");
        if (scheme >= 0) {
            target = target.substring(scheme + 3);
        }
        int end = target.length();
        for (char c : new char[] {'/', ':', '?'}) {
            int i = target.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return target.substring(0, end);
    }

    /** Runs chromium headless with the proxy trap and a fresh profile; returns its stdout. */
    private static String chromium(String... args) throws Exception {
        String exe = findChromium();
        Path profile = Files.createTempDirectory("cloudshift-chromium");
        try {
            List<String> cmd = new ArrayList<>(List.of(exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-default-apps", "--disable-extensions", "--hide-scrollbars",
                    "--user-data-dir=" + profile.toAbsolutePath(),
                    "--proxy-server=http://127.0.0.1:" + proxy.getLocalPort(), "--proxy-bypass-list=<-loopback>"));
            cmd.addAll(List.of(args));
            Path stdout = Files.createTempFile("chromium", ".out");
            Path stderr = Files.createTempFile("chromium", ".err");
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("chromium did not finish within 60 s: " + String.join(" ", cmd));
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            assertThat(p.exitValue()).as("chromium exit code; stderr:%n%s", err).isZero();
            return out;
        } finally {
            deleteTree(profile);
        }
    }

    private static String findChromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        fail("chromium is not installed: this test renders plan.html in headless Chromium. Install it with "
                + "`apt-get update && apt-get install -y chromium` (.ci/run does this on CI machines).");
        return null;
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && sb.length() < 300) {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
