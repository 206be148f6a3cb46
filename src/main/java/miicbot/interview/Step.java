package miicbot.interview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One question of the interview, declared as data: what it asks (the id gives the message keys), what kind of
 * input it takes, how an answer is read, when it applies, and its {@link Traits} (extra buttons, parts, notes).
 *
 * @param id      the question; texts are {@code <id>.prompt} and {@code <id>.title}
 * @param input   the kind of input
 * @param reader  reads a typed answer; for choices the engine first maps a button, number or label to its code
 * @param choices the codes of the buttons, in order (labels are {@code <id>.choice.<code>}); empty for text
 * @param onlyIf  when the question applies, given the answers so far
 * @param traits  the modifiers declared on the step
 */
public record Step(StepId id, Input input, Reader reader, List<String> choices,
                   Predicate<Map<StepId, String>> onlyIf, Traits traits) {

    /** The kinds of input a question takes. */
    public enum Input { TEXT, DATE, CHOICE, YES_NO }

    /** Reads one typed answer; {@code today} is for date checks. */
    @FunctionalInterface
    public interface Reader {
        Parsed read(String text, LocalDate today);
    }

    /** A rule over the answers given so far, e.g. "the person is 18 or older". */
    @FunctionalInterface
    public interface Rule {
        boolean holds(Map<StepId, String> answers, LocalDate today);
    }

    /** How a step's answer reads in the review when it is not the plain value (an address from its parts). */
    @FunctionalInterface
    public interface Shown {
        String show(Map<StepId, String> answers);
    }

    /**
     * The modifiers of a step.
     *
     * @param optional   the parent may skip it (the answer is then "")
     * @param personal   the answer is personal data (names, dates, contact details)
     * @param perChild   asked again for each child; otherwise asked once per conversation
     * @param partOf     a part of another step's one-message answer: asked on its own only when that message
     *                   lacked it, and not listed in the review
     * @param fromReview off the main path: asked only from the review's {@code review.add.<id>} button
     * @param explained  each choice has an About button ({@code <id>.about.<code>}) saying {@code explain.<code>}
     * @param help       a help button's code: its label is {@code <id>.<help>}, its text {@code <id>.<help>.text}
     * @param sameAs     for a later child, a {@code <id>.same} button reuses the earlier child's answer to this
     *                   step and to these steps; null when not offered
     * @param notes      each note's text is said after an answer for which its rule holds, and in the review
     * @param variant    the prompt is {@code <id>.prompt.<variantName>} when {@code variant} holds
     * @param contact    the adapter may offer to share the sender's own phone number
     * @param shown      how the answer reads in the review; null for the value itself
     */
    public record Traits(boolean optional, boolean personal, boolean perChild, StepId partOf, boolean fromReview,
                         boolean explained, String help, List<StepId> sameAs, List<Note> notes,
                         String variantName, Predicate<Map<StepId, String>> variant, boolean contact, Shown shown) {
        static final Traits PLAIN = new Traits(false, true, false, null, false, false, null, null, List.of(), null,
                null, false, null);
    }

    public Step {
        Objects.requireNonNull(id);
        Objects.requireNonNull(input);
        Objects.requireNonNull(reader);
        choices = List.copyOf(choices);
        Objects.requireNonNull(onlyIf);
        Objects.requireNonNull(traits);
        if ((input == Input.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException(id + ": a choice step needs choices, and only a choice step has them");
        }
    }

    public static Step text(StepId id, Reader reader) {
        return new Step(id, Input.TEXT, reader, List.of(), answers -> true, Traits.PLAIN);
    }

    public static Step date(StepId id, Reader reader) {
        return new Step(id, Input.DATE, reader, List.of(), answers -> true, Traits.PLAIN);
    }

    public static Step choice(StepId id, String... codes) {
        List<String> list = List.of(codes);
        Reader oneOf = (text, today) -> list.contains(text) ? new Parsed.Ok(text) : new Parsed.Problem("invalid.choice");
        return new Step(id, Input.CHOICE, oneOf, list, answers -> true, Traits.PLAIN).notPersonal();
    }

    public static Step yesNo(StepId id) {
        Reader yesNo = (text, today) -> text.equals("yes") || text.equals("no")
                ? new Parsed.Ok(text) : new Parsed.Problem("invalid.choice");
        return new Step(id, Input.YES_NO, yesNo, List.of(), answers -> true, Traits.PLAIN).notPersonal();
    }

    private Step with(Traits t) {
        return new Step(id, input, reader, choices, onlyIf, t);
    }

    private Traits t() {
        return traits;
    }

    /** The same step, skippable. */
    public Step skippable() {
        return with(new Traits(true, t().personal(), t().perChild(), t().partOf(), t().fromReview(), t().explained(),
                t().help(), t().sameAs(), t().notes(), t().variantName(), t().variant(), t().contact(),
                t().shown()));
    }

    /** The same step, holding no personal data (its answer may stay in the chat). */
    public Step notPersonal() {
        return with(new Traits(t().optional(), false, t().perChild(), t().partOf(), t().fromReview(), t().explained(),
                t().help(), t().sameAs(), t().notes(), t().variantName(), t().variant(), t().contact(),
                t().shown()));
    }

    /** The same step, asked for each child. */
    public Step forEachChild() {
        return with(new Traits(t().optional(), t().personal(), true, t().partOf(), t().fromReview(), t().explained(),
                t().help(), t().sameAs(), t().notes(), t().variantName(), t().variant(), t().contact(),
                t().shown()));
    }

    /** The same step, a part of {@code whole}'s one-message answer, asked only when that message lacked it. */
    public Step partOf(StepId whole) {
        return with(new Traits(t().optional(), t().personal(), t().perChild(), whole, t().fromReview(), t().explained(),
                t().help(), t().sameAs(), t().notes(), t().variantName(), t().variant(), t().contact(),
                t().shown()));
    }

    /** The same step, off the main path: the review offers a button to add it. */
    public Step addedFromReview() {
        return with(new Traits(true, t().personal(), t().perChild(), t().partOf(), true, t().explained(),
                t().help(), t().sameAs(), t().notes(), t().variantName(), t().variant(), t().contact(),
                t().shown()));
    }

    /** The same step, with an About button beside each choice. */
    public Step explained() {
        return with(new Traits(t().optional(), t().personal(), t().perChild(), t().partOf(), t().fromReview(), true,
                t().help(), t().sameAs(), t().notes(), t().variantName(), t().variant(), t().contact(),
                t().shown()));
    }

    /** The same step, with a help button that explains and asks again. */
    public Step helpedBy(String code) {
        return with(new Traits(t().optional(), t().personal(), t().perChild(), t().partOf(), t().fromReview(),
                t().explained(), code, t().sameAs(), t().notes(), t().variantName(), t().variant(),
                t().contact(), t().shown()));
    }

    /** The same step, offering a later child the earlier child's answer (with the answers to {@code also}). */
    public Step sameAsEarlierChild(StepId... also) {
        return with(new Traits(t().optional(), t().personal(), t().perChild(), t().partOf(), t().fromReview(),
                t().explained(), t().help(), List.of(also), t().notes(), t().variantName(), t().variant(),
                t().contact(), t().shown()));
    }

    /** The same step, saying {@code key} after an answer for which {@code rule} holds (and in the review). */
    public Step noting(String key, Rule rule) {
        List<Note> more = new java.util.ArrayList<>(t().notes());
        more.add(new Note(key, rule));
        return with(new Traits(t().optional(), t().personal(), t().perChild(), t().partOf(), t().fromReview(),
                t().explained(), t().help(), t().sameAs(), List.copyOf(more), t().variantName(), t().variant(),
                t().contact(), t().shown()));
    }

    /** A message key said when its rule holds for the answers. */
    public record Note(String key, Rule rule) {
        public Note {
            Objects.requireNonNull(key);
            Objects.requireNonNull(rule);
        }
    }

    /** The same step, worded by {@code <id>.prompt.<name>} when {@code other} was answered {@code value}. */
    public Step wordedAs(String name, StepId other, String value) {
        return with(new Traits(t().optional(), t().personal(), t().perChild(), t().partOf(), t().fromReview(),
                t().explained(), t().help(), t().sameAs(), t().notes(), name,
                answers -> value.equals(answers.get(other)), t().contact(), t().shown()));
    }

    /** The same step, where the adapter may offer to share the sender's own phone number. */
    public Step sharingContact() {
        return with(new Traits(t().optional(), t().personal(), t().perChild(), t().partOf(), t().fromReview(),
                t().explained(), t().help(), t().sameAs(), t().notes(), t().variantName(), t().variant(),
                true, t().shown()));
    }

    /** The same step, shown in the review by {@code how}. */
    public Step shownAs(Shown how) {
        return with(new Traits(t().optional(), t().personal(), t().perChild(), t().partOf(), t().fromReview(),
                t().explained(), t().help(), t().sameAs(), t().notes(), t().variantName(), t().variant(),
                t().contact(), how));
    }

    /** The same step, asked only when {@code other} was answered {@code value}. */
    public Step onlyIf(StepId other, String value) {
        return onlyIf(answers -> value.equals(answers.get(other)));
    }

    /** The same step, asked only when {@code other} was answered something other than {@code value}. */
    public Step unless(StepId other, String value) {
        return onlyIf(answers -> !value.equals(answers.get(other)));
    }

    private Step onlyIf(Predicate<Map<StepId, String>> rule) {
        return new Step(id, input, reader, choices, rule, traits);
    }

    public boolean appliesTo(Map<StepId, String> answers) {
        return onlyIf.test(answers);
    }

    public boolean optional() {
        return traits.optional();
    }

    public boolean personal() {
        return traits.personal();
    }

    public boolean perChild() {
        return traits.perChild();
    }

    /** On the main path: neither a part asked only when missing nor a question added from the review. */
    public boolean mainPath() {
        return traits.partOf() == null && !traits.fromReview();
    }
}
