package miicbot.pdf;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.RequestOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Somali and Hmong forms: page 1 in English with the parent's language under each label, page 2 wholly in the
 * parent's language, every character drawn with the embedded font and read back exactly.
 */
class TranslatedFormTest {
    private static final RequestForm FORM = Pdfs.form();
    private static final Catalogue EN = Catalogue.load(Language.EN, null);
    private static final ChildRequest.Clinic CLINIC = new ChildRequest.Clinic("Cedar Riverside Clinic", "Minneapolis");

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"SO", "HMN"})
    void everyCharacterOfTheCatalogueHasAGlyphInTheEmbeddedFont(Language language) throws IOException {
        Catalogue catalogue = Catalogue.load(language, null);
        for (String key : catalogue.keys()) {
            String text = catalogue.text(key).replace('\n', ' '); // line breaks are laid out, not drawn
            assertEquals(text, Fonts.DEJAVU.printable(text), language.code() + ": " + key);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"SO", "HMN"})
    void pageOneStaysEnglishWithTheParentsLanguageUnderEachLabel(Language language) {
        Catalogue parent = Catalogue.load(language, null);
        byte[] pdf = FORM.render(names(language, EnumSet.of(RequestOption.LOCK, RequestOption.DECLINE_REMINDERS)));
        String page = Pdfs.pageText(pdf, 1);
        String flat = flat(page);
        // A label may wrap inside its box, beside a neighbour's: read each box on its own.
        for (FormField field : List.of(FormField.CHILD_GIVEN, FormField.CHILD_LAST, FormField.CHILD_BIRTH_DATE,
                FormField.PHONE, FormField.STREET, FormField.ZIP, FormField.CLINIC_NAME, FormField.CLINIC_CITY)) {
            String inBox = Pdfs.textIn(pdf, 1, FORM.requestPage(language, false).box(field));
            assertTrue(inBox.contains(EN.text(field.labelKey) + " / " + parent.text(field.labelKey)),
                    field + " in: " + inBox);
        }
        assertTrue(flat.contains(EN.text("pdf.sign.date") + " / " + parent.text("pdf.sign.date")), page);
        // Options wrap inside side-by-side columns, so their lines interleave in reading order: every word is there.
        for (String key : List.of("pdf.option.lock", "pdf.option.decline_reminders", "pdf.statement.parent")) {
            for (String text : List.of(EN.text(key), parent.text(key))) {
                for (String word : flat(text).split(" ")) {
                    assertTrue(flat.contains(word), key + ": '" + word + "' in:\n" + page);
                }
            }
        }
        assertTrue(flat.contains("X " + EN.text("pdf.option.lock").substring(0, 30)), "the English option is checked");
        assertFalse(page.contains("…"), "no label is cut short:\n" + page);
        assertFalse(page.contains("?"), "no character was replaced:\n" + page);
        ChildRequest request = names(language, EnumSet.of(RequestOption.OPT_OUT));
        for (String name : List.of(request.child().givenNames(), request.child().lastNames(),
                request.guardian().fullName())) {
            assertTrue(page.contains(name), name + " in:\n" + page);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"SO", "HMN"})
    void pageTwoIsWhollyInTheParentsLanguage(Language language) {
        Catalogue t = Catalogue.load(language, null);
        ChildRequest request = names(language, EnumSet.of(RequestOption.OPT_OUT));
        String page = flat(Pdfs.pageText(FORM.render(request), 2));
        Map<String, String> child = Map.of("child", request.child().fullName());
        for (String text : List.of(t.text("pdf.guide.title"), t.text("pdf.guide.intro", child),
                t.text("pdf.guide.print"), t.text("pdf.guide.sign.parent"), t.text("pdf.guide.send"),
                t.text("pdf.guide.next.heading"), t.text("pdf.guide.next"), t.text("pdf.guide.reverse.heading"),
                "• " + t.text("pdf.guide.reverse.opt_out"), t.text("pdf.guide.copy"), t.text("pdf.guide.footer"))) {
            assertTrue(page.contains(flat(text)), "missing '" + text + "' in:\n" + page);
        }
        for (String english : List.of("What to do with this request", "Print page 1", "If you change your mind",
                "not legal")) {
            assertFalse(page.contains(english), english);
        }
        assertTrue(page.contains("health.miichelp@state.mn.us") && page.contains("MIIC Public Inquiry Form"));
        assertFalse(page.contains("?"), "no character was replaced:\n" + page);
    }

    /** A request with names as Somali and Hmong families write them. */
    private static ChildRequest names(Language language, EnumSet<RequestOption> options) {
        ChildRequest base = Pdfs.request(language, options, options.contains(RequestOption.LOCK) ? CLINIC : null);
        return language == Language.SO
                ? Pdfs.withNames(base, "Maxamed Cabdullaahi", "Xuseen", "Faadumo Cali Xasan")
                : Pdfs.withNames(base, "Nou", "Yang", "Pa Nhia Xyooj");
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
