package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import miicbot.Transcripts;
import miicbot.engine.ButtonRows;
import miicbot.engine.Conversation;
import miicbot.engine.Dialog;
import miicbot.engine.Engine;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.i18n.Language;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Every inline keyboard the bot sends fits a phone ({@link ButtonRows}): the golden transcripts are walked in all
 * four languages, and at every question each button and each command is tried two taps deep, so About screens,
 * help, the review, its edit list and the language picker are all reached.
 */
class KeyboardFitTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final List<String> TRANSCRIPTS = List.of("two-children.txt", "en-lock-then-different-request.txt",
            "en-opt-out-then-same-request.txt", "es-lock-then-different-request.txt",
            "es-opt-out-then-same-request.txt", "two-children-so.txt", "two-children-hmn.txt");
    private static final List<String> COMMANDS = List.of("/help", "/why", "/back", "/status", "/language", "/cancel");

    private static final Engine ENGINE = Dialog.newEngine();
    /** Each keyboard sent, as rows of labels, with where it was met; by the conversation's language. */
    private static final Map<Language, Map<List<List<String>>, String>> KEYBOARDS = new EnumMap<>(Language.class);

    @BeforeAll
    static void walkEveryTranscriptAndEveryButtonTwoDeep() throws Exception {
        for (String name : TRANSCRIPTS) {
            // A golden chat ("> " lines, "[label]" taps) or a console one; either starts in the file's language.
            List<String> lines = Transcripts.read(name).lines().toList();
            boolean golden = lines.stream().anyMatch(l -> l.startsWith("> "));
            String tag = name.startsWith("two-children-") ? name.substring("two-children-".length()) : name;
            Conversation c = Conversation.start(Language.fromTag(tag));
            Reply.Ask question = null;
            for (String line : golden ? lines.stream().filter(l -> l.startsWith("> ")).map(l -> l.substring(2))
                    .toList() : lines) {
                Event event = Event.ofTyped(line);
                if (question != null && line.strip().matches("\\d{1,2}")) {
                    int n = Integer.parseInt(line.strip());
                    if (n >= 1 && n <= question.options().size()) {
                        event = new Event.Tap(question.ask(), question.options().get(n - 1).code());
                    }
                }
                if (question != null && line.startsWith("[") && line.endsWith("]")) {
                    String label = line.substring(1, line.length() - 1);
                    Reply.Ask asked = question;
                    event = new Event.Tap(asked.ask(), asked.options().stream().filter(o -> o.label().equals(label))
                            .findFirst().orElseThrow(() -> new AssertionError(name + ": no button " + line)).code());
                }
                Outcome outcome = ENGINE.next(c, event, TODAY);
                c = outcome.conversation();
                Reply.Ask asked = record(outcome, name + " after \"" + line + "\"");
                if (asked != null) {
                    question = asked;
                    probe(c, asked, name, 2);
                }
            }
        }
    }

    /** Tries each button of {@code ask} and each command from {@code c}, {@code depth} steps deep. */
    private static void probe(Conversation c, Reply.Ask ask, String where, int depth) {
        if (depth == 0) {
            return;
        }
        List<Event> events = new ArrayList<>();
        ask.options().forEach(o -> events.add(new Event.Tap(ask.ask(), o.code())));
        COMMANDS.forEach(command -> events.add(Event.ofTyped(command)));
        for (Event event : events) {
            Outcome outcome = ENGINE.next(c, event, TODAY);
            Reply.Ask next = record(outcome, where + " then " + event);
            if (next != null) {
                probe(outcome.conversation(), next, where + " then " + event, depth - 1);
            }
        }
    }

    private static Reply.Ask record(Outcome outcome, String where) {
        Reply.Ask last = null;
        for (Reply reply : outcome.replies()) {
            if (reply instanceof Reply.Ask ask) {
                last = ask;
                InlineKeyboardMarkup markup = Keyboards.of(ask);
                if (markup != null) {
                    KEYBOARDS.computeIfAbsent(outcome.conversation().language(), l -> new LinkedHashMap<>())
                            .putIfAbsent(labels(markup), where);
                }
            }
        }
        return last;
    }

    private static List<List<String>> labels(InlineKeyboardMarkup markup) {
        List<List<String>> rows = new ArrayList<>();
        for (InlineKeyboardRow row : markup.getKeyboard()) {
            rows.add(row.stream().map(InlineKeyboardButton::getText).toList());
        }
        return rows;
    }

    @Test
    void everyKeyboardInEveryLanguageFitsAPhone() {
        assertEquals(Language.values().length, KEYBOARDS.size(), "keyboards met in: " + KEYBOARDS.keySet());
        List<String> problems = new ArrayList<>();
        KEYBOARDS.forEach((language, keyboards) -> {
            assertTrue(keyboards.size() >= 25, language + ": only " + keyboards.size() + " keyboards walked");
            keyboards.forEach((rows, where) -> ButtonRows.problems(rows)
                    .forEach(p -> problems.add(language.code() + ": " + p + " (" + where + ")")));
        });
        assertEquals(List.of(), new ArrayList<>(new TreeSet<>(problems)));
        System.out.println("keyboards walked: " + KEYBOARDS.entrySet().stream()
                .map(e -> e.getKey().code() + "=" + e.getValue().size()).toList());
    }

    @Test
    void theLanguagePickerTakesTwoRows() {
        Outcome hello = ENGINE.next(Conversation.start(Language.EN), Event.ofTyped("hi"), TODAY);
        List<List<String>> rows = labels(Keyboards.of(new Dialog(Language.EN).type("hi").question()));
        assertTrue(hello.replies().stream().anyMatch(Reply.Ask.class::isInstance));
        List<List<String>> languageRows = rows.stream()
                .filter(row -> row.stream().anyMatch(l -> l.startsWith("English") || l.startsWith("Español")
                        || l.startsWith("Soomaali") || l.startsWith("Hmoob"))).toList();
        assertEquals(2, languageRows.size(), rows.toString());
        assertTrue(languageRows.stream().allMatch(row -> row.size() == 2), rows.toString());
    }

    @Test
    void aKeyboardThatBreaksTheRuleIsCaughtAndARowTooWideIsSplit() {
        List<List<String>> bad = List.of(List.of("English", "Español (borrador)", "Soomaali (qabyo)",
                        "Hmoob (tsis tau kuaj)"),
                List.of("Que solo una clínica pueda ver el registro", "Sobre limitar el acceso"),
                List.of("Yes", "No", "Skip", "Back"));
        List<String> problems = ButtonRows.problems(bad);
        assertEquals(4, problems.size(), problems::toString);
        assertTrue(problems.get(1).startsWith("longer than 32"), problems::toString);

        // Sent through a question, the same rows are split in order, and only the too-long label remains wrong.
        List<List<Reply.Option>> options = bad.stream().map(row -> row.stream()
                .map(label -> new Reply.Option(Integer.toString(label.length()), label)).toList()).toList();
        Reply.Ask ask = new Reply.Ask("?", options, 1);
        List<List<String>> sent = labels(Keyboards.of(ask));
        assertEquals(List.of(List.of("English", "Español (borrador)"), List.of("Soomaali (qabyo)",
                        "Hmoob (tsis tau kuaj)"), List.of("Que solo una clínica pueda ver el registro"),
                List.of("Sobre limitar el acceso"), List.of("Yes", "No", "Skip"), List.of("Back")), sent);
        assertEquals(List.of("longer than 32 characters: \"Que solo una clínica pueda ver el registro\""),
                ButtonRows.problems(sent));
    }
}
