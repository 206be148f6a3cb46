package miicbot.i18n;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PseudoLocaleTest {
    @Test
    void lettersAreAccentedAndTheTextBracketedAndLonger() {
        String pseudo = PseudoLocale.pseudo("What is your child's date of birth?");
        assertTrue(pseudo.startsWith("[Ŵĥàţ îš ŷöûŕ çĥîĺď'š ďàţé öƒ ƀîŕţĥ? ~"), pseudo);
        assertTrue(pseudo.endsWith("~]"));
        float ratio = pseudo.length() / (float) "What is your child's date of birth?".length();
        assertTrue(ratio >= 1.35f && ratio <= 1.45f, "about 40 % longer: " + ratio);
    }

    @Test
    void placeholdersCommandsAndAddressesStayIntact() {
        String pseudo = PseudoLocale.pseudo("Hi {child}, type /start or write to health.miichelp@state.mn.us.\nBye");
        assertTrue(pseudo.contains("{child}"), pseudo);
        assertTrue(pseudo.contains(" /start "), pseudo);
        assertTrue(pseudo.contains("health.miichelp@state.mn.us"), pseudo);
        assertTrue(pseudo.contains(".\nƁŷé ~"), pseudo);
        Catalogue c = new Catalogue(Language.EN, Map.of("k", pseudo));
        assertEquals(java.util.Set.of("child"), c.placeholders("k"));
        assertTrue(c.text("k", Map.of("child", "Ana")).contains("Ĥî Ana,"));
    }

    @Test
    void pluralSyntaxKeepsItsKeywordsAndAccentsItsSubMessages() {
        String pseudo = PseudoLocale.message("You have {count, plural, =0 {no forms} one {# form} other {# forms}}.");
        assertEquals("Ŷöû ĥàṽé {count, plural, =0 {ñö ƒöŕṁš} one {# ƒöŕṁ} other {# ƒöŕṁš}}.", pseudo);
    }

    @Test
    void parseDataAndTheReviewFlagAreKept() {
        Catalogue english = Catalogue.load(Language.EN, null);
        Catalogue pseudo = PseudoLocale.of(english);
        assertEquals(english.text("common.yes.words"), pseudo.text("common.yes.words"));
        assertTrue(pseudo.reviewed());
        assertEquals(english.keys().stream().toList(), pseudo.keys().stream().toList());
        for (String key : english.keys()) {
            assertEquals(english.placeholders(key), pseudo.placeholders(key), key);
        }
        assertTrue(PseudoLocale.looksPseudo(pseudo.text("welcome.text")));
        assertFalse(PseudoLocale.looksPseudo(english.text("welcome.text")));
    }
}
