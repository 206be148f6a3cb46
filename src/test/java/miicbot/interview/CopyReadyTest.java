package miicbot.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import org.junit.jupiter.api.Test;

class CopyReadyTest {
    private static final Catalogue EN = Catalogue.load(Language.EN, null);
    private static final Catalogue ES = Catalogue.load(Language.ES, null);
    private static final ChildRequest.Guardian MARIA = new ChildRequest.Guardian("María García López",
            Relationship.PARENT, "651-555-0123", "", new ChildRequest.Address("1 Main St", "St. Paul", "MN", "55101"));

    @Test
    void everyAnswerOnItsOwnLineAndACopyForEachOneRetyped() {
        ChildRequest lock = new ChildRequest(Language.EN, MARIA, new ChildRequest.Child("Ana Sofía", "García López",
                "", LocalDate.of(2019, 3, 14), Sex.FEMALE), Set.of(RequestOption.LOCK),
                new ChildRequest.Clinic("Lupinwood Clinic", "Brambleton"), LocalDate.of(2026, 12, 1));
        CopyReady block = CopyReady.of(lock, EN, EN);
        assertTrue(block.text().contains("the answers it may ask for"), block.text());
        for (String line : new String[] {"First and middle names: Ana Sofía", "Last names: García López",
                "Date of birth (month/day/year): 03/14/2019", "Sex: Female", "Parent or guardian: María García López",
                "Your role: Parent", "Phone: 651-555-0123", "Mailing address: 1 Main St, St. Paul, MN 55101",
                "Request: Limit access", "Clinic: Lupinwood Clinic, Brambleton"}) {
            assertTrue(block.text().contains("\n" + line), line + " in\n" + block.text());
        }
        assertFalse(block.text().contains("Email"), "no line for an answer not given");
        assertEquals(java.util.List.of("First and middle names", "Last names", "Date of birth", "Parent or guardian",
                "Phone", "Street", "City", "ZIP code", "Clinic"),
                block.copies().stream().map(CopyReady.Copy::label).toList());
        assertEquals("03/14/2019", block.copies().get(2).text());
    }

    @Test
    void choicesInTheParentsLanguageWithMdhsEnglishAndAnAdultIsSelf() {
        ChildRequest adult = new ChildRequest(Language.ES, MARIA, new ChildRequest.Child("Ana", "García", "",
                LocalDate.of(2000, 1, 2), Sex.FEMALE), Set.of(RequestOption.OPT_OUT), null, LocalDate.of(2026, 12, 1));
        String text = CopyReady.of(adult, ES, EN).text();
        assertTrue(text.contains("Sexo: Femenino (en inglés: Female)"), text);
        assertTrue(text.contains("(en inglés: Self)"), "18 or older: Self, as on page 1: " + text);
        assertTrue(text.contains("(en inglés: Opt out"), text);
    }
}
