package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.HclParser;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.Expr;
import dev.cloudshift.hcl.ast.FunctionCallExpr;
import dev.cloudshift.hcl.ast.TupleExpr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose services to ECS Fargate (rule compose-to-aws/compose_app.yaml and the ecs_container hook): the task
 * definition's container document is a jsonencode() call over an HCL tuple, its settings that point at other services
 * are references to their translation, every secret of the compose environment reaches the container through Secrets
 * Manager (valueFrom) and never as a value, and a service that publishes a port gets an ALB.
 */
class EcsFargateTranslationTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "compose-backend");

    @Test
    void theExampleBecomesFargateServicesWithReferencesAndSecretsFromSecretsManager() throws IOException {
        GeneratedTerraform tf = GeneratedTerraform.of(EXAMPLE, "aws");
        tf.assertValid();

        Block task = tf.resource("aws_ecs_task_definition", "app");
        Expr defs = task.body().attribute("container_definitions").expr();
        assertThat(defs).isInstanceOfSatisfying(FunctionCallExpr.class, c -> {
            assertThat(c.name()).isEqualTo("jsonencode");
            assertThat(c.args()).singleElement().isInstanceOf(TupleExpr.class);
        });
        assertThat(tf.text(task, "requires_compatibilities")).isEqualTo("[\"FARGATE\"]");
        assertThat(tf.text(task, "network_mode")).isEqualTo("\"awsvpc\"");
        assertThat(tf.text(task, "execution_role_arn")).isEqualTo("aws_iam_role.ecs_task_execution.arn");
        String doc = tf.text(task, "container_definitions");
        assertThat(doc).contains("image     = var.app_image", "containerPort = 8000",
                "\"awslogs-group\"         = aws_cloudwatch_log_group.app.name",
                "command  = [\"CMD\", \"curl\", \"-fsS\", \"http://localhost:8000/healthz\"]");
        // the Redis host is the ElastiCache endpoint (TLS: rediss), not the compose service name
        assertThat(doc).contains("{ name = \"REDIS_URL\", value = \"rediss://${aws_elasticache_replication_group.redis.primary_endpoint_address}:6379/0\" }");
        assertThat(doc).doesNotContain("redis://redis", "@postgres:");
        // DATABASE_URL holds the password: a Secrets Manager secret built from the RDS instance's address and password variable
        assertThat(doc).contains("{ name = \"DATABASE_URL\", valueFrom = aws_secretsmanager_secret.database_url.arn }");
        assertThat(tf.text(tf.resource("aws_secretsmanager_secret_version", "database_url"), "secret_string")).isEqualTo(
                "\"postgresql://${aws_db_instance.postgres.username}:${urlencode(var.rds_password_postgres)}"
                        + "@${aws_db_instance.postgres.address}:5432/orders\"");
        // the app's POSTGRES_PASSWORD is the secret the database's rule stores, not a copy
        assertThat(doc).contains("{ name = \"POSTGRES_PASSWORD\", valueFrom = aws_secretsmanager_secret.postgres_password.arn }");
        // settings that differ by environment live in the tfvars, per environment
        assertThat(doc).contains("[for name, value in var.app_environment : { name = name, value = value }]");
        assertThat(tf.file("prod.tfvars")).contains("DJANGO_SETTINGS_MODULE = \"orders.settings.prod\"", "GUNICORN_WORKERS       = \"4\"");
        assertThat(tf.file("default.tfvars")).contains("DJANGO_SETTINGS_MODULE = \"orders.settings.dev\"")
                .doesNotContain("GUNICORN_WORKERS");

        // every .env key reaches both containers through valueFrom, and the execution role may read exactly those secrets
        List<String> envKeys = dotenvKeys(EXAMPLE.resolve(".env"));
        String workerDoc = tf.text(tf.resource("aws_ecs_task_definition", "worker"), "container_definitions");
        String policy = tf.text(tf.resource("aws_iam_role_policy", "ecs_task_execution_secrets"), "policy");
        Matcher arn = Pattern.compile("valueFrom = (aws_secretsmanager_secret\\.[a-z_]+\\.arn)").matcher(doc + workerDoc);
        int secrets = 0;
        while (arn.find()) {
            assertThat(policy).contains(arn.group(1));
            secrets++;
        }
        assertThat(secrets).isGreaterThanOrEqualTo(2 * envKeys.size());
        for (String key : envKeys) {
            assertThat(doc).contains("{ name = \"" + key + "\", valueFrom = ");
            assertThat(workerDoc).contains("{ name = \"" + key + "\", valueFrom = ");
        }
        // no value of the .env file appears in any generated file, whatever its key
        for (String value : dotenvValues(EXAMPLE.resolve(".env"))) {
            assertThat(tf.all()).as("the .env value of length %d", value.length()).doesNotContain(value);
        }

        // sizes and counts per environment from deploy.resources / replicas through the sizing table
        assertThat(tf.file("prod.tfvars")).containsPattern("app_cpu +\\= \"1024\"").containsPattern("app_memory +\\= \"2048\"")
                .containsPattern("app_desired_count +\\= 3").containsPattern("worker_desired_count +\\= 4");
        assertThat(tf.file("default.tfvars")).containsPattern("app_cpu +\\= \"512\"").containsPattern("app_memory +\\= \"1024\"");

        // the app publishes port 8000: ALB, target group of type ip with the health check path, listener, service wiring
        Block service = tf.resource("aws_ecs_service", "app");
        assertThat(tf.text(service, "desired_count")).isEqualTo("var.app_desired_count");
        assertThat(tf.text(service, "depends_on")).isEqualTo("[aws_lb_listener.app]");
        Block lb = service.body().blocks("load_balancer").get(0);
        assertThat(tf.text(lb, "target_group_arn")).isEqualTo("aws_lb_target_group.app.arn");
        assertThat(tf.text(lb, "container_port")).isEqualTo("8000");
        Block tg = tf.resource("aws_lb_target_group", "app");
        assertThat(tf.text(tg, "target_type")).isEqualTo("\"ip\"");
        assertThat(tf.text(tg.body().blocks("health_check").get(0), "path")).isEqualTo("\"/healthz\"");
        assertThat(tf.text(tf.resource("aws_lb_listener", "app"), "load_balancer_arn")).isEqualTo("aws_lb.app.arn");
        assertThat(tf.text(tf.resource("aws_security_group", "app").body().blocks("ingress").get(0), "security_groups"))
                .isEqualTo("[aws_security_group.app_lb.id]");
        // both services build their image: each gets an ECR repository to push it to
        assertThat(tf.text(tf.resource("aws_ecr_repository", "worker"), "image_tag_mutability")).isEqualTo("\"IMMUTABLE\"");
        assertThat(tf.file("outputs.tf")).contains("output \"app_repository_url\"", "output \"worker_repository_url\"");
        // the worker publishes nothing: no load balancer
        assertThat(tf.has("aws_lb", "worker")).isFalse();
        assertThat(tf.resource("aws_ecs_service", "worker").body().blocks("load_balancer")).isEmpty();

        // the databases sit in the private subnets behind their own security groups
        Block db = tf.resource("aws_db_instance", "postgres");
        assertThat(tf.text(db, "db_subnet_group_name")).isEqualTo("aws_db_subnet_group.postgres.name");
        assertThat(tf.text(db, "vpc_security_group_ids")).isEqualTo("[aws_security_group.postgres.id]");
        assertThat(tf.text(tf.resource("aws_db_subnet_group", "postgres"), "subnet_ids"))
                .isEqualTo("[aws_subnet.private_a.id, aws_subnet.private_b.id]");
        // ... admitting the security groups of the services that use them, not the whole VPC
        Block dbIngress = tf.resource("aws_security_group", "postgres").body().blocks("ingress").get(0);
        assertThat(tf.text(dbIngress, "security_groups")).isEqualTo("[aws_security_group.app.id, aws_security_group.worker.id]");
        assertThat(dbIngress.body().attribute("cidr_blocks")).isNull();
        assertThat(tf.text(tf.resource("aws_elasticache_replication_group", "redis"), "subnet_group_name"))
                .isEqualTo("aws_elasticache_subnet_group.redis.name");
        assertThat(tf.text(tf.resource("aws_iam_role_policy_attachment", "ecs_task_execution"), "policy_arn"))
                .isEqualTo("\"arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\"");
    }

    @Test
    void aSecretWrittenInTheComposeFileNeverReachesTheOutput(@TempDir Path dir) throws IOException {
        String planted = "planted-ecs-token-5d1f0a";
        GeneratedTerraform.write(dir, Map.of(".env", "FEATURE_FLAGS=\n", "docker-compose.yml", """
                services:
                  api:
                    image: ghcr.io/acme/api:2.1.0
                    command: node server.js --port 3000
                    ports:
                      - "3000:3000"
                    env_file: .env
                    environment:
                      API_TOKEN: %s
                      LOG_LEVEL: info
                      CACHE_HOST: cache
                      QUEUE_NAME: cache
                    healthcheck:
                      test: curl -f http://localhost:3000/health
                      interval: 30s
                    depends_on:
                      - cache
                  cache:
                    image: redis:7.2
                """.formatted(planted)));
        GeneratedTerraform tf = GeneratedTerraform.of(dir, "aws");
        tf.assertValid();
        assertThat(tf.all()).doesNotContain(planted);
        assertThat(tf.has("aws_ecr_repository", "api")).as("a pulled image needs no repository").isFalse();
        String doc = tf.text(tf.resource("aws_ecs_task_definition", "api"), "container_definitions");
        assertThat(doc).contains("{ name = \"API_TOKEN\", valueFrom = aws_secretsmanager_secret.api_token.arn }");
        assertThat(tf.text(tf.resource("aws_secretsmanager_secret_version", "api_token"), "secret_string"))
                .isEqualTo("var.secret_api_token");
        assertThat(tf.file("variables.tf")).containsPattern("variable \"secret_api_token\" \\{[^}]*sensitive   = true");
        // an empty .env value hides nothing: an empty setting, not "<empty>"
        assertThat(doc).contains("{ name = \"FEATURE_FLAGS\", value = \"\" }").doesNotContain("<empty>");
        // a service name is a host under a host-like key only
        assertThat(doc).contains("{ name = \"QUEUE_NAME\", value = \"cache\" }");
        assertThat(doc).contains("{ name = \"LOG_LEVEL\", value = \"info\" }",
                "{ name = \"CACHE_HOST\", value = aws_elasticache_replication_group.cache.primary_endpoint_address }");
        // a string command is split into words; a string health check runs in a shell
        assertThat(doc).contains("command   = [\"node\", \"server.js\", \"--port\", \"3000\"]",
                "command  = [\"CMD-SHELL\", \"curl -f http://localhost:3000/health\"]", "interval = 30");
        assertThat(tf.text(tf.resource("aws_lb_target_group", "api").body().blocks("health_check").get(0), "path"))
                .isEqualTo("\"/health\"");
        for (String f : tf.output.files().keySet()) {
            assertThat(HclParser.parse(f, tf.file(f)).diagnostics()).isEmpty();
        }
    }

    @Test
    void aMysqlServiceBecomesRdsAndItsConnectionUrlASecretOverTheInstance(@TempDir Path dir) throws IOException {
        GeneratedTerraform.write(dir, Map.of(".env", "MYSQL_PASSWORD=planted-mysql-pass-93e1\n", "docker-compose.yml", """
                services:
                  shop:
                    image: ghcr.io/acme/shop:1.0.0
                    environment:
                      DATABASE_URL: mysql://shop:${MYSQL_PASSWORD}@db:3306/shop
                      MYSQL_PASSWORD: ${MYSQL_PASSWORD}
                    depends_on:
                      - db
                  db:
                    image: mysql:8.0
                    environment:
                      MYSQL_DATABASE: shop
                      MYSQL_USER: shop
                      MYSQL_PASSWORD: ${MYSQL_PASSWORD}
                """));
        GeneratedTerraform tf = GeneratedTerraform.of(dir, "aws");
        tf.assertValid();
        assertThat(tf.all()).doesNotContain("planted-mysql-pass-93e1");
        Block db = tf.resource("aws_db_instance", "db");
        assertThat(tf.text(db, "engine")).isEqualTo("\"mysql\"");
        assertThat(tf.text(db, "engine_version")).isEqualTo("\"8.0\"");
        assertThat(tf.text(db, "username")).isEqualTo("\"shop\"");
        assertThat(tf.text(db, "password")).isEqualTo("var.rds_password_db");
        assertThat(tf.text(tf.resource("aws_secretsmanager_secret_version", "database_url"), "secret_string")).isEqualTo(
                "\"mysql://${aws_db_instance.db.username}:${urlencode(var.rds_password_db)}@${aws_db_instance.db.address}:3306/shop\"");
        String doc = tf.text(tf.resource("aws_ecs_task_definition", "shop"), "container_definitions");
        assertThat(doc).contains("{ name = \"MYSQL_PASSWORD\", valueFrom = aws_secretsmanager_secret.db_password.arn }");
        // no published port: no load balancer, and the service is not wired to one
        assertThat(tf.has("aws_lb", "shop")).isFalse();
        assertThat(tf.text(tf.resource("aws_security_group", "db").body().blocks("ingress").get(0), "from_port")).isEqualTo("3306");
    }

    @Test
    void aPortPublishedInOneEnvironmentOnlyGetsItsLoadBalancerAndATodoForThePortMapping(@TempDir Path dir) throws IOException {
        GeneratedTerraform.write(dir, Map.of("docker-compose.yml", """
                services:
                  web:
                    image: ghcr.io/acme/web:1.0.0
                """, "docker-compose.prod.yml", """
                services:
                  web:
                    ports:
                      - "8080:8080"
                """));
        GeneratedTerraform tf = GeneratedTerraform.of(dir, "aws");
        tf.assertValid();
        assertThat(tf.has("aws_lb", "web")).as("the ALB exists where the port is published").isTrue();
        Block service = tf.resource("aws_ecs_service", "web");
        Block dynamic = service.body().blocks("dynamic").get(0);
        assertThat(dynamic.label(0)).isEqualTo("load_balancer");
        assertThat(tf.text(dynamic, "for_each")).contains("? [1] : []");
        assertThat(tf.text(tf.resource("aws_ecs_task_definition", "web"), "container_definitions")).doesNotContain("portMappings");
        assertThat(tf.output.todos()).anySatisfy(t -> {
            assertThat(t.address()).isEqualTo("compose.web");
            assertThat(t.reason()).startsWith("portMappings (in an argument value of aws_ecs_task_definition.web)");
        });
    }

    private static List<String> dotenvKeys(Path env) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(env)) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                out.add(line.substring(0, line.indexOf('=')).trim());
            }
        }
        return out;
    }

    private static List<String> dotenvValues(Path env) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(env)) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                out.add(line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return out;
    }
}
