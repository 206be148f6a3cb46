package miicbot.interview;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import miicbot.engine.Parsed;
import miicbot.engine.Step;
import miicbot.engine.StepId;
import miicbot.i18n.Language;
import org.junit.jupiter.api.Test;

/** Checks the step table itself, as a table: unique, reachable, short button codes; and its readers. */
class MiicInterviewTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void everyStepIsReachableUnderSomeAnswers() {
        Set<StepId> reachable = new java.util.HashSet<>();
        for (String role : TestInterview.MIIC.step(MiicInterview.ROLE).choices()) {
            for (String request : TestInterview.MIIC.step(MiicInterview.REQUEST).choices()) {
                Map<StepId, String> answers = new HashMap<>(Map.of(MiicInterview.ROLE, role, MiicInterview.REQUEST, request));
                for (Step step : TestInterview.MIIC.steps()) {
                    if (step.appliesTo(answers)) {
                        reachable.add(step.id());
                    }
                }
            }
        }
        assertEquals(TestInterview.allIds(), reachable, "every step can be asked");
    }

    @Test
    void buttonCodesFitTelegramsCallbackDataWithTheQuestionNumber() {
        // Bot API: callback_data is 1-64 bytes. The adapter sends "<question number>:<code>"; allow 10 digits.
        for (Step step : TestInterview.MIIC.steps()) {
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
        for (Step step : TestInterview.MIIC.steps()) {
            if (step.perChild()) {
                inChild = true;
            } else {
                assertFalse(inChild, step.id() + " is a parent question after the child's block");
            }
        }
        assertEquals(MiicInterview.CHILD_FIRST, TestInterview.MIIC.firstChildStep());
        assertTrue(TestInterview.MIIC.step(TestInterview.MIIC.firstChildStep()).perChild());
        assertEquals(Step.Input.CHOICE, TestInterview.MIIC.steps().get(0).input(), "the welcome's buttons answer it");
    }

    @Test
    void partsFollowTheirWholeAndAreNotOnTheMainPath() {
        for (Step step : TestInterview.MIIC.steps()) {
            if (step.traits().partOf() != null) {
                assertFalse(step.mainPath());
                assertTrue(TestInterview.MIIC.steps().indexOf(TestInterview.MIIC.step(step.traits().partOf()))
                        < TestInterview.MIIC.steps().indexOf(step), step.id() + " comes after its whole");
            }
        }
    }

    @Test
    void requestOptionsAreInMdhsOrder() {
        assertEquals(List.of(MiicInterview.DECLINE, MiicInterview.LOCK, MiicInterview.OPT_OUT, MiicInterview.UNDO),
                TestInterview.MIIC.step(MiicInterview.REQUEST).choices());
    }

    @Test
    void clinicQuestionsApplyOnlyToALock() {
        Step clinic = TestInterview.MIIC.step(MiicInterview.CLINIC);
        assertTrue(clinic.appliesTo(Map.of(MiicInterview.REQUEST, MiicInterview.LOCK)));
        assertFalse(clinic.appliesTo(Map.of(MiicInterview.REQUEST, MiicInterview.OPT_OUT)));
        assertFalse(clinic.appliesTo(Map.of()));
    }

    @Test
    void aChoiceStepWithoutChoicesIsRefusedWhenDeclared() {
        assertThrows(IllegalArgumentException.class, () -> new Step(MiicInterview.CHILD_SEX, Step.Input.CHOICE,
                (t, d) -> new Parsed.Ok(t), List.of(), List.of(), Step.Traits.PLAIN));
    }

    @Test
    void anAddressIsReadIntoItsParts() {
        Parsed read = MiicInterview.address("1215 Riverfront Dr Apt 4, Mankato, MN 56001", TODAY);
        assertEquals(Map.of(MiicInterview.STREET, "1215 Riverfront Dr Apt 4", MiicInterview.CITY, "Mankato", MiicInterview.STATE, "MN",
                MiicInterview.ZIP, "56001"), ((Parsed.Ok) read).parts());
        assertFalse(((Parsed.Ok) MiicInterview.address("1 Main St, Duluth, MN", TODAY)).parts().containsKey(MiicInterview.ZIP));
        assertEquals(new Parsed.Problem("address.invalid.zip_only"), MiicInterview.address("55101", TODAY));
        assertEquals(new Parsed.Problem("address.invalid.no_number"), MiicInterview.address("Maria Lopez", TODAY));
        assertEquals(new Parsed.Problem("address.invalid.foreign"),
                MiicInterview.address("12 High St, Leeds, United Kingdom", TODAY));
    }

    @Test
    void aClinicIsReadWithItsCityAfterTheLastComma() {
        assertEquals(new Parsed.Ok("Mankato Family Clinic", Map.of(MiicInterview.CLINIC_CITY, "Mankato")),
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
        answers.put(MiicInterview.ROLE, MiicInterview.HELPER);
        answers.put(MiicInterview.SIGNER, MiicInterview.GUARDIAN);
        answers.put(MiicInterview.PARENT_NAME, "Rosa Diaz");
        answers.put(MiicInterview.PARENT_PHONE, "651-555-0100");
        answers.put(MiicInterview.PARENT_EMAIL, "rosa@example.com");
        answers.put(MiicInterview.STREET, "1 Main St");
        answers.put(MiicInterview.CITY, "Duluth");
        answers.put(MiicInterview.STATE, "MN");
        answers.put(MiicInterview.ZIP, "55802");
        answers.put(MiicInterview.CHILD_FIRST, "Ana");
        answers.put(MiicInterview.CHILD_LAST, "Diaz");
        answers.put(MiicInterview.CHILD_OTHER_NAMES, "Ana Lopez");
        answers.put(MiicInterview.CHILD_BIRTH_DATE, "2020-01-01");
        answers.put(MiicInterview.CHILD_SEX, "x");
        answers.put(MiicInterview.REQUEST, MiicInterview.LOCK);
        answers.put(MiicInterview.CLINIC, "North Clinic");
        answers.put(MiicInterview.CLINIC_CITY, "Ely");
        answers.put(MiicInterview.ALSO_DECLINE, "yes");
        ChildRequest r = FormAnswers.request(new java.util.HashMap<>(answers), Language.EN, TODAY);
        assertEquals(List.of("Rosa Diaz", Relationship.GUARDIAN, "651-555-0100", "rosa@example.com"),
                List.of(r.guardian().fullName(), r.guardian().relationship(), r.guardian().phone(), r.guardian().email()));
        assertEquals(new ChildRequest.Address("1 Main St", "Duluth", "MN", "55802"), r.guardian().address());
        assertEquals(List.of("Ana", "Diaz", "Ana Lopez", LocalDate.of(2020, 1, 1), Sex.X), List.of(r.child().givenNames(),
                r.child().lastNames(), r.child().otherNames(), r.child().birthDate(), r.child().sex()));
        assertEquals(Set.of(RequestOption.LOCK, RequestOption.DECLINE_REMINDERS), r.options());
        assertEquals(new ChildRequest.Clinic("North Clinic", "Ely"), r.clinic());
    }
}
