package miicbot.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;

/**
 * Reads an event as the answer to a question of the interview: a button of the step's modifiers (About, help,
 * "same as", keep, skip, "yes, that's right", a reading), a choice, or typed text through the step's reader; then
 * says the notes that hold and moves on.
 */
final class Answering {
    private final Turn turn;

    Answering(Turn turn) {
        this.turn = turn;
    }

    /** Reads {@code event} as the answer to {@code step}, asked in {@code c}. */
    Outcome answer(Conversation c, Step step, Event event) {
        String code = turn.codeFor(event, c);
        boolean typed = event instanceof Event.Text;
        String key = step.id().key();
        if (code != null && code.startsWith(Questions.ABOUT)) {
            turn.say(c, "explain." + code.substring(Questions.ABOUT.length()));
            return turn.current(c);
        }
        if (code != null && code.equals(step.traits().help())) {
            turn.say(c, key + "." + code + ".text", args(c));
            return turn.current(c);
        }
        if (Questions.SAME.equals(code) && step.traits().sameAs() != null && c.earlier().get(step.id()) != null) {
            return same(c, step);
        }
        String value;
        Map<StepId, String> parts = Map.of();
        Parsed.Reading reading = reading(c, code);
        if (Questions.KEEP.equals(code) && c.answer(step.id()) != null) {
            value = c.answer(step.id());
        } else if (Questions.SKIP.equals(code) && step.optional()) {
            value = "";
        } else if (Questions.SURE.equals(code) && c.unsure() != null) {
            value = c.unsure();
        } else if (reading != null) {
            value = reading.value();
            parts = reading.parts();
        } else if (step.input() == Step.Input.CHOICE || step.input() == Step.Input.YES_NO) {
            String answer = code != null ? code : yesNo(event);
            Parsed parsed = answer == null ? new Parsed.Problem("invalid.choice") : step.reader().read(answer, turn.today());
            if (!(parsed instanceof Parsed.Ok ok)) {
                return problem(c, parsed);
            }
            value = ok.value();
        } else if (event instanceof Event.Text text) {
            Parsed parsed = step.reader().read(text.text(), turn.today());
            if (!(parsed instanceof Parsed.Ok ok)) {
                return problem(c, parsed).withPersonalAnswer(step.personal());
            }
            value = ok.value();
            parts = ok.parts();
        } else {
            return turn.reask("stale");
        }
        Navigation navigation = turn.navigation();
        Conversation answered = c.withAnswer(step.id(), value);
        if (!parts.isEmpty() || navigation.hasParts(step)) {
            answered = answered.withAnswers(navigation.withParts(answered.answers(), step.id(), parts));
        }
        answered = navigation.applicable(answered);
        note(c, answered, step, value);
        if (navigation.first(step) && turn.settings().deletesTypedAnswers()) {
            turn.say(answered, "welcome.deletes_typed");
        }
        Place next = answered.editing() ? navigation.firstMissing(answered) : navigation.following(answered, step.id());
        Outcome outcome = turn.goTo(answered, next, answered.editing() && next.stage() != Stage.REVIEW);
        return outcome.withPersonalAnswer(typed && step.personal());
    }

    private Map<String, String> args(Conversation c) {
        return new Questions(turn.text(c), turn.interview()).args(c);
    }

    /** Says the step's notes whose rule holds for a new answer. */
    private void note(Conversation before, Conversation after, Step step, String value) {
        if (value.equals(before.answer(step.id()))) {
            return;
        }
        for (Step.Note note : step.traits().notes()) {
            if (note.rule().holds(after.answers(), turn.today())) {
                turn.say(after, note.key(), args(after));
            }
        }
    }

    /** The earlier child's answer to this step (and the steps that go with it), then the next unanswered one. */
    private Outcome same(Conversation c, Step step) {
        Conversation answered = c.withAnswer(step.id(), c.earlier().get(step.id()));
        for (StepId also : step.traits().sameAs()) {
            if (c.earlier().get(also) != null) {
                answered = answered.withAnswer(also, c.earlier().get(also));
            }
        }
        Navigation navigation = turn.navigation();
        answered = navigation.applicable(answered);
        Place next = answered.editing() ? navigation.firstMissing(answered)
                : navigation.followingUnanswered(answered, step.id());
        return turn.goTo(answered, next, answered.editing() && next.stage() != Stage.REVIEW);
    }

    /** "yes" or "no" when {@code event} is one of their words in any language, else null. */
    String yesNo(Event event) {
        if (!(event instanceof Event.Text typed)) {
            return null;
        }
        String word = typed.text().strip().toLowerCase(Locale.ROOT);
        for (String answer : List.of("yes", "no")) {
            for (Language language : Language.values()) {
                Catalogue catalogue = turn.text(turn.start().withLanguage(language));
                for (String known : catalogue.text("common." + answer + ".words").split(",")) {
                    if (known.strip().equals(word)) {
                        return answer;
                    }
                }
            }
        }
        return null;
    }

    /** The reading whose button has this code, or null. */
    private static Parsed.Reading reading(Conversation c, String code) {
        if (code == null || !code.startsWith(Questions.READING)) {
            return null;
        }
        String index = code.substring(Questions.READING.length());
        int i = index.matches("\\d{1,2}") ? Integer.parseInt(index) : -1;
        return i >= 0 && i < c.readings().size() ? c.readings().get(i) : null;
    }

    private Outcome problem(Conversation c, Parsed parsed) {
        if (parsed instanceof Parsed.Choose choose) {
            turn.say(c, choose.key(), choose.args());
            return turn.current(c.withReadings(choose.readings()));
        }
        if (parsed instanceof Parsed.Unsure unsure) {
            turn.say(c, unsure.key(), Map.of("value", unsure.value()));
            return turn.current(c.withUnsure(unsure.value()));
        }
        Parsed.Problem problem = (Parsed.Problem) parsed;
        turn.say(c, problem.key(), problem.args());
        return turn.current(c.withUnsure(null));
    }
}
