package miicbot.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Flesch-Kincaid grade of an English text, as a test tool (not a linguistic library):
 * {@code 0.39 * words/sentences + 11.8 * syllables/words - 15.59}.
 *
 * <p>How it counts, kept simple on purpose:
 * <ul>
 * <li>Placeholders such as {@code {child}} are read as one short word ("Ana").</li>
 * <li>Sentences end at ".", "!" or "?" before a space or the end, at a line break, and at ":" before a line break.
 *     A line that is a list item ("1. Print", "/back - ...") is its own sentence.</li>
 * <li>Words are runs of non-space characters holding a letter or digit. Tokens a reader copies rather than reads
 *     (e-mail and web addresses, commands such as /start, numbers, phone numbers, all-capital initials such as
 *     MDH or PDF) count as one syllable.</li>
 * <li>Syllables of other words: groups of vowels (a e i o u y), less a silent final "e" (but not consonant + "-le", as in "little"), less a
 *     final "-ed" or "-es" that adds no sound; at least one per word.</li>
 * </ul>
 * The counter is within about one syllable of a dictionary on common words; grades are for comparing texts, and
 * the thresholds in the tests leave no room for a text that is plainly too hard.
 */
final class Readability {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[^0-9][.!?])\\s+|\\s*\\n+\\s*|:(?=\\s*\\n)");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

    private Readability() {
    }

    /** The sentences of a text, each as its list of words. */
    static List<List<String>> sentences(String text) {
        List<List<String>> sentences = new ArrayList<>();
        for (String part : SENTENCE_END.split(PLACEHOLDER.matcher(text).replaceAll("Ana"))) {
            List<String> words = new ArrayList<>();
            for (String token : part.trim().split("\\s+")) {
                if (token.chars().anyMatch(Character::isLetterOrDigit)) {
                    words.add(token);
                }
            }
            if (!words.isEmpty()) {
                sentences.add(words);
            }
        }
        return sentences;
    }

    /** The Flesch-Kincaid grade; 0 for a text without words. */
    static double grade(String text) {
        List<List<String>> sentences = sentences(text);
        int words = 0;
        int syllables = 0;
        for (List<String> sentence : sentences) {
            for (String word : sentence) {
                words++;
                syllables += syllables(word);
            }
        }
        if (words == 0) {
            return 0;
        }
        return 0.39 * words / sentences.size() + 11.8 * syllables / words - 15.59;
    }

    /** The number of words in the whole text. */
    static int words(String text) {
        return sentences(text).stream().mapToInt(List::size).sum();
    }

    /** Syllables per word over the whole text; 0 for a text without words. */
    static double syllablesPerWord(String text) {
        List<String> words = sentences(text).stream().flatMap(List::stream).toList();
        return words.isEmpty() ? 0 : words.stream().mapToInt(Readability::syllables).average().orElse(0);
    }

    /** The words of the longest sentence. */
    static int longestSentence(String text) {
        return sentences(text).stream().mapToInt(List::size).max().orElse(0);
    }

    static int syllables(String token) {
        if (token.contains("@") || token.contains("/") || token.chars().anyMatch(Character::isDigit)) {
            return 1;
        }
        String letters = token.replaceAll("[^\\p{L}]", "");
        if (letters.length() > 1 && letters.equals(letters.toUpperCase(Locale.ROOT))) {
            return 1;
        }
        String word = letters.toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return 1;
        }
        int count = (int) VOWELS.matcher(word).results().count();
        if (word.endsWith("e") && !word.matches(".*[^aeiouy]le$") && !word.endsWith("ee") && count > 1) {
            count--;
        } else if ((word.endsWith("ed") || word.endsWith("es")) && count > 1
                && !word.matches(".*(t|d)ed$") && !word.matches(".*(s|x|z|ch|sh|c|g)es$")) {
            count--;
        }
        return Math.max(1, count);
    }
}
