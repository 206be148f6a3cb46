package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real chats deliver: double and triple taps, taps on old or forged buttons, a tap from someone
 * else, and a burst of 200 messages beside 20 ordinary chats. Through the real client against the fake Bot API,
 * which fails "message is not modified" and records it, as Telegram does.
 */
@Timeout(120)
class TapsAndFloodTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void aDoubleTapActsOnceAndLaterTapsOnThatButtonAreQuiet() throws Exception {
        long chat = 3001;
        try (BotHarness h = new BotHarness(dir)) {
            FakeBotApi.BotMessage question = atWelcome(h, chat);
            String parent = data(question, "parent");
            int sends = sends(h, chat);
            int edits = edits(h);
            String first = h.api.pushTap(chat, chat, question.messageId(), parent);
            String second = h.api.pushTap(chat, chat, question.messageId(), parent); // before the edit lands
            answered(h, first);
            answered(h, second);
            h.api.awaitCall(c -> c.method().equals("editmessagetext") && c.chatId() == chat, WAIT);
            h.settle(h.api.botCalls() - 1);
            assertEquals(sends + 1, sends(h, chat), "one message: the privacy note with the next question: "
                    + h.transcript(chat));
            assertTrue(h.lastText(chat).contains("full name"), h.lastText(chat));

            // A third tap, after the edit took the buttons away (Telegram can still deliver one): quiet too.
            String third = h.api.pushTap(chat, chat, question.messageId(), parent);
            answered(h, third);
            h.type(chat, "Maria Lopez"); // the positive signal: its reply comes after anything the tap caused
            assertEquals(sends + 2, sends(h, chat), h.transcript(chat));
            assertTrue(h.lastText(chat).contains("phone"), h.lastText(chat));
            assertEquals(edits + 1, edits(h), "the answered question is edited once");
            h.assertNoViolations();
        }
    }

    @Test
    void aTapTwoQuestionsBackSaysItPassedOnceAndEditsNothing() throws Exception {
        long chat = 3002;
        try (BotHarness h = new BotHarness(dir)) {
            FakeBotApi.BotMessage question = atWelcome(h, chat);
            h.tap(chat, "parent").type(chat, "Maria Lopez");
            int edits = edits(h);
            int sends = sends(h, chat);
            answered(h, h.api.pushTap(chat, chat, question.messageId(), data(question, "guardian")));
            h.type(chat, "/status");
            List<String> texts = texts(h, chat).subList(sends, sends(h, chat));
            assertTrue(texts.get(0).startsWith("That question has passed"), texts.toString());
            assertEquals(1, texts.stream().filter(t -> t.startsWith("That question has passed")).count());
            assertEquals(edits, edits(h), "nothing already edited is edited again");
            h.assertNoViolations();
        }
    }

    @Test
    void forgedCallbackDataGetsTheCurrentQuestionAndNoFailingCall() throws Exception {
        long chat = 3003;
        try (BotHarness h = new BotHarness(dir)) {
            FakeBotApi.BotMessage question = atWelcome(h, chat);
            for (String forged : List.of("garbage", "99:parent", "1:", ":", "4294967296:x")) {
                answered(h, h.api.pushForgedTap(chat, chat, question.messageId() + 50, forged));
            }
            answered(h, h.api.pushTap(chat, chat, question.messageId(), "2:nonsense"));
            h.type(chat, "/status");
            h.tap(chat, "parent");
            assertTrue(h.lastText(chat).contains("full name"), h.transcript(chat));
            h.assertNoViolations();
        }
    }

    @Test
    void aTapFromAnotherUserIsIgnoredAndCounted() throws Exception {
        long chat = 3004;
        try (BotHarness h = new BotHarness(dir)) {
            FakeBotApi.BotMessage question = atWelcome(h, chat);
            int sends = sends(h, chat);
            answered(h, h.api.pushTap(chat, 777_777, question.messageId(), data(question, "parent")));
            h.tap(chat, "guardian"); // the chat's own user: acted on, and the first thing the bot does after
            assertEquals(sends + 1, sends(h, chat), "one message: the privacy note with the next question: "
                    + h.transcript(chat));
            assertTrue(h.api.messages(chat).stream().anyMatch(m -> m.text() != null
                    && m.text().endsWith("Your answer: I am the legal guardian")), h.transcript(chat));
            assertEquals(1, h.bot.foreignTaps());
            h.assertNoViolations();
        }
    }

    /**
     * 200 lines at once from one chat (each a name the bot must refuse) while 20 parents answer normally, with
     * Telegram's pace enforced by the fake and the bot at its default pace.
     */
    @Test
    void aBurstOf200IsAnsweredWithAFewMessagesWhileOtherChatsGoOn() throws Exception {
        FakeBotApi api = new FakeBotApi();
        api.strictPacing(1, 5);
        try (BotHarness h = new BotHarness(dir, api, 1)) {
            long flood = 4000;
            h.type(flood, "/start");
            h.tap(flood, "parent");
            int before = sends(h, flood);
            List<Long> others = new ArrayList<>();
            for (long chat = 4001; chat <= 4020; chat++) {
                others.add(chat);
                api.pushText(chat, chat, "/start", "en");
            }
            long started = System.currentTimeMillis();
            java.util.Set<Integer> lines = new java.util.HashSet<>();
            for (int i = 1; i <= 200; i++) {
                lines.add(api.pushText(flood, flood, "line " + i, "en"));
            }
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Thread> parents = new ArrayList<>();
            for (long chat : others) {
                Thread parent = new Thread(() -> walk(h, chat, latencies));
                parent.start();
                parents.add(parent);
            }
            // Done when the bot has deleted the 200th line (the last thing it does for it) and gone quiet.
            int lastLine = api.lastUserMessageId(flood);
            api.awaitCall(c -> c.chatId() == flood && deleted(c).contains(lastLine), Duration.ofSeconds(30));
            long floodDone = api.calls().stream().filter(c -> c.chatId() == flood && c.status() == 200)
                    .mapToLong(FakeBotApi.Call::atMillis).max().orElseThrow() - started;
            for (Thread parent : parents) {
                parent.join(60_000);
                assertTrue(!parent.isAlive(), "a parent did not finish");
            }
            int floodSends = sends(h, flood) - before;
            java.util.Set<Integer> gone = new java.util.HashSet<>();
            api.calls().stream().filter(c -> c.chatId() == flood && c.status() == 200)
                    .forEach(c -> gone.addAll(deleted(c)));
            assertTrue(gone.containsAll(lines), "every refused name is deleted");
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("burst of 200: %d messages to the flooding chat, finished in %d ms; other chats:"
                    + " %d replies, p50 %d ms, p99 %d ms%n", floodSends, floodDone, sorted.size(),
                    sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1));
            assertTrue(floodSends <= 10, floodSends + " messages: " + h.transcript(flood));
            assertTrue(floodDone <= 10_000, "the burst took " + floodDone + " ms");
            assertTrue(h.lastText(flood).contains("name"), h.lastText(flood));
            assertEquals(others.size() * 4, sorted.size());
            h.assertNoViolations();
        }
    }

    /** The message ids a deleteMessage or deleteMessages call deletes. */
    private static List<Integer> deleted(FakeBotApi.Call call) {
        List<Integer> ids = new ArrayList<>();
        if (call.method().equals("deletemessage")) {
            ids.add(call.params().path("message_id").asInt());
        } else if (call.method().equals("deletemessages")) {
            call.params().path("message_ids").forEach(id -> ids.add(id.asInt()));
        }
        return ids;
    }

    /** One ordinary parent: start, role, name, phone, address; each answer sent once the bot has asked. */
    private static void walk(BotHarness h, long chat, List<Long> latencies) {
        try {
            await(h, chat, 1);
            // The role tap is answered with one message (the note that typed answers are deleted, with the name).
            List<Runnable> answers = List.of(
                    () -> assertTrue(h.api.tapLabel(chat, chat, "I am the parent"), h.transcript(chat)),
                    () -> h.api.pushText(chat, chat, "Maria Lopez", "en"),
                    () -> h.api.pushText(chat, chat, "651 555 0123", "en"),
                    () -> h.api.pushText(chat, chat, "1 Main St, St. Paul, MN 55101", "en"));
            List<Integer> replies = List.of(1, 1, 1, 1);
            for (int i = 0; i < answers.size(); i++) {
                int seen = sends(h, chat);
                long pushed = System.currentTimeMillis();
                answers.get(i).run();
                await(h, chat, seen + replies.get(i));
                latencies.add(System.currentTimeMillis() - pushed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(BotHarness h, long chat, int sends) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (sends(h, chat) < sends) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("chat " + chat + " got no reply: " + h.transcript(chat));
            }
            Thread.sleep(2);
        }
    }

    /** Starts the interview: the welcome asks who the parent is, with role buttons (parent, guardian, ...). */
    private static FakeBotApi.BotMessage atWelcome(BotHarness h, long chat) throws InterruptedException {
        h.type(chat, "/start");
        FakeBotApi.BotMessage last = h.api.lastMessage(chat);
        assertTrue(!last.buttons().isEmpty(), h.transcript(chat));
        return last;
    }

    private static String data(FakeBotApi.BotMessage question, String code) {
        return question.buttons().stream().map(FakeBotApi.Button::data).filter(d -> d.endsWith(":" + code))
                .findFirst().orElseThrow(() -> new AssertionError("no " + code + " in " + question));
    }

    private static void answered(BotHarness h, String queryId) throws InterruptedException {
        h.api.awaitCall(c -> c.method().equals("answercallbackquery")
                && c.params().path("callback_query_id").asText().equals(queryId), WAIT);
    }

    private static int sends(BotHarness h, long chat) {
        return (int) h.api.calls("sendmessage").stream().filter(c -> c.chatId() == chat && c.status() == 200).count();
    }

    private static List<String> texts(BotHarness h, long chat) {
        return h.api.calls("sendmessage").stream().filter(c -> c.chatId() == chat && c.status() == 200)
                .map(c -> c.params().path("text").asText()).toList();
    }

    private static int edits(BotHarness h) {
        return h.api.calls("editmessagetext").size() + h.api.calls("editmessagereplymarkup").size();
    }
}
