package miicbot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import miicbot.interview.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Phrases that once misled, per language, stay out of every text; the terms that make a text accurate stay in.
 * Sources: MDH's "Data Privacy and MIIC Records" page and its MIIC records FAQ (as cited in README.md).
 */
class PhraseTest {
    private static final Catalogue EN = Catalogue.load(Language.EN, null);
    private static final Catalogue ES = Catalogue.load(Language.ES, null);

    /** A phrase that once misled (a regular expression, matched case-insensitively), and why. */
    private record Flip(String phrase, String why) { }

    private static final Map<Language, List<Flip>> FLIPS = Map.of(
            Language.EN, List.of(
                    new Flip("reminder letters", "MDH's words are \"immunization reminders\", not only letters"),
                    new Flip("must sign", "no MIIC source states the signature rule: it is usual practice"),
                    new Flip("only your clinic", "a lock is to one named clinic, not necessarily the parent's"),
                    new Flip("clinics, schools and child care can see", "only those enrolled in MIIC and serving the child can look"),
                    new Flip("your local public health agency use", "MDH or another public health agency \"may\" send reminders"),
                    new Flip("mdh usually asks", "puts a practice in MDH's mouth: \"Usually a parent or legal guardian signs\""),
                    new Flip("undo an earlier choice", "reads as undoing the last answer: it is a past request to MDH"),
                    new Flip("keeping it locked is the only way", "MDH's reason is that the record is kept, not deleted"),
                    new Flip("clinics still keep their own records", "no source says so"),
                    new Flip("can tell you if it is done", "no source says the help desk confirms a change"),
                    new Flip("business days", "jargon: \"work days\""),
                    new Flip("\\bencrypted\\b", "jargon: \"scrambled so that others cannot read them\""),
                    new Flip("the surest first", "jargon, and no source ranks the ways: \"the first is the one MDH names\""),
                    new Flip("these belong to", "unclear: \"these addresses and numbers are for MDH's Immunization Program\""),
                    new Flip("mdh names this form", "jargon: \"on MDH's MIIC questions page, this is the form\"")),
            Language.ES, List.of(
                    new Flip("bloque\\w*[^.:;\\n]{0,60}\\bpara\\b", "\"bloquear ... para\" reads as blocking that clinic"),
                    new Flip("dejar los recordatorios", "can mean keeping them: \"dejar de recibir recordatorios\""),
                    new Flip("quitar el niño", "reads as removing the child: \"borrar las respuestas de este niño\""),
                    new Flip("\\b(puedes|tienes|quieres|estás|eres|tu|tus)\\b", "tú-form: the bot says usted"),
                    new Flip("bienvenid[oa]s? de nuevo|\\bbienvenidos?\\b", "gendered: \"¡Hola de nuevo!\" (the title \"Bienvenida\" is a noun)"),
                    new Flip("esté list[oa]", "gendered: \"cuando quiera\""),
                    new Flip("\\bdebe firmar", "no MIIC source states the signature rule: \"normalmente\""),
                    new Flip("cartas de recordatorio", "MDH's words are \"recordatorios de vacunas\""),
                    new Flip("dónde vamos", "reads as \"where are we going\": \"En qué paso vamos\""),
                    new Flip("^sobre salirse$", "unclear: \"¿Qué es salir de MIIC?\""),
                    new Flip("deshacer una decisión anterior", "reads as undoing the last answer: a past request to MDH"),
                    new Flip("de la más segura a la menos segura", "mail and fax sound unsafe; no source ranks the ways"),
                    new Flip("para su firma", "whose signature? Name the person who signs"),
                    new Flip("le toca una vacuna", "reads as the parent's shot: \"su hijo o hija debe recibir una vacuna\""),
                    new Flip("use su propio formulario", "MDH's form or the parent's? \"un formulario de MDH\""),
                    new Flip("las respuestas que puede pedir", "who asks? \"las respuestas que ese formulario le puede pedir\""),
                    new Flip("otro nombre que usó", "whose name? \"otro nombre del niño(a)\""),
                    new Flip("\\btutor legal\\b", "the glossary says \"la persona con la tutela legal\" (a label: \"tutor(a) legal\")"),
                    new Flip("^nacimiento$", "a PDF label: \"Fecha de nacimiento\""),
                    new Flip("^relación$", "a PDF label for a family tie: \"Parentesco\""),
                    new Flip("mantenerlo bloqueado es la única forma", "MDH's reason is that the record is kept, not deleted"),
                    new Flip("siguen teniendo sus propios expedientes", "no source says so"),
                    new Flip("nombra este formulario", "jargon: \"en la página de preguntas de MIIC de MDH\"")),
            Language.SO, List.of(
                    new Flip("\\bku qufu", "\"ku quful\" (lock to) is one letter from \"ka quful\" (lock from, opt out): "
                            + "say only the named clinic can see"),
                    new Flip("qarsoodi", "means secret or hidden: privacy is \"asturnaan\""),
                    new Flip("in la qufulo ayaa ah habka keliya", "MDH's reason is that the record is kept, not deleted"),
                    new Flip("weli waxay hayaan diiwaannadooda", "no source says clinics keep their own records"),
                    new Flip("u magacawdaa", "jargon (\"MDH names this form\")"),
                    new Flip("ugu hubsan marka hore", "\"the surest first\": no source ranks the ways")),
            Language.HMN, List.of(
                    new Flip("xauv rau", "\"lock to\": say only the named clinic can see (\"... thiaj pom tau\")"),
                    new Flip("kev xauv cia yog tib txoj kev", "MDH's reason is that the record is kept, not deleted"),
                    new Flip("tseem khaws lawv li ntaub ntawv", "no source says clinics keep their own records"),
                    new Flip("mdh hais txog daim ntawv no", "jargon (\"MDH names this form\")"),
                    new Flip("paub tseeb tshaj ua ntej", "\"the surest first\": no source ranks the ways")));

