package miicbot.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import miicbot.engine.Step;
import miicbot.engine.StepId;
import miicbot.i18n.Language;
import miicbot.interview.MiicInterview;
import miicbot.interview.TestInterview;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated hostile events through the engine: it never throws, always answers, keeps every question
 * within Telegram's limits, and (since half the events are plausible answers) reaches every step of the table.
 * The seed is printed; re-run one with {@code -Dhostile.seed=N}.
 */
class HostileInputTest {
    private static final List<String> NASTY = List.of("", " ", "x".repeat(4096), "\u0000\u0007\u001b[2J",
            "\u202Eevil\u202C", "Ana\u200B\u200C\u200D", "😀👨‍👩‍👧", "'; DROP TABLE conversations; --",
            "<b>bold</b> & <i>", "*_[]()~`>#+-=|{}.!", "31/02/2019", "9999-12-31", "0/0/0000", "١٢/٣/٢٠١٩",
            "مرحبا", "שלום", "/back", "/forget", "/why", "/language", "/unknown", "/", "1", "99", "-1", "skip", "keep", "yes",
            "sí", "no", "Maria Lopez", "3/14/2019", "55101", "651-555-0123", "651 555 012", "lock", "confirm", "edit",
            "English", "finish", "O", "A".repeat(200));

    /** Plausible typed answers per question, so that the walk gets everywhere. */
    private static final Map<StepId, List<String>> PLAUSIBLE = Map.ofEntries(
            Map.entry(MiicInterview.PARENT_NAME, List.of("Maria Lopez")),
            Map.entry(MiicInterview.PARENT_PHONE, List.of("651-555-0123", "(612) 555 0199")),
            Map.entry(MiicInterview.ADDRESS, List.of("1215 Riverfront Dr Apt 4, Mankato, MN 56001", "1 Main St, Duluth, MN",
                    "Duluth, MN 55802", "1 Main St, MN 55802", "1 Main St, Duluth 55802", "56001")),
            Map.entry(MiicInterview.STREET, List.of("1 Main St")),
            Map.entry(MiicInterview.CITY, List.of("Duluth")),
            Map.entry(MiicInterview.STATE, List.of("MN", "Minnesota")),
            Map.entry(MiicInterview.ZIP, List.of("55802")),
            Map.entry(MiicInterview.PARENT_EMAIL, List.of("maria@example.com")),
            Map.entry(MiicInterview.CHILD_FIRST, List.of("Ana Sofia")),
            Map.entry(MiicInterview.CHILD_LAST, List.of("Garcia Lopez", "O")),
            Map.entry(MiicInterview.CHILD_BIRTH_DATE, List.of("3/14/2019", "1/1/2001")),
            Map.entry(MiicInterview.CHILD_OTHER_NAMES, List.of("Ana Lopez")),
            Map.entry(MiicInterview.CLINIC, List.of("Mankato Family Clinic, Mankato", "Mankato Family Clinic")),
            Map.entry(MiicInterview.CLINIC_CITY, List.of("Mankato")));

    @Test
    void tenThousandHostileEventsNeverBreakTheEngineAndReachEveryStep() {
        long seed = Long.getLong("hostile.seed", 1);
        System.out.println("HostileInputTest seed: " + seed);
        Engine engine = Dialog.newEngine();
        Random random = new Random(seed);
        Conversation c = Conversation.start(Language.EN);
        Reply.Ask question = null;
        Set<StepId> reached = new java.util.HashSet<>();
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        for (int i = 0; i < 10_000; i++) {
            Event event = next(random, c, question);
            Outcome outcome = engine.next(c, event, Dialog.TODAY);
            assertFalse(outcome.replies().isEmpty(), "no reply to " + event + " at " + c.place() + " (seed " + seed + ")");
            for (Reply reply : outcome.replies()) {
                if (reply instanceof Reply.Ask ask) {
                    question = ask;
                    assertTrue(ask.text().codePointCount(0, ask.text().length()) <= 4096);
                    assertEquals(outcome.conversation().ask(), ask.ask(), "a question carries the current number");
                    for (Reply.Option option : ask.options()) {
                        assertTrue((ask.ask() + ":" + option.code()).getBytes(StandardCharsets.UTF_8).length <= 64);
                    }
                }
            }
            c = outcome.conversation();
            stages.add(c.stage());
            if (c.step() != null) {
                reached.add(c.step());
            }
            if (c.stage() == Stage.WELCOME && c.answer(MiicInterview.ROLE) != null) {
                reached.add(MiicInterview.ROLE); // the welcome asks the first question
            } else if (c.stage() == Stage.WELCOME) {
                reached.add(TestInterview.MIIC.steps().get(0).id());
            }
        }
        assertEquals(TestInterview.allIds(), reached, "steps reached (seed " + seed + ")");
        assertEquals(EnumSet.allOf(Stage.class), stages, "stages reached (seed " + seed + ")");
    }

    private static Event next(Random random, Conversation c, Reply.Ask question) {
        int kind = random.nextInt(10);
        if (kind < 5 && question != null && !question.options().isEmpty() && (c.step() == null
                || TestInterview.MIIC.step(c.step()).input() != Step.Input.TEXT || random.nextBoolean())) {
            List<Reply.Option> options = question.options();
            return new Event.Tap(question.ask(), options.get(random.nextInt(options.size())).code());
        }
        if (kind < 7 && c.step() != null && PLAUSIBLE.containsKey(c.step())) {
            List<String> answers = PLAUSIBLE.get(c.step());
            return new Event.Text(answers.get(random.nextInt(answers.size())));
        }
        return switch (random.nextInt(6)) {
            case 0 -> new Event.Tap(random.nextInt(3) == 0 ? random.nextInt() : c.ask(), randomCode(random));
            case 1 -> new Event.Unsupported();
            case 2 -> new Event.Contact("+1651555" + (1000 + random.nextInt(9000)), random.nextBoolean());
            default -> Event.ofTyped(NASTY.get(random.nextInt(NASTY.size())));
        };
    }

    private static String randomCode(Random random) {
        List<String> codes = List.of("about", "why", "parent", "guardian", "self", "helper", "keep", "skip", "same",
                "sure", "in_english", "not_sure", "yes", "no", "lock", "opt_out", "undo", "about:lock", "confirm",
                "edit", "review", "finish", "child_first", "address", "parent_email", "es", "en", "x".repeat(100), "",
                "\u0000");
        return codes.get(random.nextInt(codes.size()));
    }

    @Test
    void namesWithMarkupAreKeptExactlyAsTyped() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("parent").type("José Ñúñez-O'Brien");
        assertEquals("José Ñúñez-O'Brien", d.conversation().answer(MiicInterview.PARENT_NAME));
        d.type("651-555-0123").type("12 <b>Main</b> St & Co, St. Paul, MN 55101").child("Ana", "Lee", "2019-01-01")
                .tap("opt_out");
        assertTrue(d.said().contains("12 <b>Main</b> St & Co"), "the engine does not escape: adapters do");
    }
}
