package miicbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * Dockerfile's class archive, made first by a training start as the Dockerfile does; false to start without)
 * --warmup 0 (parents run through first and not counted, so the figures are the warm JVM's, as after hours of
 * service; chat ids of the warm-up start at 1,000,001) --jfr bot.jfr (a JFR profile of the measured part only)
 * --one-at-a-time false (true: the measured parents one after another, each alone with the bot) --think-ms 0 (each
 * parent waits this long after the bot's reply before answering, as a person reading would) --jar
 * target/miic-privacy-bot.jar (another build, e.g. an older commit's, to compare in the same run conditions).
 */
public final class LoadBench {
    private static final String DOCKER_FLAGS = "-XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+UseSerialGC -Xss512k"
            + " -Xmn8m -XX:TieredStopAtLevel=1";

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
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "0"));
        boolean oneAtATime = Boolean.parseBoolean(options.getOrDefault("one-at-a-time", "false"));
        long think = Long.parseLong(options.getOrDefault("think-ms", "0"));
        Path jar = Path.of(options.getOrDefault("jar", Path.of("target", "miic-privacy-bot.jar").toString()));
        List<Step> steps = interview(children);

        Path data = Files.createTempDirectory("load-bench");
        try (FakeBotApi api = new FakeBotApi()) {
            api.latency(Duration.ofMillis(latency));
            if (faults > 0) {
                api.failRate(faults, 3);
            }
            Driver driver = new Driver(api, steps, 1, chats, oneAtATime, think);
            Driver warming = new Driver(api, steps, 1_000_001, warmup, false, 0);
            api.onCall(call -> {
                driver.onCall(call);
                warming.onCall(call);
            });

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            if (cds) {
                jvm += " -XX:SharedArchiveFile=" + classArchive(java, data, jar);
            }
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(Arrays.asList(jvm.trim().split(" +")));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(data.resolve("bot.log").toFile());
            builder.environment().putAll(Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "TELEGRAM_API_URL", api.url(),
                    "DATA_DIR", data.toString(), "CHAT_PACE_PER_SECOND", pace, "MALLOC_ARENA_MAX", "2"));
            long launched = System.nanoTime();
            Process bot = builder.start();
            try {
                api.awaitCall(c -> c.method().equals("getupdates"), Duration.ofSeconds(30));
                long toPoll = (System.nanoTime() - launched) / 1_000_000;
                Thread.sleep(3_000); // warm-up done, nothing to do
                long idleRss = Proc.rssKb(bot.pid());
                if (warmup > 0) {
                    warming.start();
                    if (!warming.done.await(duration, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the warm-up parents did not finish");
                    }
                    System.out.printf("warm-up: %d parents done first, not counted%n", warmup);
                }
                String jfr = options.get("jfr");
                if (jfr != null) {
                    jcmd(bot.pid(), "JFR.start", "name=bench", "settings=profile");
                }
                double cpuBefore = Proc.cpuSeconds(bot.pid());
                double systemBefore = Proc.systemSeconds(bot.pid());
                Map<String, Double> threadsBefore = Proc.cpuByThreadKind(bot.pid());

                int callsBefore = api.botCalls();
                long started = System.nanoTime();
                ScheduledRateLimits limits = new ScheduledRateLimits(api, rate429);
                driver.start();
                boolean finished = driver.done.await(duration, TimeUnit.SECONDS);
                limits.stop();
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpu = Proc.cpuSeconds(bot.pid()) - cpuBefore;
                double system = Proc.systemSeconds(bot.pid()) - systemBefore;
                long peakRss = Proc.peakRssKb(bot.pid());
                if (jfr != null) {
                    jcmd(bot.pid(), "JFR.stop", "name=bench", "filename=" + Path.of(jfr).toAbsolutePath());
                }

                System.out.printf("machine: %d cores, %s; bot JVM flags: %s%n", Runtime.getRuntime()
                        .availableProcessors(), System.getProperty("java.vm.version"), jvm);
                System.out.printf("chats %d x %d children%s, think %d ms, fake API latency %d ms, fault rate %.2f,"
                        + " 429 rate %.3f%n", chats, children, oneAtATime ? " one at a time" : "", think, latency,
                        faults, rate429);
                System.out.printf("start to first getUpdates: %d ms; idle RSS %.0f MB%n", toPoll, idleRss / 1024.0);
                System.out.printf("completed %d/%d chats in %.1f s%s%n", driver.completed.get(), chats, seconds,
                        finished ? "" : " (duration bound reached)");
                System.out.printf("updates: %d, %.0f updates/s sustained%n", driver.updates.get(),
                        driver.updates.get() / seconds);
                System.out.printf("reply latency (update pushed -> first reply), non-form steps: %s%n",
                        driver.replyLatency.summary());
                System.out.printf("form step latency (update pushed -> PDF received): %s; %.1f PDFs/s%n",
                        driver.formLatency.summary(), driver.forms.get() / seconds);
                System.out.printf("bot CPU: %.1f s (%.0f%% of one core; %.1f s of it in the kernel); peak RSS %.0f MB%n",
                        cpu, 100 * cpu / seconds, system, peakRss / 1024.0);
                Map<String, Double> threads = Proc.cpuByThreadKind(bot.pid());
                threads.replaceAll((kind, seconds1) -> seconds1 - threadsBefore.getOrDefault(kind, 0.0));
                System.out.printf("bot CPU by thread kind (s): %s%n", threads);
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

    /** As the Dockerfile's {@code timeout 15}. */
    private static final Duration TRAINING = Duration.ofSeconds(15);

    /**
     * The Dockerfile's AppCDS archive, made the same way: a training start of the jar against a Bot API that does
     * not answer, ended with SIGTERM once it waits, dumping the classes it loaded.
     */
    private static Path classArchive(String java, Path data, Path jar) throws Exception {
        Path archive = data.resolve("classes.jsa");
        Path training = Files.createDirectories(data.resolve("training"));
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:ArchiveClassesAtExit=" + archive, "-XX:+UseSerialGC",
                "-Xss512k", "-jar", jar.toString())
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

    private static void jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed");
        }
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
        final long first;
        final boolean oneAtATime;
        final long think;
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "thinking-parents");
            thread.setDaemon(true);
            return thread;
        });

        Driver(FakeBotApi api, List<Step> steps, long first, int chats, boolean oneAtATime, long think) {
            this.api = api;
            this.steps = steps;
            this.first = first;
            this.chats = chats;
            this.oneAtATime = oneAtATime;
            this.think = think;
            this.done = new CountDownLatch(chats);
        }

        void start() {
            for (long chat = first; chat < first + (oneAtATime ? Math.min(1, chats) : chats); chat++) {
                begin(chat);
            }
        }

        private void begin(long chat) {
            progress.put(chat, new int[2]);
            send(chat, 0);
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
                    int finished = completed.incrementAndGet();
                    done.countDown();
                    if (oneAtATime && finished < chats) {
                        begin(first + finished);
                    }
                    return;
                }
            }
            long chat = call.chatId();
            int next = state[0];
            if (think > 0) {
                timer.schedule(() -> send(chat, next), think, TimeUnit.MILLISECONDS);
            } else {
                send(chat, next);
            }
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

        /**
         * CPU seconds per kind of thread (the JIT compilers; the VM thread, where the serial collector runs; the rest), from each thread's
         * /proc/<pid>/task/<tid>/stat; threads that ended are missing, so the kinds need not add up to the total.
         */
        static Map<String, Double> cpuByThreadKind(long pid) throws Exception {
            Map<String, Double> kinds = new TreeMap<>();
            try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String name = Files.readString(task.resolve("comm")).strip();
                        String kind = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "jit"
                                : name.startsWith("VM Thread") || name.startsWith("GC") ? "gc" : "app";
                        kinds.merge(kind, cpuSeconds(task), Double::sum);
                    } catch (java.io.IOException ended) {
                        // the thread ended between the listing and the read
                    }
                }
            }
            return kinds;
        }

        static double cpuSeconds(long pid) throws Exception {
            return cpuSeconds(Path.of("/proc", String.valueOf(pid)));
        }

        /** User plus system CPU time, from /proc/<pid>/stat (clock ticks of 1/100 s). */
        static double cpuSeconds(Path proc) throws Exception {
            String[] fields = stat(proc);
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        }

        /** System (kernel) CPU time alone: system calls, the socket and file work done for the bot. */
        static double systemSeconds(long pid) throws Exception {
            return Long.parseLong(stat(Path.of("/proc", String.valueOf(pid)))[12]) / 100.0;
        }

        private static String[] stat(Path proc) throws Exception {
            String stat = Files.readString(proc.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
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
