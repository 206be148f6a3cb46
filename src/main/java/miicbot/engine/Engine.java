package miicbot.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.CopyReady;
import miicbot.interview.FormAnswers;
import miicbot.interview.MiicInterview;
import miicbot.interview.Parsed;
import miicbot.interview.Step;
import miicbot.interview.StepId;
import miicbot.interview.Submission;

/**
 * The conversation engine: one pure function from a conversation and an event to the new conversation and the
 * replies. Commands are handled first, at any step; then the current place reads the event. Questions come from
 * the step table in {@link MiicInterview}, with the buttons and notes its modifiers declare; the welcome (which
 * asks the first question), review, edit, "another child?", language and done stages are the engine's own.
 */
public final class Engine {
    private static final String ABOUT_ALL = "about";
    private static final String WHY = "why";
    private static final String FINISH = "finish";
    private static final String CONFIRM = "confirm";
    private static final String EDIT = "edit";
    private static final String BACK_TO_REVIEW = "review";
    /** The button that clears the chat, offered when no interview is under way (the end, and after /forget). */
    private static final String CLEAR = "clear";

    private final Map<Language, Catalogue> catalogues;
    private final Settings settings;

    /**
     * What the engine tells parents about the running bot.
     *
     * @param retentionDays       idle conversations are erased after this many days
     * @param deletesTypedAnswers the adapter deletes typed personal answers from the chat when the review shows them
     * @param submission          where to send the form (from the submission data file), shown at the end
     * @param screen              where the parent reads the chat, which changes a few words
     */
    public record Settings(int retentionDays, boolean deletesTypedAnswers, Submission submission, Screen screen) {
        public Settings {
            Objects.requireNonNull(submission);
            Objects.requireNonNull(screen);
        }
    }

    /**
     * Where the parent reads the chat. In a chat app (Telegram) the buttons have no numbers and the bot's messages
     * stay in the chat; the console numbers its buttons and keeps no chat, so a few texts have a console wording.
     */
    public enum Screen { CHAT, CONSOLE }

    // The texts whose console wording differs: buttons typed by number, forms saved in a folder, no chat left behind.
    private static final Map<String, String> CONSOLE_WORDING = Map.of(
            "welcome.text", "welcome.text.console",
            "welcome.unclear", "welcome.unclear.console",
            "invalid.choice", "invalid.choice.console",
            "done.end", "done.end.console");

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
        if (turn.asksToClear(event)) {
            return turn.clearChat(event);
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
            return turn.resume(resume.language());
        }
        if (event instanceof Event.Unsupported) {
            return turn.reask("unsupported");
        }
        if (event instanceof Event.Tap tap && tap.ask() != c.ask()) {
            return turn.reask("stale");
        }
        if (event instanceof Event.Contact contact) {
            return turn.contact(contact);
        }
        if (Questions.IN_ENGLISH.equals(Questions.codeFor(event, turn.question(c)))) {
            return turn.inEnglish();
        }
        return switch (c.stage()) {
            case WELCOME -> turn.atWelcome(event);
            case LANGUAGE -> turn.atLanguage(event);
            case REVIEW -> turn.atReview(event);
            case EDIT -> turn.atEdit(event);
            case ANOTHER_CHILD -> turn.atAnotherChild(event);
            case QUESTION -> turn.answer(c, MiicInterview.step(c.step()), event);
            case DONE -> throw new IllegalStateException("unreachable: handled above");
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
            replies.add(new Reply.Say(words(c, key, args)));
        }

