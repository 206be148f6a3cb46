package miicbot;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import miicbot.store.DataKey;
import miicbot.store.PostgresConversationStore;
import miicbot.store.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A DATABASE_URL whose password holds {@code +}, {@code %2B}, {@code @} and {@code :} connects to the real
 * PostgreSQL, with password authentication switched on for that role (the test server trusts everyone else).
 */
@Timeout(120)
class DatabaseUrlPasswordTest {
    // The password itself: a plus, a colon and an at sign. The URL writes the second plus as %2B.
    private static final String PASSWORD = "p+w+d:1@x";
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static PostgresServer server;
    static String database;

    @BeforeAll
    static void startWithAPasswordRole() throws Exception {
        server = PostgresServer.start();
        database = server.newDatabase();
        try (Connection c = DriverManager.getConnection(database, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("CREATE ROLE pwuser LOGIN PASSWORD '" + PASSWORD + "'");
            s.execute("GRANT ALL ON SCHEMA public TO pwuser");
            String name = database.substring(database.lastIndexOf('/') + 1, database.indexOf('?'));
            s.execute("GRANT ALL ON DATABASE " + name + " TO pwuser");
            s.execute("ALTER DATABASE " + name + " OWNER TO pwuser");
            ResultSet hba = s.executeQuery("SHOW hba_file");
            hba.next();
            Path file = Path.of(hba.getString(1));
            // The first matching line wins: this role must give its password, everyone else stays trusted.
            Files.writeString(file, "host all pwuser 127.0.0.1/32 scram-sha-256\n" + Files.readString(file));
            s.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ProductionConfig.Database fromUrl(String password) {
        String name = database.substring(database.lastIndexOf('/') + 1, database.indexOf('?'));
        return ProductionConfig.fromEnv(Map.of("BOT_DATA_KEY", KEY, "DATABASE_URL",
                "postgresql://pwuser:" + password + "@127.0.0.1:" + server.port() + "/" + name)).database();
    }

    private static void openAndQuery(ProductionConfig.Database db) {
        try (PostgresConversationStore store = PostgresConversationStore.open(db.jdbcUrl(), db.user(), db.password(),
                DataKey.of(java.util.Base64.getDecoder().decode(KEY), "test"), Clock.systemUTC(), 1)) {
            assertTrue(store.load(1).isEmpty());
        }
    }

    @Test
    void thePasswordWithPlusEscapedPlusAtAndColonConnects() {
        ProductionConfig.Database db = fromUrl("p+w%2Bd:1%40x");
        assertEquals(PASSWORD, db.password());
        openAndQuery(db);
        // The same with the @ written as is: the host starts after the last @.
        openAndQuery(fromUrl("p+w%2Bd:1@x"));
    }

    @Test
    void aWrongPasswordIsRefusedSoTheCheckAboveMeansSomething() {
        // Form decoding turned each + into a space: that password must not get in.
        ProductionConfig.Database formDecoded = new ProductionConfig.Database(fromUrl("x").jdbcUrl(), "pwuser",
                "p w d:1@x");
        assertThrows(RuntimeException.class, () -> openAndQuery(formDecoded));
    }
}
