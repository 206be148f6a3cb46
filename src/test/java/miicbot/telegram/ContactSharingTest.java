package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import miicbot.engine.Event;
import miicbot.engine.Reply;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;

/** "Share my phone number": the keyboard asks for the contact, and only the sender's own card is taken as theirs. */
class ContactSharingTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static Incoming.Private contact(long fromId, Long cardUserId) throws Exception {
        String card = "{\"phone_number\":\"+16515550123\",\"first_name\":\"A\""
                + (cardUserId == null ? "" : ",\"user_id\":" + cardUserId) + "}";
        Update update = JSON.readValue("{\"update_id\":1,\"message\":{\"message_id\":5,\"date\":1,"
                + "\"chat\":{\"id\":" + fromId + ",\"type\":\"private\"},"
                + "\"from\":{\"id\":" + fromId + ",\"is_bot\":false,\"first_name\":\"A\"},"
                + "\"contact\":" + card + "}}", Update.class);
        return (Incoming.Private) Incoming.of(update, new EditedMessages());
    }

    @Test
    void theSendersOwnCardIsTheirs() throws Exception {
        assertEquals(new Event.Contact("+16515550123", true), contact(7, 7L).event());
    }

    @Test
    void someoneElsesCardOrACardWithoutAUserIsNot() throws Exception {
        assertEquals(new Event.Contact("+16515550123", false), contact(7, 8L).event());
        assertEquals(new Event.Contact("+16515550123", false), contact(7, null).event());
    }

    @Test
    void theOfferIsAOneTimeKeyboardThatRequestsTheContact() {
        ReplyKeyboardMarkup markup = Keyboards.shareContact("Share my phone number");
        assertTrue(markup.getOneTimeKeyboard());
        assertEquals("Share my phone number", markup.getKeyboard().get(0).get(0).getText());
        assertTrue(markup.getKeyboard().get(0).get(0).getRequestContact());
        assertTrue(Keyboards.withdraw().getRemoveKeyboard());
    }

    @Test
    void aQuestionWithInlineButtonsKeepsThemWhenItAlsoOffersTheContact() {
        Reply.Ask ask = new Reply.Ask("Phone?", List.of(List.of(new Reply.Option("keep", "Keep"))), 3,
                Reply.Contact.OFFER, "Share my phone number");
        assertEquals("3:keep", Keyboards.of(ask).getKeyboard().get(0).get(0).getCallbackData());
    }
}
