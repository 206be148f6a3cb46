package miicbot.interview;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.ULocale;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import miicbot.i18n.Language;

/**
 * Month names, full or abbreviated, for reading typed dates: taken from ICU4J's CLDR data for every catalogue
 * language, so a new language needs no Java table of its months. A language CLDR lacks (Hmong) falls back to
 * English names, which is what Hmong parents type when they do not write numbers.
 */
final class Months {
    /** Shortest beginning of a full month name accepted as that month ("sept", "febr"), when no other month shares it. */
    private static final int SHORTEST_PREFIX = 3;
    private static final Map<String, Integer> EXACT = new HashMap<>();
    private static final Map<String, Integer> FULL = new HashMap<>();

    static {
        for (Language language : Language.values()) {
            DateFormatSymbols symbols = new DateFormatSymbols(new ULocale(language.code()));
            for (int context : new int[] {DateFormatSymbols.FORMAT, DateFormatSymbols.STANDALONE}) {
                add(FULL, symbols.getMonths(context, DateFormatSymbols.WIDE));
                add(EXACT, symbols.getMonths(context, DateFormatSymbols.WIDE));
                add(EXACT, symbols.getMonths(context, DateFormatSymbols.ABBREVIATED));
            }
        }
    }

    private Months() {
    }

    private static void add(Map<String, Integer> into, String[] names) {
        for (int i = 0; i < 12; i++) {
            String name = names[i].toLowerCase(Locale.ROOT).replace(".", "");
            Integer before = into.putIfAbsent(name, i + 1);
            if (before != null && before != i + 1) {
                into.put(name, 0); // the same word names two months in two languages: read it as neither
            }
        }
    }

    /** The month's number 1–12, or 0 when the word is not a month name (nor the beginning of exactly one). */
    static int number(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Integer exact = EXACT.get(w);
        if (exact != null) {
            return exact;
        }
        if (w.length() < SHORTEST_PREFIX) {
            return 0;
        }
        int found = 0;
        for (Map.Entry<String, Integer> e : FULL.entrySet()) {
            if (e.getKey().startsWith(w) && e.getValue() != 0) {
                if (found != 0 && found != e.getValue()) {
                    return 0;
                }
                found = e.getValue();
            }
        }
        return found;
    }
}
