package miicbot.interview;

import static miicbot.interview.AddressWords.BREAK;
import static miicbot.interview.AddressWords.DIRECTIONS;
import static miicbot.interview.AddressWords.NAMES_ENDING_A_STREET;
import static miicbot.interview.AddressWords.NUMBER;
import static miicbot.interview.AddressWords.SUFFIXES;
import static miicbot.interview.AddressWords.dropTrailingBreak;
import static miicbot.interview.AddressWords.key;
import static miicbot.interview.AddressWords.last;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The end of a typed address, taken off word by word from the end: a country, the ZIP, the state. */
final class AddressEnd {
    private static final Pattern ZIP = Pattern.compile("(\\d{5})(?:-?(\\d{4}))?");
    // A number where the ZIP goes that is not one ("5600", "560011"): dropped, so the caller asks for the ZIP.
    private static final Pattern BAD_ZIP = Pattern.compile("\\d{4}|\\d{6,8}|\\d{10,}|\\d{5}-\\d{0,3}");

    private AddressEnd() {
    }

    /** Removes and returns a trailing phrase of 1 to 4 words found in {@code phrases} (and the breaks around it). */
    static List<String> takeTail(List<String> w, Set<String> phrases) {
        dropTrailingBreak(w);
        for (int n = Math.min(4, w.size() - 1); n >= 1; n--) {
            List<String> tail = w.subList(w.size() - n, w.size());
            if (phrases.contains(key(String.join(" ", tail)))) {
                List<String> taken = List.copyOf(tail);
                tail.clear();
                dropTrailingBreak(w);
                return taken;
            }
        }
        return List.of();
    }

    /** Removes and returns the ZIP at the end ("55101", "55101-1234", "55101 1234"), or "". */
    static String takeZip(List<String> w) {
        if (w.size() >= 2 && w.get(w.size() - 2).matches("\\d{5}") && last(w).matches("\\d{4}")) {
            w.set(w.size() - 2, w.get(w.size() - 2) + "-" + w.remove(w.size() - 1));
        }
        Matcher m = ZIP.matcher(last(w));
        if (m.matches()) {
            w.remove(w.size() - 1);
            return m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2);
        }
        if (w.size() >= 2 && BAD_ZIP.matcher(last(w)).matches()) {
            w.remove(w.size() - 1);
        }
        return "";
    }

    /** Removes and returns the state at the end ("MN", "Minn.", "New Mexico"), or "". */
    static String takeState(List<String> w, boolean afterZip) {
        dropTrailingBreak(w);
        for (int n = Math.min(3, w.size()); n >= 1; n--) {
            List<String> words = w.subList(w.size() - n, w.size());
            String code = words.contains(BREAK) ? null : UsStates.code(String.join(" ", words));
            boolean breakBefore = w.size() > n && w.get(w.size() - n - 1).equals(BREAK);
            // "4 Pine Ct" and "Main St NE" end in a street word that is also a state code (CT, NE): not a state.
            // A direction after a plain word is a state: "Atkinson NE".
            String only = key(words.get(0));
            String before = w.size() > n ? key(w.get(w.size() - n - 1)) : "";
            boolean afterStreet = SUFFIXES.contains(before) || NAMES_ENDING_A_STREET.contains(before)
                    || NUMBER.matcher(before).matches();
            // After a street that already has its street-type word, "Ct" is Connecticut: "12 Hampton Rd Canton CT".
            boolean secondSuffix = w.subList(Math.min(1, w.size() - n), w.size() - n).stream().map(AddressWords::key)
                    .anyMatch(SUFFIXES::contains);
            boolean streetWord = n == 1 && (SUFFIXES.contains(only) && !secondSuffix
                    || DIRECTIONS.contains(only) && afterStreet);
            if (code != null && (afterZip || breakBefore || !streetWord)) {
                words.clear();
                dropTrailingBreak(w);
                return code;
            }
        }
        return "";
    }
}
