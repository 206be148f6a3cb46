package miicbot.engine;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.TestInterview;

/**
 * Drives the engine the way a parent would, for tests: type a line, tap a button by its code, read what the bot
 * said. Keeps every outcome so tests can inspect forms and flags.
 */
public final class Dialog {
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private final Engine engine;
    private Conversation conversation;
    private Outcome last;
    private final List<Reply.SendForm> forms = new ArrayList<>();

    public Dialog(Language language) {
        this.engine = newEngine();
        this.conversation = Conversation.start(language);
    }

    /** An engine with the bundled catalogues and the real submission data. */
    public static Engine newEngine() {
        Map<Language, Catalogue> catalogues = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            catalogues.put(language, Catalogue.load(language, null));
        }
        return new Engine(TestInterview.MIIC, catalogues, new Engine.Settings(30, true, Engine.Screen.CHAT));
    }

    public Dialog send(Event event) {
        last = engine.next(conversation, event, TODAY);
        conversation = last.conversation();
        last.replies().stream().filter(Reply.SendForm.class::isInstance).map(Reply.SendForm.class::cast)
                .forEach(forms::add);
        return this;
    }

    public Dialog type(String text) {
        return send(Event.ofTyped(text));
    }

    /** Taps the button with this code on the current question. */
    public Dialog tap(String code) {
        Reply.Ask ask = question();
        if (ask.options().stream().noneMatch(o -> o.code().equals(code))) {
            fail("no button '" + code + "' on: " + ask.text() + " " + ask.options());
        }
        return send(new Event.Tap(ask.ask(), code));
    }

    /** The last question the bot asked in the latest outcome. */
    public Reply.Ask question() {
        Reply.Ask ask = null;
        for (Reply reply : last.replies()) {
            if (reply instanceof Reply.Ask a) {
                ask = a;
            }
        }
        assertNotNull(ask, "the bot asked nothing; it said: " + said());
        return ask;
    }

    /** All text of the latest outcome, joined by newlines. */
    public String said() {
        return last.replies().stream().map(r -> r instanceof Reply.Say s ? s.text()
                : r instanceof Reply.Ask a ? a.text() : r instanceof Reply.Copyable c ? c.text()
                : r instanceof Reply.SendForm f ? "[form " + f.fileName() + "]" : "[" + r.getClass().getSimpleName() + "]")
                .collect(Collectors.joining("\n"));
    }

    public Engine engine() {
        return engine;
    }

    public Conversation conversation() {
        return conversation;
    }

    public Outcome last() {
        return last;
    }

    public List<Reply.SendForm> forms() {
        return forms;
    }

    /** Answers the parent's questions with fictional details, from the welcome. */
    public Dialog parent() {
        return tap("parent").type("Maria Garcia Lopez").type("651 555 0123")
                .type("123 Main St Apt 4, St. Paul, MN 55101");
    }

    /** Answers one child's questions up to the request choice. */
    public Dialog child(String first, String last, String birthDate) {
        return type(first).type(last).type(birthDate).tap("female");
    }

    /** Whether the latest question has a button with this code. */
    public boolean offers(String code) {
        return question().options().stream().anyMatch(o -> o.code().equals(code));
    }
}
