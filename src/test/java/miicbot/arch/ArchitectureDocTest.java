package miicbot.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every class docs/ARCHITECTURE.md names in backticks exists in this repository (or is a library's, listed here). */
class ArchitectureDocTest {
    /** Library types the document names on purpose: Telegram's, the JDK's, HikariCP's and Jetty's. */
    private static final Set<String> LIBRARY_TYPES = Set.of("Message", "Update", "MessageDigest",
            "MetricsTrackerFactory", "HttpServer", "CopyTextButton", "InlineKeyboardButton", "Throwable", "Error",
            "OutOfMemoryError", "Content", "NetworkConnectionLimit");
    private static final Pattern DECLARATION = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)");
    // `Engine`, `Outcome.movedOnFrom`, `web.WebhookEndpoint`, `Catalogue.reviewed()`: the type is the first capital.
    private static final Pattern NAMED_TYPE = Pattern.compile("`(?:[a-z]+\\.)*([A-Z][a-z]\\w*)[^`\\n]*`");

    @Test
    void everyClassTheArchitectureNamesExists() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (String root : new String[] {"src/main/java", "src/test/java"}) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = DECLARATION.matcher(Files.readString(file));
                    while (m.find()) {
                        declared.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(declared.contains("Engine"), "the sources were read");
        Set<String> missing = new TreeSet<>();
        Matcher m = NAMED_TYPE.matcher(Files.readString(Path.of("docs/ARCHITECTURE.md")));
        int named = 0;
        while (m.find()) {
            named++;
            if (!declared.contains(m.group(1)) && !LIBRARY_TYPES.contains(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        assertTrue(named > 20, "the document was read: " + named + " names");
        assertEquals(Set.of(), missing, "named in docs/ARCHITECTURE.md but not in the code");
    }
}
