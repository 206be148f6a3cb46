package miicbot.engine;

import static miicbot.interview.StepId.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.Set;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.RequestOption;
import miicbot.interview.Relationship;
import miicbot.interview.Sex;
import org.junit.jupiter.api.Test;

class EngineTest {

    private static Dialog atRequest() {
        return new Dialog(Language.EN).type("hello").parent().child("Ana", "Garcia", "3/14/2019");
    }

    @Test
    void firstMessageGetsTheWelcomeWithRetentionAndNotAdvice() {
        Dialog d = new Dialog(Language.EN).type("hi");
        assertEquals(WELCOME, d.conversation().step());
        assertTrue(d.said().contains("30 days"), d.said());
        assertTrue(d.said().contains("not legal or medical advice"));
        assertEquals(Set.of("start", "about", "language"), Set.copyOf(d.question().options().stream()
                .map(Reply.Option::code).toList()));
    }

    @Test
    void aboutExplainsEveryOptionAndStaysAtTheWelcome() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("about");
        assertTrue(d.said().contains("not deleted"), d.said());
        assertTrue(d.said().contains("opt back in"));
        assertTrue(d.said().contains("unlock it later"));
        assertEquals(WELCOME, d.conversation().step());
    }

    @Test
    void fullInterviewForOneChildLockedToAClinicMakesTheRightRequest() {
        Dialog d = atRequest().tap("lock").type("Children's Clinic").type("Minneapolis").tap("yes");
        assertEquals(REVIEW, d.conversation().step());
        assertTrue(d.said().contains("Children's Clinic"));
        d.tap("confirm");
        assertEquals(1, d.forms().size());
        ChildRequest r = d.forms().get(0).request();
        assertEquals("Maria Garcia Lopez", r.guardian().fullName());
        assertEquals(Relationship.PARENT, r.guardian().relationship());
        assertEquals("651-555-0123", r.guardian().phone());
        assertEquals(new ChildRequest.Address("123 Main St Apt 4", "St. Paul", "MN", "55101"), r.guardian().address());
        assertEquals(LocalDate.of(2019, 3, 14), r.child().birthDate());
        assertEquals(Sex.FEMALE, r.child().sex());
        assertEquals(Set.of(RequestOption.LOCK, RequestOption.DECLINE_REMINDERS), r.options());
        assertEquals(new ChildRequest.Clinic("Children's Clinic", "Minneapolis"), r.clinic());
        assertEquals(Dialog.TODAY, r.prepared());
        assertFalse(r.adult());
        assertEquals("MIIC-request-Ana-Garcia.pdf", d.forms().get(0).fileName());
        assertEquals(ANOTHER_CHILD, d.conversation().step());
    }

    @Test
    void eachRequestChoiceMapsToItsBoxes() {
        assertEquals(Set.of(RequestOption.OPT_OUT), finish(atRequest().tap("opt_out")).options());
        assertEquals(Set.of(RequestOption.DECLINE_REMINDERS), finish(atRequest().tap("decline_reminders")).options());
        assertEquals(Set.of(RequestOption.LOCK), finish(atRequest().tap("lock").type("Clinic").type("Edina").tap("no")).options());
        assertEquals(Set.of(RequestOption.OPT_BACK_IN), finish(atRequest().tap("undo").tap("opt_back_in")).options());
        assertEquals(Set.of(RequestOption.UNLOCK), finish(atRequest().tap("undo").tap("unlock")).options());
        assertEquals(Set.of(RequestOption.RESUME_REMINDERS), finish(atRequest().tap("undo").tap("resume_reminders")).options());
    }

    private static ChildRequest finish(Dialog d) {
        d.tap("confirm");
        return d.forms().get(d.forms().size() - 1).request();
    }

    @Test
    void aboutButtonExplainsOneOptionAndAsksAgain() {
        Dialog d = atRequest().tap("about:opt_out");
        assertTrue(d.said().contains("not deleted"));
        assertEquals(REQUEST, d.conversation().step());
    }

    @Test
    void backFromTheFirstQuestionReturnsToTheWelcome() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("start").type("/back");
        assertEquals(WELCOME, d.conversation().step());
        d.type("/back");
        assertTrue(d.said().contains("at the start"));
        assertEquals(WELCOME, d.conversation().step());
    }

    @Test
    void backKeepsTheEarlierAnswerAsADefault() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("start").type("Maria Lopez").tap("parent").type("/back");
        assertEquals(RELATIONSHIP, d.conversation().step());
        d.type("/back");
        assertEquals(PARENT_NAME, d.conversation().step());
        assertTrue(d.question().options().stream().anyMatch(o -> o.label().equals("Keep: Maria Lopez")));
        d.tap("keep");
        assertEquals(RELATIONSHIP, d.conversation().step());
        assertEquals("Maria Lopez", d.conversation().answer(PARENT_NAME));
    }

    @Test
    void editFromReviewChangesOneAnswerAndReturnsToTheReview() {
        Dialog d = atRequest().tap("opt_out").tap("edit").tap("child_birth_date");
        assertEquals(CHILD_BIRTH_DATE, d.conversation().step());
        d.type("4/1/2020");
        assertEquals(REVIEW, d.conversation().step());
        assertTrue(d.said().contains("April 1, 2020"), d.said());
        assertEquals(LocalDate.of(2020, 4, 1), finish(d).child().birthDate());
    }

    @Test
    void editingTheRequestToLockAsksForTheClinicThenReturnsToReview() {
        Dialog d = atRequest().tap("opt_out").tap("edit").tap("request").tap("lock");
        assertEquals(CLINIC_NAME, d.conversation().step());
        d.type("Eastside Clinic").type("Duluth").tap("no");
        assertEquals(REVIEW, d.conversation().step());
        assertEquals(new ChildRequest.Clinic("Eastside Clinic", "Duluth"), finish(d).clinic());
    }

    @Test
    void changingAwayFromLockDropsTheClinic() {
        Dialog d = atRequest().tap("lock").type("Eastside Clinic").type("Duluth").tap("no")
                .tap("edit").tap("request").tap("opt_out");
        assertEquals(REVIEW, d.conversation().step());
        assertNull(d.conversation().answer(CLINIC_NAME));
        assertFalse(d.said().contains("Eastside"));
        ChildRequest r = finish(d);
        assertNull(r.clinic());
        assertEquals(Set.of(RequestOption.OPT_OUT), r.options());
    }

    @Test
    void editMenuCanGoBackToTheReview() {
        Dialog d = atRequest().tap("opt_out").tap("edit").tap("review");
        assertEquals(REVIEW, d.conversation().step());
        d.tap("edit").type("/back");
        assertEquals(REVIEW, d.conversation().step());
    }

    @Test
    void restartMidChildStartsOverWithNoAnswers() {
        Dialog d = atRequest().type("/restart");
        assertEquals(WELCOME, d.conversation().step());
        assertTrue(d.conversation().answers().isEmpty());
        assertTrue(d.said().contains("Starting over"));
    }

    @Test
    void twoChildrenReuseTheParentsDetails() {
        Dialog d = atRequest().tap("opt_out").tap("confirm").tap("yes");
        assertEquals(CHILD_FIRST, d.conversation().step());
        assertTrue(d.said().contains("reuse"));
        assertNull(d.conversation().answer(CHILD_LAST));
        d.child("Luis", "Garcia", "2021-07-01").tap("lock").type("Westside Clinic").type("Bloomington").tap("no")
                .tap("confirm");
        assertEquals(2, d.forms().size());
        ChildRequest second = d.forms().get(1).request();
        assertEquals("Luis", second.child().givenNames());
        assertEquals("Maria Garcia Lopez", second.guardian().fullName());
        assertEquals(Set.of(RequestOption.OPT_OUT), d.forms().get(0).request().options());
        assertEquals(Set.of(RequestOption.LOCK), second.options());
    }

    @Test
    void fiveChildrenMakeFiveFormsAndTheEndErasesEverything() {
        Dialog d = new Dialog(Language.EN).type("hi").parent();
        String[] names = {"Ana", "Luis", "Sofia", "Mateo", "Elena"};
        for (int i = 0; i < names.length; i++) {
            d.child(names[i], "Garcia", "1/" + (i + 1) + "/2018").tap("decline_reminders").tap("confirm");
            d.tap(i < names.length - 1 ? "yes" : "no");
        }
        assertEquals(5, d.forms().size());
        assertEquals("Elena", d.forms().get(4).request().child().givenNames());
        assertEquals(DONE, d.conversation().step());
        assertTrue(d.conversation().answers().isEmpty());
        assertTrue(d.said().contains("625 N Robert St"), d.said());
        assertTrue(d.said().indexOf("MIIC Public Inquiry Form") < d.said().indexOf("625 N Robert St"), "online first");
        assertTrue(d.said().contains("651-201-5501"));
        assertTrue(d.said().contains("check MDH's current instructions"));
        assertTrue(d.said().contains("/forget") || d.said().contains("erased"));
    }

    @Test
    void cancelDropsOnlyTheCurrentChild() {
        Dialog d = atRequest().type("/cancel");
        assertEquals(ANOTHER_CHILD, d.conversation().step());
        assertNull(d.conversation().answer(CHILD_FIRST));
        assertEquals("Maria Garcia Lopez", d.conversation().answer(PARENT_NAME));
        d.tap("yes");
        assertEquals(CHILD_FIRST, d.conversation().step());
    }

    @Test
    void cancelBeforeAnyChildDropsTheParentsAnswers() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("start").type("Maria Lopez").type("/cancel");
        assertEquals(WELCOME, d.conversation().step());
        assertTrue(d.conversation().answers().isEmpty());
    }

    @Test
    void statusSaysHowManyFormsAndTheCurrentQuestion() {
        Dialog d = atRequest().tap("opt_out").tap("confirm").tap("yes").type("/status");
        assertTrue(d.said().contains("Forms made so far: 1. Now: Child's first name."), d.said());
        assertEquals(CHILD_FIRST, d.conversation().step());
    }

    @Test
    void helpListsTheCommandsAndRepeatsTheQuestion() {
        Dialog d = atRequest().type("/help");
        assertTrue(d.said().contains("/back"));
        assertTrue(d.said().contains("/forget"));
        assertEquals(REQUEST, d.conversation().step());
        assertTrue(d.question().text().contains("Ana's record"));
    }

    @Test
    void languageSwitchesMidInterviewAndReturnsToTheSameQuestion() {
        Dialog d = atRequest().type("/language");
        assertEquals(LANGUAGE, d.conversation().step());
        d.tap("es");
        assertEquals(Language.ES, d.conversation().language());
        assertEquals(REQUEST, d.conversation().step());
        assertTrue(d.question().text().contains("Ana"), d.question().text());
        assertNotEquals(new Dialog(Language.EN).engine().catalogue(Language.EN).text("request.prompt"),
                d.engine().catalogue(Language.ES).text("request.prompt"));
    }

    @Test
    void forgetErasesTheChat() {
        Outcome o = atRequest().type("/forget").last();
        assertTrue(o.forget());
        assertTrue(o.conversation().answers().isEmpty());
        assertFalse(o.conversation().started());
    }

    @Test
    void aStaleButtonIsNotActedOn() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("start").type("Maria Lopez");
        int oldAsk = d.conversation().ask() - 1;
        d.send(new Event.Tap(oldAsk, "guardian"));
        assertTrue(d.said().contains("That question has passed"));
        assertEquals(RELATIONSHIP, d.conversation().step());
        assertNull(d.conversation().answer(RELATIONSHIP));
    }

    @Test
    void forgedButtonCodesAreRefusedKindly() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("start").type("Maria Lopez");
        d.send(new Event.Tap(d.conversation().ask(), "DROP TABLE"));
        assertEquals(RELATIONSHIP, d.conversation().step());
        assertTrue(d.said().contains("did not understand"));
    }

    @Test
    void stickersGetAKindReask() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("start").send(new Event.Unsupported());
        assertTrue(d.said().contains("type or tap"));
        assertEquals(PARENT_NAME, d.conversation().step());
    }

    @Test
    void aBadDateIsExplainedAndAskedAgain() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().type("Ana").tap("skip").type("Garcia").tap("skip")
                .type("2/30/2019");
        assertTrue(d.said().contains("only 28 days"), d.said());
        assertEquals(CHILD_BIRTH_DATE, d.conversation().step());
        d.type("2099-01-01");
        assertTrue(d.said().contains("in the future"));
        d.type("2/28/2019");
        assertEquals(CHILD_SEX, d.conversation().step());
    }

    @Test
    void aChildOf18SignsTheirOwnRequest() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().type("Sam").tap("skip").type("Lee").tap("skip")
                .type("11/25/2008");
        assertTrue(d.said().contains("usually signs their own request"), d.said());
        d.tap("skip").tap("opt_out");
        assertTrue(d.said().contains("18 or older"));
        assertTrue(finish(d).adult());
    }

    @Test
    void aChildOneDayShortOf18IsAMinor() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().type("Sam").tap("skip").type("Lee").tap("skip")
                .type("11/26/2008");
        assertFalse(d.said().contains("must sign"));
        assertFalse(finish(d.tap("skip").tap("opt_out")).adult());
    }

    @Test
    void someoneElseIsToldWhoMayAsk() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("start").type("Maria Lopez").tap("other");
        assertTrue(d.said().contains("Only a parent or legal guardian"));
        assertEquals(RELATIONSHIP, d.conversation().step());
    }

    @Test
    void choicesMayBeTypedByNumberOrLabel() {
        Dialog d = new Dialog(Language.EN).type("hi").type("1").type("Maria Lopez").type("legal guardian");
        assertEquals("guardian", d.conversation().answer(RELATIONSHIP));
        d = atRequest().type("3"); // buttons are numbered in order, "About" buttons included, as the console shows them
        assertEquals("lock", d.conversation().answer(REQUEST));
        d.type("Clinic").type("Edina").type("sí");
        assertEquals("yes", d.conversation().answer(ALSO_DECLINE));
    }

    @Test
    void aSuggestedAnswerCanBeTypedAsWellAsTapped() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("start").type("Maria Lopez").tap("parent")
                .type("651 555 0123").tap("skip").type("1 Main St").type("St. Paul").type("Minnesota (MN)");
        assertEquals("MN", d.conversation().answer(STATE));
        assertEquals(ZIP, d.conversation().step());
    }

    @Test
    void optionalQuestionsCanBeSkippedByTypingSkip() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().type("Ana").type("skip");
        assertEquals("", d.conversation().answer(CHILD_MIDDLE));
        assertEquals(CHILD_LAST, d.conversation().step());
    }

    @Test
    void typedPersonalAnswersAreFlaggedButTapsAreNot() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("start").type("Maria Lopez");
        assertTrue(d.last().personalAnswer());
        d.tap("parent");
        assertFalse(d.last().personalAnswer());
        d.type("not a phone");
        assertTrue(d.last().personalAnswer(), "a refused personal answer is flagged too, so it can be deleted");
    }

    @Test
    void afterTheEndAnyMessageStartsANewWelcome() {
        Dialog d = atRequest().tap("opt_out").tap("confirm").tap("no").type("hello again");
        assertEquals(WELCOME, d.conversation().step());
        assertTrue(d.conversation().answers().isEmpty());
    }

    @Test
    void fileNamesHaveNoSpacesOrAccents() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().child("José", "Ñúñez O'Brien", "2019-03-14")
                .tap("opt_out").tap("confirm");
        assertEquals("MIIC-request-Jose-Nunez-O-Brien.pdf", d.forms().get(0).fileName());
        assertTrue(d.forms().get(0).caption().contains("José Ñúñez O'Brien"));
    }

    @Test
    void namesInOtherScriptsGetANeutralFileName() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().child("Σοφία", "Παππάς", "2019-03-14")
                .tap("opt_out").tap("confirm");
        assertEquals("MIIC-request-child-1.pdf", d.forms().get(0).fileName());
    }
}
