package miicbot.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The questions of an {@link Interview} in the order they are asked, checked when built so that a mistake in the table stops
 * the start and names the step: an id declared twice; a condition, wording, part or "same as" that points at a
 * later or unknown step, or at an answer the step cannot have; a question no answers can reach; a button code too
 * long for Telegram's callback data.
 */
final class StepTable {
    /** Bot API: callback_data is 1-64 bytes; the adapter sends "<question number>:about:<code>", 10 digits at most. */
    private static final int CALLBACK_BYTES = 64;
    private static final String LONGEST_PREFIX = "2147483647:about:";

    private final List<Step> steps;
    private final Map<StepId, Step> byId = new HashMap<>();

    StepTable(List<Step> steps) {
        this.steps = List.copyOf(steps);
        for (Step step : this.steps) {
            check(step);
            byId.put(step.id(), step);
        }
    }

    /** The table of {@code steps}, in order; throws {@link IllegalStateException} naming the first bad step. */
    static StepTable of(Step... steps) {
        return new StepTable(List.of(steps));
    }

    /** Every question, in order. */
    List<Step> steps() {
        return steps;
    }

    /** The question with this id. */
    Step step(StepId id) {
        Step step = byId.get(Objects.requireNonNull(id));
        if (step == null) {
            throw new IllegalArgumentException("not in the table: " + id);
        }
        return step;
    }

    private void check(Step step) {
        String at = "step " + step.id() + ": ";
        if (byId.containsKey(step.id())) {
            throw new IllegalStateException(at + "declared twice");
        }
        for (Step.Condition condition : step.conditions()) {
            checkCondition(at + "onlyIf/unless", condition);
        }
        for (Step.Variant variant : step.traits().variants()) {
            checkCondition(at + "wordedAs " + variant.name(), variant.when());
        }
        if (step.traits().partOf() != null) {
            earlier(at + "partOf", step.traits().partOf());
        }
        if (step.traits().sameAs() != null) {
            if (!step.perChild()) {
                throw new IllegalStateException(at + "sameAsEarlierChild on a question asked once");
            }
            for (StepId also : step.traits().sameAs()) {
                if (also == step.id() || steps.stream().noneMatch(s -> s.id() == also && s.perChild())) {
                    throw new IllegalStateException(at + "sameAsEarlierChild names " + also
                            + ", which is not another question of the child's block");
                }
            }
        }
        for (String code : step.choices()) {
            int bytes = (LONGEST_PREFIX + code).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > CALLBACK_BYTES) {
                throw new IllegalStateException(at + "button code " + code + " makes " + bytes
                        + " bytes of callback data (Telegram allows " + CALLBACK_BYTES + ")");
            }
        }
        if (!reachable(step)) {
            throw new IllegalStateException(at + "no answers reach it: its conditions contradict each other");
        }
    }

    private void checkCondition(String where, Step.Condition condition) {
        Step target = earlier(where, condition.step());
        List<String> possible = possibleAnswers(target);
        if (possible != null && !possible.contains(condition.value())) {
            throw new IllegalStateException(where + " names " + condition.step() + " = " + condition.value()
                    + ", which is not one of its answers " + possible);
        }
    }

    private Step earlier(String where, StepId id) {
        Step target = byId.get(id);
        if (target == null) {
            throw new IllegalStateException(where + " names " + id + ", which is not an earlier question");
        }
        return target;
    }

    /** The answers a question can have, or null when they are free text. */
    private static List<String> possibleAnswers(Step step) {
        return switch (step.input()) {
            case CHOICE -> step.choices();
            case YES_NO -> List.of("yes", "no");
            case TEXT, DATE -> null;
        };
    }

    /** Whether some answers make every condition hold: for each step they name, one answer meets all of its. */
    private boolean reachable(Step step) {
        Map<StepId, List<Step.Condition>> byTarget = new HashMap<>();
        for (Step.Condition c : step.conditions()) {
            byTarget.computeIfAbsent(c.step(), k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<StepId, List<Step.Condition>> e : byTarget.entrySet()) {
            List<String> possible = possibleAnswers(byId.get(e.getKey()));
            List<String> candidates = possible != null ? possible : freeTextCandidates(e.getValue());
            if (candidates.stream().noneMatch(v -> e.getValue().stream().allMatch(c -> c.holds(Map.of(e.getKey(), v))))) {
                return false;
            }
        }
        return true;
    }

    /** For free text, the values named plus one named by none: enough to decide "is"/"is not" conditions. */
    private static List<String> freeTextCandidates(List<Step.Condition> conditions) {
        List<String> values = new ArrayList<>();
        for (Step.Condition c : conditions) {
            values.add(c.value());
        }
        values.add(String.join("\u0000", values) + "\u0000other");
        return Collections.unmodifiableList(values);
    }
}
