package miicbot.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import miicbot.i18n.Language;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated hostile events through the engine: it never throws, always answers, and keeps every
 * question within Telegram's limits.
 */
class HostileInputTest {
    private static final List<String> NASTY = List.of("", " ", "x".repeat(4096), "\u0000\u0007\u001b[2J",
            "\u202Eevil\u202C", "Ana\u200B\u200C\u200D", "😀👨‍👩‍👧", "'; DROP TABLE conversations; --",
            "<b>bold</b> & <i>", "*_[]()~`>#+-=|{}.!", "31/02/2019", "9999-12-31", "0/0/0000", "١٢/٣/٢٠١٩",
            "مرحبا", "שלום", "/back", "/forget", "/start", "/unknown", "/", "1", "99", "-1", "skip", "keep", "yes",
            "sí", "no", "Maria Lopez", "3/14/2019", "55101", "651-555-0123", "lock", "confirm", "edit");

    @Test
    void tenThousandHostileEventsNeverBreakTheEngine() {
        // A new walk each run; a failing one is replayed with mvn test -Dtest=HostileInputTest -Dseed=<the seed>.
        long seed = Long.getLong("seed", new Random().nextLong());
        System.out.println("HostileInputTest seed: " + seed + " (replay with -Dseed=" + seed + ")");
        Engine engine = Dialog.newEngine();
        Random random = new Random(seed);
        Conversation c = Conversation.start(Language.EN);
        for (int i = 0; i < 10_000; i++) {
            Event event = switch (random.nextInt(5)) {
                case 0 -> new Event.Tap(random.nextInt(3) == 0 ? random.nextInt() : c.ask(), randomCode(random, c));
                case 1 -> new Event.Unsupported();
                default -> Event.ofTyped(NASTY.get(random.nextInt(NASTY.size())));
            };
            Outcome outcome = engine.next(c, event, Dialog.TODAY);
            assertFalse(outcome.replies().isEmpty(), "no reply to " + event + " at " + c.step() + ", seed " + seed);
            for (Reply reply : outcome.replies()) {
                if (reply instanceof Reply.Ask ask) {
                    assertTrue(ask.text().codePointCount(0, ask.text().length()) <= 4096);
                    assertEquals(outcome.conversation().ask(), ask.ask(), "a question carries the current number");
                    for (Reply.Option option : ask.options()) {
                        assertTrue((ask.ask() + ":" + option.code()).getBytes(StandardCharsets.UTF_8).length <= 64);
                    }
                }
            }
            c = outcome.conversation();
        }
    }

    private static String randomCode(Random random, Conversation c) {
        List<String> codes = List.of("start", "about", "parent", "guardian", "other", "MN", "keep", "skip", "yes",
                "no", "lock", "opt_out", "undo", "about:lock", "confirm", "edit", "review", "child_first", "es", "en",
                "x".repeat(100), "", "\u0000");
        return codes.get(random.nextInt(codes.size()));
    }

    @Test
    void namesWithMarkupAreKeptExactlyAsTyped() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("start").type("José Ñúñez-O'Brien");
        assertEquals("José Ñúñez-O'Brien", d.conversation().answer(miicbot.interview.StepId.PARENT_NAME));
        d.tap("parent").type("651-555-0123").tap("skip").type("<b>12</b> Main & Co").type("St. Paul").tap("MN")
                .type("55101").child("Ana", "Lee", "2019-01-01").tap("opt_out");
        assertTrue(d.said().contains("<b>12</b> Main & Co"), "the engine does not escape: adapters do");
    }
}
