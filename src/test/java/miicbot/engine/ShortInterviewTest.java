package miicbot.engine;

import static miicbot.interview.MiicInterview.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.Relationship;
import miicbot.interview.RequestOption;
import org.junit.jupiter.api.Test;

/** The short interview: merged answers, their back and change, bad input, roles and languages. */
class ShortInterviewTest {

    private static Dialog atAddress() {
        return new Dialog(Language.EN).type("hi").tap("parent").type("Maria Lopez").type("651-555-0123");
    }

    // ---- the address in one message ------------------------------------------------------------------------

    @Test
    void anAddressWithoutZipAsksForTheZipOnly() {
        Dialog d = atAddress().type("1215 Riverfront Dr Apt 4, Mankato, MN");
        assertEquals(ZIP, d.conversation().step());
        assertTrue(d.question().text().contains("ZIP"), d.question().text());
        d.type("56001");
        assertEquals(CHILD_FIRST, d.conversation().step());
        assertEquals("1215 Riverfront Dr Apt 4", d.conversation().answer(STREET));
        assertEquals("Mankato", d.conversation().answer(CITY));
        assertEquals("MN", d.conversation().answer(STATE));
        assertEquals("56001", d.conversation().answer(ZIP));
    }

    @Test
    void aZipAloneAsksForTheWholeAddressOnceAndLosesNothing() {
        Dialog d = atAddress().type("56001");
        assertTrue(d.said().contains("only the ZIP code"), d.said());
        assertEquals(ADDRESS, d.conversation().step());
        assertEquals("Maria Lopez", d.conversation().answer(PARENT_NAME));
        assertEquals("651-555-0123", d.conversation().answer(PARENT_PHONE));
    }

    @Test
    void aNameTypedForTheAddressIsExplained() {
        Dialog d = atAddress().type("Maria Lopez");
        assertTrue(d.said().contains("looks like a name"), d.said());
        assertEquals(ADDRESS, d.conversation().step());
    }

    @Test
    void anAddressOutsideTheUsIsExplained() {
        Dialog d = atAddress().type("12 Main Street, Toronto, ON M5V 2T6, Canada");
        assertTrue(d.said().contains("United States"), d.said());
        assertEquals(ADDRESS, d.conversation().step());
    }

    @Test
    void backFromTheChildAsksTheWholeAddressAgainWithItsAnswerKept() {
        Dialog d = atAddress().type("1 Main St, Duluth, MN 55802").type("/back");
        assertEquals(ADDRESS, d.conversation().step());
        assertTrue(d.offers("keep"));
        d.type("9 Oak Ave, Edina, MN 55424");
        assertEquals("9 Oak Ave", d.conversation().answer(STREET));
        assertEquals("55424", d.conversation().answer(ZIP));
    }

    @Test
    void changingTheAddressFromTheReviewAsksForTheOneMessageAgain() {
        Dialog d = EngineTest.atRequest().tap("opt_out").tap("edit");
        assertFalse(d.offers("street"), "the parts are not listed apart");
        d.tap("address");
        assertEquals(ADDRESS, d.conversation().step());
        d.type("9 Oak Ave, Edina, MN");
        assertEquals(ZIP, d.conversation().step(), "a part missing from the new address is asked");
        d.type("55424");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        assertTrue(d.said().contains("Mailing address: 9 Oak Ave, Edina, MN 55424"), d.said());
        assertEquals(new ChildRequest.Address("9 Oak Ave", "Edina", "MN", "55424"),
                EngineTest.finish(d).guardian().address());
    }

    // ---- the phone -------------------------------------------------------------------------------------------

