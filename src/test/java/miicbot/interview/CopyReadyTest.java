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

    @Test
    void everyAnswerOnItsOwnLineAndACopyForEachOneRetyped() {
        ChildRequest lock = maria(Language.EN).child("Ana Sofía", "García López").birthDate(LocalDate.of(2019, 3, 14))
                .sex(Sex.FEMALE).options(Set.of(RequestOption.LOCK)).clinic("Lupinwood Clinic", "Brambleton").build();
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
        ChildRequest adult = maria(Language.ES).child("Ana", "García").birthDate(LocalDate.of(2000, 1, 2))
                .sex(Sex.FEMALE).options(Set.of(RequestOption.OPT_OUT)).build();
        String text = CopyReady.of(adult, ES, EN).text();
        assertTrue(text.contains("Sexo: Femenino (en inglés: Female)"), text);
        assertTrue(text.contains("(en inglés: Self)"), "18 or older: Self, as on page 1: " + text);
        assertTrue(text.contains("(en inglés: Opt out"), text);
    }

    /** María García López, a parent, asking on 1 December 2026 (no email given). */
    private static ChildRequest.Builder maria(Language language) {
        return ChildRequest.builder().language(language).prepared(LocalDate.of(2026, 12, 1))
                .guardian("María García López", Relationship.PARENT).phone("651-555-0123").email("")
                .address("1 Main St", "St. Paul", "MN", "55101");
    }
}
