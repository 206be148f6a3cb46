package miicbot.i18n;

import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * A date as a parent reads it: in the language's own long form when CLDR knows the language ("14 de marzo de
 * 2019"); otherwise (Hmong) in numbers with their order said in the language, "3/14/2019 (hli/hnub/xyoo)", rather
 * than the English month names Java falls back to.
 */
public final class Dates {
    private static final DateTimeFormatter NUMBERS = DateTimeFormatter.ofPattern("M/d/yyyy");

    private Dates() {
    }

    public static String format(Catalogue catalogue, LocalDate date) {
        String code = catalogue.language().code();
        if (cldrKnows(code)) {
            return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(code)));
        }
        return catalogue.text("date.numeric", Map.of("date", date.format(NUMBERS)));
    }

    static boolean cldrKnows(String code) {
        return Arrays.stream(ULocale.getAvailableLocales()).anyMatch(l -> l.getLanguage().equals(code));
    }
}
