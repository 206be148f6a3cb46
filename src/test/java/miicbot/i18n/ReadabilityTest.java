package miicbot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every English text a parent reads is plain: Flesch-Kincaid grade 8 or below, no sentence over 25 words.
 * See {@link Readability} for how it counts. Covers every key of en.json except the short list below.
 *
 * <p>The grade formula means nothing on a title or a button of a few words (one word of three syllables is
 * "grade 20"), so a text under {@link #LABEL_WORDS} words is judged as a label instead: at most
 * {@link #LABEL_SYLLABLES} syllables per word, the same weight the formula gives to long words.
 */
class ReadabilityTest {
    static final double MAX_GRADE = 8;
    static final int MAX_WORDS = 25;
    static final int LABEL_WORDS = 8;
    static final double LABEL_SYLLABLES = 2.5;

    /**
     * Keys that are not sentences to read, so a reading grade means nothing for them: names, word lists, labels.
     * A key ending in "." stands for every key that starts with it.
     */
    static final Set<String> NOT_PROSE = Set.of(
            "language.name",         // a language's own name
            "language.reviewed",     // a yes/no flag, never shown
            "common.yes.words",      // words the bot accepts, never shown
            "common.no.words",
            "command.",              // Telegram menu labels, 2-4 words
            "pdf.field.",            // form field labels for MDH staff
            "pdf.option.",           // checkbox labels on page 1, in MDH's own terms ("Decline immunization reminders")
            "pdf.request.section.",  // section headings on page 1, for MDH staff
            "pdf.request.title",     // the form's name
            "pdf.request.to");       // MDH's and MIIC's full names

    private static final Catalogue EN = Catalogue.load(Language.EN, null);

    static boolean prose(String key) {
        return NOT_PROSE.stream().noneMatch(n -> n.endsWith(".") ? key.startsWith(n) : key.equals(n));
    }

    @Test
    void everyEnglishTextIsAtGradeEightOrBelow() {
        List<String> hard = new ArrayList<>();
        for (String key : EN.keys()) {
            String text = EN.text(key);
            if (!prose(key)) {
                continue;
            }
            if (Readability.words(text) < LABEL_WORDS) {
                double perWord = Readability.syllablesPerWord(text);
                if (perWord > LABEL_SYLLABLES) {
                    hard.add(String.format(Locale.ROOT, "%s: label with %.1f syllables a word", key, perWord));
                }
            } else if (Readability.grade(text) > MAX_GRADE) {
                hard.add(String.format(Locale.ROOT, "%s: grade %.1f", key, Readability.grade(text)));
            }
        }
        assertEquals(List.of(), hard);
    }

    @Test
    void noEnglishSentenceIsLongerThanTwentyFiveWords() {
        List<String> spoken = new ArrayList<>();
        for (String key : EN.keys()) {
            if (prose(key) && Readability.longestSentence(EN.text(key)) > MAX_WORDS) {
                spoken.add(key + ": " + Readability.longestSentence(EN.text(key)) + " words");
            }
        }
        assertEquals(List.of(), spoken);
    }

    @Test
    void theHighestGradeIsReported() {
        String worst = EN.keys().stream().filter(ReadabilityTest::prose)
                .filter(k -> Readability.words(EN.text(k)) >= LABEL_WORDS)
                .max(Comparator.comparingDouble(k -> Readability.grade(EN.text(k)))).orElseThrow();
        double grade = Readability.grade(EN.text(worst));
        System.out.printf(Locale.ROOT, "Highest Flesch-Kincaid grade in en.json: %.1f (%s)%n", grade, worst);
        assertTrue(grade <= MAX_GRADE, worst);
    }

    @Test
    void theCounterMatchesADictionaryOnCommonWords() {
        assertEquals(1, Readability.syllables("shots"));
        assertEquals(1, Readability.syllables("make"));
        assertEquals(2, Readability.syllables("record"));
        assertEquals(3, Readability.syllables("reminders"));
        assertEquals(5, Readability.syllables("immunization"));
        assertEquals(2, Readability.syllables("little"));
        assertEquals(2, Readability.syllables("female"));
        assertEquals(1, Readability.syllables("asked"));
        assertEquals(2, Readability.syllables("wanted"));
        assertEquals(1, Readability.syllables("MDH"));
        assertEquals(1, Readability.syllables("health.miichelp@state.mn.us"));
    }

    @Test
    void sentencesEndAtStopsAndLineBreaks() {
        assertEquals(3, Readability.sentences("One two. Three four!\nFive: six").size());
        assertEquals(2, Readability.longestSentence("Hi {child}."), "a placeholder is one word");
        assertEquals(2, Readability.sentences("Steps:\n1. Print it.").size());
    }

    @Test
    void aLongWordedLabelIsCaught() {
        assertTrue(Readability.syllablesPerWord("Decline immunization reminders") > LABEL_SYLLABLES);
        assertTrue(Readability.syllablesPerWord("Stop reminders") <= LABEL_SYLLABLES);
    }

    @Test
    void aPlainTextScoresLowAndAHardOneHigh() {
        assertTrue(Readability.grade("Print the form. Sign it. Send it to MDH.") < 3);
        assertTrue(Readability.grade("Immunization information is classified as private under the applicable "
                + "statutory provisions governing administrative organizations.") > 12);
    }
}
