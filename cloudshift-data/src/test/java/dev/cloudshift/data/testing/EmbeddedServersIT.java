package dev.cloudshift.data.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.data.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedServersIT {

    @Test
    void everyKindGivesAFreshDatabaseThatStoresUnicode() throws Exception {
        List<TestDatabase> dbs = List.of(TestDatabases.newPostgresDatabase(), TestDatabases.newMariaDbDatabase(),
                TestDatabases.newSqliteFile(), TestDatabases.newH2());
        for (TestDatabase db : dbs) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE probe (id INT PRIMARY KEY, v VARCHAR(50))");
                try (PreparedStatement p = c.prepareStatement("INSERT INTO probe VALUES (?, ?)")) {
                    p.setInt(1, 1);
                    p.setString(2, "żółw 🐢");
                    p.executeUpdate();
                }
                try (ResultSet rs = s.executeQuery("SELECT v FROM probe")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as(db.kind()).isEqualTo("żółw 🐢");
                }
            }
        }
        // a second database of the same kind does not see the first one's table
        TestDatabase second = TestDatabases.newPostgresDatabase();
        try (Connection c = second.connect(); ResultSet rs = c.getMetaData().getTables(null, "public", "probe", null)) {
            assertThat(rs.next()).isFalse();
        }
        TestDatabase secondMy = TestDatabases.newMariaDbDatabase();
        try (Connection c = secondMy.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
