package miicbot.interview;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the step table itself, as a table: unique, reachable, short button codes. */
class MiicInterviewTest {

    @Test
    void everyStepIsReachableUnderSomeAnswers() {
        Set<StepId> reachable = EnumSet.noneOf(StepId.class);
        for (Step request : MiicInterview.steps()) {
            if (request.id() != StepId.REQUEST) {
                continue;
            }
            for (String code : request.choices()) {
                Map<StepId, String> answers = new HashMap<>();
                answers.put(StepId.REQUEST, code);
                for (Step step : MiicInterview.steps()) {
                    if (step.appliesTo(answers)) {
                        reachable.add(step.id());
                    }
                }
            }
        }
        for (Step step : MiicInterview.steps()) {
            assertTrue(reachable.contains(step.id()), step.id() + " can never be asked");
        }
    }

    @Test
    void buttonCodesFitTelegramsCallbackDataWithTheQuestionNumber() {
        // Bot API: callback_data is 1-64 bytes. The adapter sends "<question number>:<code>"; allow 10 digits.
        for (Step step : MiicInterview.steps()) {
            for (String code : step.choices()) {
                int bytes = ("2147483647:about:" + code).getBytes(StandardCharsets.UTF_8).length;
                assertTrue(bytes <= 64, step.id() + "." + code + " is " + bytes + " bytes");
            }
            assertTrue(("2147483647:" + step.id().key()).length() <= 64, "edit code for " + step.id());
        }
    }

    @Test
    void parentQuestionsComeBeforeTheChildsAndAreAskedOnce() {
        boolean inChild = false;
        for (Step step : MiicInterview.steps()) {
            if (step.perChild()) {
                inChild = true;
            } else {
                assertFalse(inChild, step.id() + " is a parent question after the child's block");
            }
        }
        assertEquals(StepId.CHILD_FIRST, MiicInterview.firstChildStep());
        assertTrue(MiicInterview.step(MiicInterview.firstChildStep()).perChild());
    }

    @Test
    void clinicQuestionsApplyOnlyToALock() {
        Step clinic = MiicInterview.step(StepId.CLINIC_NAME);
        assertTrue(clinic.appliesTo(Map.of(StepId.REQUEST, MiicInterview.LOCK)));
        assertFalse(clinic.appliesTo(Map.of(StepId.REQUEST, MiicInterview.OPT_OUT)));
        assertFalse(clinic.appliesTo(Map.of()));
    }

    @Test
    void aChoiceStepWithoutChoicesIsRefusedWhenDeclared() {
        assertThrows(IllegalArgumentException.class, () -> new Step(StepId.CHILD_SEX, Step.Input.CHOICE,
                (t, d) -> new Parsed.Ok(t), java.util.List.of(), false, false, false, a -> true));
    }

    @Test
    void relationshipRefusesSomeoneElseWithAnExplanation() {
        Step step = MiicInterview.step(StepId.RELATIONSHIP);
        assertEquals(new Parsed.Problem("relationship.invalid.other"), step.reader().read("other", null));
        assertEquals(new Parsed.Ok("guardian"), step.reader().read("guardian", null));
    }
}
