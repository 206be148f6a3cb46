package miicbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import org.junit.jupiter.api.Test;

/**
 * What a lock or an opt-out changes is said when it is chosen, before the review, and the review repeats it; the
 * explanations add, neutrally, that MIIC settings are not a school or child-care exemption.
 */
class ConsequenceNoteTest {
    private static final Catalogue EN = Catalogue.load(Language.EN, null);

    @Test
    void aLockIsFollowedByWhatChangesAndTheReviewRepeatsItOnce() {
        String note = EN.text("request.note.lock");
        Dialog d = EngineTest.atRequest().tap("lock");
        assertTrue(d.said().startsWith(note + "\n"), "said right after the choice: " + d.said());
        assertTrue(note.contains("school or child care") && note.contains("keep your own copy"), note);
        d.type("Mankato Family Clinic, Mankato").tap("no");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        assertEquals(1, count(d.question().text(), note), d.question().text());
        assertFalse(d.question().text().contains(EN.text("request.note.opt_out")));
    }

    @Test
    void anOptOutIsFollowedByWhatChangesAndTheReviewRepeatsIt() {
        String note = EN.text("request.note.opt_out");
        Dialog d = EngineTest.atRequest().tap("opt_out");
        assertTrue(d.said().startsWith(note + "\n"), d.said());
        assertEquals(Stage.REVIEW, d.conversation().stage());
        assertEquals(1, count(d.question().text(), note), d.question().text());
        assertTrue(note.contains("keep your own copy"), note);
    }

    @Test
    void decliningRemindersOrUndoingChangesNothingForSchoolsSoNothingIsNoted() {
        for (String code : new String[] {"decline_reminders", "undo"}) {
            Dialog d = EngineTest.atRequest().tap(code);
            assertFalse(d.said().contains("keep your own copy"), code + ": " + d.said());
        }
    }

    @Test
    void aChangedRequestDropsTheNoteFromTheReview() {
        Dialog d = EngineTest.atRequest().tap("opt_out").tap("edit").tap("request").tap("decline_reminders");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        assertFalse(d.question().text().contains(EN.text("request.note.opt_out")), d.question().text());
    }

    @Test
    void aboutTheOptionsEndsWithTheSchoolRuleAndItsSourceInEveryLanguage() {
        for (Language language : Language.values()) {
            Dialog d = new Dialog(language).type("hi").tap("about");
            String every = d.engine().catalogue(language).text("explain.every_option");
            assertTrue(d.said().contains(every), language + ": " + d.said());
            assertTrue(d.said().indexOf(every) > d.said().indexOf(d.engine().catalogue(language).text("explain.undo")));
            assertTrue(every.contains("121A.15"), language + ": the source is named");
        }
        assertTrue(EN.text("explain.every_option").contains("not a school or child care exemption"));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
