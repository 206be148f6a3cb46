package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parent's typed personal answers, accepted or refused, are deleted from the chat exactly once, together, when
 * the review shows them (or at /forget and /cancel), also when the bot stops between storing the answers and
 * deleting them. The real bot on SQLite against the fake Bot API.
 */
@Timeout(120)
class TypedAnswersDeletedTest {
    @TempDir
    Path dir;

    @Test
    void everyTypedAnswerGoesOnceInOneCallWhenTheReviewShowsIt() throws Exception {
        long chat = 7001;
        try (BotHarness h = new BotHarness(dir)) {
            int hi = typed(h, chat, "hi");
            h.tap(chat, "parent");
            List<Integer> personal = new ArrayList<>();
            personal.add(typed(h, chat, "Maria Garcia Lopez"));
            personal.add(typed(h, chat, "12"));                       // refused: not a phone number
            personal.add(typed(h, chat, "651 555 0123"));
            personal.add(typed(h, chat, "123 Main St, St. Paul, MN 55101"));
            personal.add(typed(h, chat, "Ana"));
            personal.add(typed(h, chat, "Garcia"));
            personal.add(typed(h, chat, "31/31/2019"));               // refused: not a date
            personal.add(typed(h, chat, "3/14/2019"));
            h.tap(chat, "female");
            assertEquals(List.of(), h.api.calls("deleteMessages"), "nothing is deleted before the review");
            h.tap(chat, "opt_out");
            assertTrue(h.lastText(chat).contains("Maria Garcia Lopez"), "the review: " + h.lastText(chat));
            List<FakeBotApi.Call> deletions = h.api.calls("deleteMessages");
            assertEquals(1, deletions.size(), "one call for the child's typed answers: " + deletions);
            assertEquals(new TreeSet<>(personal), new TreeSet<>(deleted(deletions).keySet()));
            assertOnce(deletions);
            assertTrue(h.api.calls("deleteMessage").isEmpty(), "no single deletions");
            assertTrue(!deleted(deletions).containsKey(hi), "\"hi\" holds nothing personal and stays");

            h.tap(chat, "confirm");
            h.api.awaitDocuments(chat, 1, Duration.ofSeconds(20));
            int sibling = typed(h, chat, "Luis");                      // the next child's first name
            h.type(chat, "/cancel");
            deletions = h.api.calls("deleteMessages");
            assertEquals(2, deletions.size(), "cancel deletes what it kept: " + deletions);
            assertEquals(Set.of(sibling), deleted(deletions.subList(1, 2)).keySet());
            assertOnce(deletions);
            h.assertNoViolations();
        }
    }

    @Test
    void forgetDeletesTheTypedAnswersItKept() throws Exception {
        long chat = 7002;
        try (BotHarness h = new BotHarness(dir)) {
            h.type(chat, "hi").tap(chat, "parent");
            Set<Integer> personal = Set.of(typed(h, chat, "Maria Garcia Lopez"), typed(h, chat, "555"));
            assertTrue(h.api.calls("deleteMessages").isEmpty());
            h.type(chat, "/forget");
            List<FakeBotApi.Call> deletions = h.api.calls("deleteMessages");
            assertEquals(1, deletions.size(), deletions.toString());
            assertEquals(personal, deleted(deletions).keySet());
            h.assertNoViolations();
        }
    }

    @Test
    void aBotStoppedBeforeTheDeletionDeletesOnceWhenItStartsAgain() throws Exception {
        long chat = 7003;
        FakeBotApi api = new FakeBotApi();
        List<Integer> personal = new ArrayList<>();
        BotHarness first = new BotHarness(dir, api);
        try {
            first.type(chat, "hi").tap(chat, "parent");
            personal.add(typed(first, chat, "Maria Garcia Lopez"));
            personal.add(typed(first, chat, "651 555 0123"));
            personal.add(typed(first, chat, "123 Main St, St. Paul, MN 55101"));
            personal.add(typed(first, chat, "Ana"));
            personal.add(typed(first, chat, "Garcia"));
            personal.add(typed(first, chat, "3/14/2019"));
            first.tap(chat, "female");
            api.failNext("deleteMessages", 1_000, 500); // the deletion is stored but cannot go out
            first.tap(chat, "opt_out");
            assertTrue(first.lastText(chat).contains("Maria Garcia Lopez"), first.lastText(chat));
            assertTrue(deleted(succeeded(api)).isEmpty(), "nothing deleted yet");
        } finally {
            first.stopBot();
        }
        api.failNext("deleteMessages", 0, 500);
        try (BotHarness again = new BotHarness(dir, api)) {
            api.awaitCall(c -> c.method().equals("deletemessages") && c.status() == 200, Duration.ofSeconds(20));
            again.type(chat, "/status"); // one more round trip: a second deletion would have gone before its reply
            assertEquals(new TreeSet<>(personal), new TreeSet<>(deleted(succeeded(api)).keySet()));
            assertOnce(succeeded(api));
        }
    }

    private static int typed(BotHarness h, long chat, String text) throws InterruptedException {
        h.type(chat, text);
        return h.api.lastUserMessageId(chat);
    }

    private static List<FakeBotApi.Call> succeeded(FakeBotApi api) {
        return api.calls("deleteMessages").stream().filter(c -> c.status() == 200).toList();
    }

    /** How many times each message id was asked to be deleted by these calls. */
    private static Map<Integer, Integer> deleted(List<FakeBotApi.Call> calls) throws java.io.IOException {
        Map<Integer, Integer> times = new HashMap<>();
        for (FakeBotApi.Call call : calls) {
            com.fasterxml.jackson.databind.JsonNode ids = call.params().path("message_ids");
            if (ids.isTextual()) {
                ids = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(ids.asText());
            }
            ids.forEach(id -> times.merge(id.asInt(), 1, Integer::sum));
        }
        return times;
    }

    private static void assertOnce(List<FakeBotApi.Call> calls) throws java.io.IOException {
        deleted(calls).forEach((id, times) -> assertEquals(1, times, "message " + id + " deleted " + times + " times"));
    }
}
