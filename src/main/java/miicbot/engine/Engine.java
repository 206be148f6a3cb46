package miicbot.engine;

import static miicbot.interview.StepId.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.MiicInterview;
import miicbot.interview.Parsed;
import miicbot.interview.Step;
import miicbot.interview.StepId;
import miicbot.interview.Submission;

/**
 * The conversation engine: one pure function from a conversation and an event to the new conversation and the
 * replies. Commands are handled first, at any step; then the current step reads the event. Table steps come from
 * {@link MiicInterview}; the welcome, review, edit, "another child?", language and done steps are the engine's own.
 */
public final class Engine {
    // Minnesota's age of majority: a person this old signs their own request (usual practice; see miic-facts).
    private static final int ADULT_AGE = 18;

    private final Map<Language, Catalogue> catalogues;
    private final Settings settings;

    /**
     * What the engine tells parents about the running bot.
     *
     * @param retentionDays       idle conversations are erased after this many days
     * @param deletesTypedAnswers the adapter deletes typed personal answers from the chat once stored
     * @param submission          where to send the form (from the submission data file), shown at the end
     */
    public record Settings(int retentionDays, boolean deletesTypedAnswers, Submission submission) {
        public Settings {
            Objects.requireNonNull(submission);
        }
    }

    public Engine(Map<Language, Catalogue> catalogues, Settings settings) {
        for (Language language : Language.values()) {
            if (!catalogues.containsKey(language)) {
                throw new IllegalArgumentException("no catalogue for " + language.code());
            }
        }
        this.catalogues = Map.copyOf(catalogues);
        this.settings = Objects.requireNonNull(settings);
    }

    /** The one pure step: what {@code event} does to {@code c} on {@code today}. */
    public Outcome next(Conversation c, Event event, LocalDate today) {
        Turn turn = new Turn(c, today);
        if (event instanceof Event.Command command) {
            return turn.command(command.command());
        }
        if (!c.started() || c.step() == DONE) {
            return turn.welcome(c, false);
        }
        if (event instanceof Event.Resume) {
            return turn.resume();
        }
        if (event instanceof Event.Unsupported) {
            return turn.reask("unsupported");
        }
        if (event instanceof Event.Tap tap && tap.ask() != c.ask()) {
            return turn.reask("stale");
        }
        return switch (c.step()) {
            case WELCOME -> turn.atWelcome(event);
            case LANGUAGE -> turn.atLanguage(event);
            case REVIEW -> turn.atReview(event);
            case EDIT -> turn.atEdit(event);
            case ANOTHER_CHILD -> turn.atAnotherChild(event);
            default -> turn.answer(MiicInterview.step(c.step()), event);
        };
    }

    /** The catalogue of one language. */
    public Catalogue catalogue(Language language) {
        return catalogues.get(language);
    }

    /** The work of one event: the replies so far, in the conversation's language. */
    private final class Turn {
        private final Conversation start;
        private final LocalDate today;
        private final List<Reply> replies = new ArrayList<>();

        Turn(Conversation start, LocalDate today) {
            this.start = start;
            this.today = today;
        }

        private Catalogue text(Conversation c) {
            return catalogues.get(c.language());
        }

        private void say(Conversation c, String key, Map<String, ?> args) {
            replies.add(new Reply.Say(text(c).text(key, args)));
        }

        private void say(Conversation c, String key) {
            say(c, key, Map.of());
        }

        private Outcome done(Conversation c) {
            return new Outcome(c, replies, false, false);
        }

        // ---- commands -------------------------------------------------------------------------------------

        Outcome command(Event.Commands command) {
            Conversation c = start;
            return switch (command) {
                case START -> welcome(Conversation.start(c.language()), c.started());
                case HELP -> {
                    say(c, "help.text");
                    yield continueOrWelcome(c);
                }
                case BACK -> back(c);
                case STATUS -> {
                    say(c, "status.text", Map.of("done", c.childrenDone(), "step", text(c).text(c.step().key() + ".title")));
                    yield c.started() && c.step() != DONE ? current(c) : done(c);
                }
                case CANCEL -> cancel(c);
                case LANGUAGE -> askLanguage(c);
                case FORGET -> {
                    say(c, "forget.done");
                    yield new Outcome(Conversation.start(c.language()), replies, true, false);
                }
            };
        }

