package miicbot.i18n;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import miicbot.engine.Event;
import miicbot.engine.Place;
import miicbot.engine.Stage;
import miicbot.engine.Step;
import miicbot.engine.StepId;
import miicbot.interview.TestInterview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogues match each other and the code: same keys, same placeholders, nothing empty, nothing unused. */
class CatalogueTest {
    private static final Catalogue EN = Catalogue.load(Language.EN, null);

    @Test
    void everyCatalogueHasTheSameKeysInTheSameOrder() {
        for (Language language : Language.values()) {
            Catalogue other = Catalogue.load(language, null);
            assertEquals(EN.keys().stream().toList(), other.keys().stream().toList(), language + " keys differ");
            assertTrue(other.keys().contains("welcome.text") && other.keys().size() > 100, language.code());
        }
    }

    @Test
    void everyTranslationUsesTheSamePlaceholders() {
        for (Language language : Language.values()) {
            Catalogue other = Catalogue.load(language, null);
            for (String key : EN.keys()) {
                assertEquals(EN.placeholders(key), other.placeholders(key), language.code() + ": " + key);
            }
        }
    }

    @Test
    void noTextIsEmpty() {
        for (Language language : Language.values()) {
            Catalogue catalogue = Catalogue.load(language, null);
            for (String key : catalogue.keys()) {
                assertFalse(catalogue.text(key).isBlank(), language.code() + ": " + key + " is empty");
            }
        }
    }

    @Test
    void everyKeyTheStepTableNeedsExists() {
        for (String key : derivedKeys()) {
            assertTrue(EN.has(key), "missing " + key);
        }
    }

    @Test
    void everyCatalogueKeyIsUsedByTheCode() throws IOException {
        Set<String> literals = sourceLiterals();
        Set<String> derived = derivedKeys();
        Set<String> unused = new TreeSet<>();
        for (String key : EN.keys()) {
            boolean used = literals.contains(key) || derived.contains(key)
                    || literals.stream().anyMatch(l -> l.endsWith(".") && key.startsWith(l));
            if (!used) {
                unused.add(key);
            }
        }
        assertEquals(Set.of(), unused);
    }

    @Test
    void placeholdersAreFilledAndUnknownOnesLeftVisible() {
        Catalogue c = new Catalogue(Language.EN, Map.of("k", "Hi {child}, {other}"));
        assertEquals("Hi Ana $1, {other}", c.text("k", Map.of("child", "Ana $1")));
        assertThrows(IllegalArgumentException.class, () -> c.text("missing"));
    }

