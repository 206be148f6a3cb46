package miicbot.i18n;

import static org.junit.jupiter.api.Assertions.*;

import com.ibm.icu.util.ULocale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Plural and select texts: what ICU makes of them and what the start-up check refuses. */
class IcuMessageTest {
    private static final ULocale EN = ULocale.ENGLISH;

    @Test
    void ordinalsUseTheOrdinalForms() {
        String text = "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} child";
        assertEquals(List.of(), IcuMessage.problems(text, EN));
        assertEquals("2nd child", new IcuMessage(text, EN).format(Map.of("n", 2)));
        assertEquals("23rd child", new IcuMessage(text, EN).format(Map.of("n", 23)));
        assertEquals(List.of("plural form 'two' does not exist in en (it has [one, other])"),
                IcuMessage.problems("{n, plural, one {#} two {#} other {#}}", EN));
    }

    @Test
    void aNestedSelectInsideAPluralIsNotReadAsPluralForms() {
        String text = "{n, plural, one {{g, select, female {she} other {they}}} other {they}}";
        assertEquals(List.of(), IcuMessage.problems(text, EN));
        assertEquals(Set.of("g", "n"), new IcuMessage(text, EN).argumentNames());
        assertEquals("she", new IcuMessage(text, EN).format(Map.of("n", 1, "g", "female")));
    }

    @Test
    void aBadFormInsideANestedPluralIsFound() {
        String text = "{g, select, female {{n, plural, few {#} other {#}}} other {x}}";
        assertEquals(List.of("plural form 'few' does not exist in en (it has [one, other])"),
                IcuMessage.problems(text, EN));
    }

    @Test
    void explicitValuesAreAlwaysAllowed() {
        String text = "{n, plural, =0 {no forms} one {# form} other {# forms}}";
        assertEquals(List.of(), IcuMessage.problems(text, EN));
        assertEquals("no forms", new IcuMessage(text, EN).format(Map.of("n", 0)));
    }

    @Test
    void choiceArgumentsAreRefused() {
        assertEquals(List.of("only plural and select arguments are supported, not choice"),
                IcuMessage.problems("{n, choice, 0#none|1#one}", EN));
    }

    @Test
    void spanishHasItsOwnForms() {
        ULocale es = Catalogue.locale(Language.ES);
        assertEquals(List.of(), IcuMessage.problems("{n, plural, one {#} many {#} other {#}}", es));
        assertFalse(IcuMessage.problems("{n, plural, one {#} few {#} other {#}}", es).isEmpty());
    }

    @Test
    void onlyTextsWithACommaInAPlaceholderNeedIcu() {
        assertTrue(IcuMessage.needed("{count, plural, one {#} other {#}}"));
        assertTrue(IcuMessage.needed("{ g , select, other {x}}"));
        assertFalse(IcuMessage.needed("Hello {name}, it's {day}."));
    }

    @Test
    void plainTextsKeepTheirQuotesAndPlaceholders() {
        // ICU would read '{b}' as quoted text; a plain text is not ICU's, so {b} is still a placeholder.
        assertEquals(Set.of("a", "b"), Catalogue.placeholdersOf("Say '{b}' and {a}", EN));
        assertEquals(Set.of("n", "who"), Catalogue.placeholdersOf("{n, plural, other {# of {who}}}", EN));
    }
}