        /** The current question again, or the welcome when no interview is under way. */
        private Outcome continueOrWelcome(Conversation c) {
            return c.started() && c.step() != DONE ? current(c) : welcome(c, false);
        }

        Outcome resume() {
            say(start, "resume.text", Map.of("step", text(start).text(start.step().key() + ".title")));
            return current(start);
        }

        Outcome welcome(Conversation fresh, boolean restarted) {
            Conversation c = fresh.at(WELCOME, false, null);
            if (restarted) {
                say(c, "restart.done");
            }
            String welcome = text(c).text("welcome.text", Map.of("days", settings.retentionDays()));
            if (settings.deletesTypedAnswers()) {
                welcome += "\n\n" + text(c).text("welcome.deletes_typed");
            }
            replies.add(welcomeQuestion(c, welcome));
            return done(c);
        }

        private Reply.Ask welcomeQuestion(Conversation c, String body) {
            Questions q = new Questions(text(c));
            return q.ask(c, body, List.of(List.of(q.option("start", "welcome.choice.start")),
                    List.of(q.option("about", "welcome.choice.about")),
                    List.of(q.option("language", "welcome.choice.language"))));
        }

        private Outcome back(Conversation c) {
            if (!c.started() || c.step() == WELCOME || c.step() == DONE) {
                say(c, "back.at_start");
                return continueOrWelcome(c);
            }
            return switch (c.step()) {
                case EDIT -> goTo(c, REVIEW, false);
                case LANGUAGE -> goTo(c, c.resume(), c.editing());
                case ANOTHER_CHILD -> {
                    say(c, "back.form_made");
                    yield current(c);
                }
                default -> goTo(c, previous(c, c.step()), false);
            };
        }

        private Outcome cancel(Conversation c) {
            if (!c.started() || c.step() == DONE) {
                say(c, "cancel.nothing");
                return welcome(c, false);
            }
            if (!inChild(c)) {
                say(c, "cancel.all");
                return welcome(Conversation.start(c.language()).withChildrenDone(c.childrenDone()), false);
            }
            say(c, "cancel.child");
            return goTo(withoutChild(c), ANOTHER_CHILD, false);
        }

        private boolean inChild(Conversation c) {
            StepId at = c.step() == LANGUAGE ? c.resume() : c.step();
            Step step = MiicInterview.step(at);
            return at == REVIEW || at == EDIT || at == ANOTHER_CHILD || (step != null && step.perChild());
        }

        private Outcome askLanguage(Conversation c) {
            StepId resume = c.step() == LANGUAGE ? c.resume() : c.step();
            Conversation at = c.at(LANGUAGE, c.editing(), resume);
            replies.add(languageQuestion(at));
            return done(at);
        }

        private Reply.Ask languageQuestion(Conversation c) {
            List<List<Reply.Option>> rows = new ArrayList<>();
            for (Language language : Language.values()) {
                rows.add(List.of(new Reply.Option(language.code(), catalogues.get(language).languageLabel())));
            }
            return new Reply.Ask(text(c).text("language.prompt"), rows, c.ask());
        }

        // ---- the engine's own steps ---------------------------------------------------------------------------

        Outcome atWelcome(Event event) {
            String code = Questions.codeFor(event, question(start));
            if (code == null) {
                return reask("welcome.unclear");
            }
            return switch (code) {
                case "start" -> goTo(start, MiicInterview.steps().get(0).id(), false);
                case "about" -> {
                    for (String option : List.of("opt_out", "lock", "decline_reminders", "undo")) {
                        say(start, "explain." + option);
                    }
                    yield current(start);
                }
                case "language" -> askLanguage(start);
                default -> reask("stale");
            };
        }

        Outcome atLanguage(Event event) {
            String code = Questions.codeFor(event, question(start));
            Language chosen = code == null ? null : Language.fromTag(code);
            if (chosen == null || !chosen.code().equals(code)) {
                return reask("invalid.choice");
            }
            Conversation c = start.withLanguage(chosen);
            say(c, "language.done");
            return goTo(c, c.resume() == null ? WELCOME : c.resume(), c.editing());
        }