    /** The old wordings, each caught by a flip; every flip catches one of them. */
    private static final Map<Language, List<String>> OLD = Map.of(
            Language.EN, List.of("Get reminder letters", "A parent must sign.", "Then only your clinic can see it.",
                    "Clinics, schools and child care can see the record.", "Your local public health agency uses it.",
                    "MDH usually asks a parent or legal guardian to sign.", "Undo an earlier choice",
                    "Keeping it locked is the only way to make sure your child is not added again.",
                    "Clinics still keep their own records.", "The MIIC help desk can tell you if it is done.",
                    "A copy takes 5 to 10 business days.", "Your answers are kept (encrypted).",
                    "Here are the ways, the surest first:", "Other ways. These belong to MDH's Immunization Program.",
                    "MDH names this form for privacy changes."),
            Language.ES, List.of("Bloquear para una clínica",
                    "Puede desbloquearlo más adelante, o bloquearlo para otra clínica.", "Solo dejar los recordatorios",
                    "/cancel - quitar el niño actual", "Si quieres, puedes empezar.", "¡Bienvenido de nuevo!",
                    "Cuando esté listo, empiece.", "La madre debe firmar.", "Cartas de recordatorio",
                    "/status - ver dónde vamos", "Sobre salirse", "Deshacer una decisión anterior",
                    "Estas son las formas, de la más segura a la menos segura:",
                    "Para hacer el formulario para su firma, toque Cambiar.", "Le avisan cuándo le toca una vacuna.",
                    "MDH puede pedirle que use su propio formulario.",
                    "La página 1 tiene las respuestas que puede pedir.", "Agregar otro nombre que usó",
                    "Madre, padre o tutor legal", "Nacimiento", "Relación",
                    "Mantenerlo bloqueado es la única forma de asegurar que no se agregue de nuevo.",
                    "Las clínicas siguen teniendo sus propios expedientes.",
                    "MDH nombra este formulario para cambios de privacidad."),
            Language.SO, List.of("Xaddid: ku quful hal kiliinig", "MDH waxay diiwaanka ku qufushaa kiliinigga.",
                    "Codsiga qarsoodiga MIIC", "In la qufulo ayaa ah habka keliya ee lagu hubiyo.",
                    "Kiliinigyadu weli waxay hayaan diiwaannadooda.",
                    "MDH waxay foomkan u magacawdaa beddelidda asturnaanta.",
                    "Kuwani waa hababka, kan ugu hubsan marka hore:"),
            Language.HMN, List.of("Xauv rau ib lub chaw kho mob xwb",
                    "Kev xauv cia yog tib txoj kev kom paub tseeb.", "Cov chaw kho mob tseem khaws lawv li ntaub ntawv.",
                    "MDH hais txog daim ntawv no rau kev hloov kev ceev ntiag tug.",
                    "Nov yog cov kev xa, qhov paub tseeb tshaj ua ntej:"));

