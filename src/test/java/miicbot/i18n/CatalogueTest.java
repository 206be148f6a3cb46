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
import miicbot.interview.MiicInterview;
import miicbot.interview.Step;
import miicbot.interview.StepId;
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
        for (StepId id : StepId.values()) {
            keys.add(id.key() + ".title");
        }
        for (Stage stage : Stage.values()) {
            if (stage != Stage.QUESTION) {
                keys.add(Place.of(stage).key() + ".title");
            }
        }
        for (Step step : MiicInterview.steps()) {
            String key = step.id().key();
            keys.add(key + ".prompt");
            Step.Traits traits = step.traits();
            if (traits.variantName() != null) {
                keys.add(key + ".prompt." + traits.variantName());
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
