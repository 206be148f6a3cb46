package miicbot.i18n;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pseudo-translation of a catalogue for tests: every letter accented ("What" becomes "Ŵĥàţ"), the text wrapped in
 * brackets and padded with tildes to about 40 % more length, as long translations are. Placeholders ({child}),
 * ICU plural and select syntax ({count, plural, one {# form} other {# forms}}), commands (/start), e-mail
 * addresses and line breaks are kept as they are, so the pseudo catalogue works wherever the real one does.
 *
 * <p>The language enum is closed, so the pseudo texts stand in for English: build the engine or the form with
 * {@code Map.of(Language.EN, PseudoLocale.of(english), ...)}. A text that shows up without accents then did not
 * come from the catalogue.
 */
public final class PseudoLocale {
    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ACCENTED = "àƀçďéƒĝĥîĵķĺṁñöþǫŕšţûṽŵẋŷžÀƁÇĎÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊŶŽ";
    /** Tokens that are read by code or people, not translated: commands and e-mail addresses. */
    private static final Pattern KEPT = Pattern.compile("/[a-z]+\\b|[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern SIMPLE_ARGUMENT = Pattern.compile("\\s*\\w+\\s*");
    private static final Pattern COMPLEX_ARGUMENT =
            Pattern.compile("(\\s*\\w+\\s*,\\s*(?:plural|select|selectordinal)\\s*,)(.*)", Pattern.DOTALL);
    private static final Pattern SELECTOR = Pattern.compile("\\s*(?:offset:\\d+\\s*)?(?:=\\d+|\\w+)\\s*");

    private PseudoLocale() {
    }

    /** The pseudo version of {@code english}, under the same language; parse data and the review flag kept. */
    public static Catalogue of(Catalogue english) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : english.keys()) {
            String text = english.text(key);
            // Word lists are what the parser accepts, and the review flag is data: neither is shown as is.
            boolean data = key.endsWith(".words") || key.equals("language.reviewed");
            texts.put(key, data ? text : pseudo(text));
        }
        return new Catalogue(english.language(), texts);
    }

    /** One text, bracketed and padded. */
    public static String pseudo(String text) {
        int padding = Math.max(1, Math.round(text.length() * 0.4f) - 3);
        return "[" + message(text) + " " + "~".repeat(padding) + "]";
    }

    /** Accents the letters of a message, keeping arguments and plural syntax. */
    static String message(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int end = matchingBrace(text, i);
                out.append('{').append(argument(text.substring(i + 1, end))).append('}');
                i = end + 1;
                continue;
            }
            Matcher kept = KEPT.matcher(text).region(i, text.length());
            if (kept.lookingAt() && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                out.append(kept.group());
                i = kept.end();
                continue;
            }
            int letter = PLAIN.indexOf(c);
            out.append(letter >= 0 ? ACCENTED.charAt(letter) : c);
            i++;
        }
        return out.toString();
    }

    /** Inside braces: a simple argument stays; a plural or select keeps its head and selectors. */
    private static String argument(String inner) {
        if (SIMPLE_ARGUMENT.matcher(inner).matches()) {
            return inner;
        }
        Matcher complex = COMPLEX_ARGUMENT.matcher(inner);
        if (!complex.matches()) {
            return inner; // unknown syntax: leave it for the real formatter to judge
        }
        StringBuilder out = new StringBuilder(complex.group(1));
        String rest = complex.group(2);
        int i = 0;
        while (i < rest.length()) {
            Matcher selector = SELECTOR.matcher(rest).region(i, rest.length());
            int open = rest.indexOf('{', i);
            if (open < 0 || !selector.lookingAt() || selector.end() != open) {
                out.append(rest.substring(i));
                break;
            }
            int close = matchingBrace(rest, open);
            out.append(rest, i, open).append('{').append(message(rest.substring(open + 1, close))).append('}');
            i = close + 1;
        }
        return out.toString();
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces in: " + text);
    }

    /** True when the text has at least one accented letter of the pseudo alphabet. */
    public static boolean looksPseudo(String text) {
        return text.chars().anyMatch(ch -> ACCENTED.indexOf(ch) >= 0);
    }
}
