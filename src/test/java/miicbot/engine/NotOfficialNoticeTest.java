package miicbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Before the first PDF, the chat says the form is not MDH's own form once. */
class NotOfficialNoticeTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void theFirstReviewSaysTheFormIsNotMdhsOwnAndLaterOnesDoNot(Language language) {
        String notice = Catalogue.load(language, null).text("form.not_official");
        Dialog d = new Dialog(language).type("hi").parent().child("Ana", "Garcia", "1/1/2018").tap("decline_reminders");
        assertTrue(d.said().contains(notice), d.said());
        assertEquals(0, d.forms().size(), "said before the first form is made");
        d.tap("confirm").child("Luis", "Garcia", "2/2/2019").tap("decline_reminders");
        assertTrue(d.said().contains("Luis"), "the second review is shown:\n" + d.said());
        assertFalse(d.said().contains(notice), "once is enough:\n" + d.said());
    }
}
