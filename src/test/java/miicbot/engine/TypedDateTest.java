package miicbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A birth date typed in each language: a day typed first (14/3/2019) gets the hint in the parent's language with
 * the date written month first; a month name of that language is read; the review shows the date as that
 * language reads it (Hmong, which CLDR lacks, in numbers with their order).
 */
class TypedDateTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EN | Sept 14 2019           | September 14, 2019",
        "ES | 14 de setiembre de 2019 | 14 de septiembre de 2019",
        "SO | 14 Sebtember 2019       | Sebtembar 14, 2019",
        "HMN| 9/14/2019               | 9/14/2019 (hli/hnub/xyoo)"})
    void aDayTypedFirstGetsAHintThenTheLanguagesMonthNameIsReadAndReviewed(Language language, String typed,
                                                                             String reviewed) {
        Catalogue catalogue = Catalogue.load(language, null);
        Dialog d = new Dialog(language).type("hello").parent().type("Ana").type("Garcia");
        d.type("14/9/2019");
        assertTrue(d.said().contains(catalogue.text("invalid.date.day_first", Map.of("date", "9/14/2019"))),
                d.said());
        assertEquals("child_birth_date", d.conversation().step().key(), "asked again");
        d.type(typed).tap("female").tap("decline_reminders");
        assertTrue(d.said().contains(catalogue.text("child_birth_date.title") + ": " + reviewed), d.said());
    }
}
