package dev.cloudshift.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentSourcesTest {

    static Resource res(String address) {
        return new Resource(address, "t", "aws", null, "x", null, null, List.of(), SourcePosition.ofFile("f"));
    }

    static ConfigEntry entry(String key) {
        return new ConfigEntry("x", SourcePosition.ofFile(".env"), null, key, null, true, "<redacted>");
    }

    @Test
    void terraformEnvironmentsAbsorbTheComposeAndDotenvDefaults() {
        EnvironmentSources s = new EnvironmentSources();
        s.source("terraform", true).add("dev", List.of(res("aws_vpc.dev")), List.of()).add("prod", List.of(res("aws_vpc.prod")), List.of());
        s.source("compose", false).add("default", List.of(res("compose.app")), List.of())
                .add("production", List.of(res("compose.app-prod")), List.of());
        s.source("dotenv", false).add("default", List.of(), List.of(entry("SECRET_KEY")));

        Map<String, SourceRead.Environment> envs = s.merge();

        assertThat(envs.keySet()).containsExactlyInAnyOrder("dev", "prod");
        assertThat(envs.get("dev").resources()).extracting(Resource::address).containsExactly("aws_vpc.dev", "compose.app");
        assertThat(envs.get("prod").resources()).extracting(Resource::address).containsExactly("aws_vpc.prod", "compose.app-prod");
        assertThat(envs.get("prod").resources()).extracting(Resource::environment).containsOnly("prod");
        assertThat(envs.get("dev").config()).extracting(ConfigEntry::key).containsExactly("SECRET_KEY");
        assertThat(envs.get("dev").config()).extracting(ConfigEntry::environment).containsOnly("dev");
    }

    @Test
    void aComposeProjectHasDefaultPlusItsOverrides() {
        EnvironmentSources s = new EnvironmentSources();
        s.source("compose", false).add("default", List.of(res("compose.app")), List.of()).add("prod", List.of(res("compose.app")), List.of());
        s.source("dotenv", false).add("default", List.of(), List.of(entry("A"))).add("prod", List.of(), List.of(entry("B")));

        Map<String, SourceRead.Environment> envs = s.merge();

        assertThat(envs.keySet()).containsExactlyInAnyOrder("default", "prod");
        assertThat(envs.get("default").config()).extracting(ConfigEntry::key).containsExactly("A");
        assertThat(envs.get("prod").config()).extracting(ConfigEntry::key).containsExactly("B");
    }

    @Test
    void terraformWithoutTfvarsAppliesToEveryEnvironment() {
        EnvironmentSources s = new EnvironmentSources();
        s.source("terraform", false).add("default", List.of(res("aws_s3_bucket.b")), List.of());
        s.source("compose", false).add("default", List.of(res("compose.app")), List.of()).add("staging", List.of(res("compose.app")), List.of());

        Map<String, SourceRead.Environment> envs = s.merge();

        assertThat(envs.keySet()).containsExactlyInAnyOrder("default", "staging");
        assertThat(envs.get("staging").resources()).extracting(Resource::address).containsExactly("aws_s3_bucket.b", "compose.app");
    }
}
