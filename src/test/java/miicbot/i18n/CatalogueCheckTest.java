package miicbot.i18n;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up check of MESSAGES_DIR catalogues: each problem stops the start with one line naming file and key. */
class CatalogueCheckTest {
    @TempDir
    Path dir;

    private String refusal(String file, String json) throws IOException {
        Files.writeString(dir.resolve(file), json, StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Catalogue.loadAll(dir));
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        return e.getMessage();
    }

    /** Page 1 prints some texts in English only: a translation may leave them out or empty, English may not. */
    @Test
    void aTranslationMayLeaveOutTheEnglishOnlyKeysAndNothingElse() {
        Map<String, String> english = CatalogueFiles.read(Language.EN, null).merged();
        Map<String, String> spanish = new java.util.LinkedHashMap<>(CatalogueFiles.read(Language.ES, null).merged());
        spanish.keySet().removeIf(EnglishOnly::is);
        spanish.put("pdf.summary.lock", "");
        assertTrue(english.keySet().stream().filter(EnglishOnly::is).count() >= 8, "the summary lines and more");
        assertEquals(List.of(), CatalogueCheck.problems(english,
                new CatalogueFiles(Language.ES, spanish, Map.of(), null), Catalogue.locale(Language.ES)));

        spanish.remove("pdf.request.section.child");
        assertEquals(List.of("messages/es.json (bundled): key 'pdf.request.section.child' is missing (every key of en.json"
                        + " is needed)"), CatalogueCheck.problems(english, new CatalogueFiles(Language.ES, spanish,
                Map.of(), null), Catalogue.locale(Language.ES)).stream().map(Object::toString).toList());
        Map<String, String> englishWithout = new java.util.LinkedHashMap<>(english);
        englishWithout.remove("pdf.request.title");
        assertEquals(1, CatalogueCheck.problems(english,
                new CatalogueFiles(Language.EN, englishWithout, Map.of(), null), Catalogue.locale(Language.EN)).size());
    }

    @Test
    void anEmptyTextIsRefusedNamingFileAndKey() throws IOException {
        String line = refusal("es.json", "{\"welcome.text\": \" \"}");
        assertEquals(dir.resolve("es.json") + ": key 'welcome.text' is empty", line);
    }

    @Test
    void aChangedPlaceholderIsRefused() throws IOException {
        String line = refusal("en.json", "{\"welcome.text\": \"Hello, kept for {dayz} days\"}");
        assertTrue(line.startsWith(dir.resolve("en.json") + ": key 'welcome.text' has placeholders [dayz]"), line);
        assertTrue(line.contains("en.json has [days]"), line);
    }

    @Test
    void anUnknownKeyIsRefusedAsALikelyTypo() throws IOException {
        String line = refusal("en.json", "{\"welcome.txt\": \"Hello\"}");
        assertTrue(line.contains("key 'welcome.txt' is not a key of en.json"), line);
    }

    @Test
    void aPluralFormTheLanguageLacksIsRefused() throws IOException {
        String line = refusal("en.json",
                "{\"console.end\": \"{count, plural, one {# form} few {# forms} other {# forms}} in {dir}.\"}");
        assertTrue(line.contains("key 'console.end' plural form 'few' does not exist in en"), line);
    }

    @Test
    void aPluralWithoutOtherIsRefused() throws IOException {
        String line = refusal("es.json", "{\"console.end\": \"{count, plural, one {# formulario}} en {dir}.\"}");
        assertTrue(line.startsWith(dir.resolve("es.json") + ": key 'console.end' bad plural syntax"), line);
    }

    @Test
    void anApostropheBeforeABraceIsRefusedInAPluralText() throws IOException {
        String line = refusal("en.json",
                "{\"console.end\": \"'{count, plural, one {# form} other {# forms}} saved in {dir}.\"}");
        assertTrue(line.contains("apostrophe"), line);
    }

    @Test
    void badJsonIsOneLineNamingTheFile() throws IOException {
        String line = refusal("es.json", "{\"welcome.text\": \"Hola\",, }");
        assertTrue(line.startsWith(dir.resolve("es.json") + " is not a flat JSON object of key to text: "), line);
        assertTrue(line.contains("line 1"), line);
    }

    @Test
    void aNestedObjectIsNotACatalogue() throws IOException {
        String line = refusal("en.json", "{\"welcome\": {\"text\": \"Hello\"}}");
        assertTrue(line.startsWith(dir.resolve("en.json") + " is not a flat JSON object"), line);
    }

    @Test
    void severalProblemsAreCountedOnTheSameLine() throws IOException {
        String line = refusal("en.json", "{\"welcome.text\": \"\", \"done.title\": \"\", \"nope\": \"x\"}");
        assertTrue(line.endsWith("(and 2 more problems)"), line);
    }

    @Test
    void aMissingKeyIsNamedInTheFileThatLacksIt() {
        var english = Map.of("a", "A {x}", "b", "B");
        var files = new CatalogueFiles(Language.ES, Map.of("a", "A {x}"), Map.of(), null);
        List<CatalogueCheck.Problem> problems = CatalogueCheck.problems(english, files, Catalogue.locale(Language.ES));
        assertEquals(List.of(new CatalogueCheck.Problem("messages/es.json (bundled)", "b",
                "is missing (every key of en.json is needed)")), problems);
    }

    @Test
    void aValidOverrideWithAPluralPasses() throws IOException {
        Files.writeString(dir.resolve("es.json"),
                "{\"console.end\": \"{count, plural, one {# formulario} many {# formularios} other {# formularios}}"
                        + " en {dir}.\"}", StandardCharsets.UTF_8);
        Catalogue es = Catalogue.loadAll(dir).get(Language.ES);
        assertEquals("1 formulario en d.", es.text("console.end", Map.of("count", 1, "dir", "d")));
    }

    @Test
    void aCommandDescriptionLongerThanTelegramAllowsStopsTheStart() throws IOException {
        String line = refusal("es.json", "{\"command.help\": \"" + "a".repeat(257) + "\"}");
        assertEquals(dir.resolve("es.json") + ": key 'command.help' is 257 characters; Telegram's setMyCommands "
                + "takes a command description of 1-256", line);
    }
}