    @Test
    void aMessagesDirOverridesTheBundledCatalogue(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("en.json"), "{\"language.name\": \"Local English\"}");
        assertEquals("Local English", Catalogue.load(Language.EN, dir).text("language.name"));
        assertEquals("Español", Catalogue.load(Language.ES, dir).text("language.name"), "no es.json there: bundled");
    }

    @Test
    void aPartialOverrideKeepsEveryOtherBundledText(@TempDir Path dir) throws IOException {
        // Before: the partial file replaced the catalogue and every chat failed with "no message 'welcome.text'".
        Files.writeString(dir.resolve("en.json"), "{\"language.name\": \"Local English\"}");
        Map<Language, Catalogue> all = Catalogue.loadAll(dir);
        assertEquals("Local English", all.get(Language.EN).text("language.name"));
        assertEquals(EN.text("welcome.text"), all.get(Language.EN).text("welcome.text"));
        assertEquals(EN.keys().stream().toList(), all.get(Language.EN).keys().stream().toList());
    }

    @Test
    void theBundledCataloguesPassTheStartCheck() {
        Map<Language, Catalogue> all = Catalogue.loadAll(null);
        assertEquals(Set.of(Language.values()), all.keySet());
    }

    @Test
    void doneAndConsoleEndUseRealPlurals() {
        Catalogue es = Catalogue.load(Language.ES, null);
        assertTrue(EN.text("done.text", Map.of("count", 1)).startsWith("Done! You have 1 form.\n"));
        assertTrue(EN.text("done.text", Map.of("count", 2)).startsWith("Done! You have 2 forms.\n"));
        assertTrue(EN.text("done.send", Map.of("routes", "MDH's form, P.O. Box 64975"))
                .endsWith("\nMDH's form, P.O. Box 64975"), "apostrophe kept, value in place");
        assertTrue(EN.text("console.end", Map.of("count", 0, "dir", Path.of("out")))
                .startsWith("End of input. 0 forms saved in out."));
        assertTrue(es.text("done.text", Map.of("count", 1)).startsWith("¡Ya terminamos! Tiene 1 formulario.\n"));
        assertTrue(es.text("console.end", Map.of("count", 3, "dir", "d"))
                .startsWith("Fin de la entrada. 3 formularios guardados en d."));
        assertEquals(Set.of("count"), EN.placeholders("done.text"));
        assertEquals(Set.of("routes"), EN.placeholders("done.send"));
        assertEquals(Set.of("count", "dir"), es.placeholders("console.end"));
    }

    @Test
    void noTextSaysFormWithAnSInBrackets() {
        for (Language language : Language.values()) {
            Catalogue catalogue = Catalogue.load(language, null);
            for (String key : catalogue.keys()) {
                boolean label = key.startsWith("pdf.field.");
                assertTrue(label || !catalogue.text(key).matches("(?s).*\\w\\((s|es)\\).*"),
                        language.code() + ": " + key + " needs a plural argument instead of '(s)'");
            }
        }
    }

    @Test
    void aTextThatStartsWithAPlaceholderIsFilledAndOneWithoutIsReturnedAsItIs() {
        Catalogue c = new Catalogue(Language.EN, Map.of("a", "{child} is 18", "b", "No placeholder"));
        assertEquals("Ana is 18", c.text("a", Map.of("child", "Ana")));
        assertEquals("No placeholder", c.text("b", Map.of("child", "Ana")));
    }

    @Test
    void aPluralTextMissingItsValueShowsThePlaceholder() {
        Catalogue c = new Catalogue(Language.EN, Map.of("k", "{n, plural, one {# child} other {# children}} of {who}"));
        assertEquals("2 children of Ana", c.text("k", Map.of("n", 2, "who", "Ana")));
        assertEquals("1 child of {who}", c.text("k", Map.of("n", 1)));
        assertEquals("{n} of {who}", c.text("k", Map.of()));
    }

    @Test
    void aSelectTextPicksItsBranch() {
        Catalogue c = new Catalogue(Language.ES, Map.of("k", "{g, select, female {Ella} other {Elle}} vino"));
        assertEquals("Ella vino", c.text("k", Map.of("g", "female")));
        assertEquals("Elle vino", c.text("k", Map.of("g", "x")));
    }

    @Test
    void aPluralWithBadSyntaxIsRefusedNamingTheKey() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Catalogue(Language.EN, Map.of("k", "{n, plural, one {# form}")));
        assertTrue(e.getMessage().startsWith("key 'k':"), e.getMessage());
    }

    @Test
    void aPlainTextWithoutPlaceholdersComesBackAsItIs() {
        Catalogue c = new Catalogue(Language.EN, Map.of("k", "It's done, {not a placeholder"));
        assertEquals("It's done, {not a placeholder", c.text("k", Map.of("x", 1)));
        assertEquals(Set.of(), c.placeholders("k"));
    }

    @Test
    void reviewedOnlyWhenTheCatalogueSaysYes() {
        assertTrue(new Catalogue(Language.EN, Map.of("language.reviewed", "yes")).reviewed());
        assertFalse(new Catalogue(Language.EN, Map.of("language.reviewed", "no")).reviewed());
        assertFalse(new Catalogue(Language.EN, Map.of()).reviewed());
        assertEquals(Language.ES, new Catalogue(Language.ES, Map.of()).language());
        assertTrue(new Catalogue(Language.EN, Map.of("a", "b")).has("a"));
        assertFalse(new Catalogue(Language.EN, Map.of("a", "b")).has("b"));
    }

    @Test
    void languageTagsMapToCatalogues() {
        assertEquals(Language.ES, Language.fromTag("es-MX"));
        assertEquals(Language.ES, Language.fromTag("es_US.UTF-8"));
        assertEquals(Language.SO, Language.fromTag("so"));
        assertEquals(Language.SO, Language.fromTag("so-SO"));
        assertEquals(Language.HMN, Language.fromTag("hmn"));
        assertEquals(Language.HMN, Language.fromTag("HMN_US.UTF-8"));
        assertEquals(Language.EN, Language.fromTag("hm"), "no partial matches");
        assertEquals(Language.EN, Language.fromTag("fr"));
        assertEquals(Language.EN, Language.fromTag(null));
    }

    /** Keys the code builds from the step table, its modifiers and enums rather than writing them out. */
    private static Set<String> derivedKeys() {
        Set<String> keys = new TreeSet<>();
        for (StepId id : TestInterview.allIds()) {
            keys.add(id.key() + ".title");
        }
        for (Stage stage : Stage.values()) {
            if (stage != Stage.QUESTION) {
                keys.add(Place.of(stage).key() + ".title");
            }
        }
        for (Step step : TestInterview.MIIC.steps()) {
            String key = step.id().key();
            keys.add(key + ".prompt");
            Step.Traits traits = step.traits();
            for (Step.Variant variant : traits.variants()) {
                keys.add(key + ".prompt." + variant.name());
            }
            if (traits.sameAs() != null) {
                keys.add(key + ".same");
            }
            if (traits.help() != null) {
                keys.add(key + "." + traits.help());
                keys.add(key + "." + traits.help() + ".text");
            }
            for (Step.Note note : traits.notes()) {
                keys.add(note.key());
            }
            if (traits.fromReview()) {
                keys.add("review.add." + key);
            }
            for (String code : step.choices()) {
                keys.add(key + ".choice." + code);
                if (traits.explained()) {
                    keys.add(key + ".about." + code);
                    keys.add("explain." + code);
                }
            }
        }
        for (Event.Commands command : Event.Commands.values()) {
            keys.add("command." + command.word());
        }
        for (String answer : new String[] {"yes", "no"}) {
            keys.add("common." + answer);
            keys.add("common." + answer + ".words");
        }
        return keys;
    }

    private static Set<String> sourceLiterals() throws IOException {
        Pattern literal = Pattern.compile("\"([a-z_]+(?:\\.[a-z_]+)*\\.?)\"");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }
}
