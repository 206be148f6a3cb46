package miicbot.engine;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;

/**
 * The conversation engine: one pure function from a conversation and an event to the new conversation and the
 * replies. Commands are handled first, at any place, then the "clear this chat" button ({@link Commands}); then the
 * current place reads the event: a question of the {@link Interview} ({@link Answering}), or one of the engine's
 * own stages (the welcome, which asks the first question; language; edit; and the review and "another child?",
 * which make and send the forms: {@link Finishing}). The engine knows no interview in particular: it is given one.
 */
public final class Engine {
    private final Interview interview;
    private final Navigation navigation;
    private final Map<Language, Catalogue> catalogues;
    private final Settings settings;

    /**
     * What the engine tells parents about the running bot.
     *
     * @param retentionDays       idle conversations are erased after this many days
     * @param deletesTypedAnswers the adapter deletes typed personal answers from the chat when the review shows them
     * @param screen              where the parent reads the chat, which changes a few words
     */
    public record Settings(int retentionDays, boolean deletesTypedAnswers, Screen screen) {
        public Settings {
            Objects.requireNonNull(screen);
        }
    }

    /**
     * Where the parent reads the chat. In a chat app (Telegram) the buttons have no numbers and the bot's messages
     * stay in the chat; the console numbers its buttons and keeps no chat, so a few texts have a console wording.
     */
    public enum Screen { CHAT, CONSOLE }

    /** An engine running {@code interview}; throws when a catalogue lacks a language or a text the questions use. */
    public Engine(Interview interview, Map<Language, Catalogue> catalogues, Settings settings) {
        for (Language language : Language.values()) {
            if (!catalogues.containsKey(language)) {
                throw new IllegalArgumentException("no catalogue for " + language.code());
            }
            var missing = interview.missingKeys(catalogues.get(language));
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(language.code() + " catalogue lacks " + missing);
            }
        }
        this.interview = Objects.requireNonNull(interview);
        this.navigation = new Navigation(interview);
        this.catalogues = Map.copyOf(catalogues);
        this.settings = Objects.requireNonNull(settings);
    }

    /** The one pure step: what {@code event} does to {@code c} on {@code today}. */
    public Outcome next(Conversation c, Event event, LocalDate today) {
        Outcome outcome = step(c, event, today);
        return outcome.withReplies(LeadIn.joined(outcome.replies()));
    }

    private Outcome step(Conversation c, Event event, LocalDate today) {
        Turn turn = new Turn(this, c, today);
        Commands commands = new Commands(turn);
        if (event instanceof Event.Command command) {
            return commands.run(command.command());
        }
        if (commands.asksToClear(event)) {
            return commands.clearChat(event);
        }
        if (event instanceof Event.Resume resume && (!c.started() || c.stage() == Stage.DONE)) {
            // Nothing under way: greet as new, in the language chosen for this visit when there is one.
            return turn.welcome(Conversation.start(resume.language() != null ? resume.language() : c.language()),
                    false);
        }
        if (!c.started() || c.stage() == Stage.DONE) {
            return turn.welcome(c, false);
        }
        if (event instanceof Event.Resume resume) {
            return new Commands(turn).resume(resume.language());
        }
        if (event instanceof Event.Unsupported) {
            return turn.reask("unsupported");
        }
        if (event instanceof Event.Tap tap && tap.ask() != c.ask()) {
            return turn.reask("stale");
        }
        if (event instanceof Event.Contact contact) {
            return contact(turn, contact);
        }
        String code = turn.codeFor(event);
        if (Questions.IN_ENGLISH.equals(code)) {
            turn.add(new Reply.Say(turn.question(c.withLanguage(Language.EN)).text()));
            return turn.current(c);
        }
        return switch (c.stage()) {
            case WELCOME -> atWelcome(turn, code);
            case LANGUAGE -> atLanguage(turn, code);
            case REVIEW -> new Finishing(turn).atReview(code);
            case EDIT -> atEdit(turn, code);
            case ANOTHER_CHILD -> new Finishing(turn).atAnotherChild(event, code);
            case QUESTION -> new Answering(turn).answer(c, interview.step(c.step()), event);
            case DONE -> throw new IllegalStateException("unreachable: handled above");
        };
    }

    /** The catalogue of one language. */
    public Catalogue catalogue(Language language) {
        return catalogues.get(language);
    }

    Interview interview() {
        return interview;
    }

    Navigation navigation() {
        return navigation;
    }

    Settings settings() {
        return settings;
    }

    private Outcome contact(Turn turn, Event.Contact contact) {
        Conversation c = turn.start();
        if (c.stage() != Stage.QUESTION || !interview.step(c.step()).traits().contact()) {
            return turn.reask("unsupported");
        }
        if (!contact.own()) {
            return turn.reask("common.contact_not_own");
        }
        return new Answering(turn).answer(c, interview.step(c.step()), new Event.Text(contact.phone()));
    }

    private Outcome atWelcome(Turn turn, String code) {
        Conversation c = turn.start();
        if (code == null) {
            return turn.reask("welcome.unclear");
        }
        Language chosen = Language.fromTag(code);
        if (chosen.code().equals(code)) {
            return turn.welcome(c.withLanguage(chosen), false);
        }
        Step first = interview.first();
        switch (code) {
            case PlaceQuestions.ABOUT_ALL -> {
                // The About text of every choice of the explained questions, in the table's order.
                for (Step step : interview.steps()) {
                    if (step.traits().explained()) {
                        step.choices().forEach(choice -> turn.say(c, "explain." + choice));
                    }
                }
                turn.say(c, "explain.every_option"); // what holds whichever option is chosen
                return turn.current(c);
            }
            case PlaceQuestions.WHY -> {
                return turn.reask("why.text");
            }
            default -> {
                return first.choices().contains(code)
                        ? new Answering(turn).answer(c, first, new Event.Tap(c.ask(), code)) : turn.reask("stale");
            }
        }
    }

    private Outcome atLanguage(Turn turn, String code) {
        Language chosen = code == null ? null : Language.fromTag(code);
        if (chosen == null || !chosen.code().equals(code)) {
            return turn.reask("invalid.choice");
        }
        Conversation c = turn.start().withLanguage(chosen);
        turn.say(c, "language.done");
        return turn.goTo(c, c.resume() == null ? Place.of(Stage.WELCOME) : c.resume(), c.editing());
    }

    private Outcome atEdit(Turn turn, String code) {
        Conversation c = turn.start();
        if (code == null) {
            return turn.reask("invalid.choice");
        }
        if (code.equals(PlaceQuestions.BACK_TO_REVIEW)) {
            return turn.goTo(c, Place.of(Stage.REVIEW), false);
        }
        for (Step step : interview.steps()) {
            if (step.id().key().equals(code) && Review.shownInReview(step, c)) {
                return turn.goTo(c, Place.question(step.id()), true);
            }
        }
        return turn.reask("invalid.choice");
    }
}
