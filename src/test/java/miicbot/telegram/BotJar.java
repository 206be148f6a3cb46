package miicbot.telegram;

import java.io.IOException;
import java.nio.file.Path;
import miicbot.telegram.fake.FakeBotApi;

/** The packaged bot as a real process on the fake Bot API, for the tests that kill it. */
final class BotJar {
    private BotJar() {
    }

    /** Starts {@code target/miic-privacy-bot.jar} with its data in {@code dir/data} and its log in {@code dir/bot.log}. */
    static Process start(FakeBotApi api, Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", Path.of("target", "miic-privacy-bot.jar").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("bot.log").toFile()));
        builder.environment().put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        builder.environment().put("TELEGRAM_API_URL", api.url());
        builder.environment().put("DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("CHAT_PACE_PER_SECOND", "1000");
        return builder.start();
    }
}
