package miicbot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The date on the review line and on PDF page 2, per language. */
class DatesTest {
    private static final Map<Language, Catalogue> CATALOGUES = Catalogue.loadAll(null);
    private static final LocalDate DAY = LocalDate.of(2019, 3, 14);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"EN|March 14, 2019", "ES|14 de marzo de 2019", "HMN|3/14/2019 (hli/hnub/xyoo)"})
    void eachLanguageReadsItsDate(Language language, String expected) {
        assertEquals(expected, Dates.format(CATALOGUES.get(language), DAY));
    }

    @Test
    void somaliUsesSomaliMonthNamesNotEnglish() {
        assertEquals("Maarso 14, 2019", Dates.format(CATALOGUES.get(Language.SO), DAY));
    }

    /** What the review shows can be typed back: the same CLDR month names are read from a typed date. */
    @ParameterizedTest
    @CsvSource({"ES", "SO", "EN"})
    void theReviewedDateReadsBackAsTheSameDate(Language language) {
        for (int month = 1; month <= 12; month++) {
            LocalDate day = LocalDate.of(2019, month, 14);
            String shown = Dates.format(CATALOGUES.get(language), day);
            assertEquals(new miicbot.engine.Parsed.Ok(day.toString()),
                    miicbot.interview.Parsers.birthDate(shown, LocalDate.of(2026, 11, 25)), shown);
        }
    }

    @Test
    void hmongHasNoCldrDataSoItGetsNumbersNotEnglishMonths() {
        assertFalse(Dates.cldrKnows("hmn"));
        assertTrue(Dates.cldrKnows("so") && Dates.cldrKnows("es"));
        assertFalse(Dates.format(CATALOGUES.get(Language.HMN), DAY).contains("Mar"));
    }
}
