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
    /**
     * Spellings parents type that CLDR leaves out, January to December, space-separated: Spanish "setiembre" (Peru,
     * Uruguay) with its short "set"; Somali months written with single vowels or e for i (CLDR: Luulyo, Noofeembar).
     */
    private static final Map<Language, String[]> MORE_SPELLINGS = Map.of(
            Language.ES, new String[] {"", "", "", "", "", "", "", "", "setiembre set", "", "", ""},
            Language.SO, new String[] {"", "", "", "", "", "", "luuliyo", "ogost", "sebtember sibtembar", "",
                "nofembar nofeembar", "disembar desembar"});
    private static final Map<String, Integer> EXACT = new HashMap<>();
    private static final Map<String, Integer> FULL = new HashMap<>();

    static {
        for (Language language : Language.values()) {
            DateFormatSymbols symbols = new DateFormatSymbols(new ULocale(language.code()));
            for (int context : new int[] {DateFormatSymbols.FORMAT, DateFormatSymbols.STANDALONE}) {
                addAll(FULL, symbols.getMonths(context, DateFormatSymbols.WIDE));
                addAll(EXACT, symbols.getMonths(context, DateFormatSymbols.WIDE));
                addAll(EXACT, symbols.getMonths(context, DateFormatSymbols.ABBREVIATED));
            }
            String[] more = MORE_SPELLINGS.getOrDefault(language, new String[0]);
            for (int i = 0; i < more.length; i++) {
                for (String spelling : more[i].split(" ")) {
                    if (!spelling.isEmpty()) {
                        add(FULL, spelling, i + 1);
                        add(EXACT, spelling, i + 1);
                    }
                }
            }
        }
    }

    private Months() {
    }

    private static void addAll(Map<String, Integer> into, String[] names) {
        for (int i = 0; i < 12; i++) {
            add(into, names[i], i + 1);
        }
    }

    private static void add(Map<String, Integer> into, String spelling, int month) {
        String name = spelling.toLowerCase(Locale.ROOT).replace(".", "");
        Integer before = into.putIfAbsent(name, month);
        if (before != null && before != month) {
            into.put(name, 0); // the same word names two months in two languages: read it as neither
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
