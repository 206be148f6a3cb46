package miicbot.i18n;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each translation uses its glossary's one word for each fixed term. The rule: wherever a key's English text
 * matches a term's pattern in {@code messages/glossary/en.json} (unless that file excepts the key for the term),
 * the translated text of the key must contain one of the term's stems from {@code messages/glossary/<code>.json},
 * compared without regard to case. A language's file may except a key for some terms ("except": key to terms and
 * why) where its own wording is deliberate. Stems, not whole words, so that inflected forms (Somali "qufusho", Spanish
 * "desbloquear") count.
 */
class GlossaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("messages/glossary");

    /** One term: how to find it in English, keys where the English word means something else, the stems. */
    record Term(String name, Pattern english, Set<String> exceptKeys, List<String> stems) { }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "EN", mode = EnumSource.Mode.EXCLUDE)
    void everyTranslationUsesTheGlossaryTerms(Language language) {
        List<String> problems = problems(Catalogue.load(Language.EN, null), Catalogue.load(language, null),
                terms(language));
        assertEquals(List.of(), problems, language.code() + ".json strays from messages/glossary/"
                + language.code() + ".json");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "EN", mode = EnumSource.Mode.EXCLUDE)
    void everyGlossaryHasEveryTermAndNamesItsSource(Language language) {
        JsonNode glossary = read(language.code());
        assertFalse(glossary.path("source").asText().isBlank(), "say where the terms come from");
        List<String> english = new ArrayList<>();
        read("en").path("terms").fieldNames().forEachRemaining(english::add);
        List<String> translated = new ArrayList<>();
        glossary.path("terms").fieldNames().forEachRemaining(translated::add);
        assertEquals(english, translated);
        for (Term term : terms(language)) {
            assertFalse(term.stems().isEmpty(), term.name());
            assertFalse(glossary.path("terms").path(term.name()).path("use").asText().isBlank(), term.name());
        }
        assertEquals(Catalogue.load(language, null).reviewed() ? "yes" : "no", glossary.path("reviewed").asText(),
                "the glossary and the catalogue agree on review status");
    }

    @Test
    void aTranslationWithAnotherWordForATermIsCaught() {
        Catalogue english = new Catalogue(Language.EN, Map.of(
                "a", "Lock the record to one clinic.",
                "b", "Sign the request.",
                "c", "Your medical records help."));
        Catalogue somali = new Catalogue(Language.SO, Map.of(
                "a", "Diiwaanka ku xir hal rug caafimaad.", // "xir" and "rug caafimaad" instead of "quful", "kiliinig"
                "b", "Saxiix codsiga.",
                "c", "Warqadahaaga caafimaadka way caawiyaan."));
        Set<String> found = new java.util.TreeSet<>();
        for (String problem : problems(english, somali, terms(Language.SO))) {
            found.add(problem.substring(0, problem.indexOf(" (use")));
        }
        assertEquals(Set.of("a: limit access / lock", "a: clinic", "c: immunization record"), found);
    }

    @Test
    void anExceptedKeyIsNotChecked() {
        Catalogue english = new Catalogue(Language.EN, Map.of("child_sex.prompt", "As on medical records?"));
        Catalogue somali = new Catalogue(Language.SO, Map.of("child_sex.prompt", "Sida warqadaha caafimaadka?"));
        assertEquals(List.of(), problems(english, somali, terms(Language.SO)));
        Catalogue other = new Catalogue(Language.EN, Map.of("x", "As on medical records?"));
        Catalogue otherSo = new Catalogue(Language.SO, Map.of("x", "Sida warqadaha caafimaadka?"));
        assertEquals(1, problems(other, otherSo, terms(Language.SO)).size());
    }

    /** Each key and term where the English uses the term and the translation uses none of its stems. */
    static List<String> problems(Catalogue english, Catalogue translated, List<Term> terms) {
        List<String> problems = new ArrayList<>();
        for (String key : english.keys()) {
            if (EnglishOnly.is(key) && english.language() != translated.language()) {
                continue; // page 1 prints it in English: its translation is never shown
            }
            String text = translated.text(key).toLowerCase(Locale.ROOT);
            for (Term term : terms) {
                // A placeholder's name ({clinic}) is not a word of the text.
                String source = english.text(key).replaceAll("\\{[a-z_]+}", "");
                if (term.exceptKeys().contains(key) || !term.english().matcher(source).find()) {
                    continue;
                }
                if (term.stems().stream().noneMatch(s -> text.contains(s.toLowerCase(Locale.ROOT)))) {
                    problems.add(key + ": " + term.name() + " (use " + term.stems() + ")");
                }
            }
        }
        return problems;
    }

    /** The terms with their English patterns and this language's stems, in glossary order. */
    static List<Term> terms(Language language) {
        JsonNode english = read("en").path("terms");
        JsonNode translated = read(language.code()).path("terms");
        Map<String, Term> terms = new LinkedHashMap<>();
        JsonNode ownExceptions = read(language.code()).path("except");
        english.fields().forEachRemaining(e -> {
            List<String> except = new ArrayList<>();
            e.getValue().path("except").fieldNames().forEachRemaining(except::add);
            ownExceptions.fields().forEachRemaining(own -> own.getValue().path("terms").forEach(t -> {
                if (t.asText().equals(e.getKey())) {
                    except.add(own.getKey());
                }
            }));
            List<String> stems = new ArrayList<>();
            translated.path(e.getKey()).path("stems").forEach(s -> stems.add(s.asText()));
            terms.put(e.getKey(), new Term(e.getKey(),
                    Pattern.compile(e.getValue().path("english").asText(), Pattern.CASE_INSENSITIVE),
                    Set.copyOf(except), stems));
        });
        return List.copyOf(terms.values());
    }

    private static JsonNode read(String code) {
        try {
            return JSON.readTree(DIR.resolve(code + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
