package dev.cloudshift.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.model.ConfigChange;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import dev.cloudshift.core.plan.InputFile;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlanSection;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.TargetMapping;
import dev.cloudshift.core.report.PlanFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static final Pattern ELEMENT = Pattern.compile("<\\s*([a-zA-Z][a-zA-Z0-9:-]*)");
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(src|href|xlink:href|action|formaction|poster|srcset|data|background|ping)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^)'\"]*)", Pattern.CASE_INSENSITIVE);

    private static Plan example;
    private static String html;

    @BeforeAll
    static void render() {
        example = ExamplePlans.of("aws-container-platform", "azure");
        html = new HtmlReportWriter().render(example);
    }

    @Test
    void everySectionHeadingAndEveryResourceAddressIsThere() {
        List<String> headings = new ArrayList<>(List.of("Overview", "Architecture before and after", "Current inventory",
                "Service mapping", "Environment differences", "Configuration changes", "Unmapped resources", "Warnings"));
        for (PlanSection s : example.sections()) {
            headings.add(s.title());
        }
        assertThat(headings).contains("Cost", "Migration strategy", "Phases, effort and timeline", "Risks",
                "Rollback and decision points", "Validation checklists", "Environment specification");
        for (String h : headings) {
            assertThat(html).as("section heading %s", h).contains("<h2>" + HtmlText.text(h) + "</h2>");
        }
        for (PlannedResource r : example.resources()) {
            assertThat(html).as("resource %s", r.address()).contains(HtmlText.code(r.address()));
        }
        for (ConfigChange c : example.configChanges()) {
            assertThat(html).contains(HtmlText.code(c.key()));
        }
        // one architecture drawing before and one after per environment, cost charts and the Gantt chart
        assertThat(count(html, "<svg class=\"diagram\"")).isEqualTo(2 * example.environments().size());
        assertThat(html).contains("<svg class=\"chart gantt\"").contains("Monthly cost per environment");
        assertThat(html).contains("Azure Database for PostgreSQL"); // a target label on the after drawing
        // every table row has as many cells as its header
        assertThat(count(html, "<table")).isEqualTo(count(html, "</table>")).isGreaterThan(20);
    }

    @Test
    void thePageRequestsNothing() {
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\""
                + "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">");
        Matcher m = REFERENCE.matcher(html);
        while (m.find()) {
            String v = m.group(2).replaceAll("^[\"']|[\"']$", "").trim();
            assertThat(v).as("reference %s", m.group()).matches("#.*|data:.*");
        }
        Matcher u = CSS_URL.matcher(html);
        while (u.find()) {
            assertThat(u.group(1)).as("CSS url(%s)", u.group(1)).startsWith("#");
        }
        assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("@import").doesNotContain("@font-face")
                .doesNotContain("<link").doesNotContain("<iframe").doesNotContain("<img").doesNotContain("<object")
                .doesNotContain("<embed").doesNotContain("fetch(").doesNotContain("xmlhttprequest");
        assertThat(count(html, "<script")).as("only the one inline script").isEqualTo(1);
        assertThat(html).doesNotContain("<script src");
    }

    @Test
    void outputIsDeterministic() {
        assertThat(new HtmlReportWriter().render(ExamplePlans.of("aws-container-platform", "azure"))).isEqualTo(html);
        assertThat(PlanFormat.parse("html")).contains(PlanFormat.HTML);
        assertThat(PlanFormat.HTML.fileName()).isEqualTo("plan.html");
    }

    @Test
    void markupInNamesStaysText() {
        String evil = "<script>alert('x')</script>";
        Resource db = new Resource("aws_db_instance." + evil, "aws_db_instance", "aws", "database", "prod\"><b>",
                Map.of("engine", "postgres</td>", "storage_gb", 20), Map.of(), List.of("aws_vpc.<img src=x onerror=alert(1)>"),
                new SourcePosition("main.tf", 1, 1));
        Resource vpc = new Resource("aws_vpc.<img src=x onerror=alert(1)>", "aws_vpc", "aws", "network", "prod\"><b>",
                Map.of(), Map.of(), List.of(), new SourcePosition("main.tf", 9, 1));
        Plan plan = new Plan("proj<style>", List.of("aws"), "azure", List.of("prod\"><b>"),
                List.of(new InputFile("main.tf", InputFile.Kind.TERRAFORM)),
                List.of(new PlannedResource(db, "RDS <PostgreSQL>", new TargetMapping.Mapped("Azure <Database>",
                                List.of("azurerm_<x>"), List.of("note with `code` and <tag>"), List.of(), null)),
                        new PlannedResource(vpc, "VPC", new TargetMapping.Unmapped("because </table>"))),
                List.of(new ConfigChange("prod\"><b>", ".env", "DB_<URL>", "a&b", "<new>", "why <not>")),
                List.of(new Diagnostic("x.tf", 2, 3, "bad <token>")),
                List.of(new TextSection()));
        String out = new HtmlReportWriter().render(plan);
        assertThat(out).doesNotContain(evil).doesNotContain("<img").doesNotContain("<b>").doesNotContain("</td>\"")
                .doesNotContain("<tag>").doesNotContain("<style>\n<").doesNotContain("proj<style>");
        assertThat(out).contains("aws_db_instance.&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("aws_vpc.&lt;img src=x onerror=alert(1)&gt;").contains("prod&quot;&gt;&lt;b&gt;")
                .contains("note with `code` and &lt;tag&gt;").contains("<code class=\"nb\">DB_&lt;URL&gt;</code>").contains("because &lt;/table&gt;")
                .contains("&lt;script&gt;section value&lt;/script&gt;");
        assertThat(count(out, "<script")).isEqualTo(1);
        List<String> elements = new ArrayList<>();
        Matcher m = ELEMENT.matcher(out);
        while (m.find()) {
            elements.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(elements).doesNotContain("img", "b", "tag", "x", "new", "not", "token");
        // no runbook sections: the page says so instead of drawing a Gantt chart
        assertThat(out).contains("no runbook phases yet").doesNotContain("class=\"chart gantt\"");
    }

    @Test
    void absentOptionalSectionsAreHandled() {
        Plan bare = new Plan("empty", List.of(), "gcp", List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        String out = new HtmlReportWriter().render(bare);
        assertThat(out).contains("<h2>Overview</h2>").contains("<h2>Warnings</h2>").contains("no runbook phases yet")
                .doesNotContain("<h2>Cost</h2>").doesNotContain("<svg");
        // a section without start/end days is laid end to end from its durations
        List<GanttChart.Bar> bars = RunbookHtml.bars(List.of(Map.of("name", "A", "duration_days", 3),
                Map.of("name", "B", "duration_days", 2)));
        assertThat(bars).extracting(GanttChart.Bar::start).containsExactly(0.0, 3.0);
        assertThat(bars).extracting(GanttChart.Bar::end).containsExactly(3.0, 5.0);
    }

    @Test
    void plantedSecretsOfTheProjectNeverAppear() {
        Plan plan = ExamplePlans.of(Path.of("src", "test", "golden", "inline-mixed-inputs", "input"), "azure");
        String out = new HtmlReportWriter().render(plan);
        assertThat(out).contains("<h2>Configuration changes</h2>")
                .doesNotContain("golden-fake-password-1").doesNotContain("golden-fake-json-password");
    }

    @Test
    void diagramGroupsCountedInstancesAndMarksUnmappedResources() {
        assertThat(ArchitectureDiagram.base("module.network.aws_subnet.private[2]")).isEqualTo("module.network.aws_subnet.private");
        assertThat(ArchitectureDiagram.base("aws_ecs_service.service[\"backend\"]")).isEqualTo("aws_ecs_service.service[\"backend\"]");
        assertThat(ArchitectureDiagram.shortName("module.db.aws_db_instance.main")).isEqualTo("aws_db_instance.main");
        assertThat(ArchitectureDiagram.shortName("module.a.aws_x.y[\"k.z\"]")).isEqualTo("aws_x.y[\"k.z\"]");
        assertThat(ArchitectureDiagram.middle("aws_iam_role_policy_attachment.task", 22)).hasSize(22).startsWith("aws_iam_ro")
                .endsWith("ment.task");
        Resource web = new Resource("aws_instance.web[0]", "aws_instance", "aws", "compute", "prod", Map.of(), Map.of(),
                List.of("aws_s3_bucket.data"), null);
        Resource web1 = new Resource("aws_instance.web[1]", "aws_instance", "aws", "compute", "prod", Map.of(), Map.of(),
                List.of("aws_s3_bucket.data"), null);
        Resource bucket = new Resource("aws_s3_bucket.data", "aws_s3_bucket", "aws", "storage", "prod", Map.of(), Map.of(),
                List.of(), null);
        TargetMapping vm = new TargetMapping.Mapped("Compute Engine", List.of("google_compute_instance"), List.of(), List.of(), null);
        List<PlannedResource> rs = List.of(new PlannedResource(web, "EC2", vm), new PlannedResource(web1, "EC2", vm),
                new PlannedResource(bucket, "S3", new TargetMapping.Unmapped("no")));
        String before = ArchitectureDiagram.svg(rs, false, "before");
        String after = ArchitectureDiagram.svg(rs, true, "after");
        assertThat(count(before, "<g class=\"node")).isEqualTo(2);
        assertThat(before).contains("aws_instance.web ×2").doesNotContain("unmapped");
        assertThat(count(before, "class=\"edge\"")).as("both instances share one edge to the bucket").isEqualTo(1);
        assertThat(after).contains("Compute Engine").contains("node cat-storage unmapped").contains("no equivalent");
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** A later stage's section this writer has no layout for. */
    private static final class TextSection implements PlanSection {
        @Override
        public String key() {
            return "translation";
        }

        @Override
        public String title() {
            return "Target <Terraform>";
        }

        @Override
        public Object toJson() {
            return List.of(Map.of("file", "main.tf", "note", "<script>section value</script>"));
        }

        @Override
        public String toMarkdown() {
            return "x\n";
        }
    }
}
