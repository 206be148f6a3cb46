package miicbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import miicbot.engine.Dialog;
import miicbot.engine.Reply;
import miicbot.i18n.Language;
import miicbot.telegram.fake.FakeBotApi;

/**
 * Load benchmark: the packaged bot (a child JVM with the Dockerfile's flags) against the fake Bot API on 127.0.0.1,
 * driven by N simulated parents at once, each a full interview (taps where the bot offers the button, typing
 * elsewhere), each answering as soon as the bot has replied. Reports throughput, latency, CPU and memory. Run by
 * hand (surefire skips this package); docs/BENCHMARKS.md has the command and the latest numbers.
 *
 * <p>Options: --chats 500 --children 2 --latency-ms 0 --fault-rate 0 --rate429 0 --duration-s 600 --pace 10000
 * --jvm "-XX:MaxRAM=512m ..." (the JVM flags; default: the Dockerfile's, in a 512 MB container) --cds true (the
 * Dockerfile's class archive, made first by a training start as the Dockerfile does; false to start without).
 */
public final class LoadBench {
    private static final String DOCKER_FLAGS = "-XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+UseSerialGC -Xss512k";

    /** One parent's interview: the lines to send, and how many replies each brings. */
    private record Step(String line, int replies, boolean form) { }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int chats = Integer.parseInt(options.getOrDefault("chats", "500"));
        int children = Integer.parseInt(options.getOrDefault("children", "2"));
        long latency = Long.parseLong(options.getOrDefault("latency-ms", "0"));
        double faults = Double.parseDouble(options.getOrDefault("fault-rate", "0"));
        double rate429 = Double.parseDouble(options.getOrDefault("rate429", "0"));
        long duration = Long.parseLong(options.getOrDefault("duration-s", "600"));
        String jvm = options.getOrDefault("jvm", DOCKER_FLAGS);
        boolean cds = Boolean.parseBoolean(options.getOrDefault("cds", "true"));
        String pace = options.getOrDefault("pace", "10000"); // CHAT_PACE_PER_SECOND: 1 is production's
        List<Step> steps = interview(children);

