package miicbot.interview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One question of the interview, declared as data: what it asks (the id gives the message keys), what kind of
 * input it takes, how an answer is read, and when it applies.
 *
 * @param id       the question; texts are {@code <id>.prompt} and {@code <id>.title}
 * @param input    the kind of input
 * @param reader   reads a typed answer; for choices the engine first maps a button, number or label to its code
 * @param choices  the codes of the buttons, in order (labels are {@code <id>.choice.<code>}); empty for text
 * @param optional the parent may skip it (the answer is then "")
 * @param personal the answer is personal data (names, dates, contact details)
 * @param perChild asked again for each child; otherwise asked once per conversation
 * @param onlyIf   when the question applies, given the answers so far
 */
public record Step(StepId id, Input input, Reader reader, List<String> choices, boolean optional, boolean personal,
                   boolean perChild, Predicate<Map<StepId, String>> onlyIf) {

    /** The kinds of input a question takes. */
    public enum Input { TEXT, DATE, CHOICE, YES_NO }

    /** Reads one typed answer; {@code today} is for date checks. */
    @FunctionalInterface
    public interface Reader {
        Parsed read(String text, LocalDate today);
    }

    public Step {
        Objects.requireNonNull(id);
        Objects.requireNonNull(input);
        Objects.requireNonNull(reader);
        choices = List.copyOf(choices);
        Objects.requireNonNull(onlyIf);
        if ((input == Input.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException(id + ": a choice step needs choices, and only a choice step has them");
        }
    }

    public static Step text(StepId id, Reader reader) {
        return new Step(id, Input.TEXT, reader, List.of(), false, true, false, answers -> true);
    }

    public static Step date(StepId id, Reader reader) {
        return new Step(id, Input.DATE, reader, List.of(), false, true, false, answers -> true);
    }

    public static Step choice(StepId id, String... codes) {
        List<String> list = List.of(codes);
        Reader oneOf = (text, today) -> list.contains(text) ? new Parsed.Ok(text) : new Parsed.Problem("invalid.choice");
        return new Step(id, Input.CHOICE, oneOf, list, false, false, false, answers -> true);
    }

    public static Step yesNo(StepId id) {
        Reader yesNo = (text, today) -> text.equals("yes") || text.equals("no")
                ? new Parsed.Ok(text) : new Parsed.Problem("invalid.choice");
        return new Step(id, Input.YES_NO, yesNo, List.of(), false, false, false, answers -> true);
    }

    /** The same step, skippable. */
    public Step skippable() {
        return new Step(id, input, reader, choices, true, personal, perChild, onlyIf);
    }

    /** The same step, holding no personal data (its answer may stay in the chat). */
    public Step notPersonal() {
        return new Step(id, input, reader, choices, optional, false, perChild, onlyIf);
    }

    /** The same step, with a choice answer that reads {@code rule} first (e.g. to refuse "someone else"). */
    public Step readingWith(Reader rule) {
        return new Step(id, input, rule, choices, optional, personal, perChild, onlyIf);
    }

    /** The same step, asked for each child. */
    public Step forEachChild() {
        return new Step(id, input, reader, choices, optional, personal, true, onlyIf);
    }

    /** The same step, asked only when {@code other} was answered {@code value}. */
    public Step onlyIf(StepId other, String value) {
        return new Step(id, input, reader, choices, optional, personal, perChild,
                answers -> value.equals(answers.get(other)));
    }

    public boolean appliesTo(Map<StepId, String> answers) {
        return onlyIf.test(answers);
    }
}
