package miicbot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import miicbot.telegram.BotSettings;
import miicbot.telegram.WebhookRegistration;
import miicbot.web.WebhookRoute;
import org.junit.jupiter.api.Test;

/** Every type that holds a secret (token, webhook secret, database password) prints it hidden. */
class SecretsAreMaskedTest {
    private static final String TOKEN = "123456:AAHtokensecretTOKENSECRET";
    private static final String WEBHOOK_SECRET = "webhook-secret-WEBHOOKSECRET";
    private static final String PASSWORD = "db-password-DBPASSWORD";

    @Test
    void theWholeConfigurationPrintsNoSecret() {
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "BOT_MODE", "webhook",
                "WEBHOOK_URL", "https://bot.example.org/telegram/hook", "WEBHOOK_SECRET", WEBHOOK_SECRET,
                "DATABASE_URL", "postgresql://bot:" + PASSWORD + "@db.example.org:5432/miic",
                "BOT_DATA_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        hidesSecrets(Config.fromEnv(env).toString());
        ProductionConfig production = ProductionConfig.fromEnv(env);
        hidesSecrets(production.toString());
        assertTrue(production.toString().contains("db.example.org"), "what is not secret is still shown");
    }

    @Test
    void theAdaptersSettingsPrintNoSecret() {
        hidesSecrets(new BotSettings(TOKEN, URI.create("http://127.0.0.1:8081"), 50, 1, 16, true,
                Path.of("heartbeat")).toString());
        hidesSecrets(new WebhookRegistration(URI.create("https://bot.example.org/hook"), WEBHOOK_SECRET, 16)
                .toString());
        String route = new WebhookRoute("/hook", WEBHOOK_SECRET, body -> WebhookRoute.Receipt.APPLIED).toString();
        hidesSecrets(route);
        assertTrue(route.contains("/hook"), route);
    }

    private static void hidesSecrets(String printed) {
        for (String secret : new String[] {TOKEN, "tokensecret", WEBHOOK_SECRET, PASSWORD}) {
            assertFalse(printed.contains(secret), "printed a secret: " + printed);
        }
        assertTrue(printed.contains("hidden") || printed.contains("(none)"), printed);
    }
}
