package miicbot.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import miicbot.i18n.Language;
import org.junit.jupiter.api.Test;

/** The console coming back: the language chosen for this visit wins where nothing is under way, else asks once. */
class ResumeTest {
    private static String text(Dialog d, Language language, String key) {
        return d.engine().catalogue(language).text(key);
    }

    @Test
    void aFinishedConversationIsGreetedAsNewInTheChosenLanguage() {
        Conversation finished = new Conversation(Language.EN, Place.of(Stage.DONE), 40, Map.of(), false, null, 2,
                Map.of(), null);
        Dialog d = new Dialog(Language.EN);
        Outcome outcome = d.engine().next(finished, new Event.Resume(Language.SO), Dialog.TODAY);
        assertEquals(Language.SO, outcome.conversation().language());
        assertEquals(Stage.WELCOME, outcome.conversation().stage());
        assertEquals(0, outcome.conversation().childrenDone(), "greeted as new");
        assertEquals(1, outcome.replies().size(), outcome.replies().toString());
        assertEquals(d.engine().catalogue(Language.SO).text("welcome.text", Map.of("days", 30)),
                ((Reply.Ask) outcome.replies().get(0)).text());
        // Without a chosen language, a finished conversation keeps its own.
        assertEquals(Language.EN, d.engine().next(finished, new Event.Resume(), Dialog.TODAY).conversation().language());
    }

    @Test
    void aConversationUnderWayInAnotherLanguageAsksOnceThenGoesOnWhereItStood() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("parent");
        Place before = d.conversation().place();
        d.send(new Event.Resume(Language.ES));
        assertTrue(d.said().startsWith("Welcome back!"), d.said());
        assertTrue(d.question().text().endsWith("\n\n" + text(d, Language.ES, "language.prompt")), d.said());
        assertEquals(Stage.LANGUAGE, d.conversation().stage());
        d.tap("es");
        assertEquals(Language.ES, d.conversation().language());
        assertEquals(before, d.conversation().place(), "back at the question it stood at");
        // Asked once: a later visit with the same language just goes on.
        d.send(new Event.Resume(Language.ES));
        assertEquals(Stage.QUESTION, d.conversation().stage());
        assertFalse(d.said().contains(text(d, Language.ES, "language.prompt")), d.said());
    }

    @Test
    void aConversationUnderWayInTheChosenLanguageJustResumes() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("parent");
        Place before = d.conversation().place();
        d.send(new Event.Resume(Language.EN));
        assertEquals(before, d.conversation().place());
        assertTrue(d.said().startsWith("Welcome back!"), d.said());
    }
}
