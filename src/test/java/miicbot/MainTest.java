package miicbot;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Main in-process: configuration problems stop the start with exit 2 and one line, before any parent is served. */
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> extraEnv, String input) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("DATA_DIR", dir.resolve("data").toString());
        return Main.run(new String[] {"console", "--out", dir.resolve("forms").toString()}, env,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPartialEnglishOverrideStillServesAnEnglishChat() throws IOException {
        Path messages = Files.createDirectories(dir.resolve("messages"));
        Files.writeString(messages.resolve("en.json"), "{\"language.name\": \"Local English\"}");
        assertEquals(0, run(Map.of("MESSAGES_DIR", messages.toString(), "LANG", "en_US.UTF-8"), "hi\n"), errors());
        // Before: the partial file was the whole catalogue and the first reply failed with "no message ...".
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains(Catalogue.load(Language.EN, null).text("console.end", Map.of("count", 0,
                "dir", dir.resolve("forms")))), shown);
    }

    @Test
    void aBadCatalogueStopsTheStartWithCode2AndOneLine() throws IOException {
        Path messages = Files.createDirectories(dir.resolve("messages"));
        Files.writeString(messages.resolve("es.json"), "{\"welcome.text\": \"¡Hola! {dias}\"}");
        assertEquals(2, run(Map.of("MESSAGES_DIR", messages.toString()), "hi\n"));
        assertEquals("miic-privacy-bot: " + messages.resolve("es.json")
                + ": key 'welcome.text' has placeholders [dias] but en.json has [days]\n", errors());
        assertFalse(Files.exists(dir.resolve("data")), "stopped before opening the store");
    }

    @Test
    void badJsonInACatalogueIsOneLineNotAStackTrace() throws IOException {
        Path messages = Files.createDirectories(dir.resolve("messages"));
        Files.writeString(messages.resolve("en.json"), "{\"welcome.text\": ");
        assertEquals(2, run(Map.of("MESSAGES_DIR", messages.toString()), ""));
        assertEquals(1, errors().lines().count(), errors());
        assertTrue(errors().startsWith("miic-privacy-bot: " + messages.resolve("en.json") + " is not a flat JSON"),
                errors());
    }

    @Test
    void everyBadSettingIsNamedOnItsOwnLine() {
        assertEquals(2, run(Map.of("RETENTION_DAYS", "0", "CHAT_PACE_PER_SECOND", "fast"), ""));
        assertEquals("miic-privacy-bot: RETENTION_DAYS must be between 1 and 365\n"
                + "miic-privacy-bot: CHAT_PACE_PER_SECOND must be a number, e.g. 1\n", errors());
    }

    @Test
    void anUnknownArgumentIsCode2WithTheUsage() {
        int code = Main.run(new String[] {"--nope"}, Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertEquals("miic-privacy-bot: unknown argument '--nope'; commands: console, help; options: --lang, --out, "
                + "--help (java -jar miic-privacy-bot.jar --help lists them)\n", errors());
    }
}
