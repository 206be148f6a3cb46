package miicbot.engine;

import java.util.Map;

/**
 * The end of a child and of the conversation: the review confirmed makes the child's {@link Form}; "another child?"
 * starts a sibling's block or finishes, saying where to send the forms.
 */
final class Finishing {
    private final Turn turn;
    private final Conversation c;

    Finishing(Turn turn) {
        this.turn = turn;
        this.c = turn.start();
    }

    Outcome atReview(String code) {
        if (PlaceQuestions.CONFIRM.equals(code)) {
            int number = c.childrenDone() + 1;
            Form form = turn.interview().form(c.answers(), c.language(), turn.today());
            turn.interview().copyable(form, turn.text(c), turn::catalogue).ifPresent(turn::add);
            turn.add(new Reply.SendForm(form, Review.fileName(turn.interview().filePrefix(), form, number),
                    turn.text(c).text("form.caption", Map.of("child", form.subject()))));
            return turn.goTo(c.withChildrenDone(number), Place.of(Stage.ANOTHER_CHILD), false);
        }
        if (PlaceQuestions.EDIT.equals(code)) {
            return turn.goTo(c, Place.of(Stage.EDIT), false);
        }
        for (Step step : turn.interview().steps()) {
            if (step.traits().fromReview() && step.id().key().equals(code) && step.appliesTo(c.answers())) {
                return turn.goTo(c, Place.question(step.id()), true);
            }
        }
        return turn.reask("invalid.choice");
    }

    Outcome atAnotherChild(Event event, String code) {
        Answering answering = new Answering(turn);
        if (PlaceQuestions.FINISH.equals(code) || "no".equals(answering.yesNo(event))) {
            return finish();
        }
        if (!(event instanceof Event.Text) || "yes".equals(answering.yesNo(event))) {
            return turn.reask("another_child.name_please");
        }
        Navigation navigation = turn.navigation();
        StepId first = turn.interview().firstChildStep();
        Conversation next = c.withAnswers(navigation.answersOf(c, false))
                .withEarlier(navigation.answersOf(c, true))
                .at(Place.question(first), false, null);
        return answering.answer(next, turn.interview().step(first), event);
    }

    private Outcome finish() {
        Conversation done = new Conversation(c.language(), Place.of(Stage.DONE), c.ask() + 1, Map.of(), false,
                null, c.childrenDone(), Map.of(), null);
        // Several short messages, not one long one: what the forms are, where to send them, what is left.
        turn.say(done, "done.text", Map.of("count", c.childrenDone()));
        turn.interview().routes(turn.text(done)).forEach(said -> turn.add(new Reply.Say(said)));
        turn.say(done, "done.end");
        turn.add(turn.clearOffer(done));
        return turn.done(done);
    }
}