    /** Today's wording of some of them, which must pass. */
    private static final Map<Language, List<String>> NEW = Map.of(
            Language.EN, List.of("Undo a past MIIC request", "The record is kept, not deleted.",
                    "Usually a parent or legal guardian signs."),
            Language.ES, List.of("MDH bloquea el registro. Así nadie que use MIIC puede verlo.",
                    "Madre, padre o tutor(a) legal", "Fecha de nacimiento (MM/DD/AAAA)", "Parentesco",
                    "Le avisan cuándo su hijo o hija debe recibir una vacuna.", "Agregar otro nombre del niño(a)"),
            Language.SO, List.of("Xaddid: hal kiliinig ha arko", "Ka bixid: diiwaanka ka quful dhammaan isticmaalayaasha MIIC",
                    "Codsiga asturnaanta MIIC"),
            Language.HMN, List.of("Pub ib lub chaw kho mob pom xwb", "MDH xauv cov ntaub ntawv kom tsis muaj leej twg pom tau."));

    @ParameterizedTest
    @EnumSource(Language.class)
    void noTextHasAMisleadingPhrase(Language language) {
        assertEquals(List.of(), misuses(Catalogue.load(language, null), FLIPS.get(language)));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theCheckCatchesEveryOldWordingAndPassesTodays(Language language) {
        List<Flip> flips = FLIPS.get(language);
        Set<String> used = new java.util.HashSet<>();
        for (String old : OLD.get(language)) {
            List<Flip> caught = flips.stream().filter(f -> matches(f, old)).toList();
            assertFalse(caught.isEmpty(), "not caught: " + old);
            caught.forEach(f -> used.add(f.phrase()));
        }
        assertEquals(flips.stream().map(Flip::phrase).toList(), flips.stream().map(Flip::phrase)
                .filter(used::contains).toList(), "every flip has an old wording it catches");
        for (String today : NEW.get(language)) {
            assertTrue(flips.stream().noneMatch(f -> matches(f, today)), today);
        }
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
            assertTrue(en.contains("5 to 10 work days"), key);
            String es = ES.text(key);
            assertTrue(es.contains("no podrá buscar las vacunas en MIIC"), key);
            assertTrue(es.toLowerCase(Locale.ROOT).contains("guarde su propia copia"), key);
            assertTrue(es.contains("\"MIIC record request\"") && es.contains("de 5 a 10 días de trabajo"), key);
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

    private static boolean matches(Flip flip, String text) {
        return Pattern.compile(flip.phrase(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE)
                .matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    private static List<String> misuses(Catalogue catalogue, List<Flip> flips) {
        List<String> found = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(catalogue.keys())) {
            for (Flip flip : flips) {
                if (matches(flip, catalogue.text(key))) {
                    found.add(key + ": \"" + flip.phrase() + "\" (" + flip.why() + ")");
                }
            }
        }
        return found;
    }
}
