package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import miicbot.engine.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

class RequestJsonTest {
    private static final long CHAT = -1001234567890L;

    static Stream<BotApiMethod<?>> theBotsCalls() {
        Reply.Ask ask = new Reply.Ask("Which one? \"Quotes\", ñ, 中, emoji 👍\nand a line",
                List.of(List.of(new Reply.Option("y", "Yes, \\ back"), new Reply.Option("n", "No")),
                        List.of(new Reply.Option("x", "Ümlaut </b>"))), 3, Reply.Contact.NONE, null);
        return Stream.of(
                SendMessage.builder().chatId(CHAT).text("plain\ttext").build(),
                SendMessage.builder().chatId(CHAT).text(ask.text()).replyMarkup(Keyboards.of(ask)).build(),
                SendMessage.builder().chatId(CHAT).text("Share").replyMarkup(Keyboards.shareContact("Share 📞"))
                        .build(),
                SendMessage.builder().chatId(CHAT).text("Thanks").replyMarkup(Keyboards.withdraw())
                        .build(),
                EditMessageText.builder().chatId(CHAT).messageId(42).text("✓ Yes").build(),
                EditMessageReplyMarkup.builder().chatId(CHAT).messageId(42).build(),
                DeleteMessage.builder().chatId(CHAT).messageId(7).build(),
                DeleteMessages.builder().chatId(CHAT).messageIds(List.of(7, 8, 9)).build(),
                AnswerCallbackQuery.builder().callbackQueryId("4382bfdwdsb323b2d9").build());
    }

    @ParameterizedTest
    @MethodSource("theBotsCalls")
    void writesWhatTheLibrarysJacksonWrites(BotApiMethod<?> call) {
        byte[] body = RequestJson.write(call);
        assertNotNull(body, call.getMethod());
        assertTrue(JsonCalls.sameAsLibrary(body, call), new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aFieldNotWrittenHereIsCaughtByTheCheck() {
        SendMessage formatted = SendMessage.builder().chatId(CHAT).text("<b>bold</b>").parseMode("HTML").build();
        assertFalse(JsonCalls.sameAsLibrary(RequestJson.write(formatted), formatted));
    }

    @Test
    void otherCallsAreLeftToJackson() {
        assertNull(RequestJson.write(new GetMe()));
    }
}
