package miicbot.engine;

import java.util.Map;
import miicbot.i18n.Language;

/**
 * What the slash commands do, at any place; the "clear this chat" button; and a parent coming back
 * ({@link Event.Resume}).
 */
final class Commands {
    private final Turn turn;
    private final Conversation c;

    Commands(Turn turn) {
        this.turn = turn;
        this.c = turn.start();
    }

    Outcome run(Event.Commands command) {
        return switch (command) {
            case START -> turn.welcome(Conversation.start(c.language()), c.started());
            case HELP -> {
                turn.say(c, "help.text");
                yield turn.continueOrWelcome(c);
            }
            case WHY -> {
                turn.say(c, "why.text");
                yield turn.continueOrWelcome(c);
            }
            case BACK -> back();
            case STATUS -> {
                turn.say(c, "status.text", Map.of("done", c.childrenDone(), "step", title()));
                yield c.started() && c.stage() != Stage.DONE ? turn.current(c) : turn.done(c);
            }
            case CANCEL -> cancel();
            case LANGUAGE -> askLanguage();
            case FORGET -> {
                turn.say(c, "forget.done");
                Conversation erased = Conversation.start(c.language());
                turn.add(turn.clearOffer(erased));
                Outcome forgotten = turn.done(erased);
                yield new Outcome(forgotten.conversation(), forgotten.replies(), true, false);
            }
        };
    }

    /** The "clear this chat" button, tapped (on any message) or its label typed when nothing is under way. */
    boolean asksToClear(Event event) {
        if (event instanceof Event.Tap tap) {
            return PlaceQuestions.CLEAR.equals(tap.code());
        }
        return event instanceof Event.Text typed && (!c.started() || c.stage() == Stage.DONE)
                && typed.text().strip().equalsIgnoreCase(turn.text(c).text("clear.button"));
    }

    /**
     * Clears the chat when nothing is under way and the button is the latest offer (a typed label counts as
     * that): the conversation is erased and the adapter deletes the messages. An older button does nothing
     * harmful: during an interview it is a passed question; otherwise the parent is told how to clear.
     */
    Outcome clearChat(Event event) {
        if (c.started() && c.stage() != Stage.DONE) {
            return turn.reask("stale");
        }
        if (event instanceof Event.Tap tap && tap.ask() != c.ask()) {
            turn.say(c, "clear.old");
            return turn.done(c);
        }
        turn.add(new Reply.ClearChat(c.language()));
        Outcome cleared = turn.done(Conversation.start(c.language()));
        return new Outcome(cleared.conversation(), cleared.replies(), true, false);
    }

    private String title() {
        return turn.text(c).text(c.place().key() + ".title");
    }

    /** Where the interview stood; when the parent chose another language for this visit, asks once. */
    Outcome resume(Language chosen) {
        turn.say(c, "resume.text", Map.of("step", title()));
        if (chosen == null || chosen == c.language() || c.stage() == Stage.LANGUAGE) {
            return turn.current(c);
        }
        Conversation at = c.at(Place.of(Stage.LANGUAGE), c.editing(), c.place());
        turn.add(turn.questions(at).language(at, turn.text(at.withLanguage(chosen))));
        return turn.done(at);
    }

    private Outcome back() {
        if (!c.started() || c.stage() == Stage.WELCOME || c.stage() == Stage.DONE) {
            turn.say(c, "back.at_start");
            return turn.continueOrWelcome(c);
        }
        Navigation navigation = turn.navigation();
        return switch (c.stage()) {
            case EDIT -> turn.goTo(c, Place.of(Stage.REVIEW), false);
            case LANGUAGE -> turn.goTo(c, c.resume(), c.editing());
            case ANOTHER_CHILD -> {
                turn.say(c, "back.form_made");
                yield turn.current(c);
            }
            // From a question reached from the review, back to the review, unless the request still lacks this
            // answer (a clinic just asked for): then the question before it.
            case QUESTION -> c.editing() && navigation.firstMissing(c).equals(Place.of(Stage.REVIEW))
                    ? turn.goTo(c, Place.of(Stage.REVIEW), false)
                    : turn.goTo(c, navigation.previous(c, c.place()), c.editing());
            case REVIEW -> turn.goTo(c, navigation.previous(c, c.place()), false);
            case WELCOME, DONE -> throw new IllegalStateException("unreachable: handled above");
        };
    }

    private Outcome cancel() {
        if (!c.started() || c.stage() == Stage.DONE) {
            turn.say(c, "cancel.nothing");
            return turn.welcome(c, false);
        }
        if (!inChild()) {
            turn.say(c, "cancel.all");
            return turn.welcome(Conversation.start(c.language()).withChildrenDone(c.childrenDone()), false);
        }
        turn.say(c, "cancel.child");
        return turn.goTo(c.withAnswers(turn.navigation().answersOf(c, false)), Place.of(Stage.ANOTHER_CHILD), false);
    }

    private boolean inChild() {
        Place at = c.stage() == Stage.LANGUAGE ? c.resume() : c.place();
        return switch (at.stage()) {
            case REVIEW, EDIT, ANOTHER_CHILD -> true;
            case QUESTION -> turn.interview().step(at.step()).perChild();
            case WELCOME, LANGUAGE, DONE -> false;
        };
    }

    private Outcome askLanguage() {
        Place resume = c.stage() == Stage.LANGUAGE ? c.resume() : c.place();
        Conversation at = c.at(Place.of(Stage.LANGUAGE), c.editing(), resume);
        turn.add(turn.question(at));
        return turn.done(at);
    }
}
