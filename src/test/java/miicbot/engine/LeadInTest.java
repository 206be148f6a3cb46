package miicbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import miicbot.i18n.Language;
import org.junit.jupiter.api.Test;

/** A line said just before a question goes in the question's message, unless the question says it already. */
class LeadInTest {
    private static final Reply.Ask ASK = new Reply.Ask("What is your full name?", List.of(), 3);

    @Test
    void aLineBeforeAQuestionIsPartOfItsMessage() {
        List<Reply> joined = LeadIn.joined(List.of(new Reply.Say("One."), new Reply.Say("Two."), ASK));
        assertEquals(List.of(new Reply.Say("One."), new Reply.Ask("Two.\n\nWhat is your full name?", List.of(), 3,
                        Reply.Contact.NONE, "", "Two.")),
                joined, "only the line right before the question joins it; its number stays");
    }

    @Test
    void aLineTheQuestionAlreadySaysAndAPairTooLongStayApart() {
        Reply.Say note = new Reply.Say("Keep your own copy.");
        Reply.Ask review = new Reply.Ask("Please check:\n\nKeep your own copy.", List.of(), 4);
        assertEquals(List.of(note, review), LeadIn.joined(List.of(note, review)));
        Reply.Say longLine = new Reply.Say("x".repeat(LeadIn.MAX_CHARS - ASK.text().length() - 1));
        assertEquals(List.of(longLine, ASK), LeadIn.joined(List.of(longLine, ASK)));
        Reply.Say fits = new Reply.Say("x".repeat(LeadIn.MAX_CHARS - ASK.text().length() - 2));
        assertEquals(1, LeadIn.joined(List.of(fits, ASK)).size());
    }

    @Test
    void theFirstTypedAnswersNoticeAndTheFirstQuestionAreOneMessage() {
        Outcome parent = new Dialog(Language.EN).type("hi").tap("parent").last();
        assertEquals(1, parent.replies().size(), parent.replies().toString());
        Reply.Ask ask = (Reply.Ask) parent.replies().get(0);
        assertTrue(ask.text().startsWith("To keep your chat private") && ask.text().endsWith("your full name?"),
                ask.text());
    }
}
