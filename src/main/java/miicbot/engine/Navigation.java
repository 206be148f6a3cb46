package miicbot.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Moving over the step table, as pure functions of the answers. The main path is every step that applies, in
 * order; a part of a one-message answer joins it only when that message lacked the part; a question added from
 * the review never does. The first question is asked by the welcome.
 */
final class Navigation {
    private final Interview interview;

    Navigation(Interview interview) {
        this.interview = interview;
    }

    private List<Step> steps() {
        return interview.steps();
    }

    /** Whether the forward path asks {@code step} now. */
    private boolean onPath(Step step, Conversation c) {
        if (!step.appliesTo(c.answers()) || step.traits().fromReview()) {
            return false;
        }
        return step.traits().partOf() == null || c.answer(step.id()) == null;
    }

    /** The next question after {@code from} on the path, or the review after the last one. */
    Place following(Conversation c, StepId from) {
        for (int i = indexOf(from) + 1; i < steps().size(); i++) {
            if (onPath(steps().get(i), c)) {
                return Place.question(steps().get(i).id());
            }
        }
        return Place.of(Stage.REVIEW);
    }

    /** The next question after {@code from} on the path that has no answer yet, or the review. */
    Place followingUnanswered(Conversation c, StepId from) {
        for (int i = indexOf(from) + 1; i < steps().size(); i++) {
            if (onPath(steps().get(i), c) && c.answer(steps().get(i).id()) == null) {
                return Place.question(steps().get(i).id());
            }
        }
        return Place.of(Stage.REVIEW);
    }

    /** The first question on the path with no answer yet, or the review when all are answered. */
    Place firstMissing(Conversation c) {
        for (Step step : steps()) {
            if (onPath(step, c) && c.answer(step.id()) == null) {
                return first(step) ? Place.of(Stage.WELCOME) : Place.question(step.id());
            }
        }
        return Place.of(Stage.REVIEW);
    }

    /** The main question before {@code from} that applies; the welcome (which asks the first question) before. */
    Place previous(Conversation c, Place from) {
        int start = from.stage() == Stage.REVIEW ? steps().size() : indexOf(from.step());
        for (int i = start - 1; i > 0; i--) {
            Step step = steps().get(i);
            if (step.appliesTo(c.answers()) && step.mainPath()) {
                return Place.question(step.id());
            }
        }
        return Place.of(Stage.WELCOME);
    }

    boolean first(Step step) {
        return steps().get(0) == step;
    }

    private int indexOf(StepId id) {
        for (int i = 0; i < steps().size(); i++) {
            if (steps().get(i).id() == id) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a table step: " + id);
    }

    /** Whether some step is a part of {@code whole}'s one-message answer. */
    boolean hasParts(Step whole) {
        return steps().stream().anyMatch(s -> s.traits().partOf() == whole.id());
    }

    /** Drops answers to questions that no longer apply (a clinic, after the request changed from "lock"). */
    Conversation applicable(Conversation c) {
        Map<StepId, String> kept = new TreeMap<>();
        for (Step step : steps()) {
            String value = c.answer(step.id());
            if (value != null && step.appliesTo(c.answers())) {
                kept.put(step.id(), value);
            }
        }
        return c.withAnswers(kept);
    }

    /** The answers with the parts of {@code whole} replaced by {@code parts} (a new address drops the old ZIP). */
    Map<StepId, String> withParts(Map<StepId, String> answers, StepId whole, Map<StepId, String> parts) {
        Map<StepId, String> changed = new TreeMap<>();
        changed.putAll(answers);
        for (Step step : steps()) {
            if (step.traits().partOf() == whole) {
                changed.remove(step.id());
            }
        }
        changed.putAll(parts);
        return changed;
    }

    /** The answers about the person (asked once) or about the child (asked per child), as {@code perChild} says. */
    Map<StepId, String> answersOf(Conversation c, boolean perChild) {
        Map<StepId, String> kept = new TreeMap<>();
        for (Step step : steps()) {
            if (step.perChild() == perChild && c.answer(step.id()) != null) {
                kept.put(step.id(), c.answer(step.id()));
            }
        }
        return kept;
    }
}
