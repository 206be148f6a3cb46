package miicbot;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line and the start-up checks as a user and an operator meet them: {@code miicbot.Main} in its own
 * JVM, with a clean environment, real exit codes and what it prints on each stream.
 */
@Timeout(120)
class CommandLineProcessTest {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Pattern TEXT_LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z (SEVERE|WARNING|INFO|FINE) miicbot\\.[A-Za-z.$]+: [^\\n]+");
    private static final Map<Language, Catalogue> TEXTS = Catalogue.loadAll(null);

    @TempDir
    Path dir;

    /** What a finished process printed. */
    record Result(int code, String out, String err) { }

    private Process start(Path workDir, Map<String, String> env, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(launcher());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    /** How the bot is started: here its classes; {@link CommandLineJarIT} starts the built jar instead. */
    List<String> launcher() {
        return List.of(java(), "-cp", absoluteClassPath(), "miicbot.Main");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String absoluteClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString()).reduce((a, b) -> a + File.pathSeparator + b)
                .orElseThrow();
    }

    private Result run(Path workDir, Map<String, String> env, String input, String... args) throws Exception {
        String name = "run" + System.nanoTime();
        Process process = start(workDir, env, name, args);
        try (var in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "ended: " + String.join(" ", args));
        return new Result(process.exitValue(), Files.readString(dir.resolve(name + ".out")),
                Files.readString(dir.resolve(name + ".err")));
    }

    private Result run(Map<String, String> extraEnv, String input, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putIfAbsent("DATA_DIR", dir.resolve("data").toString());
        return run(dir, env, input, args);
    }

    @Test
    void helpPrintsTheCommandsOptionsAndSettingsWithDefaultsAndExits0() throws Exception {
        for (String word : List.of("--help", "-h", "help")) {
            Result help = run(Map.of(), "", word);
            assertEquals(0, help.code(), word + ": " + help.err());
            assertEquals("", help.err());
            assertTrue(help.out().contains("\n  console "), help.out());
            for (String text : List.of("--lang", "en, es, so, hmn", "--out DIR", "(default: ./requests)",
                    "TELEGRAM_BOT_TOKEN", "DATABASE_URL", "LOG_FORMAT", "RETENTION_DAYS        idle conversations are "
                            + "erased after this many days [30]")) {
                assertTrue(help.out().contains(text), word + " lacks " + text + ":\n" + help.out());
            }
            for (CommandLine.Setting setting : CommandLine.SETTINGS) {
                assertTrue(help.out().contains(setting.name()), setting.name());
            }
        }
        assertFalse(Files.exists(dir.resolve("data")), "help starts nothing");
    }

    @Test
    void anUnknownOptionOrLanguageNamesTheValidOnesWithExit2() throws Exception {
        Result option = run(Map.of(), "", "console", "--verbose");
        assertEquals(2, option.code());
        assertEquals(List.of("miic-privacy-bot: unknown argument '--verbose'; commands: console, help; options: "
                + "--lang, --out, --help (java -jar miic-privacy-bot.jar --help lists them)"), option.err().lines().toList());
        Result language = run(Map.of(), "", "console", "--lang", "xx");
        assertEquals(2, language.code());
        assertEquals(List.of("miic-privacy-bot: unknown language 'xx' for --lang; use one of en, es, so, hmn "
                + "(java -jar miic-privacy-bot.jar --help lists them)"), language.err().lines().toList());
        assertFalse(Files.exists(dir.resolve("data")));
    }

