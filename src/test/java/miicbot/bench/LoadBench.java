package miicbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import miicbot.engine.Dialog;
import miicbot.engine.Reply;
import miicbot.i18n.Language;
import miicbot.telegram.fake.FakeBotApi;

/**
 * Load benchmark: the packaged bot (a child JVM with the Dockerfile's flags) against the fake Bot API on 127.0.0.1,
 * driven by N simulated parents at once, each a full interview (taps where the bot offers the button, typing
 * elsewhere), each answering as soon as the bot has replied. Reports throughput, latency, CPU and memory, and the
 * Bot API calls by method and by step of the interview. With {@code --peer DIR} the same run then drives the grammY
 * peer bot of that folder (copied to a temporary folder, {@code npm ci} there) with as many parents and children
 * against a fresh fake of its own, and prints both bots side by side with the ratio. Run by hand (surefire skips
 * this package); docs/BENCHMARKS.md has the commands and the latest numbers.
 *
 * <p>Options: --chats 500 --children 2 --latency-ms 0 --fault-rate 0 --rate429 0 --duration-s 600 --pace 10000
 * --jvm "-XX:MaxRAM=512m ..." (the JVM flags; default: the Dockerfile's, in a 512 MB container) --java-home DIR (the
 * bot's JDK; default this one's) --cds true (the class archive, made first by a training start as the Java 17
 * Dockerfile did; false to start without) --aot false (true, JDK 25: an AOT cache made first by a training run of
 * --aot-parents parents, as the Dockerfile makes it, then used with -XX:AOTMode=on so a cache the JVM rejects fails
 * the run; replaces --cds) --warmup 0 (parents run through first and not counted, so the figures are the warm JVM's,
 * as after hours of service; chat ids of the warm-up start at 1,000,001) --jfr bot.jfr (a JFR profile of the measured
 * part only; also prints the share of samples outside the PDF) --one-at-a-time false (true: the measured parents one
 * after another, each alone with the bot) --think-ms 0 (each parent waits this long after the bot's reply before
 * answering) --jar target/miic-privacy-bot.jar (another build, e.g. an older commit's) --peer DIR (also run the
 * grammY peer bot in that folder) --peer-only false --calls-by-step false (print the Bot API calls of each step).
 */
public final class LoadBench {
    static final String DOCKER_FLAGS = "-XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+UseSerialGC -Xss512k"
            + " -Xmn8m -XX:TieredStopAtLevel=1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One parent's interview: the lines to send, and how many replies each brings. */
    record Step(String line, int replies, boolean form) { }

