package miicbot;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Main in its own JVM, where only a real process shows the locale's charset and the jar's resources. */
@Timeout(60)
class MainProcessTest {
    @TempDir
    Path dir;

    /** Runs {@code miicbot.Main} with no locale at all (LANG, LC_ALL unset), as in a bare container. */
    private Process start(String classPathPrefix, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = (classPathPrefix == null ? "" : classPathPrefix + File.pathSeparator)
                + System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, "miicbot.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.bin").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("DATA_DIR", dir.resolve("data").toString());
        return builder.start();
    }

    @Test
    void theConsoleWritesUtf8WithoutAUtf8Locale() throws Exception {
        String input = Transcripts.read("two-children.txt").replace("\nAna\n", "\nMaría\n");
        assertTrue(input.contains("María"));
        Process console = start(null, "console", "--lang", "en", "--out", dir.resolve("forms").toString());
        try (var in = console.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(console.waitFor(40, TimeUnit.SECONDS), "console ended at end of input");
        assertEquals(0, console.exitValue(), Files.readString(dir.resolve("err.txt")));
        String out = new String(Files.readAllBytes(dir.resolve("out.bin")), StandardCharsets.UTF_8);
        // Before: Java wrote the default charset (ASCII without a locale) and the review read "Mar?a".
        assertTrue(out.contains("María"), "the name reached the terminal as UTF-8: " + out);
        assertFalse(out.contains("Mar?a"), out);
    }

    @Test
    void badJsonInSubmissionJsonIsExit2WithOneLine() throws Exception {
        Path resources = Files.createDirectories(dir.resolve("resources"));
        Files.writeString(resources.resolve("submission.json"), "{\"recipient\": ");
        Process bot = start(resources.toString(), "console");
        bot.getOutputStream().close();
        assertTrue(bot.waitFor(40, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(2, bot.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("miic-privacy-bot: cannot read submission.json"), err);
    }
}
