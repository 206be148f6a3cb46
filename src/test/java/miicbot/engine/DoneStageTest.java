package miicbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.TestInterview;
import org.junit.jupiter.api.Test;

/** The end of the chat: short messages that lead with MDH's online form, and words true for the parent's screen. */
class DoneStageTest {
    private static final int MAX_WORDS = 80;

    @Test
    void theEndIsSeveralShortMessagesLeadingWithMdhsOnlineForm() {
        Dialog d = EngineTest.atRequest().tap("opt_out").tap("confirm").tap("finish");
        assertEquals(Stage.DONE, d.conversation().stage());
        List<String> messages = messages(d.last());
        assertEquals(4, messages.size(), messages.toString());
        for (String message : messages) {
            assertTrue(message.split("\\s+").length <= MAX_WORDS, message.split("\\s+").length + " words: " + message);
        }
        assertTrue(messages.get(0).startsWith("Done! You have 1 form."), messages.get(0));
        assertTrue(messages.get(0).contains("MIIC record request"), "a copy of the record first");
        assertTrue(messages.get(1).contains("MIIC Public Inquiry Form") && messages.get(1).contains("MDH's own way"));
        assertTrue(messages.get(2).startsWith("Other ways: print the PDF, sign"), messages.get(2));
        assertTrue(messages.get(2).contains("651-201-5522") && messages.get(2).contains("Ask if they take privacy"));
        assertTrue(messages.get(3).contains("stay in this Telegram chat"), messages.get(3));
        assertTrue(messages.get(3).endsWith("the forms too."), "the offer to clear the chat is part of the last one");
        for (String jargon : List.of("encrypted", "surest", "These belong", "MDH names this form")) {
            assertFalse(String.join("\n", messages).contains(jargon), jargon);
        }
    }

    @Test
    void theChatHasNoButtonNumbersAndTheConsoleDoes() {
        Engine chat = Dialog.newEngine();
        Engine console = engine(Engine.Screen.CONSOLE);
        Conversation start = Conversation.start(Language.EN);
        Outcome inChat = chat.next(start, Event.ofTyped("hi"), Dialog.TODAY);
        Outcome inConsole = console.next(start, Event.ofTyped("hi"), Dialog.TODAY);
        assertTrue(text(inChat).contains("stay in this Telegram chat until deleted"), text(inChat));
        assertFalse(text(inConsole).contains("Telegram"), text(inConsole));
        assertTrue(text(inConsole).contains("folder"), text(inConsole));
        String unclearInChat = text(chat.next(inChat.conversation(), Event.ofTyped("what?"), Dialog.TODAY));
        String unclearInConsole = text(console.next(inConsole.conversation(), Event.ofTyped("what?"), Dialog.TODAY));
        assertFalse(unclearInChat.contains("number"), unclearInChat);
        assertTrue(unclearInConsole.contains("type its number"), unclearInConsole);
    }

    @Test
    void mdhIsSpelledOutInTheFirstMessageAndTheBotSaysItIsNotPartOfMdh() {
        Outcome first = Dialog.newEngine().next(Conversation.start(Language.EN), Event.ofTyped("hi"), Dialog.TODAY);
        String welcome = text(first);
        assertTrue(welcome.startsWith("Hello! I help you ask the Minnesota Department of Health (MDH)"), welcome);
        assertTrue(welcome.contains("I am not part of MDH."), welcome);
        assertTrue(welcome.indexOf("MDH's online form") < welcome.indexOf("sign"), "the online form leads");
    }

    private static Engine engine(Engine.Screen screen) {
        Map<Language, Catalogue> catalogues = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            catalogues.put(language, Catalogue.load(language, null));
        }
        return new Engine(TestInterview.MIIC, catalogues, new Engine.Settings(30, false, screen));
    }

    /** The texts of the outcome's messages (said, or asked with buttons). */
    private static List<String> messages(Outcome outcome) {
        return outcome.replies().stream().filter(r -> r instanceof Reply.Say || r instanceof Reply.Ask)
                .map(r -> r instanceof Reply.Say s ? s.text() : ((Reply.Ask) r).text()).toList();
    }

    private static String text(Outcome outcome) {
        return String.join("\n", outcome.replies().stream()
                .map(r -> r instanceof Reply.Say s ? s.text() : r instanceof Reply.Ask a ? a.text() : "").toList());
    }
}
