package miicbot.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import miicbot.i18n.Language;
import miicbot.interview.StepId;

/**
 * One chat's interview as it stands. Immutable: the engine returns a changed copy.
 *
 * @param language       the language the bot speaks in this chat
 * @param step           the question being asked now
 * @param ask            the number of the question being asked (0 before the first one); a tap on a button of
 *                       another number is stale
 * @param answers        normalised answers: the parent's, and the current child's
 * @param editing        the step was reached through "edit" on the review, so the answer leads back there
 * @param resume         where to return after an interruption such as /language; null when none
 * @param childrenDone   how many children's requests were made in this conversation
 */
public record Conversation(Language language, StepId step, int ask, Map<StepId, String> answers, boolean editing,
                           StepId resume, int childrenDone) {

    public Conversation {
        Objects.requireNonNull(language);
        Objects.requireNonNull(step);
        EnumMap<StepId, String> ordered = new EnumMap<>(StepId.class);
        ordered.putAll(answers);
        answers = Collections.unmodifiableMap(ordered); // in question order, for the review
    }

    /** A new chat, before the welcome. */
    public static Conversation start(Language language) {
        return new Conversation(language, StepId.WELCOME, 0, Map.of(), false, null, 0);
    }

    public boolean started() {
        return ask > 0;
    }

    public String answer(StepId id) {
        return answers.get(id);
    }

    public Conversation withLanguage(Language newLanguage) {
        return new Conversation(newLanguage, step, ask, answers, editing, resume, childrenDone);
    }

    public Conversation withAnswer(StepId id, String value) {
        Map<StepId, String> copy = new EnumMap<>(StepId.class);
        copy.putAll(answers);
        copy.put(id, value);
        return new Conversation(language, step, ask, copy, editing, resume, childrenDone);
    }

    public Conversation withAnswers(Map<StepId, String> newAnswers) {
        return new Conversation(language, step, ask, newAnswers, editing, resume, childrenDone);
    }

    /** Moves to {@code next}, numbering the new question. */
    public Conversation at(StepId next, boolean nowEditing, StepId nowResume) {
        return new Conversation(language, next, ask + 1, answers, nowEditing, nowResume, childrenDone);
    }

    public Conversation withChildrenDone(int done) {
        return new Conversation(language, step, ask, answers, editing, resume, done);
    }
}
