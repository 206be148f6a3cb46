package miicbot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import miicbot.interview.Submission;
import org.junit.jupiter.api.Test;

/**
 * Phrases that once misled, per language, stay out of every text; the terms that make a text accurate stay in.
 * Sources: MDH's "Data Privacy and MIIC Records" page and its MIIC records FAQ (as cited in README.md).
 */
class PhraseTest {
    private static final Catalogue EN = Catalogue.load(Language.EN, null);
    private static final Catalogue ES = Catalogue.load(Language.ES, null);

    /** Each phrase with why it is wrong; matched case-insensitively within one sentence. */
    private static final Map<String, String> FORBIDDEN_EN = Map.of(
            "reminder letters", "MDH's words are \"immunization reminders\", not only letters",
            "must sign", "no MIIC source states the signature rule: it is usual practice",
            "only your clinic", "a lock is to one named clinic, not necessarily the parent's",
            "clinics, schools and child care can see", "only those enrolled in MIIC and serving the child can look",
            "your local public health agency use", "MDH or another public health agency \"may\" send reminders",
            "mdh usually asks", "puts a practice in MDH's mouth: \"Usually a parent or legal guardian signs\"",
            "undo an earlier choice", "reads as undoing the last answer: it is a past request to MDH");

    private static final Map<String, String> FORBIDDEN_ES = Map.ofEntries(
            Map.entry("bloque\\w*[^.:;\\n]{0,60}\\bpara\\b", "\"bloquear ... para\" reads as blocking that clinic"),
            Map.entry("dejar los recordatorios", "can mean keeping them: \"dejar de recibir recordatorios\""),
            Map.entry("quitar el niño", "reads as removing the child: \"borrar las respuestas de este niño\""),
            Map.entry("\\b(puedes|tienes|quieres|estás|eres|tu|tus)\\b", "tú-form: the bot says usted"),
            Map.entry("bienvenid[oa]s? de nuevo|\\bbienvenidos?\\b", "gendered: \"¡Hola de nuevo!\" (the title \"Bienvenida\" is a noun)"),
            Map.entry("esté list[oa]", "gendered: \"cuando quiera\""),
            Map.entry("\\bdebe firmar", "no MIIC source states the signature rule: \"normalmente\""),
            Map.entry("cartas de recordatorio", "MDH's words are \"recordatorios de vacunas\""),
            Map.entry("^dónde vamos$", "reads as \"where are we going\": \"En qué paso vamos\""),
            Map.entry("^sobre salirse$", "unclear: \"¿Qué es salir de MIIC?\""),
            Map.entry("deshacer una decisión anterior", "reads as undoing the last answer: a past request to MDH"));

    @Test
    void noEnglishTextHasAMisleadingPhrase() {
        assertEquals(List.of(), misuses(EN, FORBIDDEN_EN));
    }

    @Test
    void noSpanishTextHasAMisleadingPhrase() {
        assertEquals(List.of(), misuses(ES, FORBIDDEN_ES));
    }

    @Test
    void theSpanishCheckCatchesTheOldWording() {
        Catalogue old = new Catalogue(Language.ES, Map.of(
                "a", "Bloquear para una clínica",
                "b", "Puede desbloquearlo más adelante, o bloquearlo para otra clínica.",
                "c", "Solo dejar los recordatorios",
                "d", "/cancel - quitar el niño actual",
                "e", "Si quieres, puedes empezar.",
                "f", "¡Bienvenido de nuevo!",
                "g", "Deshacer una decisión anterior",
                "h", "Dónde vamos",
                "i", "Sobre salirse"));
        assertEquals(9, misuses(old, FORBIDDEN_ES).size(), misuses(old, FORBIDDEN_ES).toString());
        assertEquals(List.of(), misuses(new Catalogue(Language.ES,
                Map.of("a", "MDH bloquea el registro. Así nadie que use MIIC puede verlo.")), FORBIDDEN_ES));
    }

    @Test
    void theEnglishCheckCatchesTheOldWording() {
        Catalogue old = new Catalogue(Language.EN, Map.of("a", "Undo an earlier choice",
                "b", "MDH usually asks a parent or legal guardian to sign."));
        assertEquals(2, misuses(old, FORBIDDEN_EN).size(), misuses(old, FORBIDDEN_EN).toString());
        assertEquals(List.of(), misuses(new Catalogue(Language.EN, Map.of("a", "Undo a past MIIC request")), FORBIDDEN_EN));
    }

    @Test
    void theSignatureRuleIsUsualPracticeInBothLanguages() {
        for (String key : List.of("done.route.others", "pdf.guide.sign.parent")) {
            assertTrue(EN.text(key).contains("Usually a parent or legal guardian signs"), key);
            assertTrue(ES.text(key).contains("Normalmente firma la madre, el padre o la persona con la tutela legal"), key);
        }
        for (String key : List.of("done.route.others", "pdf.guide.sign.adult")) {
            assertTrue(EN.text(key).contains("18 or older usually signs their own request"), key);
            assertTrue(ES.text(key).contains("normalmente firma su propia solicitud"), key);
        }
    }