    /** What one bot did in the measured part of a run. */
    private record Result(String name, long toPollMs, double idleRssMb, double peakRssMb, double cpu, double system,
            double seconds, int updates, int children, int calls, Map<String, Integer> callsByMethod,
            Map<String, Double> threads) {
        double cpuPerUpdateMs() {
            return 1000 * cpu / updates;
        }

        double cpuPerChildMs() {
            return 1000 * cpu / children;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int chats = Integer.parseInt(options.getOrDefault("chats", "500"));
        int children = Integer.parseInt(options.getOrDefault("children", "2"));
        System.out.printf("load average before: %s%n", loadAverage());
        Result bot = null;
        if (!Boolean.parseBoolean(options.getOrDefault("peer-only", "false"))) {
            bot = runBot(options, chats, children);
        }
        String peerDir = options.get("peer");
        if (peerDir != null) {
            Result peer = runPeer(options, Path.of(peerDir), chats, children);
            if (bot != null) {
                sideBySide(bot, peer);
            }
        }
        System.out.printf("load average after: %s%n", loadAverage());
    }

    /** This bot: a child JVM of the jar, with the class archive or the AOT cache made first. */
    private static Result runBot(Map<String, String> options, int chats, int children) throws Exception {
        String jvm = options.getOrDefault("jvm", DOCKER_FLAGS);
        boolean aot = Boolean.parseBoolean(options.getOrDefault("aot", "false"));
        boolean cds = !aot && Boolean.parseBoolean(options.getOrDefault("cds", "true"));
        String pace = options.getOrDefault("pace", "10000"); // CHAT_PACE_PER_SECOND: 1 is production's
        Path jar = Path.of(options.getOrDefault("jar", Path.of("target", "miic-privacy-bot.jar").toString()))
                .toAbsolutePath();
        String javaHome = options.getOrDefault("java-home", System.getProperty("java.home"));
        String java = Path.of(javaHome, "bin", "java").toString();
        Path data = Files.createTempDirectory("load-bench");
        if (cds) {
            jvm += " -XX:SharedArchiveFile=" + classArchive(java, data, jar);
        }
        if (aot) {
            int parents = Integer.parseInt(options.getOrDefault("aot-parents", String.valueOf(AotTraining.PARENTS)));
            Path cache = data.resolve("app.aot");
            AotTraining.train(java, jvm, jar, cache, parents);
            jvm += " -XX:AOTCache=" + cache + " -XX:AOTMode=on";
        }
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(flags(jvm));
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> env = Map.of("CHAT_PACE_PER_SECOND", pace, "MALLOC_ARENA_MAX", "2");
        System.out.printf("bot: %s; JVM flags: %s%n", javaVersion(java), jvm);
        return run("miic-privacy-bot", options, interview(children), chats, children, command, data, env,
                (api, bot) -> Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "TELEGRAM_API_URL", api.url(),
                        "DATA_DIR", data.toString()));
    }