        /** The text of {@code key}, in the wording for the parent's screen. */
        private String words(Conversation c, String key, Map<String, ?> args) {
            String worded = settings.screen() == Screen.CONSOLE ? CONSOLE_WORDING.getOrDefault(key, key) : key;
            return text(c).text(worded, args);
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
                case WHY -> {
                    say(c, "why.text");
                    yield continueOrWelcome(c);
                }
                case BACK -> back(c);
                case STATUS -> {
                    say(c, "status.text", Map.of("done", c.childrenDone(), "step", title(c)));
                    yield c.started() && c.stage() != Stage.DONE ? current(c) : done(c);
                }
                case CANCEL -> cancel(c);
                case LANGUAGE -> askLanguage(c);
                case FORGET -> {
                    say(c, "forget.done");
                    Conversation erased = Conversation.start(c.language());
                    replies.add(clearOffer(erased));
                    yield new Outcome(erased, replies, true, false);
                }
            };
        }

        /** The "clear this chat" button, tapped (on any message) or its label typed when nothing is under way. */
        boolean asksToClear(Event event) {
            if (event instanceof Event.Tap tap) {
                return CLEAR.equals(tap.code());
            }
            return event instanceof Event.Text typed && (!start.started() || start.stage() == Stage.DONE)
                    && typed.text().strip().equalsIgnoreCase(text(start).text("clear.button"));
        }

        /**
         * Clears the chat when nothing is under way and the button is the latest offer (a typed label counts as
         * that): the conversation is erased and the adapter deletes the messages. An older button does nothing
         * harmful: during an interview it is a passed question; otherwise the parent is told how to clear.
         */
        Outcome clearChat(Event event) {
            Conversation c = start;
            if (c.started() && c.stage() != Stage.DONE) {
                return reask("stale");
            }
            if (event instanceof Event.Tap tap && tap.ask() != c.ask()) {
                say(c, "clear.old");
                return done(c);
            }
            replies.add(new Reply.ClearChat(c.language()));
            return new Outcome(Conversation.start(c.language()), replies, true, false);
        }

        /** The offer to clear the chat, numbered as {@code c}'s question so only the latest offer works. */
        private Reply.Ask clearOffer(Conversation c) {
            return new Reply.Ask(text(c).text("clear.offer"),
                    List.of(List.of(new Reply.Option(CLEAR, text(c).text("clear.button")))), c.ask());
        }

        private String title(Conversation c) {
            return text(c).text(c.place().key() + ".title");
        }

        /** The current question again, or the welcome when no interview is under way. */
        private Outcome continueOrWelcome(Conversation c) {
            return c.started() && c.stage() != Stage.DONE ? current(c) : welcome(c, false);
        }

        /** Where the interview stood; when the parent chose another language for this visit, asks once. */
        Outcome resume(Language chosen) {
            say(start, "resume.text", Map.of("step", title(start)));
            if (chosen == null || chosen == start.language() || start.stage() == Stage.LANGUAGE) {
                return current(start);
            }
            Conversation at = start.at(Place.of(Stage.LANGUAGE), start.editing(), start.place());
            List<List<Reply.Option>> rows = languageRow().stream().map(List::of).toList();
            replies.add(new Reply.Ask(catalogues.get(chosen).text("language.prompt"), rows, at.ask()));
            return done(at);
        }

        Outcome welcome(Conversation fresh, boolean restarted) {
            Conversation c = fresh.at(Place.of(Stage.WELCOME), false, null);
            if (restarted) {
                say(c, "restart.done");
            }
            replies.add(welcomeQuestion(c, words(c, "welcome.text", Map.of("days", settings.retentionDays()))));
            return done(c);
        }

        /** The welcome asks the first question: the languages (two rows of two on a phone), its choices, About, Why. */
        private Reply.Ask welcomeQuestion(Conversation c, String body) {
            Questions q = new Questions(text(c));
            List<List<Reply.Option>> rows = new ArrayList<>();
            rows.add(languageRow());
            Step first = MiicInterview.steps().get(0);
            for (String code : first.choices()) {
                rows.add(List.of(q.option(code, first.id().key() + ".choice." + code)));
            }
            rows.add(List.of(q.option(ABOUT_ALL, "welcome.choice.about")));
            rows.add(List.of(q.option(WHY, "welcome.choice.why")));
            return new Reply.Ask(body, rows, c.ask()); // its language row stands for the "English" button
        }

        /** Every language by its own name; a catalogue no native speaker reviewed says so in its label. */
        private List<Reply.Option> languageRow() {
            List<Reply.Option> row = new ArrayList<>();
            for (Language language : Language.values()) {
                row.add(new Reply.Option(language.code(), catalogues.get(language).languageLabel()));
            }
            return row;
        }

        private Outcome back(Conversation c) {
            if (!c.started() || c.stage() == Stage.WELCOME || c.stage() == Stage.DONE) {
                say(c, "back.at_start");
                return continueOrWelcome(c);
            }
            return switch (c.stage()) {
                case EDIT -> goTo(c, Place.of(Stage.REVIEW), false);
                case LANGUAGE -> goTo(c, c.resume(), c.editing());
                case ANOTHER_CHILD -> {
                    say(c, "back.form_made");
                    yield current(c);
                }
                case QUESTION -> backFromQuestion(c);
                case REVIEW -> goTo(c, Navigation.previous(c, c.place()), false);
                case WELCOME, DONE -> throw new IllegalStateException("unreachable: handled above");
            };
        }

        /**
         * The previous question; when the question was reached from the review, back to the review, unless the
         * request still lacks this answer (a clinic just asked for): then the question before it.
         */
        private Outcome backFromQuestion(Conversation c) {
            if (c.editing() && Navigation.firstMissing(c).equals(Place.of(Stage.REVIEW))) {
                return goTo(c, Place.of(Stage.REVIEW), false);
            }
            return goTo(c, Navigation.previous(c, c.place()), c.editing());
        }

        private Outcome cancel(Conversation c) {
            if (!c.started() || c.stage() == Stage.DONE) {
                say(c, "cancel.nothing");
                return welcome(c, false);
            }
            if (!inChild(c)) {
                say(c, "cancel.all");
                return welcome(Conversation.start(c.language()).withChildrenDone(c.childrenDone()), false);
            }
            say(c, "cancel.child");
            return goTo(c.withAnswers(Navigation.answersOf(c, false)), Place.of(Stage.ANOTHER_CHILD), false);
        }

        private boolean inChild(Conversation c) {
            Place at = c.stage() == Stage.LANGUAGE ? c.resume() : c.place();
            return switch (at.stage()) {
                case REVIEW, EDIT, ANOTHER_CHILD -> true;
                case QUESTION -> MiicInterview.step(at.step()).perChild();
                case WELCOME, LANGUAGE, DONE -> false;
            };
        }

        private Outcome askLanguage(Conversation c) {
            Place resume = c.stage() == Stage.LANGUAGE ? c.resume() : c.place();
            Conversation at = c.at(Place.of(Stage.LANGUAGE), c.editing(), resume);
            replies.add(languageQuestion(at));
            return done(at);
        }

        private Reply.Ask languageQuestion(Conversation c) {
            List<List<Reply.Option>> rows = languageRow().stream().map(List::of).toList();
            return new Reply.Ask(text(c).text("language.prompt"), rows, c.ask());
        }

        // ---- the engine's own stages ---------------------------------------------------------------------------

        Outcome inEnglish() {
            replies.add(new Reply.Say(question(start.withLanguage(Language.EN)).text()));
            return current(start);
        }

        Outcome contact(Event.Contact contact) {
            if (start.stage() != Stage.QUESTION || !MiicInterview.step(start.step()).traits().contact()) {
                return reask("unsupported");
            }
            if (!contact.own()) {
                return reask("common.contact_not_own");
            }
            return answer(start, MiicInterview.step(start.step()), new Event.Text(contact.phone()));
        }

        Outcome atWelcome(Event event) {
            String code = Questions.codeFor(event, question(start));
            if (code == null) {
                return reask("welcome.unclear");
            }
            Language chosen = Language.fromTag(code);
            if (chosen.code().equals(code)) {
                return welcome(start.withLanguage(chosen), false);
            }
            Step first = MiicInterview.steps().get(0);
            switch (code) {
                case ABOUT_ALL -> {
                    explainEveryChoice();
                    return current(start);
                }
                case WHY -> {
                    return reask("why.text");
                }
                default -> {
                    return first.choices().contains(code) ? answer(start, first, new Event.Tap(start.ask(), code))
                            : reask("stale");
                }
            }
        }

        /** The About text of every choice of the explained question, in the table's order. */
        private void explainEveryChoice() {
            for (Step step : MiicInterview.steps()) {
                if (step.traits().explained()) {
                    for (String code : step.choices()) {
                        say(start, "explain." + code);
                    }
                }
            }
            say(start, "explain.every_option"); // what holds whichever option is chosen
        }

        Outcome atLanguage(Event event) {
            String code = Questions.codeFor(event, question(start));
            Language chosen = code == null ? null : Language.fromTag(code);
            if (chosen == null || !chosen.code().equals(code)) {
                return reask("invalid.choice");
            }
            Conversation c = start.withLanguage(chosen);
            say(c, "language.done");
            return goTo(c, c.resume() == null ? Place.of(Stage.WELCOME) : c.resume(), c.editing());
        }

        Outcome atReview(Event event) {
            String code = Questions.codeFor(event, question(start));
            if (CONFIRM.equals(code)) {
                int number = start.childrenDone() + 1;
                ChildRequest request = FormAnswers.request(start.answers(), start.language(), today);
                CopyReady copy = CopyReady.of(request, text(start), catalogues.get(Language.EN));
                replies.add(new Reply.Copyable(copy.text(), copy.copies().stream()
                        .map(c -> new Reply.Copy(c.label(), c.text())).toList()));
                replies.add(new Reply.SendForm(request, Review.fileName(request, number),
                        text(start).text("form.caption", Map.of("child", request.child().fullName()))));
                return goTo(start.withChildrenDone(number), Place.of(Stage.ANOTHER_CHILD), false);
            }
            if (EDIT.equals(code)) {
                return goTo(start, Place.of(Stage.EDIT), false);
            }
            for (Step step : MiicInterview.steps()) {
                if (step.traits().fromReview() && step.id().key().equals(code) && step.appliesTo(start.answers())) {
                    return goTo(start, Place.question(step.id()), true);
                }
            }
            return reask("invalid.choice");
        }

        Outcome atEdit(Event event) {
            String code = Questions.codeFor(event, question(start));
            if (code == null) {
                return reask("invalid.choice");
            }
            if (code.equals(BACK_TO_REVIEW)) {
                return goTo(start, Place.of(Stage.REVIEW), false);
            }
            for (Step step : MiicInterview.steps()) {
                if (step.id().key().equals(code) && Review.shownInReview(step, start)) {
                    return goTo(start, Place.question(step.id()), true);
                }
            }
            return reask("invalid.choice");
        }

        Outcome atAnotherChild(Event event) {
            String code = Questions.codeFor(event, question(start));
            if (FINISH.equals(code) || "no".equals(yesNo(event))) {
                return finish();
            }
            if (!(event instanceof Event.Text) || "yes".equals(yesNo(event))) {
                return reask("another_child.name_please");
            }
            Conversation next = start.withAnswers(Navigation.answersOf(start, false))
                    .withEarlier(Navigation.answersOf(start, true))
                    .at(Place.question(MiicInterview.firstChildStep()), false, null);
            return answer(next, MiicInterview.step(MiicInterview.firstChildStep()), event);
        }

        private Outcome finish() {
            Conversation c = new Conversation(start.language(), Place.of(Stage.DONE), start.ask() + 1, Map.of(), false,
                    null, start.childrenDone(), Map.of(), null);
            // Several short messages, not one long one: what the forms are, MDH's ways, the other ways, what is left.
            say(c, "done.text", Map.of("count", start.childrenDone()));
            Submission submission = settings.submission();
            List<String> mdhs = submission.describe(text(c)::text, "done.route.", ", ", false);
            say(c, "done.send", Map.of("routes", String.join("\n", mdhs)));
            List<String> others = submission.describe(text(c)::text, "done.route.", ", ", true);
            if (!others.isEmpty()) {
                replies.add(new Reply.Say(String.join("\n", others)));
            }
            say(c, "done.end");
            replies.add(clearOffer(c));
            return done(c);
        }

        // ---- table steps --------------------------------------------------------------------------------------

        /** Reads {@code event} as the answer to {@code step}, asked in {@code c}. */
        Outcome answer(Conversation c, Step step, Event event) {
            String code = Questions.codeFor(event, question(c));
            boolean typed = event instanceof Event.Text;
            String key = step.id().key();
            if (code != null && code.startsWith(Questions.ABOUT)) {
                say(c, "explain." + code.substring(Questions.ABOUT.length()));
                return current(c);
            }
            if (code != null && code.equals(step.traits().help())) {
                say(c, key + "." + code + ".text", new Questions(text(c)).args(c));
                return current(c);
            }
            if (Questions.SAME.equals(code) && step.traits().sameAs() != null && c.earlier().get(step.id()) != null) {
                return same(c, step);
            }
            String value;
            Map<StepId, String> parts = Map.of();
            if (Questions.KEEP.equals(code) && c.answer(step.id()) != null) {
                value = c.answer(step.id());
            } else if (Questions.SKIP.equals(code) && step.optional()) {
                value = "";
            } else if (Questions.SURE.equals(code) && c.unsure() != null) {
                value = c.unsure();
            } else if (reading(c, code) != null) {
                value = reading(c, code).value();
                parts = reading(c, code).parts();
            } else if (step.input() == Step.Input.CHOICE || step.input() == Step.Input.YES_NO) {
                String answer = code != null ? code : yesNo(event);
                Parsed parsed = answer == null ? new Parsed.Problem("invalid.choice") : step.reader().read(answer, today);
                if (!(parsed instanceof Parsed.Ok ok)) {
                    return problem(c, parsed);
                }
                value = ok.value();
            } else if (event instanceof Event.Text text) {
                Parsed parsed = step.reader().read(text.text(), today);
                if (!(parsed instanceof Parsed.Ok ok)) {
                    return problem(c, parsed).withPersonalAnswer(step.personal());
                }
                value = ok.value();
                parts = ok.parts();
            } else {
                return reask("stale");
            }
            Conversation answered = c.withAnswer(step.id(), value);
            if (!parts.isEmpty() || hasParts(step)) {
                answered = answered.withAnswers(Navigation.withParts(answered.answers(), step.id(), parts));
            }
            answered = Navigation.applicable(answered);
            note(c, answered, step, value);
            if (Navigation.first(step) && settings.deletesTypedAnswers()) {
                say(answered, "welcome.deletes_typed");
            }
            Place next = answered.editing() ? Navigation.firstMissing(answered) : Navigation.following(answered, step.id());
            Outcome outcome = goTo(answered, next, answered.editing() && next.stage() != Stage.REVIEW);
            return new Outcome(outcome.conversation(), outcome.replies(), false, typed && step.personal());
        }

        private boolean hasParts(Step whole) {
            return MiicInterview.steps().stream().anyMatch(s -> s.traits().partOf() == whole.id());
        }

        /** Says the step's notes whose rule holds for a new answer. */
        private void note(Conversation before, Conversation after, Step step, String value) {
            if (value.equals(before.answer(step.id()))) {
                return;
            }
            for (Step.Note note : step.traits().notes()) {
                if (note.rule().holds(after.answers(), today)) {
                    say(after, note.key(), new Questions(text(after)).args(after));
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
            answered = Navigation.applicable(answered);
            Place next = answered.editing() ? Navigation.firstMissing(answered)
                    : Navigation.followingUnanswered(answered, step.id());
            return goTo(answered, next, answered.editing() && next.stage() != Stage.REVIEW);
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

        /** The reading whose button has this code, or null. */
        private Parsed.Reading reading(Conversation c, String code) {
            if (code == null || !code.startsWith(Questions.READING)) {
                return null;
            }
            String index = code.substring(Questions.READING.length());
            int i = index.matches("\\d{1,2}") ? Integer.parseInt(index) : -1;
            return i >= 0 && i < c.readings().size() ? c.readings().get(i) : null;
        }

        private Outcome problem(Conversation c, Parsed parsed) {
            if (parsed instanceof Parsed.Choose choose) {
                say(c, choose.key(), choose.args());
                return current(c.withReadings(choose.readings()));
            }
            if (parsed instanceof Parsed.Unsure unsure) {
                say(c, unsure.key(), Map.of("value", unsure.value()));
                return current(c.withUnsure(unsure.value()));
            }
            Parsed.Problem problem = (Parsed.Problem) parsed;
            say(c, problem.key(), problem.args());
            return current(c.withUnsure(null));
        }

        // ---- moving between places ----------------------------------------------------------------------------

        Outcome reask(String key) {
            say(start, key);
            return current(start);
        }

        /** Asks the current question again (same number, so its earlier buttons still work). */
        private Outcome current(Conversation c) {
            replies.add(question(c));
            return done(c);
        }

        /** Moves to {@code place} (the first question is asked by the welcome) and asks its question. */
        private Outcome goTo(Conversation c, Place place, boolean editing) {
            Place to = place;
            boolean nowEditing = editing;
            if (to.stage() == Stage.REVIEW && !Navigation.firstMissing(c).equals(to)) {
                to = Navigation.firstMissing(c); // the review and the form need every answer on the path
                nowEditing = true;
            }
            if (to.stage() == Stage.QUESTION && Navigation.first(MiicInterview.step(to.step()))) {
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
            return start.stage() == Stage.QUESTION && MiicInterview.step(start.step()).traits().contact()
                    && !to.equals(start.place());
        }

        Reply.Ask question(Conversation c) {
            Questions q = new Questions(text(c));
            return switch (c.stage()) {
                case WELCOME, DONE -> welcomeQuestion(c, text(c).text(MiicInterview.steps().get(0).id().key() + ".prompt"));
                case REVIEW -> reviewQuestion(c, q);
                case EDIT -> editQuestion(c, q);
                case ANOTHER_CHILD -> q.ask(c, text(c).text("another_child.prompt", q.args(c)),
                        List.of(List.of(q.option(FINISH, "another_child.choice.finish"))));
                case LANGUAGE -> languageQuestion(c);
                case QUESTION -> q.ask(c, MiicInterview.step(c.step()), new Review(text(c)));
            };
        }

        private Reply.Ask reviewQuestion(Conversation c, Questions q) {
            List<List<Reply.Option>> rows = new ArrayList<>();
            rows.add(List.of(q.option(CONFIRM, "review.choice.confirm")));
            rows.add(List.of(q.option(EDIT, "review.choice.edit")));
            for (Step step : MiicInterview.steps()) {
                if (step.traits().fromReview() && step.appliesTo(c.answers())) {
                    rows.add(List.of(q.option(step.id().key(), "review.add." + step.id().key())));
                }
            }
            String summary = new Review(text(c)).summary(c, today);
            if (c.childrenDone() == 0) {
                // Said before the first PDF is made: it is not MDH's own form.
                summary += "\n\n" + text(c).text("form.not_official");
            }
            return q.ask(c, summary, rows);
        }

        private Reply.Ask editQuestion(Conversation c, Questions q) {
            List<List<Reply.Option>> rows = new ArrayList<>();
            for (Step step : MiicInterview.steps()) {
                if (Review.shownInReview(step, c)) {
                    rows.add(List.of(new Reply.Option(step.id().key(), text(c).text(step.id().key() + ".title"))));
                }
            }
            rows.add(List.of(q.option(BACK_TO_REVIEW, "edit.choice.review")));
            return q.ask(c, text(c).text("edit.prompt"), rows);
        }
    }
}
