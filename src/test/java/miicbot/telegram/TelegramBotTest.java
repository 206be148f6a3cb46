package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the real TelegramBots client and poller, the real engine, store and PDFs, a fake Bot API. */
@Timeout(90)
class TelegramBotTest {
    @TempDir
    Path dir;

    @Test
    void aParentGetsTwoFormsWithTheRightAnswers() throws Exception {
        long chat = 1001;
        try (BotHarness h = new BotHarness(dir)) {
            h.type(chat, "/start").parent(chat).child(chat, "Ana", "Garcia", "3/14/2019").tap(chat, "opt_out")
                    .tap(chat, "confirm")
                    .child(chat, "Luis", "Garcia", "July 1 2021").tap(chat, "lock")
                    .type(chat, "Westside Clinic, Bloomington").type(chat, "no").tap(chat, "confirm");
            List<FakeBotApi.Document> forms = h.api.awaitDocuments(chat, 2, Duration.ofSeconds(10));
            h.api.awaitCall(c -> c.params().path("text").asText().startsWith("The form is ready")
                    && h.api.messages(chat).stream().filter(m -> m.text() != null
                    && m.text().startsWith("The form is ready")).count() == 2, Duration.ofSeconds(10));
            h.tap(chat, "finish");
            assertEquals(List.of("MIIC-request-Ana-Garcia.pdf", "MIIC-request-Luis-Garcia.pdf"),
                    forms.stream().map(FakeBotApi.Document::fileName).toList());
            String ana = BotHarness.pdfText(forms.get(0).bytes());
            assertTrue(ana.contains("03/14/2019") && ana.contains("Maria Garcia Lopez"), ana);
            assertTrue(ana.contains("X Opt out"), ana);
            String luis = BotHarness.pdfText(forms.get(1).bytes());
            assertTrue(luis.contains("07/01/2021") && luis.contains("Westside Clinic") && luis.contains("Bloomington"));
            assertTrue(luis.contains("X Limit access"), luis);
            assertTrue(forms.get(0).caption().contains("Ana Garcia"));
            // The end: MDH's online form in its own message, then what stays in the chat, and last the offer to clear it.
            assertTrue(h.api.messages(chat).stream().anyMatch(m -> m.text() != null
                    && m.text().startsWith("How to send your request to MDH:")
                    && m.text().contains("MIIC Public Inquiry Form")), h.transcript(chat));
            assertTrue(h.transcript(chat).contains("stay in this Telegram chat"), h.transcript(chat));
            assertTrue(h.api.lastMessage(chat).buttons().stream().anyMatch(b -> b.data().endsWith(":clear")),
                    "then the offer to clear the chat");
            h.assertNoViolations();
        }
    }

    @Test
    void tappedQuestionsShowTheAnswer() throws Exception {
        long chat = 1002;
        try (BotHarness h = new BotHarness(dir)) {
            h.type(chat, "hi");
            h.tap(chat, "guardian");
            assertTrue(h.api.messages(chat).stream().anyMatch(m -> m.text() != null
                    && m.text().startsWith("Hello!") && m.text().endsWith("Your answer: I am the legal guardian")
                    && m.buttons().isEmpty()), h.transcript(chat));
            h.type(chat, "Maria Lopez");
            h.type(chat, "651 555 0123");
            assertTrue(h.api.calls("deleteMessages").isEmpty(), "typed answers stay until the review shows them"
                    + " (TypedAnswersDeletedTest)");
            h.assertNoViolations();
        }
    }

    @Test
    void spanishFromTheAppLanguage() throws Exception {
        long chat = 1003;
        try (BotHarness h = new BotHarness(dir)) {
            h.type(chat, "hola", "es");
            assertTrue(h.lastText(chat).contains("¡Hola!"), h.lastText(chat));
            assertTrue(h.api.lastMessage(chat).buttons().stream().anyMatch(b -> b.label().equals("Soy la madre o el padre")));
            h.assertNoViolations();
        }
    }

