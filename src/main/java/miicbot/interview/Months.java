package miicbot.interview;

import java.util.Map;

/** Month names in the catalogue languages (English and Spanish), full or abbreviated, for reading typed dates. */
final class Months {
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("enero", 1), Map.entry("ene", 1),
            Map.entry("february", 2), Map.entry("feb", 2), Map.entry("febrero", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("marzo", 3),
            Map.entry("april", 4), Map.entry("apr", 4), Map.entry("abril", 4), Map.entry("abr", 4),
            Map.entry("may", 5), Map.entry("mayo", 5),
            Map.entry("june", 6), Map.entry("jun", 6), Map.entry("junio", 6),
            Map.entry("july", 7), Map.entry("jul", 7), Map.entry("julio", 7),
            Map.entry("august", 8), Map.entry("aug", 8), Map.entry("agosto", 8), Map.entry("ago", 8),
            Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("septiembre", 9),
            Map.entry("setiembre", 9),
            Map.entry("october", 10), Map.entry("oct", 10), Map.entry("octubre", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("noviembre", 11),
            Map.entry("december", 12), Map.entry("dec", 12), Map.entry("diciembre", 12), Map.entry("dic", 12));

    private Months() {
    }

    /** The month's number 1–12, or 0 when the word is not a month name. */
    static int number(String word) {
        return NUMBERS.getOrDefault(word, 0);
    }
}
