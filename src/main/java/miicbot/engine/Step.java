package miicbot.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One question of the interview, declared as data: what it asks (the id gives the message keys), what kind of
 * input it takes, how an answer is read, when it applies, and its {@link Traits} (extra buttons, parts, notes).
 * Modifiers compose: {@code onlyIf(A, x).unless(B, y)} asks the question when both hold, and each
 * {@code wordedAs} adds a wording (the first that holds is used). Conditions are data ({@link Condition}), so the
 * table can be checked when it is built ({@link StepTable}).
 *
 * @param id         the question; texts are {@code <id>.prompt} and {@code <id>.title}
 * @param input      the kind of input
 * @param reader     reads a typed answer; for choices the engine first maps a button, number or label to its code
 * @param choices    the codes of the buttons, in order (labels are {@code <id>.choice.<code>}); empty for text
 * @param conditions when the question applies: every one holds for the answers so far (none: always)
 * @param traits     the modifiers declared on the step
 */
public record Step(StepId id, Input input, Reader reader, List<String> choices, List<Condition> conditions,
                   Traits traits) {

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

    /** "{@code step} was answered {@code value}" ({@code is}), or "was answered anything else" (not {@code is}). */
    public record Condition(StepId step, String value, boolean is) {
        public Condition {
            Objects.requireNonNull(step);
            Objects.requireNonNull(value);
        }

        public boolean holds(Map<StepId, String> answers) {
            return value.equals(answers.get(step)) == is;
        }
    }

    /** The prompt {@code <id>.prompt.<name>} used when {@code when} holds. */
    public record Variant(String name, Condition when) {
        public Variant {
            Objects.requireNonNull(name);
            Objects.requireNonNull(when);
        }
    }

    /** A message key said when its rule holds for the answers. */
    public record Note(String key, Rule rule) {
        public Note {
            Objects.requireNonNull(key);
            Objects.requireNonNull(rule);
        }
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
     * @param variants   other wordings of the prompt, the first that holds wins
     * @param contact    the adapter may offer to share the sender's own phone number
     * @param shown      how the answer reads in the review; null for the value itself
     */
    public record Traits(boolean optional, boolean personal, boolean perChild, StepId partOf, boolean fromReview,
                         boolean explained, String help, List<StepId> sameAs, List<Note> notes,
                         List<Variant> variants, boolean contact, Shown shown) {
        public static final Traits PLAIN = new Traits(false, true, false, null, false, false, null, null, List.of(),
                List.of(), false, null);

        public Traits {
            sameAs = sameAs == null ? null : List.copyOf(sameAs);
            notes = List.copyOf(notes);
            variants = List.copyOf(variants);
        }

        /** The name of the wording that holds for these answers, or null for the main one. */
        public String variantFor(Map<StepId, String> answers) {
            for (Variant v : variants) {
                if (v.when().holds(answers)) {
                    return v.name();
                }
            }
            return null;
        }
    }

    public Step {
        Objects.requireNonNull(id);
        Objects.requireNonNull(input);
        Objects.requireNonNull(reader);
        choices = List.copyOf(choices);
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(traits);
        if ((input == Input.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException(id + ": a choice step needs choices, and only a choice step has them");
        }
    }

    public static Step text(StepId id, Reader reader) {
        return new Step(id, Input.TEXT, reader, List.of(), List.of(), Traits.PLAIN);
    }

    public static Step date(StepId id, Reader reader) {
        return new Step(id, Input.DATE, reader, List.of(), List.of(), Traits.PLAIN);
    }

    public static Step choice(StepId id, String... codes) {
        List<String> list = List.of(codes);
        Reader oneOf = (text, today) -> list.contains(text) ? new Parsed.Ok(text) : new Parsed.Problem("invalid.choice");
        return new Step(id, Input.CHOICE, oneOf, list, List.of(), Traits.PLAIN).notPersonal();
    }

    public static Step yesNo(StepId id) {
        Reader yesNo = (text, today) -> text.equals("yes") || text.equals("no")
                ? new Parsed.Ok(text) : new Parsed.Problem("invalid.choice");
        return new Step(id, Input.YES_NO, yesNo, List.of(), List.of(), Traits.PLAIN).notPersonal();
    }

    /** The same step, skippable. */
    public Step skippable() {
        return with(t -> t.optional = true);
    }

    /** The same step, holding no personal data (its answer may stay in the chat). */
    public Step notPersonal() {
        return with(t -> t.personal = false);
    }

    /** The same step, asked for each child: {@link Interview.Builder#perChild} puts it in the child's block. */
    Step forEachChild() {
        return with(t -> t.perChild = true);
    }

    /** The same step, a part of {@code whole}'s one-message answer, asked only when that message lacked it. */
    public Step partOf(StepId whole) {
        return with(t -> t.partOf = whole);
    }

    /** The same step, off the main path: the review offers a button to add it. */
    public Step addedFromReview() {
        return with(t -> {
            t.optional = true;
            t.fromReview = true;
        });
    }

    /** The same step, with an About button beside each choice. */
    public Step explained() {
        return with(t -> t.explained = true);
    }

    /** The same step, with a help button that explains and asks again. */
    public Step helpedBy(String code) {
        return with(t -> t.help = code);
    }

    /** The same step, offering a later child the earlier child's answer (with the answers to {@code also}). */
    public Step sameAsEarlierChild(StepId... also) {
        return with(t -> t.sameAs = List.of(also));
    }

    /** The same step, saying {@code key} after an answer for which {@code rule} holds (and in the review). */
    public Step noting(String key, Rule rule) {
        return with(t -> t.notes.add(new Note(key, rule)));
    }

    /** The same step, worded by {@code <id>.prompt.<name>} when {@code other} was answered {@code value}. */
    public Step wordedAs(String name, StepId other, String value) {
        return with(t -> t.variants.add(new Variant(name, new Condition(other, value, true))));
    }

    /** The same step, where the adapter may offer to share the sender's own phone number. */
    public Step sharingContact() {
        return with(t -> t.contact = true);
    }

    /** The same step, shown in the review by {@code how}. */
    public Step shownAs(Shown how) {
        return with(t -> t.shown = how);
    }

    /** The same step, asked only when {@code other} was answered {@code value} (and every earlier condition holds). */
    public Step onlyIf(StepId other, String value) {
        return when(new Condition(other, value, true));
    }

    /** The same step, asked only when {@code other} was answered something other than {@code value}. */
    public Step unless(StepId other, String value) {
        return when(new Condition(other, value, false));
    }

    private Step when(Condition condition) {
        List<Condition> all = new ArrayList<>(conditions);
        all.add(condition);
        return new Step(id, input, reader, choices, all, traits);
    }

    public boolean appliesTo(Map<StepId, String> answers) {
        for (Condition condition : conditions) {
            if (!condition.holds(answers)) {
                return false;
            }
        }
        return true;
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

    private Step with(Consumer<Draft> change) {
        Draft draft = new Draft(traits);
        change.accept(draft);
        return new Step(id, input, reader, choices, conditions, draft.traits());
    }

    /** The traits being changed by one modifier: the one place their fields are copied. */
    private static final class Draft {
        boolean optional;
        boolean personal;
        boolean perChild;
        StepId partOf;
        boolean fromReview;
        boolean explained;
        String help;
        List<StepId> sameAs;
        final List<Note> notes;
        final List<Variant> variants;
        boolean contact;
        Shown shown;

        Draft(Traits t) {
            optional = t.optional();
            personal = t.personal();
            perChild = t.perChild();
            partOf = t.partOf();
            fromReview = t.fromReview();
            explained = t.explained();
            help = t.help();
            sameAs = t.sameAs();
            notes = new ArrayList<>(t.notes());
            variants = new ArrayList<>(t.variants());
            contact = t.contact();
            shown = t.shown();
        }

        Traits traits() {
            return new Traits(optional, personal, perChild, partOf, fromReview, explained, help, sameAs, notes,
                    variants, contact, shown);
        }
    }
}
