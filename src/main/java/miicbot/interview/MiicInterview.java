package miicbot.interview;

import static miicbot.interview.StepId.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The MIIC privacy interview as a table of questions, in the order they are asked. The parent's questions are
 * asked once; the child's block is asked for each child. A question that does not apply is skipped by its
 * {@code onlyIf}, never by a jump. The engine adds the welcome, review, edit and "another child?" steps around it.
 */
public final class MiicInterview {

    /** Codes of the REQUEST choice. */
    public static final String OPT_OUT = "opt_out";
    public static final String LOCK = "lock";
    public static final String DECLINE = "decline_reminders";
    public static final String UNDO = "undo";

    private static final List<Step> STEPS = List.of(
            Step.text(PARENT_NAME, Parsers::personName),
            Step.choice(RELATIONSHIP, "parent", "guardian", "other").readingWith(MiicInterview::relationship),
            Step.text(PARENT_PHONE, Parsers::phone),
            Step.text(PARENT_EMAIL, Parsers::email).skippable(),
            Step.text(STREET, Parsers::line),
            Step.text(CITY, Parsers::personName),
            Step.text(STATE, Parsers::state).notPersonal(),
            Step.text(ZIP, Parsers::zip),

            Step.text(CHILD_FIRST, Parsers::personName).forEachChild(),
            Step.text(CHILD_MIDDLE, Parsers::personName).skippable().forEachChild(),
            Step.text(CHILD_LAST, Parsers::personName).forEachChild(),
            Step.text(CHILD_OTHER_NAMES, Parsers::otherNames).skippable().forEachChild(),
            Step.date(CHILD_BIRTH_DATE, Parsers::birthDate).forEachChild(),
            Step.choice(CHILD_SEX, "female", "male", "x").skippable().forEachChild(),
            Step.choice(REQUEST, OPT_OUT, LOCK, DECLINE, UNDO).forEachChild(),
            Step.text(CLINIC_NAME, Parsers::line).notPersonal().forEachChild().onlyIf(REQUEST, LOCK),
            Step.text(CLINIC_CITY, Parsers::personName).notPersonal().forEachChild().onlyIf(REQUEST, LOCK),
            Step.yesNo(ALSO_DECLINE).forEachChild().onlyIf(REQUEST, LOCK),
            Step.choice(UNDO_WHAT, "opt_back_in", "unlock", "resume_reminders").forEachChild().onlyIf(REQUEST, UNDO));

    private static final Map<StepId, Step> BY_ID = new EnumMap<>(StepId.class);

    static {
        for (Step step : STEPS) {
            if (BY_ID.put(step.id(), step) != null) {
                throw new IllegalStateException("step declared twice: " + step.id());
            }
        }
    }

    private MiicInterview() {
    }

    /** Every question, in order. */
    public static List<Step> steps() {
        return STEPS;
    }

    /** The question with this id, or null for the engine's own steps (welcome, review, ...). */
    public static Step step(StepId id) {
        return BY_ID.get(Objects.requireNonNull(id));
    }

    /** The first question of the child's block. */
    public static StepId firstChildStep() {
        return CHILD_FIRST;
    }

    // Only a parent or legal guardian may ask for a minor (MDH's usual practice; see docs): "someone else" is told so.
    private static Parsed relationship(String code, java.time.LocalDate today) {
        return switch (code) {
            case "parent", "guardian" -> new Parsed.Ok(code);
            case "other" -> new Parsed.Problem("relationship.invalid.other");
            default -> new Parsed.Problem("invalid.choice");
        };
    }
}
