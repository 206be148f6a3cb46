package miicbot.engine;

import static miicbot.interview.MiicInterview.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.Set;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.Relationship;
import miicbot.interview.RequestOption;
import miicbot.interview.Sex;
import org.junit.jupiter.api.Test;

class EngineTest {

    static Dialog atRequest() {
        return new Dialog(Language.EN).type("hello").parent().child("Ana", "Garcia", "3/14/2019");
    }

    static ChildRequest finish(Dialog d) {
        d.tap("confirm");
        return ChildRequest.of(d.forms().get(d.forms().size() - 1).request());
    }

    @Test
    void firstMessageGetsTheWelcomeWithRetentionAndTheRolesAsButtons() {
        Dialog d = new Dialog(Language.EN).type("hi");
        assertEquals(Stage.WELCOME, d.conversation().stage());
        assertTrue(d.said().contains("30 days"), d.said());
        assertTrue(d.said().contains("not legal advice"));
        assertEquals(Set.of("en", "es", "so", "hmn", "parent", "guardian", "self", "helper", "about", "why"),
                Set.copyOf(d.question().options().stream().map(Reply.Option::code).toList()));
    }

    @Test
    void theWelcomeHasAtMostEightyWordsAndPromisesNoLookUp() {
        // Eighty, as for each message at the end: the welcome also says the bot is not MDH and what stays in the chat.
        for (Language language : Language.values()) {
            String text = new Dialog(language).type("hi").question().text();
            assertTrue(text.split("\\s+").length <= 80, language + ": " + text.split("\\s+").length + " words");
            assertFalse(text.toLowerCase().contains("school"), "no school is said to see any child's record");
        }
    }