        Outcome atReview(Event event) {
            String code = Questions.codeFor(event, question(start));
            if ("confirm".equals(code)) {
                int number = start.childrenDone() + 1;
                ChildRequest request = new Review(text(start)).request(start, today);
                replies.add(new Reply.SendForm(request, Review.fileName(request, number),
                        text(start).text("form.caption", Map.of("child", request.child().fullName()))));
                Conversation c = start.withChildrenDone(number);
                return goTo(c, ANOTHER_CHILD, false);
            }
            if ("edit".equals(code)) {
                return goTo(start, EDIT, false);
            }
            return reask("invalid.choice");
        }

        Outcome atEdit(Event event) {
            String code = Questions.codeFor(event, question(start));
            if (code == null) {
                return reask("invalid.choice");
            }
            if (code.equals("review")) {
                return goTo(start, REVIEW, false);
            }
            for (Step step : MiicInterview.steps()) {
                if (step.id().key().equals(code) && step.appliesTo(start.answers())) {
                    return goTo(start, step.id(), true);
                }
            }
            return reask("invalid.choice");
        }

        Outcome atAnotherChild(Event event) {
            String code = Questions.codeFor(event, question(start));
            if ("yes".equals(code)) {
                say(start, "another_child.reuse");
                return goTo(withoutChild(start), MiicInterview.firstChildStep(), false);
            }
            if ("no".equals(code)) {
                Conversation c = new Conversation(start.language(), DONE, start.ask() + 1, Map.of(), false, null,
                        start.childrenDone());
                String where = String.join("\n", settings.submission().describe(text(c)::text, "done.route.", ", "));
                say(c, "done.text", Map.of("count", start.childrenDone(), "submission", where));
                return done(c);
            }
            return reask("invalid.choice");
        }

        // ---- table steps --------------------------------------------------------------------------------------

        Outcome answer(Step step, Event event) {
            Conversation c = start;
            String value;
            Questions q = new Questions(text(c));
            Reply.Ask question = q.ask(c, step);
            String code = Questions.codeFor(event, question);
            boolean typed = event instanceof Event.Text;
            if (Questions.KEEP.equals(code) && c.answer(step.id()) != null) {
                value = c.answer(step.id());
            } else if (Questions.SKIP.equals(code) && step.optional()) {
                value = "";
            } else if (code != null && code.startsWith(Questions.ABOUT)) {
                say(c, "explain." + code.substring(Questions.ABOUT.length()));
                return current(c);
            } else if (step.input() == Step.Input.CHOICE || step.input() == Step.Input.YES_NO) {
                String answer = code != null ? code : yesNo(event);
                Parsed parsed = answer == null ? new Parsed.Problem("invalid.choice") : step.reader().read(answer, today);
                if (parsed instanceof Parsed.Problem problem) {
                    return problem(c, problem);
                }
                value = ((Parsed.Ok) parsed).value();
            } else if (step.input() == Step.Input.TEXT && code != null) {
                value = code; // a suggested answer's button (Minnesota for the state), tapped or typed
            } else if (event instanceof Event.Text text) {
                Parsed parsed = step.reader().read(text.text(), today);
                if (parsed instanceof Parsed.Problem problem) {
                    return problem(c, problem).withPersonalAnswer(step.personal());
                }
                value = ((Parsed.Ok) parsed).value();
            } else {
                return reask("stale");
            }
            Conversation answered = applicable(c.withAnswer(step.id(), value));
            if (step.id() == CHILD_BIRTH_DATE && !value.equals(c.answer(CHILD_BIRTH_DATE))
                    && Period.between(LocalDate.parse(value), today).getYears() >= ADULT_AGE) {
                say(answered, "child_birth_date.adult", new Questions(text(c)).args(answered));
            }
            StepId next = answered.editing() ? firstMissing(answered) : following(answered, step.id());
            Outcome outcome = goTo(answered, next, answered.editing() && next != REVIEW);
            return new Outcome(outcome.conversation(), outcome.replies(), false, typed && step.personal());
        }

        private String yesNo(Event event) {
            if (!(event instanceof Event.Text typed)) {
                return null;
            }
            String word = typed.text().strip().toLowerCase(java.util.Locale.ROOT);
            for (String answer : List.of("yes", "no")) {
                for (Language language : Language.values()) {
                    for (String known : catalogues.get(language).text("common." + answer + ".words").split(",")) {
                        if (known.strip().equals(word)) {
                            return answer;
                        }
                    }
                }
            }
            return null;
        }

        private Outcome problem(Conversation c, Parsed.Problem problem) {
            say(c, problem.key(), problem.args());
            return current(c);
        }

