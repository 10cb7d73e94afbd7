package dev.cloudshift.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {

    @TempDir
    Path root;

    private void touch(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void findsEveryInputKindAndSkipsToolDirectories() throws IOException {
        touch("infra/main.tf", "");
        touch("infra/modules/network/main.tf", "");
        touch("infra/prod.tfvars", "");
        touch("infra/.terraform/modules/x/main.tf", "");
        touch("node_modules/pkg/docker-compose.yml", "services: {}");
        touch("docker-compose.yml", "services: {}");
        touch("docker-compose.prod.yml", "services: {}");
        touch(".env", "A=1");
        touch(".env.example", "A=changeme");
        touch("state/tfplan-prod.json", "{\"format_version\":\"1.2\",\"terraform_version\":\"1.7.5\"}");
        touch("package.json", "{\"name\":\"app\"}");
        touch("build/generated.tf", "");

        ProjectFiles f = ProjectFiles.scan(root);

        assertThat(f.terraformRoots()).containsExactly(root.resolve("infra"));
        assertThat(f.terraformFiles().stream().map(f::relative)).containsExactly("infra/main.tf", "infra/modules/network/main.tf");
        assertThat(f.tfvarsFiles().stream().map(f::relative)).containsExactly("infra/prod.tfvars");
        assertThat(f.terraformJson().stream().map(f::relative)).containsExactly("state/tfplan-prod.json");
        assertThat(f.composeFiles().stream().map(f::relative)).containsExactly("docker-compose.prod.yml", "docker-compose.yml");
        assertThat(f.dotenvFiles().stream().map(f::relative)).containsExactly(".env");
        assertThat(f.isEmpty()).isFalse();
    }

    @Test
    void sideBySideRootModulesAreEachARoot() throws IOException {
        touch("live/dev/main.tf", "");
        touch("live/prod/main.tf", "");
        touch("live/prod/sub/extra.tf", "");

        ProjectFiles f = ProjectFiles.scan(root);

        assertThat(f.terraformRoots()).containsExactly(root.resolve("live/dev"), root.resolve("live/prod"));
    }

    @Test
    void environmentWordsInFileNames() {
        assertThat(EnvironmentNames.fromFileName("tfplan-production.json")).contains("prod");
        assertThat(EnvironmentNames.fromFileName("staging.state.json")).contains("staging");
        assertThat(EnvironmentNames.fromFileName("terraform-state.json")).isEmpty();
        assertThat(List.of("prod", "zeta", "dev", "default", "staging", "alpha").stream().sorted(EnvironmentNames.ORDERING).toList())
                .containsExactly("default", "dev", "staging", "prod", "alpha", "zeta");
    }
}
