package dev.cloudshift.data.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsOnSemicolonsOutsideQuotesAndComments() throws Exception {
        List<SqlScript.Statement> s = SqlScript.split("""
                -- first; not a split
                SELECT 'a;b' AS x;
                /* block;
                   comment */ SELECT "semi;colon" FROM t;

                SELECT $$dollar;quoted$$, 'it''s;';
                SELECT 1""");
        assertThat(s).extracting(SqlScript.Statement::sql).containsExactly(
                "SELECT 'a;b' AS x",
                "SELECT \"semi;colon\" FROM t",
                "SELECT $$dollar;quoted$$, 'it''s;'",
                "SELECT 1");
        assertThat(s).extracting(SqlScript.Statement::line).containsExactly(2, 4, 6, 7);
    }

    @Test
    void unterminatedQuoteNamesTheLine() {
        assertThatThrownBy(() -> SqlScript.split("SELECT 1;\nSELECT 'oops"))
                .isInstanceOf(VerifyUsageException.class).hasMessageStartingWith("2: expected ' to close");
    }

    @Test
    void orderByCountsOnlyAtTopLevel() {
        assertThat(SqlScript.hasTopLevelOrderBy("SELECT a FROM t ORDER BY a")).isTrue();
        assertThat(SqlScript.hasTopLevelOrderBy("select a from t\norder\n by a desc")).isTrue();
        assertThat(SqlScript.hasTopLevelOrderBy("SELECT row_number() OVER (ORDER BY a) FROM t")).isFalse();
        assertThat(SqlScript.hasTopLevelOrderBy("SELECT * FROM (SELECT a FROM t ORDER BY a) x")).isFalse();
        assertThat(SqlScript.hasTopLevelOrderBy("SELECT 'order by' FROM t")).isFalse();
    }

    @Test
    void databaseAddressNeverCarriesCredentials() {
        DatabaseAddress a = DatabaseAddress.of("jdbc:postgresql://db.example.com:6543/shop?user=bob&password=s3cret");
        assertThat(a.describe()).isEqualTo("postgresql database \"shop\" at db.example.com:6543");
        DatabaseAddress m = DatabaseAddress.of("jdbc:mariadb://bob:s3cret@10.0.0.5/app?sslMode=trust");
        assertThat(m.describe()).isEqualTo("mysql database \"app\" at 10.0.0.5:3306").doesNotContain("s3cret");
        assertThat(DatabaseAddress.of("jdbc:sqlite:/tmp/x.db").describe()).isEqualTo("sqlite database /tmp/x.db");
        assertThat(DatabaseAddress.of("jdbc:h2:file:/tmp/h;USER=sa;PASSWORD=pw").describe())
                .isEqualTo("h2 database /tmp/h");
    }
}
