package miicbot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Lets tests in other packages run {@link Main} in-process with their own environment and streams. */
public final class MainRunner {
    private MainRunner() {
    }

    public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        return Main.run(args, env, in, out, err);
    }

    /** Runs Main on piped {@code input} with its data in {@code dataDir}; asserts exit 0 and returns what it printed. */
    public static String piped(Path dataDir, String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(args, Map.of("DATA_DIR", dataDir.toString()),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
