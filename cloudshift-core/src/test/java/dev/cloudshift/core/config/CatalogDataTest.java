package dev.cloudshift.core.config;

import dev.cloudshift.core.ingest.compose.ComposeImageCatalog;
import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The data files are complete and consistent with each other. */
class CatalogDataTest {

    static final List<String> TARGETS = List.of("azure", "aws", "gcp");
    static final Set<String> CONTRACT_COMPOSE_TYPES = Set.of("compose_postgres", "compose_mysql", "compose_mariadb", "compose_mssql",
            "compose_mongo", "compose_redis", "compose_memcached", "compose_kafka", "compose_zookeeper", "compose_rabbitmq", "compose_nats",
            "compose_elasticsearch", "compose_opensearch", "compose_minio", "compose_nginx", "compose_traefik", "compose_app");

    @ParameterizedTest
    @CsvSource({
            "postgres:16-alpine, compose_postgres", "docker.io/library/postgres:15, compose_postgres", "postgis/postgis:16-3.4, compose_postgres",
            "bitnami/postgresql:16, compose_postgres", "public.ecr.aws/docker/library/postgres:16, compose_postgres",
            "mysql:8.0, compose_mysql", "mariadb:11, compose_mariadb", "mcr.microsoft.com/mssql/server:2022-latest, compose_mssql",
            "mongo:7, compose_mongo", "redis:7-alpine, compose_redis", "redis/redis-stack:latest, compose_redis",
            "valkey/valkey:8, compose_redis", "bitnami/redis:7.2, compose_redis", "memcached:1.6, compose_memcached",
            "confluentinc/cp-kafka:7.6.0, compose_kafka", "bitnami/kafka:3.7, compose_kafka", "apache/kafka:3.7.0, compose_kafka",
            "zookeeper:3.9, compose_zookeeper", "confluentinc/cp-zookeeper:7.6.0, compose_zookeeper", "rabbitmq:3-management, compose_rabbitmq",
            "nats:2.10, compose_nats", "docker.elastic.co/elasticsearch/elasticsearch:8.13.0, compose_elasticsearch",
            "elasticsearch:8.13.0, compose_elasticsearch", "opensearchproject/opensearch:2, compose_opensearch",
            "minio/minio:RELEASE.2024-01-01T00-00-00Z, compose_minio", "quay.io/minio/minio, compose_minio", "nginx:1.25, compose_nginx",
            "traefik:v3.0, compose_traefik", "ghcr.io/acme/shop-api:1.2.3, compose_app", "localhost:5000/postgres-exporter:1, compose_app",
            "prometheuscommunity/postgres-exporter, compose_app"})
    void imagesToComposeTypes(String image, String type) {
        assertThat(ComposeImageCatalog.defaults().typeOf(image)).isEqualTo(type);
    }

    @Test
    void composeTypesAreTheContractsOnes() {
        Set<String> types = new TreeSet<>();
        ComposeImageCatalog.defaults().types().forEach(t -> types.add(t.type()));
        types.add(ComposeImageCatalog.APP_TYPE);
        assertThat(CONTRACT_COMPOSE_TYPES).containsAll(types);
    }