    @Test
    void aboutExplainsEveryOptionInMdhsOrderAndStaysAtTheWelcome() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("about");
        String said = d.said();
        int last = -1;
        for (String option : java.util.List.of("decline_reminders", "lock", "opt_out", "undo")) {
            int at = said.indexOf(d.engine().catalogue(Language.EN).text("explain." + option));
            assertTrue(at > last, option + " is explained, after the one before it in MDH's order: " + said);
            last = at;
        }
        assertEquals(Stage.WELCOME, d.conversation().stage());
    }

    @Test
    void fullInterviewForOneChildLockedToAClinicMakesTheRightRequest() {
        Dialog d = atRequest().tap("lock").type("Children's Clinic, Minneapolis").tap("yes");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        assertTrue(d.said().contains("Children's Clinic, Minneapolis"));
        assertTrue(d.said().contains("123 Main St Apt 4, St. Paul, MN 55101"), "the review shows the address read");
        ChildRequest r = finish(d);
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
        assertEquals(Stage.ANOTHER_CHILD, d.conversation().stage());
    }

    @Test
    void eachRequestChoiceMapsToItsBoxes() {
        assertEquals(Set.of(RequestOption.OPT_OUT), finish(atRequest().tap("opt_out")).options());
        assertEquals(Set.of(RequestOption.DECLINE_REMINDERS), finish(atRequest().tap("decline_reminders")).options());
        assertEquals(Set.of(RequestOption.LOCK), finish(atRequest().tap("lock").type("Clinic, Edina").tap("no")).options());
        assertEquals(Set.of(RequestOption.OPT_BACK_IN), finish(atRequest().tap("undo").tap("opt_back_in")).options());
        assertEquals(Set.of(RequestOption.UNLOCK), finish(atRequest().tap("undo").tap("unlock")).options());
        assertEquals(Set.of(RequestOption.RESUME_REMINDERS), finish(atRequest().tap("undo").tap("resume_reminders")).options());
    }

    @Test
    void aboutButtonExplainsOneOptionAndAsksAgainWithoutMovingOn() {
        Dialog d = atRequest();
        int ask = d.conversation().ask();
        d.tap("about:opt_out");
        assertTrue(d.said().contains("not deleted"));
        assertEquals(REQUEST, d.conversation().step());
        assertFalse(d.last().movedOnFrom(ask), "the adapter keeps the question's buttons");
        d.tap("opt_out");
        assertTrue(d.last().movedOnFrom(ask));
    }

    @Test
    void backFromTheFirstQuestionReturnsToTheWelcome() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("parent").type("/back");
        assertEquals(Stage.WELCOME, d.conversation().stage());
        d.type("/back");
        assertTrue(d.said().contains("at the start"));
        assertEquals(Stage.WELCOME, d.conversation().stage());
    }

    @Test
    void backKeepsTheEarlierAnswerAsADefault() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("parent").type("Maria Lopez").type("/back");
        assertEquals(PARENT_NAME, d.conversation().step());
        assertTrue(d.question().options().stream().anyMatch(o -> o.label().equals("Keep: Maria Lopez")));
        d.tap("keep");
        assertEquals(PARENT_PHONE, d.conversation().step());
        assertEquals("Maria Lopez", d.conversation().answer(PARENT_NAME));
    }

    @Test
    void editFromReviewChangesOneAnswerAndReturnsToTheReview() {
        Dialog d = atRequest().tap("opt_out").tap("edit").tap("child_birth_date");
        assertEquals(CHILD_BIRTH_DATE, d.conversation().step());
        d.type("4/1/2020");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        assertTrue(d.said().contains("April 1, 2020"), d.said());
        assertEquals(LocalDate.of(2020, 4, 1), finish(d).child().birthDate());
    }

    @Test
    void editingTheRequestToLockAsksForTheClinicThenReturnsToReview() {
        Dialog d = atRequest().tap("opt_out").tap("edit").tap("request").tap("lock");
        assertEquals(CLINIC, d.conversation().step());
        d.type("Eastside Clinic, Duluth").tap("no");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        assertEquals(new ChildRequest.Clinic("Eastside Clinic", "Duluth"), finish(d).clinic());
    }

    @Test
    void changingAwayFromLockDropsTheClinic() {
        Dialog d = atRequest().tap("lock").type("Eastside Clinic, Duluth").tap("no")
                .tap("edit").tap("request").tap("opt_out");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        assertNull(d.conversation().answer(CLINIC));
        assertNull(d.conversation().answer(CLINIC_CITY));
        assertFalse(d.said().contains("Eastside"));
        ChildRequest r = finish(d);
        assertNull(r.clinic());
        assertEquals(Set.of(RequestOption.OPT_OUT), r.options());
    }

    @Test
    void editMenuCanGoBackToTheReview() {
        Dialog d = atRequest().tap("opt_out").tap("edit").tap("review");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        d.tap("edit").type("/back");
        assertEquals(Stage.REVIEW, d.conversation().stage());
    }

    @Test
    void restartMidChildStartsOverWithNoAnswers() {
        Dialog d = atRequest().type("/restart");
        assertEquals(Stage.WELCOME, d.conversation().stage());
        assertTrue(d.conversation().answers().isEmpty());
        assertTrue(d.said().contains("Starting over"));
    }

    @Test
    void fiveChildrenMakeFiveFormsAndTheEndErasesEverything() {
        Dialog d = new Dialog(Language.EN).type("hi").parent();
        String[] names = {"Ana", "Luis", "Sofia", "Mateo", "Elena"};
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                d.type(names[i]).tap("same");
            } else {
                d.type(names[i]).type("Garcia");
            }
            d.type("1/" + (i + 1) + "/2018").tap("female").tap("decline_reminders").tap("confirm");
        }
        d.tap("finish");
        assertEquals(5, d.forms().size());
        assertEquals("Elena", ChildRequest.of(d.forms().get(4).request()).child().givenNames());
        assertEquals("Garcia", ChildRequest.of(d.forms().get(4).request()).child().lastNames());
        assertEquals(Stage.DONE, d.conversation().stage());
        assertTrue(d.conversation().answers().isEmpty());
        assertTrue(d.conversation().earlier().isEmpty());
        assertTrue(d.said().contains("625 N Robert St"), d.said());
        assertTrue(d.said().indexOf("MIIC Public Inquiry Form") < d.said().indexOf("625 N Robert St"), "online first");
        assertTrue(d.said().contains("651-201-5501"));
        assertTrue(d.said().contains("check MDH's current instructions"));
    }

    @Test
    void cancelDropsOnlyTheCurrentChild() {
        Dialog d = atRequest().type("/cancel");
        assertEquals(Stage.ANOTHER_CHILD, d.conversation().stage());
        assertNull(d.conversation().answer(CHILD_FIRST));
        assertEquals("Maria Garcia Lopez", d.conversation().answer(PARENT_NAME));
        d.type("Luis");
        assertEquals(CHILD_LAST, d.conversation().step());
    }

    @Test
    void cancelBeforeAnyChildDropsTheParentsAnswers() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("parent").type("Maria Lopez").type("/cancel");
        assertEquals(Stage.WELCOME, d.conversation().stage());
        assertTrue(d.conversation().answers().isEmpty());
    }

    @Test
    void statusSaysHowManyFormsAndTheCurrentQuestion() {
        Dialog d = atRequest().tap("opt_out").tap("confirm").type("Luis").type("/status");
        assertTrue(d.said().contains("Forms made so far: 1. Now: Last names."), d.said());
        assertEquals(CHILD_LAST, d.conversation().step());
    }

    @Test
    void helpListsTheCommandsAndRepeatsTheQuestion() {
        Dialog d = atRequest().type("/help");
        assertTrue(d.said().contains("/back"));
        assertTrue(d.said().contains("/why"));
        assertTrue(d.said().contains("/forget"));
        assertEquals(REQUEST, d.conversation().step());
        assertTrue(d.question().text().contains("Ana's record"));
    }

    @Test
    void languageSwitchesMidInterviewAndReturnsToTheSameQuestion() {
        Dialog d = atRequest().type("/language");
        assertEquals(Stage.LANGUAGE, d.conversation().stage());
        d.tap("es");
        assertEquals(Language.ES, d.conversation().language());
        assertEquals(REQUEST, d.conversation().step());
        assertTrue(d.question().text().contains("Ana"), d.question().text());
        assertTrue(d.question().text().contains("registro"));
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
        Dialog d = atRequest();
        int oldAsk = d.conversation().ask() - 1;
        d.send(new Event.Tap(oldAsk, "male"));
        assertTrue(d.said().contains("That question has passed"));
        assertEquals(REQUEST, d.conversation().step());
        assertEquals("female", d.conversation().answer(CHILD_SEX));
    }

    @Test
    void forgedButtonCodesAreRefusedKindly() {
        Dialog d = atRequest();
        d.send(new Event.Tap(d.conversation().ask(), "DROP TABLE"));
        assertEquals(REQUEST, d.conversation().step());
        assertTrue(d.said().contains("did not understand"));
    }

    @Test
    void stickersGetAKindReask() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("parent").send(new Event.Unsupported());
        assertTrue(d.said().contains("type or tap"));
        assertEquals(PARENT_NAME, d.conversation().step());
    }

    @Test
    void aBadDateIsExplainedAndAskedAgain() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().type("Ana").type("Garcia").type("2/30/2019");
        assertTrue(d.said().contains("only 28 days"), d.said());
        assertEquals(CHILD_BIRTH_DATE, d.conversation().step());
        d.type("2099-01-01");
        assertTrue(d.said().contains("in the future"));
        d.type("2/28/2019");
        assertEquals(CHILD_SEX, d.conversation().step());
    }

    @Test
    void aChildOf18UsuallySignsTheirOwnRequest() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().type("Sam").type("Lee").type("11/25/2008");
        assertTrue(d.said().contains("usually signs their own request"), d.said());
        d.tap("skip").tap("opt_out");
        assertTrue(d.said().contains("18 or older"));
        assertTrue(finish(d).adult());
    }

    @Test
    void aChildOneDayShortOf18IsAMinor() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().type("Sam").type("Lee").type("11/26/2008");
        assertFalse(d.said().contains("signs"));
        assertFalse(finish(d.tap("skip").tap("opt_out")).adult());
    }

    @Test
    void choicesMayBeTypedByNumberOrLabel() {
        // The welcome's buttons in order: the languages, then the roles.
        Dialog d = new Dialog(Language.EN).type("hi").type(String.valueOf(Language.values().length + 2));
        assertEquals("guardian", d.conversation().answer(ROLE));
        d = new Dialog(Language.EN).type("hi").type("I am the legal guardian");
        assertEquals("guardian", d.conversation().answer(ROLE));
        d = atRequest().type("3"); // buttons are numbered in order, "About" buttons included, as the console shows them
        assertEquals("lock", d.conversation().answer(REQUEST));
        d.type("Clinic, Edina").type("sí");
        assertEquals("yes", d.conversation().answer(ALSO_DECLINE));
    }

    @Test
    void optionalQuestionsCanBeSkippedByTypingSkip() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().type("Ana").type("Lee").type("1/1/2020").type("skip");
        assertEquals("", d.conversation().answer(CHILD_SEX));
        assertEquals(REQUEST, d.conversation().step());
    }

    @Test
    void typedPersonalAnswersAreFlaggedButTapsAreNot() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("parent");
        assertFalse(d.last().personalAnswer());
        d.type("Maria Lopez");
        assertTrue(d.last().personalAnswer());
        d.type("not a phone");
        assertTrue(d.last().personalAnswer(), "a refused personal answer is flagged too, so it can be deleted");
    }

    @Test
    void afterTheEndAnyMessageStartsANewWelcome() {
        Dialog d = atRequest().tap("opt_out").tap("confirm").tap("finish").type("hello again");
        assertEquals(Stage.WELCOME, d.conversation().stage());
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
    void fileNamesKeepEveryLatinLetter() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().child("Łukasz Paj", "Żółć-Nguyễn", "2019-03-14")
                .tap("opt_out").tap("confirm");
        assertEquals("MIIC-request-Lukasz-Paj-Zolc-Nguyen.pdf", d.forms().get(0).fileName());
        Dialog e = new Dialog(Language.EN).type("hi").parent().child("Søren", "Đặng Großmann", "2019-03-14")
                .tap("opt_out").tap("confirm");
        assertEquals("MIIC-request-Soren-Dang-Grossmann.pdf", e.forms().get(0).fileName());
    }

    @Test
    void namesInOtherScriptsGetANeutralFileName() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().child("Σοφία", "Παππάς", "2019-03-14")
                .tap("opt_out").tap("confirm");
        assertEquals("MIIC-request-child-1.pdf", d.forms().get(0).fileName());
    }
}
