package miicbot.interview;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import miicbot.i18n.Language;
import org.junit.jupiter.api.Test;

/** Checks the step table itself, as a table: unique, reachable, short button codes; and its readers. */
class MiicInterviewTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void everyStepIsReachableUnderSomeAnswers() {
        Set<StepId> reachable = EnumSet.noneOf(StepId.class);
        for (String role : MiicInterview.step(StepId.ROLE).choices()) {
            for (String request : MiicInterview.step(StepId.REQUEST).choices()) {
                Map<StepId, String> answers = new HashMap<>(Map.of(StepId.ROLE, role, StepId.REQUEST, request));
                for (Step step : MiicInterview.steps()) {
                    if (step.appliesTo(answers)) {
                        reachable.add(step.id());
                    }
                }
            }
        }
        assertEquals(EnumSet.allOf(StepId.class), reachable, "every step can be asked");
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
    void parentQuestionsComeBeforeTheChildsAndTheFirstIsAChoiceForTheWelcome() {
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
        assertEquals(Step.Input.CHOICE, MiicInterview.steps().get(0).input(), "the welcome's buttons answer it");
    }

    @Test
    void partsFollowTheirWholeAndAreNotOnTheMainPath() {
        for (Step step : MiicInterview.steps()) {
            if (step.traits().partOf() != null) {
                assertFalse(step.mainPath());
                assertTrue(MiicInterview.steps().indexOf(MiicInterview.step(step.traits().partOf()))
                        < MiicInterview.steps().indexOf(step), step.id() + " comes after its whole");
            }
        }
    }

    @Test
    void requestOptionsAreInMdhsOrder() {
        assertEquals(List.of(MiicInterview.DECLINE, MiicInterview.LOCK, MiicInterview.OPT_OUT, MiicInterview.UNDO),
                MiicInterview.step(StepId.REQUEST).choices());
    }

    @Test
    void clinicQuestionsApplyOnlyToALock() {
        Step clinic = MiicInterview.step(StepId.CLINIC);
        assertTrue(clinic.appliesTo(Map.of(StepId.REQUEST, MiicInterview.LOCK)));
        assertFalse(clinic.appliesTo(Map.of(StepId.REQUEST, MiicInterview.OPT_OUT)));
        assertFalse(clinic.appliesTo(Map.of()));
    }

    @Test
    void aChoiceStepWithoutChoicesIsRefusedWhenDeclared() {
        assertThrows(IllegalArgumentException.class, () -> new Step(StepId.CHILD_SEX, Step.Input.CHOICE,
                (t, d) -> new Parsed.Ok(t), List.of(), List.of(), Step.Traits.PLAIN));
    }

    @Test
    void anAddressIsReadIntoItsParts() {
        Parsed read = MiicInterview.address("1215 Riverfront Dr Apt 4, Mankato, MN 56001", TODAY);
        assertEquals(Map.of(StepId.STREET, "1215 Riverfront Dr Apt 4", StepId.CITY, "Mankato", StepId.STATE, "MN",
                StepId.ZIP, "56001"), ((Parsed.Ok) read).parts());
        assertFalse(((Parsed.Ok) MiicInterview.address("1 Main St, Duluth, MN", TODAY)).parts().containsKey(StepId.ZIP));
        assertEquals(new Parsed.Problem("address.invalid.zip_only"), MiicInterview.address("55101", TODAY));
        assertEquals(new Parsed.Problem("address.invalid.no_number"), MiicInterview.address("Maria Lopez", TODAY));
        assertEquals(new Parsed.Problem("address.invalid.foreign"),
                MiicInterview.address("12 High St, Leeds, United Kingdom", TODAY));
    }

    @Test
    void aClinicIsReadWithItsCityAfterTheLastComma() {
        assertEquals(new Parsed.Ok("Mankato Family Clinic", Map.of(StepId.CLINIC_CITY, "Mankato")),
                MiicInterview.clinic("Mankato Family Clinic, Mankato", TODAY));
        assertEquals(new Parsed.Ok("Mankato Family Clinic"), MiicInterview.clinic("Mankato Family Clinic", TODAY));
        assertEquals(new Parsed.Ok("Clinic, Suite 4"), MiicInterview.clinic("Clinic, Suite 4", TODAY));
    }

    @Test
    void aOneLetterLastNameIsUnsureNotWrong() {
        assertEquals(new Parsed.Unsure("O", "child_last.unsure"), MiicInterview.lastName("O", TODAY));
        assertEquals(new Parsed.Ok("Ortiz"), MiicInterview.lastName("Ortiz", TODAY));
    }

    @Test
    void theFormTableFillsEveryFieldOfTheRequest() {
        Map<StepId, String> answers = new HashMap<>();
        answers.put(StepId.ROLE, MiicInterview.HELPER);
        answers.put(StepId.SIGNER, MiicInterview.GUARDIAN);
        answers.put(StepId.PARENT_NAME, "Rosa Diaz");
        answers.put(StepId.PARENT_PHONE, "651-555-0100");
        answers.put(StepId.PARENT_EMAIL, "rosa@example.com");
        answers.put(StepId.STREET, "1 Main St");
        answers.put(StepId.CITY, "Duluth");
        answers.put(StepId.STATE, "MN");
        answers.put(StepId.ZIP, "55802");
        answers.put(StepId.CHILD_FIRST, "Ana");
        answers.put(StepId.CHILD_LAST, "Diaz");
        answers.put(StepId.CHILD_OTHER_NAMES, "Ana Lopez");
        answers.put(StepId.CHILD_BIRTH_DATE, "2020-01-01");
        answers.put(StepId.CHILD_SEX, "x");
        answers.put(StepId.REQUEST, MiicInterview.LOCK);
        answers.put(StepId.CLINIC, "North Clinic");
        answers.put(StepId.CLINIC_CITY, "Ely");
        answers.put(StepId.ALSO_DECLINE, "yes");
        ChildRequest r = FormAnswers.request(new java.util.EnumMap<>(answers), Language.EN, TODAY);
        assertEquals(new ChildRequest.Guardian("Rosa Diaz", Relationship.GUARDIAN, "651-555-0100", "rosa@example.com",
                new ChildRequest.Address("1 Main St", "Duluth", "MN", "55802")), r.guardian());
        assertEquals(new ChildRequest.Child("Ana", "Diaz", "Ana Lopez", LocalDate.of(2020, 1, 1), Sex.X), r.child());
        assertEquals(Set.of(RequestOption.LOCK, RequestOption.DECLINE_REMINDERS), r.options());
        assertEquals(new ChildRequest.Clinic("North Clinic", "Ely"), r.clinic());
    }
}