    @Test
    void everyEndpointKindHasARulePerTarget() {
        EndpointPatterns p = EndpointPatterns.defaults();
        EndpointDetector d = new EndpointDetector(p);
        ConfigRules rules = ConfigRules.defaults();
        Set<String> kinds = new TreeSet<>(p.schemes().values());
        kinds.addAll(p.ports().values());
        p.resourceKinds().values().stream().filter(k -> k.kind() != null).forEach(k -> kinds.add(k.kind()));
        p.engineValues().forEach(e -> kinds.add(e.kind()));
        kinds.removeAll(Set.of("nats")); // no managed NATS anywhere: left to the mapping's notes
        for (String kind : kinds) {
            for (String target : TARGETS) {
                boolean native_ = (kind.equals("s3") && target.equals("aws")) || (kind.equals("gcs") && target.equals("gcp"))
                        || (kind.equals("azure_blob") && target.equals("azure"));
                if (!native_) {
                    assertThat(rules.ruleFor(kind, target, null)).as(kind + " on " + target).isPresent();
                }
            }
        }
        assertThat(d.patterns().keys()).isNotEmpty();
        assertThat(rules.secretReferences().keySet()).containsExactlyInAnyOrderElementsOf(TARGETS);
        rules.rules().forEach(r -> {
            assertThat(TARGETS).contains(r.target());
            assertThat(r.reason()).as(r.kinds() + " " + r.target()).isNotBlank();
            assertThat(r.host() != null || r.endpoint() != null).isTrue();
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DATABASE_URL|postgres://app@db:5432/app|postgres|url|db|5432",
            "SPRING_DATASOURCE_URL|jdbc:postgresql://db:5432/app|postgres|url|db|5432",
            "JDBC_URL|jdbc:sqlserver://sql:1433;databaseName=app|sqlserver|url|sql|1433",
            "MONGO_URI|mongodb+srv://cluster0.example.net/app|mongodb|url|cluster0.example.net|-1",
            "CELERY_BROKER_URL|amqp://rabbit:5672//|amqp|url|rabbit|5672",
            "CACHE_URL|rediss://c.redis.cache.windows.net:6380|redis|url|c.redis.cache.windows.net|6380",
            "DB_HOST|db|database|host|db|-1",
            "PGHOST|pg.internal|postgres|host|pg.internal|-1",
            "DB_PORT|5432|database|port||5432",
            "REDIS_HOST|shop.abc.ng.0001.euw1.cache.amazonaws.com|redis|host|shop.abc.ng.0001.euw1.cache.amazonaws.com|-1",
            "KAFKA_BOOTSTRAP_SERVERS|b-1.x.kafka.eu-west-1.amazonaws.com:9092,b-2.x.kafka.eu-west-1.amazonaws.com:9092|kafka|bootstrap|b-1.x.kafka.eu-west-1.amazonaws.com|9092",
            "SPRING_KAFKA_BOOTSTRAP_SERVERS|kafka:9092|kafka|bootstrap|kafka|9092",
            "ELASTICSEARCH_URL|http://search:9200|elasticsearch|url|search|9200",
            "S3_BUCKET|uploads|s3|bucket|uploads|-1",
            "BUCKET_NAME|uploads|object_storage|bucket|uploads|-1",
            "AWS_ENDPOINT_URL_S3|http://minio:9000|s3|endpoint|minio|9000",
            "SMTP_HOST|smtp.sendgrid.net|smtp|host|smtp.sendgrid.net|-1",
            "WHATEVER|db.abc.eu-west-1.rds.amazonaws.com:5432|database|hostport|db.abc.eu-west-1.rds.amazonaws.com|5432",
            "EVENTS|ns.servicebus.windows.net:9093|kafka|hostport|ns.servicebus.windows.net|9093"})
    void endpointsAreRecognised(String key, String value, String kind, String role, String host, int port) {
        Endpoint e = EndpointDetector.defaults().detect(new ConfigEntry("default", SourcePosition.ofFile(".env"), null, key, value, false, value))
                .orElseThrow(() -> new AssertionError(key + " not recognised"));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.role()).isEqualTo(role);
        assertThat(e.host()).isEqualTo(host == null || host.isEmpty() ? null : host);
        assertThat(e.port()).isEqualTo(port);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"LOG_LEVEL|debug", "PORT|8080", "APP_NAME|shop", "FEATURE_URL_FLAG|true", "HOME_URL|https://example.com"})
    void ordinarySettingsAreNoEndpoints(String key, String value) {
        assertThat(EndpointDetector.defaults().detect(new ConfigEntry("default", SourcePosition.ofFile(".env"), null, key, value, false, value)))
                .as(key).isEmpty();
    }
}