    @Test
    void commandsStaleButtonsStickersAndGroups() throws Exception {
        long chat = 1004;
        try (BotHarness h = new BotHarness(dir)) {
            h.type(chat, "hi").tap(chat, "parent").type(chat, "Maria Lopez");
            FakeBotApi.BotMessage relationship = h.api.lastMessage(chat);
            h.type(chat, "651 555 0123").type(chat, "/back");
            assertTrue(h.transcript(chat).endsWith("What phone number can MDH use to reach you? For example 651-555-0123."),
                    h.transcript(chat));
            h.type(chat, "/status");
            assertTrue(h.transcript(chat).contains("Forms made so far: 0. Now: Phone."));
            int before = h.api.botCalls();
            h.api.pushTap(chat, chat, h.api.messages(chat).get(1).messageId(), "1:parent"); // the welcome's old button
            h.settle(before);
            assertTrue(h.transcript(chat).contains("That question has passed"), h.transcript(chat));
            before = h.api.botCalls();
            h.api.pushSticker(chat, chat);
            h.settle(before);
            assertTrue(h.transcript(chat).contains("I can only read typed answers"));
            before = h.api.botCalls();
            h.api.pushGroupText(-500, 7, "hello bot");
            h.api.pushGroupText(-500, 8, "anyone?");
            h.settle(before);
            List<FakeBotApi.BotMessage> group = h.api.messages(-500);
            assertEquals(1, group.size(), "told once");
            assertTrue(group.get(0).text().contains("only in private chats"));
            assertNotNull(relationship);
            h.assertNoViolations();
        }
    }

    @Test
    void rateLimitsAndServerErrorsAreRiddenOut() throws Exception {
        long chat = 1005;
        try (BotHarness h = new BotHarness(dir)) {
            h.type(chat, "hi");
            h.api.rateLimitNext("sendmessage", 1, 1);
            h.api.failNext("sendmessage", 2, 502);
            h.tap(chat, "parent");
            h.api.awaitCall(c -> c.method().equals("sendmessage") && c.status() == 200 && c.params().path("text").asText()
                    .endsWith("What is your full name?"), Duration.ofSeconds(15));
            h.type(chat, "Maria Lopez");
            // The paced retries may still be sending the note before the name question: wait for the reply itself.
            h.api.awaitCall(c -> c.method().equals("sendmessage") && c.status() == 200 && c.params().path("text")
                    .asText().startsWith("What phone number"), Duration.ofSeconds(15));
            h.assertNoViolations();
        }
    }

    @Test
    void anEditOfTheLatestAnswerReplacesItAndOlderEditsAreIgnored() throws Exception {
        long chat = 1006;
        try (BotHarness h = new BotHarness(dir)) {
            h.type(chat, "hi").tap(chat, "parent");
            int before = h.api.botCalls();
            h.api.pushText(chat, chat, "Maria 9", "en");
            h.settle(before);
            assertTrue(h.transcript(chat).contains("letters only"), h.transcript(chat));
            before = h.api.botCalls();
            h.api.pushEditedText(chat, chat, h.api.lastUserMessageId(chat), "Maria Lopez");
            h.settle(before);
            assertTrue(h.lastText(chat).startsWith("What phone number"), h.lastText(chat));
            before = h.api.calls("sendmessage").size();
            h.api.pushEditedText(chat, chat, 1, "an old message edited");
            h.type(chat, "651 555 0123"); // the positive signal: anything the edit caused would come before this reply
            assertEquals(before + 1, h.api.calls("sendmessage").size(), "nothing sent for an edit of an older message");
            assertTrue(h.lastText(chat).startsWith("What is your mailing address"), h.lastText(chat));
            h.assertNoViolations();
        }
    }

    @Test
    void startUpPublishesCommandsInEachLanguage() throws Exception {
        try (BotHarness h = new BotHarness(dir)) {
            var commands = h.api.calls("setMyCommands");
            assertEquals(3, commands.size(), "the default, es and so; the Bot API takes no three-letter hmn");
            assertTrue(commands.stream().anyMatch(c -> c.params().path("language_code").asText().equals("es")
                    && c.params().toString().contains("Pregunta anterior")));
            assertTrue(commands.stream().anyMatch(c -> c.params().path("language_code").asText().equals("so")
                    && c.params().toString().contains("Su'aashii hore")));
            assertEquals(1, h.api.calls("deleteWebhook").size());
        }
    }

    @Test
    void aBadTokenIsRefusedClearly() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            var settings = new BotSettings("999:wrong", URI.create(api.url()), 1, 50, 2, true, null);
            TelegramBot.BadToken e = assertThrows(TelegramBot.BadToken.class,
                    () -> TelegramBot.start(settings, null, null, null));
            assertTrue(e.getMessage().contains("401"), e.getMessage());
        }
    }
}