    @Test
    void everyConfigurationProblemIsListedBeforeAnythingStartsOneLineEach() throws Exception {
        Path messages = Files.createDirectories(dir.resolve("messages"));
        Files.writeString(messages.resolve("fr.json"), "{}");
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Result bad = run(Map.of("DATABASE_URL", "nonsense", "BOT_DATA_KEY", "c2hvcnQ=", "TELEGRAM_BOT_TOKEN", "garbage",
                "MESSAGES_DIR", messages.toString()), "hi\n", "console", "--out", file.resolve("forms").toString());
        assertEquals(2, bad.code(), bad.err());
        assertEquals("", bad.out());
        List<String> lines = bad.err().lines().toList();
        assertEquals(5, lines.size(), bad.err());
        List<String> named = List.of("TELEGRAM_BOT_TOKEN does not look like a bot token", "BOT_DATA_KEY must hold 32",
                "MESSAGES_DIR holds none of en.json, es.json, so.json, hmn.json", "DATABASE_URL must look like",
                "--out " + file.resolve("forms") + " cannot be a folder: " + file + " is a file");
        for (String expected : named) {
            assertEquals(1, lines.stream().filter(l -> l.startsWith("miic-privacy-bot: " + expected)).count(),
                    expected + " in:\n" + bad.err());
        }
        assertFalse(bad.err().contains("garbage") || bad.err().contains("c2hvcnQ") || bad.err().contains("Exception"),
                bad.err());
        assertFalse(Files.exists(dir.resolve("data")), "nothing started");

        // A libpq key=value string alone: still one line and exit 2, never a stack trace.
        Result libpq = run(Map.of("DATABASE_URL", "host=db dbname=miic user=bot password=hunter22"), "", "console");
        assertEquals(2, libpq.code());
        assertEquals(List.of("miic-privacy-bot: DATABASE_URL must look like postgresql://user:password@host:5432/"
                        + "database (a libpq key=value string is not supported)",
                "miic-privacy-bot: BOT_DATA_KEY is required with DATABASE_URL (every replica needs the same key)"),
                libpq.err().lines().toList());
    }

    @Test
    void theConsolePrintsNoLogLinesToTheParentTheyGoToAFileInDataDir() throws Exception {
        Result first = run(Map.of(), "hi\n", "console", "--lang", "en");
        assertEquals(0, first.code(), first.err());
        assertEquals("", first.err(), "nothing but the interview on the parent's terminal");
        assertFalse(first.out().contains("data key") || first.out().contains("WARNING"), first.out());
        List<String> log = Files.readAllLines(dir.resolve("data").resolve(LogSettings.CONSOLE_LOG));
        assertTrue(log.stream().anyMatch(l -> l.contains("WARNING miicbot.store.DataKey: data key: created the key "
                + "file")), log.toString());
        log.forEach(line -> assertTrue(TEXT_LINE.matcher(line).matches(), line));

        // LOG_LEVEL asks for them on standard error: one line each.
        Result asked = run(Map.of("LOG_LEVEL", "info"), "hi\n", "console", "--lang", "en");
        assertEquals(0, asked.code(), asked.err());
        assertTrue(asked.err().contains(" INFO miicbot.store.DataKey: data key: from the key file"), asked.err());
        asked.err().lines().forEach(line -> assertTrue(TEXT_LINE.matcher(line).matches(), line));
    }

    @Test
    void readmesLanguageSampleCommandsRunInOrderGiveEachFamilyItsOwnLanguage() throws Exception {
        List<List<String>> commands = readmeSampleCommands();
        assertEquals(3, commands.size(), "README's English, Somali and Hmong samples: " + commands);
        List<Result> results = new ArrayList<>();
        for (List<String> command : commands) {
            // Each sample names its own data folder, so no run can resume another's conversation.
            Map<String, String> env = Map.of("DATA_DIR", dir.resolve(command.get(0)).toString());
            String input = Files.readString(REPO.resolve(command.get(command.size() - 1)));
            Result result = run(dir, env, input, command.subList(1, command.size() - 2).toArray(String[]::new));
            assertEquals(0, result.code(), command + ": " + result.err());
            assertEquals("", result.err(), command.toString());
            results.add(result);
        }
        // Each run greets as new, in its own language: no "welcome back", no English.
        for (int i = 0; i < 3; i++) {
            Language language = Language.fromTag(commands.get(i).get(commands.get(i).indexOf("--lang") + 1));
            String out = results.get(i).out();
            String welcome = TEXTS.get(language).text("welcome.text.console", Map.of("days", 30));
            assertTrue(out.startsWith("\n" + welcome + "\n"), language + " greeting:\n" + out.substring(0, 300));
            assertFalse(out.contains(TEXTS.get(language).text("resume.text").split("\\{")[0]), out);
            assertTrue(out.strip().endsWith(TEXTS.get(language).text("console.end.nothing_kept")), out);
        }
        List<String> somali = fileNames(dir.resolve("samples/so"));
        List<String> hmong = fileNames(dir.resolve("samples/hmn"));
        assertEquals(2, somali.size(), somali.toString());
        assertTrue(somali.stream().allMatch(n -> n.contains("Maxamed-Cabdullaahi")), somali.toString());
        assertEquals(2, hmong.size(), hmong.toString());
        assertTrue(hmong.stream().noneMatch(n -> n.contains("Dhammee") || n.contains("Maxamed")), hmong.toString());
        assertTrue(hmong.stream().anyMatch(n -> n.contains("Nou")), hmong.toString());
    }