    @Test
    void thePhoneQuestionOffersToShareAndTheNextTakesTheOfferAway() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("parent").type("Maria Lopez");
        assertEquals(Reply.Contact.OFFER, d.question().contact());
        assertEquals("Share my phone number", d.question().contactLabel());
        d.send(new Event.Contact("+16515550123", true));
        assertEquals("651-555-0123", d.conversation().answer(PARENT_PHONE));
        assertEquals(Reply.Contact.WITHDRAW, d.question().contact());
        assertTrue(d.last().personalAnswer(), "the shared card may be deleted from the chat");
    }

    @Test
    void someoneElsesContactCardIsRefusedKindly() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("parent").type("Maria Lopez")
                .send(new Event.Contact("+16515550199", false));
        assertTrue(d.said().contains("someone else"), d.said());
        assertEquals(PARENT_PHONE, d.conversation().step());
        assertNull(d.conversation().answer(PARENT_PHONE));
        assertEquals(Reply.Contact.OFFER, d.question().contact());
    }

    @Test
    void aPhoneWithNineDigitsIsAskedAgain() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("parent").type("Maria Lopez").type("651 555 012");
        assertTrue(d.said().contains("10 digits"), d.said());
        assertEquals(PARENT_PHONE, d.conversation().step());
        assertEquals("Maria Lopez", d.conversation().answer(PARENT_NAME));
    }

    @Test
    void aContactCardElsewhereIsNotAnAnswer() {
        Dialog d = atAddress().send(new Event.Contact("+16515550123", true));
        assertEquals(ADDRESS, d.conversation().step());
        assertTrue(d.said().contains("type or tap"));
    }

    // ---- names -----------------------------------------------------------------------------------------------

    @Test
    void aOneLetterLastNameIsConfirmedNotRefused() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().type("Ana").type("O");
        assertEquals(CHILD_LAST, d.conversation().step());
        assertTrue(d.said().contains("only one letter"), d.said());
        assertTrue(d.offers("sure"));
        d.tap("sure");
        assertEquals("O", d.conversation().answer(CHILD_LAST));
        assertEquals(CHILD_BIRTH_DATE, d.conversation().step());
    }

    @Test
    void aOneLetterLastNameMayBeCorrectedByTyping() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().type("Ana").type("O").type("Ortiz");
        assertEquals("Ortiz", d.conversation().answer(CHILD_LAST));
        assertNull(d.conversation().unsure());
    }

    @Test
    void aNameOf200CharactersIsAskedAgain() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().type("A".repeat(200));
        assertTrue(d.said().contains("80 characters"), d.said());
        assertEquals(CHILD_FIRST, d.conversation().step());
        assertEquals("Maria Garcia Lopez", d.conversation().answer(PARENT_NAME));
    }

    @Test
    void changingEachNameFromTheReviewReturnsToTheReview() {
        Dialog d = EngineTest.atRequest().tap("opt_out").tap("edit").tap("child_first").type("Ana Sofia");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        d.tap("edit").tap("child_last").type("Garcia Lopez");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        ChildRequest r = EngineTest.finish(d);
        assertEquals("Ana Sofia", r.child().givenNames());
        assertEquals("Garcia Lopez", r.child().lastNames());
    }

    // ---- the clinic ------------------------------------------------------------------------------------------

    @Test
    void aClinicWithoutItsCityAsksForTheCityOnly() {
        Dialog d = EngineTest.atRequest().tap("lock").type("Mankato Family Clinic");
        assertEquals(CLINIC_CITY, d.conversation().step());
        d.type("Mankato").tap("no");
        assertEquals(new ChildRequest.Clinic("Mankato Family Clinic", "Mankato"), EngineTest.finish(d).clinic());
    }

    @Test
    void notSureAboutTheClinicExplainsWhereToFindItAndTheOtherChoices() {
        Dialog d = EngineTest.atRequest().tap("lock").tap("not_sure");
        assertTrue(d.said().contains("shot card"), d.said());
        assertTrue(d.said().contains("/back"));
        assertEquals(CLINIC, d.conversation().step());
        d.type("/back");
        assertEquals(REQUEST, d.conversation().step());
    }

    @Test
    void backAndChangeOnTheClinicAskTheOneMessageAgain() {
        Dialog d = EngineTest.atRequest().tap("lock").type("Eastside Clinic, Duluth").type("/back");
        assertEquals(CLINIC, d.conversation().step());
        d.type("Westside Clinic, Edina").tap("no").tap("edit").tap("clinic").type("North Clinic, Ely");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        assertEquals(new ChildRequest.Clinic("North Clinic", "Ely"), EngineTest.finish(d).clinic());
    }

    // ---- optional answers from the review --------------------------------------------------------------------

    @Test
    void emailAndOtherNamesAreAddedFromTheReview() {
        Dialog d = EngineTest.atRequest().tap("opt_out");
        assertFalse(d.said().contains("Email"), "an optional answer not given is not listed");
        d.tap("parent_email").type("maria@example.com");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        d.tap("child_other_names").type("Ana Lopez");
        assertTrue(d.said().contains("Email: maria@example.com"), d.said());
        ChildRequest r = EngineTest.finish(d);
        assertEquals("maria@example.com", r.guardian().email());
        assertEquals("Ana Lopez", r.child().otherNames());
    }

    @Test
    void theOtherParentsNameIsAddedFromTheReviewAndGoesOnTheForm() {
        Dialog d = EngineTest.atRequest().tap("opt_out");
        assertFalse(d.said().contains("Other parent"), "not listed before it is given");
        d.tap("other_parent").type("Luis Garcia Soto");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        assertTrue(d.said().contains("Other parent (birth certificate): Luis Garcia Soto"), d.said());
        assertEquals("Luis Garcia Soto", EngineTest.finish(d).child().otherParent());
    }

    // ---- siblings --------------------------------------------------------------------------------------------

    @Test
    void aSiblingWithTheSameRequestReusesTheClinic() {
        Dialog d = EngineTest.atRequest().tap("lock").type("Eastside Clinic, Duluth").tap("yes").tap("confirm")
                .type("Luis").tap("same").type("7/1/2021").tap("male");
        assertTrue(d.question().options().get(0).label().startsWith("Same request as Ana"), d.question().options().toString());
        d.tap("same");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        ChildRequest luis = EngineTest.finish(d);
        assertEquals(new ChildRequest.Clinic("Eastside Clinic", "Duluth"), luis.clinic());
        assertEquals(Set.of(RequestOption.LOCK, RequestOption.DECLINE_REMINDERS), luis.options());
        assertEquals("Garcia", luis.child().lastNames());
    }

    @Test
    void yesAtAnotherChildAsksForTheName() {
        Dialog d = EngineTest.atRequest().tap("opt_out").tap("confirm").type("yes");
        assertTrue(d.said().contains("first name"), d.said());
        assertEquals(Stage.ANOTHER_CHILD, d.conversation().stage());
    }

    // ---- who is asking ---------------------------------------------------------------------------------------

    @Test
    void anAdultsOwnRecordIsForTheirOwnSignature() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("self");
        assertEquals(PARENT_PHONE, d.conversation().step(), "no parent's name is asked");
        d.type("651-555-0123").type("1 Main St, Duluth, MN 55802");
        assertTrue(d.question().text().contains("your first and middle names"), d.question().text());
        d.type("Sam").type("Lee").type("5/5/2000");
        assertFalse(d.said().contains("usually signs"), "no note about someone else signing");
        d.tap("skip");
        assertTrue(d.question().text().contains("your record"));
        ChildRequest r = EngineTest.finish(d.tap("opt_out"));
        assertEquals(Relationship.SELF, r.guardian().relationship());
        assertEquals("Sam Lee", r.guardian().fullName());
        assertTrue(r.adult());
    }

    @Test
    void anAdultsRecordMadeByAParentNamesTheParentAsTheContactAndTheAdultAsTheSigner() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().child("Sam", "Lee", "11/25/2008").tap("opt_out");
        String review = d.question().text();
        // The review says who is who, as page 1 does: the parent's details, and the adult's signature.
        assertTrue(review.contains("Who you are: I am the parent"), review);
        assertTrue(review.contains("Parent or guardian: Maria Garcia Lopez"), review);
        assertTrue(review.contains("I will prepare the form for Sam's signature."), review);
        assertTrue(review.contains("go on it as the contact"), review);
        assertFalse(review.contains("Self"), review);
        ChildRequest r = EngineTest.finish(d);
        assertTrue(r.adult());
        assertEquals("Maria Garcia Lopez", r.guardian().fullName());
        assertEquals(Relationship.PARENT, r.guardian().relationship());
    }

    @Test
    void aHelperIsToldThatTheParentSignsAndSaysWhoThatIs() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("helper");
        assertTrue(d.said().contains("usually signs"), d.said());
        assertEquals(SIGNER, d.conversation().step());
        d.tap("guardian");
        assertTrue(d.question().text().contains("parent or guardian"), d.question().text());
        d.type("Rosa Diaz").type("651-555-0100").type("1 Main St, Duluth, MN 55802")
                .child("Ana", "Diaz", "1/1/2020").tap("opt_out");
        ChildRequest r = EngineTest.finish(d);
        assertEquals(Relationship.GUARDIAN, r.guardian().relationship());
        assertEquals("Rosa Diaz", r.guardian().fullName());
    }

    @Test
    void changingTheRoleFromTheReviewAsksItOnTheWelcome() {
        Dialog d = EngineTest.atRequest().tap("opt_out").tap("edit").tap("role");
        assertEquals(Stage.WELCOME, d.conversation().stage());
        d.tap("guardian");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        assertEquals(Relationship.GUARDIAN, EngineTest.finish(d).guardian().relationship());
    }

    // ---- languages and /why ----------------------------------------------------------------------------------

    @Test
    void theWelcomeOffersEveryLanguageByItsOwnNameAndMarksDrafts() {
        Dialog d = new Dialog(Language.EN).type("hi");
        // Two rows of two, so each name shows whole on a phone.
        assertEquals(List.of(2, 2), d.question().rows().subList(0, 2).stream().map(List::size).toList());
        var row = d.question().options().subList(0, Language.values().length);
        for (Reply.Option option : row) {
            Catalogue own = d.engine().catalogue(Language.fromTag(option.code()));
            assertTrue(option.label().startsWith(own.text("language.name")));
            assertEquals(!own.reviewed(), option.label().endsWith(own.text("language.draft")), option.label());
        }
        d.tap("es");
        assertEquals(Language.ES, d.conversation().language());
        assertEquals(Stage.WELCOME, d.conversation().stage());
        assertTrue(d.question().text().startsWith("¡Hola!"), d.question().text());
    }

    @Test
    void anUnreviewedCatalogueOffersTheEnglishTextOfEveryQuestion() {
        Dialog d = new Dialog(Language.ES).type("hola").tap("parent");
        assertTrue(d.offers("in_english"));
        d.tap("in_english");
        assertTrue(d.said().contains("What is your full name?"), d.said());
        assertEquals(PARENT_NAME, d.conversation().step());
        assertTrue(d.question().text().contains("nombre completo"));
        d.type("María López");
        assertEquals("María López", d.conversation().answer(PARENT_NAME));
    }

    @Test
    void aReviewedCatalogueHasNoEnglishButton() {
        Map<Language, Catalogue> catalogues = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Catalogue loaded = Catalogue.load(language, null);
            Map<String, String> texts = new java.util.HashMap<>();
            for (String key : loaded.keys()) {
                texts.put(key, loaded.text(key));
            }
            texts.put("language.reviewed", "yes");
            catalogues.put(language, new Catalogue(language, texts));
        }
        Engine engine = new Engine(miicbot.interview.TestInterview.MIIC, catalogues,
                new Engine.Settings(30, false, Engine.Screen.CHAT));
        Outcome welcome = engine.next(Conversation.start(Language.ES), Event.ofTyped("hola"), Dialog.TODAY);
        Reply.Ask ask = (Reply.Ask) welcome.replies().get(welcome.replies().size() - 1);
        assertTrue(ask.options().stream().noneMatch(o -> o.code().equals("in_english")));
        assertTrue(ask.options().stream().noneMatch(o -> o.label().contains("borrador")));
    }

    @Test
    void whyNamesWhoMayShareTheDataAndItsSource() {
        Dialog d = EngineTest.atRequest().type("/why");
        for (Language language : Language.values()) {
            assertTrue(d.engine().catalogue(language).text("why.text").contains("144.3351"), "the statute is cited");
        }
        String why = d.engine().catalogue(Language.EN).text("why.text");
        assertTrue(d.said().contains(why), d.said());
        assertEquals(REQUEST, d.conversation().step(), "the question is asked again");
        d = new Dialog(Language.EN).type("hi").tap("why");
        assertTrue(d.said().contains(why));
        assertEquals(Stage.WELCOME, d.conversation().stage());
    }

    @Test
    void backFromAQuestionTheReviewStillNeedsGoesToTheQuestionBefore() {
        Dialog d = EngineTest.atRequest().tap("opt_out").tap("edit").tap("request").tap("lock").type("/back");
        assertEquals(REQUEST, d.conversation().step(), "the clinic is missing, so not back to the review");
        d.tap("undo").type("/back");
        assertEquals(REQUEST, d.conversation().step());
        d.tap("opt_out");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        assertEquals(Set.of(RequestOption.OPT_OUT), EngineTest.finish(d).options());
    }

    @Test
    void backWalksThroughTheChildsNamesKeepingEachAnswer() {
        Dialog d = new Dialog(Language.EN).type("hi").parent().type("Ana Sofia").type("Garcia Lopez").type("/back");
        assertEquals(CHILD_LAST, d.conversation().step());
        assertTrue(d.offers("keep"));
        d.type("/back");
        assertEquals(CHILD_FIRST, d.conversation().step());
        d.tap("keep").tap("keep");
        assertEquals(CHILD_BIRTH_DATE, d.conversation().step());
        assertEquals("Garcia Lopez", d.conversation().answer(CHILD_LAST));
    }

    @Test
    void anOwnRecordUnder18IsToldWhoUsuallySignsAndCanChangeTheRole() {
        Dialog d = new Dialog(Language.EN).type("hi").tap("self").type("651-555-0123")
                .type("1 Main St, Duluth, MN 55802").type("Sam").type("Lee").type("5/5/2012");
        assertTrue(d.said().contains("under 18"), d.said());
        d.tap("skip").tap("opt_out");
        assertTrue(d.said().contains("under 18"), "the review says it again: " + d.said());
        d.tap("edit").tap("role").tap("parent");
        assertEquals(PARENT_NAME, d.conversation().step(), "the parent's name is now needed");
        d.type("Maria Lee");
        assertEquals(Stage.REVIEW, d.conversation().stage());
        ChildRequest r = EngineTest.finish(d);
        assertEquals(Relationship.PARENT, r.guardian().relationship());
        assertEquals("Maria Lee", r.guardian().fullName());
        assertEquals("Sam", r.child().givenNames());
    }
}
