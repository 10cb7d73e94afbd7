package dev.cloudshift.data.copy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcEndpointTest {

    @Test
    void redactsUserInfoAndPasswordParameters() {
        assertThat(JdbcEndpoint.redact("jdbc:mariadb://bob:s3cret@db.example:3306/shop?sslMode=trust"))
                .isEqualTo("jdbc:mariadb://***@db.example:3306/shop?sslMode=trust")
                .doesNotContain("s3cret");
        assertThat(JdbcEndpoint.redact("jdbc:postgresql://h:5432/app?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/app?user=u&password=***&ssl=true");
        assertThat(JdbcEndpoint.redact("jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=***;MODE=PostgreSQL");
    }

    @Test
    void mysqlUrlsArePermittedForTheMariaDbDriver() {
        assertThat(JdbcEndpoint.of("jdbc:mysql://h:3306/shop").driverUrl()).isEqualTo("jdbc:mysql://h:3306/shop?permitMysqlScheme");
        assertThat(JdbcEndpoint.of("jdbc:mysql://h/shop?useSSL=false").driverUrl())
                .isEqualTo("jdbc:mysql://h/shop?useSSL=false&permitMysqlScheme");
        assertThat(JdbcEndpoint.of("jdbc:mariadb://h/shop").driverUrl()).isEqualTo("jdbc:mariadb://h/shop");
    }

    @Test
    void locationNamesHostPortAndDatabaseOnly() {
        assertThat(new JdbcEndpoint("jdbc:postgresql://db.internal:6543/orders?password=s3cret", "u", "p").location())
                .isEqualTo("db.internal:6543/orders");
        assertThat(new JdbcEndpoint("jdbc:mariadb://bob:s3cret@db:3306/shop", null, null).location())
                .isEqualTo("db:3306/shop");
        assertThat(JdbcEndpoint.of("jdbc:sqlite:/data/app.db").location()).isEqualTo("jdbc:sqlite:/data/app.db");
        assertThat(new JdbcEndpoint("jdbc:postgresql://h/db", "u", "s3cret").toString()).doesNotContain("s3cret");
    }
}