    /**
     * The README's sample commands, {@code DATA_DIR=folder java -jar target/miic-privacy-bot.jar console ... < file},
     * split: the data folder first, then the arguments, "<" and the input file.
     */
    private static List<List<String>> readmeSampleCommands() throws IOException {
        Matcher m = Pattern.compile(
                        "`DATA_DIR=(\\S+) java -jar target/miic-privacy-bot\\.jar (console[^`<]*) < ([^`]+)`")
                .matcher(Files.readString(REPO.resolve("README.md")));
        List<List<String>> commands = new ArrayList<>();
        while (m.find()) {
            List<String> command = new ArrayList<>(List.of(m.group(1)));
            command.addAll(List.of(m.group(2).strip().split("\\s+")));
            command.add("<");
            command.add(m.group(3).strip());
            commands.add(command);
        }
        return commands;
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFormThatCannotBeWrittenStopsTheRunSayingSoAndIsWrittenAtTheNextRun() throws Exception {
        Path forms = dir.resolve("forms");
        // Root may write anywhere, but no one can write a file where a folder of that name stands.
        Files.createDirectories(forms.resolve("MIIC-request-Ana-Garcia.pdf"));
        Result failed = run(Map.of(), Transcripts.read("two-children.txt"), "console", "--out", forms.toString());
        assertEquals(1, failed.code(), failed.err());
        assertEquals(List.of("miic-privacy-bot: cannot write a form into " + forms + " (FileSystemException); it is "
                + "kept, and written at the next run: free the folder or choose another with --out"),
                failed.err().lines().toList());
        Files.delete(forms.resolve("MIIC-request-Ana-Garcia.pdf"));
        Result next = run(Map.of(), "", "console", "--out", forms.toString());
        assertEquals(0, next.code(), next.err());
        assertTrue(Files.size(forms.resolve("MIIC-request-Ana-Garcia.pdf")) > 10_000, "the kept form, written");
    }

    @Test
    void aConversationUnderWayAsksOnceWhetherToSwitchAndTheLastLineSaysWhatIsKept() throws Exception {
        Result started = run(Map.of(), "5\nMaria Lopez\n", "console", "--lang", "en");
        assertEquals(0, started.code(), started.err());
        assertTrue(started.out().strip().endsWith(TEXTS.get(Language.EN).text("console.end.kept")), started.out());

        Result switched = run(Map.of(), "2\n", "console", "--lang", "es");
        assertEquals(0, switched.code(), switched.err());
        String prompt = TEXTS.get(Language.ES).text("language.prompt");
        assertTrue(switched.out().contains("Welcome back!"), switched.out());
        assertEquals(1, switched.out().split(Pattern.quote(prompt), -1).length - 1, "asked once:\n" + switched.out());
        // Option 2 is Español: the interview goes on in Spanish where it stood, and the last line is Spanish.
        assertTrue(switched.out().strip().endsWith(TEXTS.get(Language.ES).text("console.end.kept")), switched.out());

        Result same = run(Map.of(), "", "console", "--lang", "es");
        assertFalse(same.out().contains(prompt), "no question when the language is the same:\n" + same.out());
    }

    @Test
    void anUnreachableBotApiIsNamedWithHowLongItIsTriedAndServerLogsAreJsonLines() throws Exception {
        int closed = freePort();
        Process bot = start(dir, Map.of("DATA_DIR", dir.resolve("data").toString(), "TELEGRAM_BOT_TOKEN",
                FakeBotApi.TOKEN, "TELEGRAM_API_URL", "http://127.0.0.1:" + closed, "LOG_FORMAT", "json"), "offline");
        try {
            String err = await(dir.resolve("offline.err"), e -> e.lines().filter(l -> l.contains("try 2")).count() > 0);
            ObjectMapper json = new ObjectMapper();
            for (String line : err.lines().toList()) {
                JsonNode node = json.readTree(line);
                for (String field : List.of("time", "level", "logger", "message")) {
                    assertTrue(node.hasNonNull(field), field + " in " + line);
                }
            }
            assertTrue(err.contains("the Bot API at 127.0.0.1 cannot be reached for getMe (ConnectException), try 1;"
                    + " trying again in 0.5 s, then at most every 30 s until it answers"), err);
            assertFalse(err.contains(FakeBotApi.TOKEN.split(":")[1]), "no token in the logs");
        } finally {
            bot.destroy();
            assertTrue(bot.waitFor(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void pollingModeCountersStartAtZeroLogsAreOneLineAndTheHealthCheckPasses() throws Exception {
        Path data = dir.resolve("data");
        int metricsPort = freePort();
        assertEquals(1, healthCheck(Map.of("DATA_DIR", data.toString())), "no heartbeat yet: unhealthy");
        try (FakeBotApi api = new FakeBotApi()) {
            Process bot = start(dir, Map.of("DATA_DIR", data.toString(), "TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                    "TELEGRAM_API_URL", api.url(), "METRICS_PORT", String.valueOf(metricsPort)), "polling");
            try {
                String metrics = awaitHttp("http://127.0.0.1:" + metricsPort + "/metrics");
                for (String series : List.of("miicbot_forms_total{language=\"hmn\",option=\"opt_out\"} 0.0",
                        "miicbot_forms_total{language=\"en\",option=\"lock\"} 0.0",
                        "miicbot_replies_sent_total{method=\"sendmessage\"} 0.0",
                        "miicbot_replies_sent_total{method=\"senddocument\"} 0.0")) {
                    assertTrue(metrics.contains(series), series + " in:\n" + metrics);
                }
                await(data.resolve("heartbeat"), text -> true);
                assertEquals(0, healthCheck(Map.of("DATA_DIR", data.toString())), "heartbeat fresh: healthy");
                String err = await(dir.resolve("polling.err"), e -> e.contains("polling for updates"));
                err.lines().forEach(line -> assertTrue(TEXT_LINE.matcher(line).matches(), line));
            } finally {
                bot.destroy();
                assertTrue(bot.waitFor(20, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void theHealthCheckAsksHealthzInWebhookMode() throws Exception {
        int port = freePort();
        Map<String, String> check = Map.of("BOT_MODE", "WEBHOOK", "PORT", String.valueOf(port),
                "DATA_DIR", dir.resolve("data").toString());
        assertEquals(1, healthCheck(check), "nothing listens yet");
        try (FakeBotApi api = new FakeBotApi()) {
            Process bot = start(dir, Map.of("DATA_DIR", dir.resolve("data").toString(), "TELEGRAM_BOT_TOKEN",
                    FakeBotApi.TOKEN, "TELEGRAM_API_URL", api.url(), "BOT_MODE", "webhook", "WEBHOOK_URL",
                    "https://bot.example.org/telegram", "WEBHOOK_SECRET", "s3cret-s3cret-s3cret", "PORT",
                    String.valueOf(port)), "webhook");
            try {
                awaitHttp("http://127.0.0.1:" + port + "/healthz");
                assertEquals(0, healthCheck(check));
                assertFalse(Files.exists(dir.resolve("data/heartbeat")), "webhook mode has no poller heartbeat");
            } finally {
                bot.destroy();
                assertTrue(bot.waitFor(20, TimeUnit.SECONDS));
            }
        }
        assertEquals(1, healthCheck(check), "stopped: unhealthy");
    }

    /** Runs the image's HEALTHCHECK script with {@code env}; returns its exit code. */
    private static int healthCheck(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", REPO.resolve("deploy/healthcheck.sh").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(env);
        Process check = builder.start();
        assertTrue(check.waitFor(10, TimeUnit.SECONDS), "the health check ends within its 5 s timeout");
        return check.exitValue();
    }

    private static String await(Path file, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String text = Files.exists(file) ? Files.readString(file) : null;
            if (text != null && ready.test(text)) {
                return text;
            }
            assertTrue(System.nanoTime() < deadline, "waited 60 s for " + file + ": " + text);
            Thread.sleep(100);
        }
    }

    private static String awaitHttp(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertTrue(System.nanoTime() < deadline, "waited 60 s for " + url);
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
