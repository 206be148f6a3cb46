package miicbot.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;

/**
 * The work of one event: the conversation it found, the replies so far, and moving to a place and asking its
 * question. The question the event found is worded once and kept: mapping the event to a button, saying it again
 * and showing it in English all read the same {@link Reply.Ask}.
 */
final class Turn {
    // The texts whose console wording differs: buttons typed by number, forms saved in a folder, no chat left behind.
    private static final Map<String, String> CONSOLE_WORDING = Map.of(
            "welcome.text", "welcome.text.console",
            "welcome.unclear", "welcome.unclear.console",
            "invalid.choice", "invalid.choice.console",
            "done.end", "done.end.console");

    private final Engine engine;
    private final Conversation start;
    private final LocalDate today;
    private final List<Reply> replies = new ArrayList<>();
    private Reply.Ask asked; // the question of start, once worded

    Turn(Engine engine, Conversation start, LocalDate today) {
        this.engine = engine;
        this.start = start;
        this.today = today;
    }

    Conversation start() {
        return start;
    }

    LocalDate today() {
        return today;
    }

    Interview interview() {
        return engine.interview();
    }

    Navigation navigation() {
        return engine.navigation();
    }

    Engine.Settings settings() {
        return engine.settings();
    }

    Catalogue text(Conversation c) {
        return engine.catalogue(c.language());
    }

    Catalogue catalogue(Language language) {
        return engine.catalogue(language);
    }

    PlaceQuestions questions(Conversation c) {
        return new PlaceQuestions(engine, text(c), today);
    }

    void add(Reply reply) {
        replies.add(reply);
    }

    void say(Conversation c, String key, Map<String, ?> args) {
        replies.add(new Reply.Say(words(c, key, args)));
    }

    /** The text of {@code key}, in the wording for the parent's screen. */
    private String words(Conversation c, String key, Map<String, ?> args) {
        String worded = settings().screen() == Engine.Screen.CONSOLE ? CONSOLE_WORDING.getOrDefault(key, key) : key;
        return text(c).text(worded, args);
    }

    void say(Conversation c, String key) {
        say(c, key, Map.of());
    }

    /** The outcome of this event so far, standing at {@code c}. */
    Outcome done(Conversation c) {
        return new Outcome(c, replies, false, false);
    }

    /** The code of the button {@code event} means on the question it found, or null. */
    String codeFor(Event event) {
        return Questions.codeFor(event, question(start));
    }

    /** The code of the button {@code event} means on {@code c}'s question, or null. */
    String codeFor(Event event, Conversation c) {
        return Questions.codeFor(event, question(c));
    }

    /** Says {@code key}, then the current question again. */
    Outcome reask(String key) {
        say(start, key);
        return current(start);
    }

    /** Asks {@code c}'s question again (same number, so its earlier buttons still work). */
    Outcome current(Conversation c) {
        replies.add(question(c));
        return done(c);
    }

    /** The question asked at {@code c}'s place. */
    Reply.Ask question(Conversation c) {
        if (c != start) {
            return questions(c).ask(c);
        }
        if (asked == null) {
            asked = questions(c).ask(c);
        }
        return asked;
    }

    /** The welcome (which asks the first question), after "restarted" when the parent asked for it. */
    Outcome welcome(Conversation fresh, boolean restarted) {
        Conversation c = fresh.at(Place.of(Stage.WELCOME), false, null);
        if (restarted) {
            say(c, "restart.done");
        }
        PlaceQuestions q = questions(c);
        replies.add(q.welcome(c, words(c, "welcome.text", Map.of("days", settings().retentionDays()))));
        return done(c);
    }

    /** The offer to clear the chat, numbered as {@code c}'s question so only the latest offer works. */
    Reply.Ask clearOffer(Conversation c) {
        return new Reply.Ask(text(c).text("clear.offer"),
                List.of(List.of(new Reply.Option(PlaceQuestions.CLEAR, text(c).text("clear.button")))), c.ask());
    }

    /** The current question again, or the welcome when no interview is under way. */
    Outcome continueOrWelcome(Conversation c) {
        return c.started() && c.stage() != Stage.DONE ? current(c) : welcome(c, false);
    }

    /** Moves to {@code place} (the first question is asked by the welcome) and asks its question. */
    Outcome goTo(Conversation c, Place place, boolean editing) {
        Navigation navigation = navigation();
        Place to = place;
        boolean nowEditing = editing;
        if (to.stage() == Stage.REVIEW && !navigation.firstMissing(c).equals(to)) {
            to = navigation.firstMissing(c); // the review and the form need every answer on the path
            nowEditing = true;
        }
        if (to.stage() == Stage.QUESTION && navigation.first(interview().step(to.step()))) {
            to = Place.of(Stage.WELCOME);
        }
        Conversation at = c.at(to, nowEditing, null);
        Reply.Ask ask = question(at);
        if (leftContactStep(to) && ask.contact() == Reply.Contact.NONE) {
            ask = new Reply.Ask(ask.text(), ask.rows(), ask.ask(), Reply.Contact.WITHDRAW, "");
        }
        replies.add(ask);
        return done(at);
    }

    private boolean leftContactStep(Place to) {
        return start.stage() == Stage.QUESTION && interview().step(start.step()).traits().contact()
                && !to.equals(start.place());
    }
}
