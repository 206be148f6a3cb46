package miicbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Modifiers compose, and a mistake in a table stops it being built, naming the step. */
class StepTableTest {
    private static final StepId ROLE = StepId.of("ROLE");
    private static final StepId PARENT_NAME = StepId.of("PARENT_NAME");
    private static final StepId ADDRESS = StepId.of("ADDRESS");
    private static final StepId STREET = StepId.of("STREET");
    private static final StepId CHILD_FIRST = StepId.of("CHILD_FIRST");
    private static final StepId CHILD_LAST = StepId.of("CHILD_LAST");
    private static final StepId REQUEST = StepId.of("REQUEST");
    private static final Step.Reader ANY = (text, today) -> new Parsed.Ok(text.strip());
    private static final Step ROLE_STEP = Step.choice(ROLE, "parent", "self", "helper");
    private static final Step NAME_STEP = Step.text(PARENT_NAME, ANY);

    @Test
    void conditionsComposeInsteadOfReplacingEachOther() {
        Step step = Step.text(CHILD_FIRST, ANY).onlyIf(REQUEST, "lock").unless(ROLE, "self");
        assertTrue(step.appliesTo(Map.of(REQUEST, "lock", ROLE, "parent")));
        assertFalse(step.appliesTo(Map.of(REQUEST, "lock", ROLE, "self")), "the unless still holds");
        assertFalse(step.appliesTo(Map.of(REQUEST, "opt_out", ROLE, "parent")), "the onlyIf still holds");
    }

    @Test
    void wordingsComposeAndTheFirstThatHoldsWins() {
        Step step = NAME_STEP.wordedAs("self", ROLE, "self").wordedAs("helper", ROLE, "helper");
        assertEquals("self", step.traits().variantFor(Map.of(ROLE, "self")));
        assertEquals("helper", step.traits().variantFor(Map.of(ROLE, "helper")));
        assertNull(step.traits().variantFor(Map.of(ROLE, "parent")));
    }

    @Test
    void notesAddUpAndOtherModifiersKeepThem() {
        Step step = NAME_STEP.noting("a", (answers, today) -> true).noting("b", (answers, today) -> true)
                .skippable().forEachChild();
        assertEquals(2, step.traits().notes().size());
        assertTrue(step.optional() && step.perChild());
    }

    @Test
    void aStepDeclaredTwiceIsNamed() {
        assertMessage("step ROLE: declared twice", () -> StepTable.of(ROLE_STEP, ROLE_STEP));
    }

    @Test
    void aConditionOnALaterOrUnknownStepIsNamed() {
        assertMessage("step PARENT_NAME: onlyIf/unless names ROLE, which is not an earlier question",
                () -> StepTable.of(NAME_STEP.onlyIf(ROLE, "parent"), ROLE_STEP));
    }

    @Test
    void aConditionOnAnAnswerTheStepCannotHaveIsNamed() {
        assertMessage("step PARENT_NAME: onlyIf/unless names ROLE = guardian, which is not one of its answers "
                + "[parent, self, helper]", () -> StepTable.of(ROLE_STEP, NAME_STEP.onlyIf(ROLE, "guardian")));
        assertMessage("step PARENT_NAME: wordedAs x names ROLE = nobody, which is not one of its answers "
                + "[parent, self, helper]", () -> StepTable.of(ROLE_STEP, NAME_STEP.wordedAs("x", ROLE, "nobody")));
    }

    @Test
    void contradictoryConditionsAreNamed() {
        assertMessage("step PARENT_NAME: no answers reach it: its conditions contradict each other",
                () -> StepTable.of(ROLE_STEP, NAME_STEP.onlyIf(ROLE, "parent").onlyIf(ROLE, "self")));
        assertMessage("step CHILD_FIRST: no answers reach it: its conditions contradict each other",
                () -> StepTable.of(NAME_STEP, Step.text(CHILD_FIRST, ANY)
                        .onlyIf(PARENT_NAME, "Ana").unless(PARENT_NAME, "Ana")));
        StepTable.of(NAME_STEP, Step.text(CHILD_FIRST, ANY).unless(PARENT_NAME, "Ana")
                .unless(PARENT_NAME, "Bo")); // free text has other answers
    }

    @Test
    void aPartOfALaterStepAndASameAsOutsideTheChildsBlockAreNamed() {
        assertMessage("step STREET: partOf names ADDRESS, which is not an earlier question",
                () -> StepTable.of(Step.text(STREET, ANY).partOf(ADDRESS)));
        assertMessage("step PARENT_NAME: sameAsEarlierChild on a question asked once",
                () -> StepTable.of(NAME_STEP.sameAsEarlierChild()));
        assertMessage("step CHILD_LAST: sameAsEarlierChild names PARENT_NAME, which is not another question of the "
                + "child's block", () -> StepTable.of(NAME_STEP,
                Step.text(CHILD_LAST, ANY).forEachChild().sameAsEarlierChild(PARENT_NAME)));
    }

    @Test
    void aButtonCodeTooLongForCallbackDataIsNamed() {
        String code = "x".repeat(48);
        assertMessage("step ROLE: button code " + code + " makes 65 bytes of callback data (Telegram allows 64)",
                () -> StepTable.of(Step.choice(ROLE, code)));
        StepTable.of(Step.choice(ROLE, "x".repeat(47)));
    }

    private static void assertMessage(String message, Runnable build) {
        assertEquals(message, assertThrows(IllegalStateException.class, build::run).getMessage());
    }
}
