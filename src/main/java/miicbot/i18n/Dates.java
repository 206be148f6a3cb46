package miicbot.i18n;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;

/**
 * A date as a parent reads it: in the language's own long form when CLDR knows the language ("14 de marzo de
 * 2019", "Maarso 14, 2019"); otherwise (Hmong) in numbers with their order said in the language,
 * "3/14/2019 (hli/hnub/xyoo)", rather than the English month names Java falls back to. The long form comes from
 * ICU4J, as the month names read from typed dates do, so a parent can type back what the review shows (the JDK's
 * own CLDR data differs by version: Java 17 writes Somali months as "Bisha Saddexaad", "the third month").
 */
public final class Dates {
    private static final DateTimeFormatter NUMBERS = DateTimeFormatter.ofPattern("M/d/yyyy");

    private Dates() {
    }

    public static String format(Catalogue catalogue, LocalDate date) {
        String code = catalogue.language().code();
        if (cldrKnows(code)) {
            DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, new ULocale(code));
            format.setTimeZone(TimeZone.GMT_ZONE);
            return format.format(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return catalogue.text("date.numeric", Map.of("date", date.format(NUMBERS)));
    }

    static boolean cldrKnows(String code) {
        return Arrays.stream(ULocale.getAvailableLocales()).anyMatch(l -> l.getLanguage().equals(code));
    }
}
