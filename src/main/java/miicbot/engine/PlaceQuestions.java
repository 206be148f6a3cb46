package miicbot.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;

/**
 * Words the question asked at each place: a question of the interview ({@link Questions}), or one of the engine's
 * own (the welcome, the review, the edit menu, "another child?", the language picker), with their buttons.
 */
final class PlaceQuestions {
    static final String ABOUT_ALL = "about";
    static final String WHY = "why";
    static final String FINISH = "finish";
    static final String CONFIRM = "confirm";
    static final String EDIT = "edit";
    static final String BACK_TO_REVIEW = "review";
    /** The button that clears the chat, offered when no interview is under way (the end, and after /forget). */
    static final String CLEAR = "clear";

    private final Engine engine;
    private final Catalogue catalogue;
    private final LocalDate today;
    private final Questions q;

    PlaceQuestions(Engine engine, Catalogue catalogue, LocalDate today) {
        this.engine = engine;
        this.catalogue = catalogue;
        this.today = today;
        this.q = new Questions(catalogue, engine.interview());
    }

    /** The question asked at {@code c}'s place. */
    Reply.Ask ask(Conversation c) {
        return switch (c.stage()) {
            case WELCOME, DONE -> welcome(c, catalogue.text(engine.interview().first().id().key() + ".prompt"));
            case REVIEW -> review(c);
            case EDIT -> edit(c);
            case ANOTHER_CHILD -> q.ask(c, catalogue.text("another_child.prompt", q.args(c)),
                    List.of(List.of(q.option(FINISH, "another_child.choice.finish"))));
            case LANGUAGE -> language(c);
            case QUESTION -> q.ask(c, engine.interview().step(c.step()), new Review(catalogue, engine.interview()));
        };
    }

    /** The welcome asks the first question: the languages (two rows of two on a phone), its choices, About, Why. */
    Reply.Ask welcome(Conversation c, String body) {
        List<List<Reply.Option>> rows = new ArrayList<>();
        rows.add(languageRow());
        Step first = engine.interview().first();
        for (String code : first.choices()) {
            rows.add(List.of(q.option(code, first.id().key() + ".choice." + code)));
        }
        rows.add(List.of(q.option(ABOUT_ALL, "welcome.choice.about")));
        rows.add(List.of(q.option(WHY, "welcome.choice.why")));
        return new Reply.Ask(body, rows, c.ask()); // its language row stands for the "English" button
    }

    /** The language picker, worded in {@code prompt}'s language: one language a row. */
    Reply.Ask language(Conversation c, Catalogue prompt) {
        List<List<Reply.Option>> rows = languageRow().stream().map(List::of).toList();
        return new Reply.Ask(prompt.text("language.prompt"), rows, c.ask());
    }

    private Reply.Ask language(Conversation c) {
        return language(c, catalogue);
    }

    /** Every language by its own name; a catalogue no native speaker reviewed says so in its label. */
    private List<Reply.Option> languageRow() {
        List<Reply.Option> row = new ArrayList<>();
        for (Language language : Language.values()) {
            row.add(new Reply.Option(language.code(), engine.catalogue(language).languageLabel()));
        }
        return row;
    }

    private Reply.Ask review(Conversation c) {
        List<List<Reply.Option>> rows = new ArrayList<>();
        rows.add(List.of(q.option(CONFIRM, "review.choice.confirm")));
        rows.add(List.of(q.option(EDIT, "review.choice.edit")));
        for (Step step : engine.interview().steps()) {
            if (step.traits().fromReview() && step.appliesTo(c.answers())) {
                rows.add(List.of(q.option(step.id().key(), "review.add." + step.id().key())));
            }
        }
        String summary = new Review(catalogue, engine.interview()).summary(c, today);
        if (c.childrenDone() == 0) {
            // Said before the first PDF is made: it is not MDH's own form.
            summary += "\n\n" + catalogue.text("form.not_official");
        }
        return q.ask(c, summary, rows);
    }

    private Reply.Ask edit(Conversation c) {
        List<List<Reply.Option>> rows = new ArrayList<>();
        for (Step step : engine.interview().steps()) {
            if (Review.shownInReview(step, c)) {
                rows.add(List.of(new Reply.Option(step.id().key(), catalogue.text(step.id().key() + ".title"))));
            }
        }
        rows.add(List.of(q.option(BACK_TO_REVIEW, "edit.choice.review")));
        return q.ask(c, catalogue.text("edit.prompt"), rows);
    }
}