    /**
     * The grammY peer (a folder with package.json, package-lock.json and its .js files): copied to a temporary
     * folder, {@code npm ci} there, then {@code node bot.js} against a fresh fake with the same parents.
     */
    private static Result runPeer(Map<String, String> options, Path source, int chats, int children)
            throws Exception {
        Path dir = Files.createTempDirectory("peer-bench");
        try (var files = Files.list(source)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".json"))
                    .toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("npm.log").toFile()).start();
        if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed in " + dir + " (see npm.log there)");
        }
        String node = options.getOrDefault("peer-node", "node");
        System.out.printf("peer: %s, node %s%n", source, new String(new ProcessBuilder(node, "--version").start()
                .getInputStream().readAllBytes()).strip());
        return run("grammY peer", options, peerInterview(children), chats, children, List.of(node, "bot.js"), dir,
                Map.of(), (api, bot) -> Map.of("BOT_TOKEN", FakeBotApi.TOKEN, "API_ROOT", api.url()));
    }

    /** Makes the environment a bot process needs to find the fake. */
    private interface Environment {
        Map<String, String> of(FakeBotApi api, String name);
    }

    /** Starts a bot against a fresh fake, lets the parents through, measures, and stops the bot. */
    private static Result run(String name, Map<String, String> options, List<Step> steps, int chats, int children,
            List<String> command, Path dir, Map<String, String> extraEnv, Environment environment) throws Exception {
        long latency = Long.parseLong(options.getOrDefault("latency-ms", "0"));
        double faults = Double.parseDouble(options.getOrDefault("fault-rate", "0"));
        double rate429 = Double.parseDouble(options.getOrDefault("rate429", "0"));
        long duration = Long.parseLong(options.getOrDefault("duration-s", "600"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "0"));
        boolean oneAtATime = Boolean.parseBoolean(options.getOrDefault("one-at-a-time", "false"));
        long think = Long.parseLong(options.getOrDefault("think-ms", "0"));
        String jfr = name.equals("miic-privacy-bot") ? options.get("jfr") : null;
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
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("bot.log").toFile());
            builder.environment().putAll(environment.of(api, name));
            builder.environment().putAll(extraEnv);
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
                if (jfr != null) {
                    jcmd(bot.pid(), "JFR.start", "name=bench", "settings=profile");
                }
                double cpuBefore = Proc.cpuSeconds(bot.pid());
                double systemBefore = Proc.systemSeconds(bot.pid());
                Map<String, Double> threadsBefore = Proc.cpuByThreadKind(bot.pid());
                int callsBefore = api.calls().size();
                long started = System.nanoTime();
                ScheduledRateLimits limits = new ScheduledRateLimits(api, rate429);
                driver.start();
                boolean finished = driver.done.await(duration, TimeUnit.SECONDS);
                limits.stop();
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpu = Proc.cpuSeconds(bot.pid()) - cpuBefore;
                double system = Proc.systemSeconds(bot.pid()) - systemBefore;
                long peakRss = Proc.peakRssKb(bot.pid());
                Map<String, Double> threads = Proc.cpuByThreadKind(bot.pid());
                threads.replaceAll((kind, seconds1) -> seconds1 - threadsBefore.getOrDefault(kind, 0.0));
                if (jfr != null) {
                    jcmd(bot.pid(), "JFR.stop", "name=bench", "filename=" + Path.of(jfr).toAbsolutePath());
                }
                Map<String, Integer> byMethod = new TreeMap<>();
                List<FakeBotApi.Call> calls = api.calls();
                calls.subList(callsBefore, calls.size()).stream().filter(c -> !c.method().equals("getupdates"))
                        .forEach(c -> byMethod.merge(c.method(), 1, Integer::sum));
                int callCount = byMethod.values().stream().mapToInt(Integer::intValue).sum();
                Result result = new Result(name, toPoll, idleRss / 1024.0, peakRss / 1024.0, cpu, system, seconds,
                        driver.updates.get(), driver.completed.get() * children, callCount, byMethod, threads);

                System.out.printf("== %s: chats %d x %d children%s, think %d ms, fake API latency %d ms, fault rate"
                        + " %.2f, 429 rate %.3f%n", name, chats, children, oneAtATime ? " one at a time" : "", think,
                        latency, faults, rate429);
                System.out.printf("start to first getUpdates: %d ms; idle RSS %.0f MB%n", toPoll, idleRss / 1024.0);
                System.out.printf("completed %d/%d chats in %.1f s%s%n", driver.completed.get(), chats, seconds,
                        finished ? "" : " (duration bound reached)");
                System.out.printf("updates: %d, %.0f updates/s sustained%n", driver.updates.get(),
                        driver.updates.get() / seconds);
                System.out.printf("reply latency (update pushed -> first reply), non-form steps: %s%n",
                        driver.replyLatency.summary());
                System.out.printf("form step latency (update pushed -> PDF received): %s; %.1f PDFs/s%n",
                        driver.formLatency.summary(), driver.forms.get() / seconds);
                System.out.printf("CPU: %.2f s (%.0f%% of one core; %.2f s of it in the kernel); peak RSS %.0f MB%n",
                        cpu, 100 * cpu / seconds, system, peakRss / 1024.0);
                System.out.printf("CPU by thread kind (s): %s%n", threads);
                System.out.printf("CPU per update (forms included): %.3f ms; per finished child: %.2f ms;"
                        + " Bot API calls per update: %.2f%n", result.cpuPerUpdateMs(), result.cpuPerChildMs(),
                        callCount / (double) driver.updates.get());
                System.out.printf("Bot API calls by method, per update: %s%n", perUpdate(byMethod, driver.updates.get()));
                if (Boolean.parseBoolean(options.getOrDefault("calls-by-step", "false"))) {
                    driver.printCallsByStep();
                }
                if (jfr != null) {
                    double share = nonPdfShare(Path.of(jfr));
                    System.out.printf("JFR: %.0f%% of the execution samples are outside the PDF; CPU per update"
                            + " without the PDF (CPU x that share): %.3f ms%n", 100 * share,
                            share * result.cpuPerUpdateMs());
                }
                if (!finished) {
                    int[] state = driver.progress.get(1L);
                    System.out.printf("chat 1 waits at step %d (%s), %d replies seen; bot's last: %s%n", state[0],
                            steps.get(state[0]), state[1], api.lastMessage(1));
                }
                System.out.printf("errors: %d Bot API rule violations, %d chats unfinished%n",
                        api.violations().size(), chats - driver.completed.get());
                api.violations().stream().map(v -> v.replaceAll("\\d+", "N")).distinct().limit(5)
                        .forEach(v -> System.out.println("  violation: " + v));
                return result;
            } finally {
                bot.destroy();
                bot.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void sideBySide(Result bot, Result peer) {
        System.out.println("== side by side (the same run, the same fake Bot API and scripted parents)");
        String row = "%-40s %18s %18s %8s%n";
        System.out.printf(row, "", bot.name(), peer.name(), "ratio");
        System.out.printf(row, "finished children / updates", bot.children() + " / " + bot.updates(),
                peer.children() + " / " + peer.updates(), "");
        System.out.printf(row, "CPU per finished child, PDF incl. (ms)", fmt(bot.cpuPerChildMs()),
                fmt(peer.cpuPerChildMs()), fmt(bot.cpuPerChildMs() / peer.cpuPerChildMs()));
        System.out.printf(row, "CPU per update, PDF incl. (ms)", fmt(bot.cpuPerUpdateMs()), fmt(peer.cpuPerUpdateMs()),
                fmt(bot.cpuPerUpdateMs() / peer.cpuPerUpdateMs()));
        System.out.printf(row, "Bot API calls per update", fmt(bot.calls() / (double) bot.updates()),
                fmt(peer.calls() / (double) peer.updates()), "");
        System.out.printf(row, "start to first getUpdates (ms)", bot.toPollMs(), peer.toPollMs(), "");
        System.out.printf(row, "idle RSS / peak RSS (MB)", String.format("%.0f / %.0f", bot.idleRssMb(),
                bot.peakRssMb()), String.format("%.0f / %.0f", peer.idleRssMb(), peer.peakRssMb()), "");
    }

    private static String fmt(double value) {
        return String.format("%.3f", value);
    }

    private static Map<String, String> perUpdate(Map<String, Integer> counts, int updates) {
        Map<String, String> shares = new TreeMap<>();
        counts.forEach((method, n) -> shares.put(method, String.format("%.3f", n / (double) updates)));
        return shares;
    }

    /** Share of JFR execution samples whose stack has no frame of the PDF code (ours, PDFBox or FontBox). */
    static double nonPdfShare(Path jfr) throws IOException {
        int all = 0;
        int pdf = 0;
        for (var event : RecordingFile.readAllEvents(jfr)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            all++;
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("miicbot.pdf.") || type.startsWith("org.apache.pdfbox.")
                        || type.startsWith("org.apache.fontbox.")) {
                    pdf++;
                    break;
                }
            }
        }
        return all == 0 ? Double.NaN : (all - pdf) / (double) all;
    }

    static List<String> flags(String jvm) {
        return jvm.isBlank() ? List.of() : Arrays.asList(jvm.trim().split(" +"));
    }

    private static String javaVersion(String java) throws Exception {
        Process version = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String text = new String(version.getInputStream().readAllBytes());
        version.waitFor();
        return text.lines().reduce((a, b) -> b).orElse(java).strip();
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    /** As the Java 17 Dockerfile's {@code timeout 15}. */
    private static final Duration TRAINING = Duration.ofSeconds(15);

    /**
     * The Java 17 Dockerfile's AppCDS archive, made the same way: a training start of the jar against a Bot API that
     * does not answer, ended with SIGTERM once it waits, dumping the classes it loaded.
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
    static List<Step> interview(int children) {
        // The short interview: role, name, phone, address in one line; per child first and last names, birth date,
        // sex, request, confirm; the next child starts by typing its name; Finish at the end.
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

    /**
     * The peer's interview (its interview.js): /start, then its 12 questions in order, one reply each; the last
     * tap brings the PDF. A second child is a second /start after the first PDF.
     */
    static List<Step> peerInterview(int children) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            for (String line : List.of("/start", i == 0 ? "Ana" : "Luis", "Garcia", "03/14/2019",
                    i == 0 ? "Female" : "Male", "Parent", "Maria Lopez", "651 555 0123", "1 Main St", "St. Paul",
                    "55101", i % 2 == 0 ? "Opt out" : "Limit access")) {
                steps.add(new Step(line, 1, false));
            }
            steps.add(new Step("Confirm and make PDF", 1, true));
        }
        return steps;
    }

    /** Plays every parent: sends a line, waits for its replies, sends the next. */
    static final class Driver {
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
        /** Which step each call belongs to: the typed message, the callback query, the tapped message. */
        private final Map<String, Integer> origin = new ConcurrentHashMap<>();
        private final Map<Integer, Map<String, Integer>> callsByStep = new ConcurrentHashMap<>();
        private final AtomicInteger commandIds = new AtomicInteger(1_000_000);
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
            if (call.method().equals("answercallbackquery")) { // names no chat: traced by the query's id
                Integer step = origin.get("q" + call.params().path("callback_query_id").asText());
                if (step != null) {
                    tally(step, call.method());
                }
                return;
            }
            int[] state = progress.get(call.chatId());
            if (state == null) {
                return;
            }
            count(call, state);
            boolean reply = call.status() == 200
                    && (call.method().equals("sendmessage") || call.method().equals("senddocument"));
            if (!reply) {
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

        /**
         * Counts a call against the step it serves: an answer to a callback query or an edit of a tapped message
         * against the tap, a deletion against the typed message, a message sent against the step waiting for it.
         */
        private void count(FakeBotApi.Call call, int[] state) {
            JsonNode params = call.params();
            String key = switch (call.method()) {
                case "deletemessage" -> call.chatId() + "/u" + params.path("message_id").asText();
                case "deletemessages" -> call.chatId() + "/u" + firstId(params.path("message_ids"));
                case "editmessagetext", "editmessagereplymarkup" -> call.chatId() + "/b"
                        + params.path("message_id").asText();
                default -> null;
            };
            int step;
            if (key == null) {
                synchronized (state) {
                    step = state[0];
                }
            } else {
                step = origin.getOrDefault(key, -1);
            }
            tally(step, call.method());
        }

        private void tally(int step, String method) {
            callsByStep.computeIfAbsent(step, s -> new ConcurrentHashMap<>()).merge(method, 1, Integer::sum);
        }

        private static String firstId(JsonNode ids) {
            try {
                JsonNode list = ids.isTextual() ? JSON.readTree(ids.asText()) : ids;
                return list.path(0).asText();
            } catch (IOException e) {
                return "?";
            }
        }

        void printCallsByStep() {
            int parents = Math.max(1, completed.get());
            System.out.println("Bot API calls per parent, by the step they serve (-1: not traced to a step):");
            new TreeMap<>(callsByStep).forEach((step, methods) -> {
                Map<String, String> each = new TreeMap<>();
                methods.forEach((m, n) -> each.put(m, String.format("%.2f", n / (double) parents)));
                String line = step < 0 ? "(other)" : (step + " " + steps.get(step).line());
                System.out.printf("  %-32s %s%n", line, each);
            });
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
                        origin.put(chat + "/b" + last.messageId(), index);
                        origin.put("q" + api.pushTap(chat, chat, last.messageId(), button.data()), index);
                        return;
                    }
                }
            }
            if (line.startsWith("/")) {
                pushCommand(chat, line);
                return;
            }
            origin.put(chat + "/u" + api.pushText(chat, chat, line, "en"), index);
        }

        /** A bot command, with the entity Telegram adds (frameworks route commands by it). */
        private void pushCommand(long chat, String command) {
            var message = JSON.createObjectNode();
            message.put("message_id", commandIds.incrementAndGet()).put("date", System.currentTimeMillis() / 1000)
                    .put("text", command);
            message.putObject("chat").put("id", chat).put("type", "private");
            message.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Parent")
                    .put("language_code", "en");
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", command.length());
            try {
                api.pushRaw(JSON.createObjectNode().set("message", message).toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
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
