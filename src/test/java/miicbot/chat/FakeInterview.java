package miicbot.chat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import miicbot.engine.Conversation;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.engine.Place;
import miicbot.engine.Reply;
import miicbot.engine.Stage;
import miicbot.engine.StepId;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.MiicInterview;
import miicbot.interview.Relationship;
import miicbot.interview.RequestOption;

/**
 * A tiny stand-in for the engine: asks five questions, echoes the answers back in a review (so personal data
 * reaches the outbox), sends one form on the "send" button, and forgets on /forget. Counts its calls.
 */
public final class FakeInterview implements ChatService.Step {
    /** Distinctive values: finding any of them in a file or a log means a leak. */
    public static final String PARENT = "Xylandra Quixotefeather";
    public static final String STREET = "4242 Snapdragon Way";
    public static final String CHILD_FIRST = "Zebulon";
    public static final String CHILD_LAST = "Quixotefeather";
    public static final String BIRTH_DATE = "2017-02-13";
    public static final List<String> SECRETS = List.of("Xylandra", "Quixotefeather", "Zebulon", "Snapdragon",
            "2017-02-13", "02/13/2017");
    /** The parent's answers, in question order. */
    public static final List<String> ANSWERS = List.of(PARENT, STREET, CHILD_FIRST, CHILD_LAST, BIRTH_DATE);

    private static final List<StepId> QUESTIONS = List.of(MiicInterview.PARENT_NAME, MiicInterview.STREET, MiicInterview.CHILD_FIRST,
            MiicInterview.CHILD_LAST, MiicInterview.CHILD_BIRTH_DATE);

    private int calls;

    public int calls() {
        return calls;
    }

    @Override
    public Outcome next(Conversation c, Event event, LocalDate today) {
        calls++;
        if (event instanceof Event.Command command && command.command() == Event.Commands.FORGET) {
            return new Outcome(Conversation.start(c.language()), List.of(new Reply.Say("All erased.")), true, false);
        }
        if (c.stage() == Stage.WELCOME || c.stage() == Stage.DONE) {
            Conversation asking = c.withAnswers(java.util.Map.of()).at(Place.question(QUESTIONS.get(0)), false, null);
            return say(asking, "Question 1");
        }
        if (c.stage() == Stage.REVIEW) {
            if (event instanceof Event.Tap tap && tap.code().equals("send")) {
                Conversation done = c.withAnswers(java.util.Map.of()).at(Place.of(Stage.DONE), false, null)
                        .withChildrenDone(c.childrenDone() + 1);
                return new Outcome(done, List.of(new Reply.SendForm(request(c, today), "miic-request.pdf",
                        "Your form"), new Reply.Say("Done.")), false, false);
            }
            return say(c, "Please tap send.");
        }
        if (!(event instanceof Event.Text text)) {
            return say(c, "Please type your answer.");
        }
        Conversation answered = c.withAnswer(c.step(), text.text());
        int index = QUESTIONS.indexOf(c.step());
        if (index + 1 < QUESTIONS.size()) {
            return new Outcome(answered.at(Place.question(QUESTIONS.get(index + 1)), false, null),
                    List.of(new Reply.Say("Question " + (index + 2))), false, true);
        }
        Conversation review = answered.at(Place.of(Stage.REVIEW), false, null);
        String summary = String.join(" / ", QUESTIONS.stream().map(review::answer).toList());
        return new Outcome(review, List.of(new Reply.Say("Check: " + summary),
                new Reply.Ask("Send it?", List.of(List.of(new Reply.Option("send", "Send"))), review.ask())),
                false, true);
    }

    private static ChildRequest request(Conversation c, LocalDate today) {
        return ChildRequest.builder().language(c.language()).prepared(today)
                .guardian(c.answer(MiicInterview.PARENT_NAME), Relationship.PARENT).phone("651-555-0142")
                .address(c.answer(MiicInterview.STREET), "Saint Paul", "MN", "55101")
                .child(c.answer(MiicInterview.CHILD_FIRST), c.answer(MiicInterview.CHILD_LAST))
                .birthDate(LocalDate.parse(c.answer(MiicInterview.CHILD_BIRTH_DATE)))
                .options(Set.of(RequestOption.OPT_OUT, RequestOption.DECLINE_REMINDERS)).build();
    }

    private static Outcome say(Conversation c, String text) {
        return new Outcome(c, List.of(new Reply.Say(text)), false, false);
    }

    /** Events for a whole interview, from the first message to the sent form. */
    public static List<Event> wholeInterview() {
        List<Event> events = new java.util.ArrayList<>();
        events.add(new Event.Command(Event.Commands.START));
        ANSWERS.forEach(a -> events.add(new Event.Text(a)));
        events.add(new Event.Tap(6, "send"));
        return events;
    }

    /** The language every fake conversation starts in. */
    public static final Language LANGUAGE = Language.ES;
}
