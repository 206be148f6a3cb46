package miicbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import miicbot.telegram.fake.FakeBotApi;

/**
 * Makes the bot's AOT cache (JDK 25, {@code -XX:AOTCacheOutput}) with a training run that ends by itself: the jar
 * starts against the fake Bot API on 127.0.0.1, scripted parents go through the whole interview (typed answers,
 * taps, review, PDF), then SIGTERM ends the bot and the JVM writes the cache on the way out: the classes loaded and
 * linked and the method profiles of a real interview, not only of a start. The Dockerfile runs this to build the
 * image's cache; {@code LoadBench --aot true} runs it before measuring.
 *
 * <pre>java -cp test-classes:classes:deps miicbot.bench.AotTraining OUT.aot [--jar JAR] [--java JAVA]
 *     [--jvm "FLAGS"] [--parents 40]</pre>
 *
 * The flags must be the run's (the cache records the GC, compact headers, the class path); the data folder is a
 * temporary one, removed at the end.
 */
public final class AotTraining {
    /** Parents of the training run: enough for the form and every step to get hot, few enough for a build step. */
    static final int PARENTS = 40;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: AotTraining OUT.aot [--jar JAR] [--java JAVA] [--jvm FLAGS] [--parents N]");
            System.exit(2);
        }
        Path cache = Path.of(args[0]);
        String jar = "target/miic-privacy-bot.jar";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jvm = "";
        int parents = PARENTS;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--jar" -> jar = args[i + 1];
                case "--java" -> java = args[i + 1];
                case "--jvm" -> jvm = args[i + 1];
                case "--parents" -> parents = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        train(java, jvm, Path.of(jar), cache, parents);
    }

    /** Runs the training and returns when the cache is written; throws when the run or the cache fails. */
    static void train(String java, String jvm, Path jar, Path cache, int parents) throws Exception {
        Path data = Files.createTempDirectory("aot-training");
        long started = System.nanoTime();
        try (FakeBotApi api = new FakeBotApi()) {
            List<LoadBench.Step> steps = LoadBench.interview(2);
            LoadBench.Driver driver = new LoadBench.Driver(api, steps, 1, parents, false, 0);
            api.onCall(driver::onCall);
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(LoadBench.flags(jvm));
            command.addAll(List.of("-XX:AOTCacheOutput=" + cache.toAbsolutePath(), "-jar", jar.toString()));
            Path log = data.resolve("training.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "TELEGRAM_API_URL", api.url(),
                    "DATA_DIR", data.resolve("bot").toString(), "CHAT_PACE_PER_SECOND", "10000"));
            Files.deleteIfExists(cache);
            Process bot = builder.start();
            try {
                api.awaitCall(c -> c.method().equals("getupdates"), Duration.ofSeconds(60));
                driver.start();
                if (!driver.done.await(300, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("training: " + driver.completed.get() + " of " + parents
                            + " parents finished in 300 s");
                }
                bot.destroy(); // SIGTERM: the JVM writes the cache as it exits (a child JVM assembles it)
                if (!bot.waitFor(300, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("training: the bot did not exit within 300 s of SIGTERM");
                }
            } finally {
                if (bot.isAlive()) {
                    bot.destroyForcibly();
                }
            }
            if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                throw new IllegalStateException("training made no AOT cache; its output:\n" + Files.readString(log));
            }
            System.out.printf("AOT cache %s: %.1f MB, trained by %d parents x 2 children (%d updates, %d Bot API"
                    + " calls) in %.1f s%n", cache, Files.size(cache) / 1e6, parents, driver.updates.get(),
                    api.botCalls(), (System.nanoTime() - started) / 1e9);
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private AotTraining() {
    }
}