    @Test
    void remindersAreWhatMdhMaySend() {
        assertTrue(EN.text("explain.decline_reminders")
                .contains("MDH or another public health agency may use MIIC to send immunization reminders"));
        assertTrue(ES.text("explain.decline_reminders").contains("MDH u otra agencia de salud pública puede usar MIIC"));
        assertTrue(ES.text("explain.decline_reminders").startsWith("Dejar de recibir recordatorios"));
    }

    @Test
    void aLockAndAnOptOutSayToKeepACopyAndHowToGetOneFirst() {
        for (String key : List.of("explain.lock", "explain.opt_out", "pdf.guide.record_copy")) {
            String en = EN.text(key);
            assertTrue(en.contains("will not be able to look up the shots in MIIC"), key);
            assertTrue(en.toLowerCase(Locale.ROOT).contains("keep your own copy"), key);
            assertTrue(en.contains("\"MIIC record request\" form") && en.contains("Before you send"), key);
            assertTrue(en.contains("5 to 10 business days"), key);
            String es = ES.text(key);
            assertTrue(es.contains("no podrá buscar las vacunas en MIIC"), key);
            assertTrue(es.toLowerCase(Locale.ROOT).contains("guarde su propia copia"), key);
            assertTrue(es.contains("\"MIIC record request\"") && es.contains("de 5 a 10 días hábiles"), key);
        }
    }

    @Test
    void theRecordCopyTimeIsNeverGivenForAPrivacyChange() {
        for (Catalogue c : List.of(EN, ES)) {
            for (String key : c.keys()) {
                String text = c.text(key);
                boolean days = text.contains("5 to 10") || text.contains("5 a 10");
                assertFalse(days && !(text.contains("copy") || text.contains("copia")), c.language() + " " + key);
            }
            assertFalse(c.text("pdf.guide.next").matches("(?s).*\\d.*"), "no time is promised for the change");
        }
    }

    @Test
    void theChatSaysTheFormIsNotMdhsOwnAndNamesMdhsOnlineForm() {
        assertTrue(EN.text("form.not_official").contains("not MDH's own form"));
        assertTrue(ES.text("form.not_official").contains("No es el formulario propio de MDH"));
        for (Catalogue c : List.of(EN, ES)) {
            assertTrue(c.text("form.not_official").contains("MIIC Public Inquiry Form"), c.language().code());
            assertTrue(c.text("pdf.request.not_official").contains("MDH"), c.language().code());
        }
    }

    @Test
    void theDoneTextNamesTheOnlineFormFirstInBothLanguages() {
        Submission submission = Submission.load();
        for (Catalogue c : List.of(EN, ES)) {
            String done = c.text("done.send", Map.of("routes", String.join("\n",
                    submission.describe(c::text, "done.route.", ", ", false)))) + "\n"
                    + String.join("\n", submission.describe(c::text, "done.route.", ", ", true));
            int online = done.indexOf("MIIC Public Inquiry Form");
            int email = done.indexOf("health.miichelp@state.mn.us");
            int others = done.indexOf(c.text("done.route.others"));
            int mail = done.indexOf("625 N Robert St");
            int fax = done.indexOf("651-201-5501");
            assertTrue(online > 0 && online < email && email < others && others < mail && mail < fax,
                    c.language().code() + ":\n" + done);
            assertFalse(done.contains("P.O. Box"), "the P.O. box is seen in no source");
        }
    }

    @Test
    void pageOnesNoticeSpeaksAboutTheSignerNotToThemInEveryLanguage() {
        Map<Language, String> signer = Map.of(Language.EN, "ask the signer", Language.ES, "pedir a quien firma",
                Language.SO, "ka codsan kartaa qofka saxiixaya", Language.HMN, "hais kom tus neeg kos npe");
        Map<Language, String> you = Map.of(Language.EN, "you", Language.ES, "usted", Language.SO, "kaa",
                Language.HMN, "koj");
        for (Language language : Language.values()) {
            String notice = Catalogue.load(language, null).text("pdf.request.not_official");
            assertTrue(notice.contains(signer.get(language)), language + ": " + notice);
            assertFalse(notice.matches("(?iu).*\\b" + you.get(language) + "\\b.*"), language + ": " + notice);
        }
    }

    @Test
    void opaqueWordsAreExplainedWhereParentsFirstMeetThem() {
        assertTrue(EN.text("help.text").contains("MIIC is Minnesota's record of shots"));
        assertTrue(ES.text("help.text").contains("MIIC es el registro de vacunas de Minnesota"));
    }

    private static List<String> misuses(Catalogue catalogue, Map<String, String> forbidden) {
        List<String> found = new ArrayList<>();
        for (String key : catalogue.keys()) {
            String text = catalogue.text(key).toLowerCase(Locale.ROOT);
            forbidden.forEach((phrase, why) -> {
                if (Pattern.compile(phrase, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find()) {
                    found.add(key + ": \"" + phrase + "\" (" + why + ")");
                }
            });
        }
        return found;
    }
}
