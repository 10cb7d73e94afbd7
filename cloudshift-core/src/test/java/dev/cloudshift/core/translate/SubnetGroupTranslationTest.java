package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.hcl.ast.Block;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Azure Database for PostgreSQL and Cloud SQL translated to RDS (and their Redis caches translated to ElastiCache) get
 * a subnet group over the translated subnets
 * (the database's own subnet first, the subnets spread over availability zones) and a security group, both referenced
 * from the aws_db_instance; a network with a single subnet is a TODO, not a silent one-zone group.
 */
class SubnetGroupTranslationTest {

    @Test
    void azurePostgresGetsASubnetGroupOverTwoZonesAndASecurityGroup() {
        GeneratedTerraform tf = GeneratedTerraform.of(Path.of("..", "examples", "azure-webapp"), "aws");
        tf.assertValid();
        Block db = tf.resource("aws_db_instance", "main");
        assertThat(tf.text(db, "db_subnet_group_name")).isEqualTo("aws_db_subnet_group.main.name");
        assertThat(tf.text(db, "vpc_security_group_ids")).isEqualTo("[aws_security_group.main_db.id]");
        // the delegated subnet of the flexible server first, then the other subnet of the virtual network
        assertThat(tf.text(tf.resource("aws_db_subnet_group", "main"), "subnet_ids")).isEqualTo("[aws_subnet.db.id, aws_subnet.apps.id]");
        assertThat(tf.text(tf.resource("aws_subnet", "db"), "availability_zone"))
                .isEqualTo("element(data.aws_availability_zones.available.names, 0)");
        assertThat(tf.text(tf.resource("aws_subnet", "apps"), "availability_zone"))
                .isEqualTo("element(data.aws_availability_zones.available.names, 1)");
        assertThat(tf.file("providers.tf")).contains("data \"aws_availability_zones\" \"available\"");
        Block ingress = tf.resource("aws_security_group", "main_db").body().blocks("ingress").get(0);
        assertThat(tf.text(ingress, "from_port")).isEqualTo("5432");
        assertThat(tf.text(ingress, "cidr_blocks")).isEqualTo("[aws_vpc.main.cidr_block]");
        assertThat(tf.output.todos()).noneSatisfy(t -> assertThat(t.reason()).contains("DB subnet group covering two availability zones"));
        // the cache too: in the translated network (not the account's default VPC), behind its own security group
        Block cache = tf.resource("aws_elasticache_replication_group", "main");
        assertThat(tf.text(cache, "subnet_group_name")).isEqualTo("aws_elasticache_subnet_group.main.name");
        assertThat(tf.text(cache, "security_group_ids")).isEqualTo("[aws_security_group.main_redis.id]");
        assertThat(tf.text(tf.resource("aws_elasticache_subnet_group", "main"), "subnet_ids")).isEqualTo("[aws_subnet.apps.id, aws_subnet.db.id]");
    }

    @Test
    void cloudSqlOnASingleSubnetNetworkIsATodo() {
        GeneratedTerraform tf = GeneratedTerraform.of(Path.of("..", "examples", "gcp-service"), "aws");
        tf.assertValid();
        assertThat(tf.text(tf.resource("aws_db_instance", "main"), "db_subnet_group_name")).isEqualTo("aws_db_subnet_group.main.name");
        assertThat(tf.text(tf.resource("aws_db_subnet_group", "main"), "subnet_ids")).isEqualTo("[aws_subnet.main.id]");
        assertThat(tf.output.todos()).anySatisfy(t -> {
            assertThat(t.address()).isEqualTo("google_sql_database_instance.main");
            assertThat(t.reason()).contains("two availability zones", "aws_subnet.main");
            assertThat(t.file()).isEqualTo("data.tf");
        });
    }
}