        // ---- moving between steps -----------------------------------------------------------------------------

        Outcome reask(String key) {
            say(start, key);
            return current(start);
        }

        /** Asks the current question again (same number, so its earlier buttons still work). */
        private Outcome current(Conversation c) {
            replies.add(question(c));
            return done(c);
        }

        private Outcome goTo(Conversation c, StepId step, boolean editing) {
            Conversation at = c.at(step, editing, null);
            replies.add(question(at));
            return done(at);
        }

        private Reply.Ask question(Conversation c) {
            Questions q = new Questions(text(c));
            return switch (c.step()) {
                case WELCOME -> welcomeQuestion(c, text(c).text("welcome.again"));
                case REVIEW -> reviewQuestion(c, q);
                case EDIT -> editQuestion(c, q);
                case ANOTHER_CHILD -> q.ask(c, text(c).text("another_child.prompt", q.args(c)),
                        List.of(List.of(q.option("yes", "common.yes"), q.option("no", "common.no"))));
                case LANGUAGE -> languageQuestion(c);
                case DONE -> welcomeQuestion(c, text(c).text("welcome.again"));
                default -> q.ask(c, MiicInterview.step(c.step()));
            };
        }

        private Reply.Ask reviewQuestion(Conversation c, Questions q) {
            String summary = new Review(text(c)).summary(c, today);
            if (c.childrenDone() == 0) {
                // Said before the first PDF is made: it is not MDH's own form.
                summary += "\n\n" + text(c).text("form.not_official");
            }
            return q.ask(c, summary, List.of(
                    List.of(q.option("confirm", "review.choice.confirm")),
                    List.of(q.option("edit", "review.choice.edit"))));
        }

        private Reply.Ask editQuestion(Conversation c, Questions q) {
            List<List<Reply.Option>> rows = new ArrayList<>();
            for (Step step : MiicInterview.steps()) {
                if (step.appliesTo(c.answers())) {
                    rows.add(List.of(new Reply.Option(step.id().key(), text(c).text(step.id().key() + ".title"))));
                }
            }
            rows.add(List.of(q.option("review", "edit.choice.review")));
            return q.ask(c, text(c).text("edit.prompt"), rows);
        }
    }

    // ---- navigation over the table (pure functions of the answers) ------------------------------------------------

    /** The next question after {@code from} that applies, or the review after the last one. */
    static StepId following(Conversation c, StepId from) {
        List<Step> steps = MiicInterview.steps();
        for (int i = indexOf(from) + 1; i < steps.size(); i++) {
            if (steps.get(i).appliesTo(c.answers())) {
                return steps.get(i).id();
            }
        }
        return REVIEW;
    }

    /** The first question that applies and has no answer yet, or the review when all are answered. */
    static StepId firstMissing(Conversation c) {
        for (Step step : MiicInterview.steps()) {
            if (step.appliesTo(c.answers()) && c.answer(step.id()) == null) {
                return step.id();
            }
        }
        return REVIEW;
    }

    /** The question before {@code from} that applies; the welcome before the first. */
    static StepId previous(Conversation c, StepId from) {
        List<Step> steps = MiicInterview.steps();
        int start = from == REVIEW ? steps.size() : indexOf(from);
        for (int i = start - 1; i >= 0; i--) {
            if (steps.get(i).appliesTo(c.answers())) {
                return steps.get(i).id();
            }
        }
        return WELCOME;
    }

    private static int indexOf(StepId id) {
        List<Step> steps = MiicInterview.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id() == id) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a table step: " + id);
    }

    /** Drops answers to questions that no longer apply (a clinic after the request changed from "lock"). */
    static Conversation applicable(Conversation c) {
        Map<StepId, String> kept = new EnumMap<>(StepId.class);
        for (Step step : MiicInterview.steps()) {
            String value = c.answer(step.id());
            if (value != null && step.appliesTo(c.answers())) {
                kept.put(step.id(), value);
            }
        }
        return c.withAnswers(kept);
    }

    /** The parent's answers only, for the next child. */
    static Conversation withoutChild(Conversation c) {
        Map<StepId, String> kept = new EnumMap<>(StepId.class);
        for (Step step : MiicInterview.steps()) {
            if (!step.perChild() && c.answer(step.id()) != null) {
                kept.put(step.id(), c.answer(step.id()));
            }
        }
        return c.withAnswers(kept);
    }
}