        Path data = Files.createTempDirectory("load-bench");
        try (FakeBotApi api = new FakeBotApi()) {
            api.latency(Duration.ofMillis(latency));
            if (faults > 0) {
                api.failRate(faults, 3);
            }
            Driver driver = new Driver(api, steps, chats);
            api.onCall(driver::onCall);

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            if (cds) {
                jvm += " -XX:SharedArchiveFile=" + classArchive(java, data);
            }
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(Arrays.asList(jvm.trim().split(" +")));
            command.addAll(List.of("-jar", Path.of("target", "miic-privacy-bot.jar").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(data.resolve("bot.log").toFile());
            builder.environment().putAll(Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "TELEGRAM_API_URL", api.url(),
                    "DATA_DIR", data.toString(), "CHAT_PACE_PER_SECOND", pace));
            long launched = System.nanoTime();
            Process bot = builder.start();
            try {
                api.awaitCall(c -> c.method().equals("getupdates"), Duration.ofSeconds(30));
                long toPoll = (System.nanoTime() - launched) / 1_000_000;
                Thread.sleep(3_000); // warm-up done, nothing to do
                long idleRss = Proc.rssKb(bot.pid());
                double cpuBefore = Proc.cpuSeconds(bot.pid());

                int callsBefore = api.botCalls();
                long started = System.nanoTime();
                ScheduledRateLimits limits = new ScheduledRateLimits(api, rate429);
                driver.start();
                boolean finished = driver.done.await(duration, TimeUnit.SECONDS);
                limits.stop();
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpu = Proc.cpuSeconds(bot.pid()) - cpuBefore;
                long peakRss = Proc.peakRssKb(bot.pid());

                System.out.printf("machine: %d cores, %s; bot JVM flags: %s%n", Runtime.getRuntime()
                        .availableProcessors(), System.getProperty("java.vm.version"), jvm);
                System.out.printf("chats %d x %d children, fake API latency %d ms, fault rate %.2f, 429 rate %.3f%n",
                        chats, children, latency, faults, rate429);
                System.out.printf("start to first getUpdates: %d ms; idle RSS %.0f MB%n", toPoll, idleRss / 1024.0);
                System.out.printf("completed %d/%d chats in %.1f s%s%n", driver.completed.get(), chats, seconds,
                        finished ? "" : " (duration bound reached)");
                System.out.printf("updates: %d, %.0f updates/s sustained%n", driver.updates.get(),
                        driver.updates.get() / seconds);
                System.out.printf("reply latency (update pushed -> first reply), non-form steps: %s%n",
                        driver.replyLatency.summary());
                System.out.printf("form step latency (update pushed -> PDF received): %s; %.1f PDFs/s%n",
                        driver.formLatency.summary(), driver.forms.get() / seconds);
                System.out.printf("bot CPU: %.1f s (%.0f%% of one core); peak RSS %.0f MB%n", cpu,
                        100 * cpu / seconds, peakRss / 1024.0);
                System.out.printf("bot CPU per update (forms included): %.2f ms; Bot API calls per update: %.2f;"
                        + " pace %s a second%n", 1000 * cpu / driver.updates.get(),
                        (api.botCalls() - callsBefore) / (double) driver.updates.get(), pace);
                if (!finished) {
                    int[] state = driver.progress.get(1L);
                    System.out.printf("chat 1 waits at step %d (%s), %d replies seen; bot's last: %s%n", state[0],
                            steps.get(state[0]), state[1], api.lastMessage(1));
                }
                System.out.printf("errors: %d Bot API rule violations, %d chats unfinished%n",
                        api.violations().size(), chats - driver.completed.get());
                api.violations().stream().map(v -> v.replaceAll("\\d+", "N")).distinct().limit(5)
                        .forEach(v -> System.out.println("  violation: " + v));
            } finally {
                bot.destroy();
                bot.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The Dockerfile's AppCDS archive, made the same way: a training start of the jar against a Bot API that does
     * not answer, ended with SIGTERM once it waits, dumping the classes it loaded.
     */
    /** As the Dockerfile's {@code timeout 15}. */
    private static final java.time.Duration TRAINING = java.time.Duration.ofSeconds(15);

    private static Path classArchive(String java, Path data) throws Exception {
        Path archive = data.resolve("classes.jsa");
        Path training = Files.createDirectories(data.resolve("training"));
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:ArchiveClassesAtExit=" + archive, "-XX:+UseSerialGC",
                "-Xss512k", "-jar", Path.of("target", "miic-privacy-bot.jar").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(Map.of("TELEGRAM_BOT_TOKEN", "0:training",
                "TELEGRAM_API_URL", "http://127.0.0.1:9", "DATA_DIR", training.toString()));
        Process process = builder.start();
        // The start waits for the Bot API, retrying; by then the start-up classes are loaded. SIGTERM ends it, and
        // the JVM writes the archive on the way out.
        Thread.sleep(TRAINING.toMillis());
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS) || !Files.isRegularFile(archive)) {
            process.destroyForcibly();
            throw new IllegalStateException("the training start made no class archive");
        }
        return archive;
    }

    /** The interview for one parent, with each line's expected replies (from the engine itself). */
    private static List<Step> interview(int children) {
        // The short interview (issue 10): role, name, phone, address in one line; per child first and last names,
        // birth date, sex, request, confirm; the next child starts by typing its name; Finish at the end.
        List<String> lines = new ArrayList<>(List.of("hi", "I am the parent", "Maria Lopez", "651 555 0123",
                "1 Main St, St. Paul, MN 55101"));
        for (int i = 0; i < children; i++) {
            lines.addAll(List.of(i == 0 ? "Ana" : "Luis", "Garcia", "3/14/2019", i == 0 ? "Female" : "Male",
                    i % 2 == 0 ? "Opt out of MIIC" : "Decline reminders", "Looks right: make the form"));
        }
        lines.add("Finish");
        Dialog dialog = new Dialog(Language.EN);
        List<Step> steps = new ArrayList<>();
        for (String line : lines) {
            dialog.type(line);
            List<Reply> replies = dialog.last().replies();
            steps.add(new Step(line, replies.size(), replies.stream().anyMatch(Reply.SendForm.class::isInstance)));
        }
        return steps;
    }

    /** Plays every parent: sends a line, waits for its replies, sends the next. */
    private static final class Driver {
        final FakeBotApi api;
        final List<Step> steps;
        final int chats;
        final Map<Long, int[]> progress = new ConcurrentHashMap<>(); // chat -> {step, replies seen}
        final Map<Long, Long> pushedAt = new ConcurrentHashMap<>();
        final AtomicInteger updates = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger forms = new AtomicInteger();
        final Latencies replyLatency = new Latencies();
        final Latencies formLatency = new Latencies();
        final CountDownLatch done;

        Driver(FakeBotApi api, List<Step> steps, int chats) {
            this.api = api;
            this.steps = steps;
            this.chats = chats;
            this.done = new CountDownLatch(chats);
        }

        void start() {
            for (long chat = 1; chat <= chats; chat++) {
                progress.put(chat, new int[2]);
                send(chat, 0);
            }
        }

        void onCall(FakeBotApi.Call call) {
            boolean reply = call.status() == 200
                    && (call.method().equals("sendmessage") || call.method().equals("senddocument"));
            int[] state = progress.get(call.chatId());
            if (!reply || state == null) {
                return;
            }
            synchronized (state) {
                Step step = steps.get(state[0]);
                long elapsed = System.nanoTime() - pushedAt.get(call.chatId());
                if (state[1] == 0 && !step.form()) {
                    replyLatency.add(elapsed);
                }
                if (call.method().equals("senddocument")) {
                    formLatency.add(elapsed);
                    forms.incrementAndGet();
                }
                if (++state[1] < step.replies()) {
                    return;
                }
                state[0]++;
                state[1] = 0;
                if (state[0] == steps.size()) {
                    completed.incrementAndGet();
                    done.countDown();
                    return;
                }
            }
            send(call.chatId(), state[0]);
        }

        /** Taps the button whose label is the line when the bot's last message has one; types it otherwise. */
        private void send(long chat, int index) {
            String line = steps.get(index).line();
            pushedAt.put(chat, System.nanoTime());
            updates.incrementAndGet();
            FakeBotApi.BotMessage last = api.lastMessage(chat);
            if (last != null) {
                for (FakeBotApi.Button button : last.buttons()) {
                    if (button.label().equals(line)) {
                        api.pushTap(chat, chat, last.messageId(), button.data());
                        return;
                    }
                }
            }
            api.pushText(chat, chat, line, "en");
        }
    }

    /** Answers a share of sendMessage calls with 429 and a 1 s retry_after, spread over the run. */
    private static final class ScheduledRateLimits {
        private final Thread thread;

        ScheduledRateLimits(FakeBotApi api, double rate) {
            thread = new Thread(() -> {
                while (rate > 0 && !Thread.currentThread().isInterrupted()) {
                    int calls = api.botCalls();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                    int limited = (int) Math.round((api.botCalls() - calls) * rate);
                    if (limited > 0) {
                        api.rateLimitNext("sendmessage", limited, 1);
                    }
                }
            }, "rate-limits");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            thread.interrupt();
        }
    }

    /** Latencies in nanoseconds, summarised as p50/p95/p99. */
    private static final class Latencies {
        private final List<Long> values = new ArrayList<>();

        synchronized void add(long nanos) {
            values.add(nanos);
        }

        synchronized String summary() {
            if (values.isEmpty()) {
                return "none";
            }
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format("n=%d p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.length,
                    at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }

        private static double at(long[] sorted, double q) {
            return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
        }
    }

    /** What Linux says about a process. */
    private static final class Proc {
        static long rssKb(long pid) throws Exception {
            return field(pid, "VmRSS:");
        }

        static long peakRssKb(long pid) throws Exception {
            return field(pid, "VmHWM:");
        }

        private static long field(long pid, String name) throws Exception {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return -1;
        }

        /** User plus system CPU time, from /proc/<pid>/stat (clock ticks of 1/100 s). */
        static double cpuSeconds(long pid) throws Exception {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
