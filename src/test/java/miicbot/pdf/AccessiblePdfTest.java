package miicbot.pdf;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.RequestOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** Both pages are tagged PDF/UA-1 and stay PDF/A-2b, in every language; checked as veraPDF and a reader see them. */
class AccessiblePdfTest {
    private static final RequestForm FORM = Pdfs.form();
    private static final ChildRequest.Clinic CLINIC = new ChildRequest.Clinic("Snapdragon Family Clinic", "Edina");

    static Stream<Arguments> forms() {
        List<Arguments> forms = new ArrayList<>();
        for (Language language : Language.values()) {
            forms.add(Arguments.of(language.code() + " parent", FORM.render(Pdfs.request(language,
                    EnumSet.of(RequestOption.LOCK, RequestOption.DECLINE_REMINDERS), CLINIC))));
            forms.add(Arguments.of(language.code() + " adult", FORM.render(RequestFormTest.adult(language))));
        }
        forms.add(Arguments.of("pseudo-locale", Pdfs.pseudoForm().render(Pdfs.request(Language.ES,
                EnumSet.of(RequestOption.OPT_OUT), null))));
        return forms.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void bothPagesPassVeraPdfsPdfUa1AndPdfA2bProfilesWithNoFailedRule(String name, byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(2, doc.getNumberOfPages(), "both pages are validated");
        }
        assertEquals(List.of(), TaggedPdf.failedRules(pdf, PDFAFlavour.PDFUA_1), "PDF/UA-1 rules failed");
        assertEquals(List.of(), TaggedPdf.failedRules(pdf, PDFAFlavour.PDFA_2_B), "PDF/A-2b rules failed");
    }

    @Test
    void anUntaggedDocumentFailsThePdfUaProfileByClause() throws Exception {
        // The check must be able to fail: strip the structure tree from a good form.
        byte[] good = FORM.render(RequestFormTest.adult(Language.EN));
        byte[] stripped;
        try (PDDocument doc = Loader.loadPDF(good)) {
            doc.getDocumentCatalog().getCOSObject().removeItem(org.apache.pdfbox.cos.COSName.STRUCT_TREE_ROOT);
            doc.getDocumentCatalog().getCOSObject().removeItem(org.apache.pdfbox.cos.COSName.MARK_INFO);
            var out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            stripped = out.toByteArray();
        }
        List<String> failed = TaggedPdf.failedRules(stripped, PDFAFlavour.PDFUA_1);
        assertFalse(failed.isEmpty());
        assertTrue(failed.stream().anyMatch(rule -> rule.startsWith("7.1-")), failed::toString);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void pageTwosHeadingsParagraphsAndListItemsComeInReadingOrder(Language language) {
        Catalogue t = Pdfs.catalogues().get(language);
        ChildRequest request = Pdfs.request(language,
                EnumSet.of(RequestOption.LOCK, RequestOption.DECLINE_REMINDERS), CLINIC);
        List<TaggedPdf.Element> all = TaggedPdf.structure(FORM.render(request), 2);
        assertEquals("Document", all.get(0).type());
        List<TaggedPdf.Element> page2 = all.subList(1, all.size());
        assertEquals("Sect", page2.get(0).type());
        assertEquals(language.code(), page2.get(0).lang(), "page 2 is in the parent's language");
        List<String> headings = page2.stream().filter(e -> e.type().matches("H\\d")).map(e -> e.type() + " " + e.text())
                .toList();
        assertEquals(List.of("H1 " + t.text("pdf.guide.title"), "H2 " + t.text("pdf.guide.next.heading"),
                "H2 " + t.text("pdf.guide.reverse.heading")), headings);

        // Reading order: the steps, the ways to send it, the headings, then one list item per chosen option.
        List<String> order = new ArrayList<>();
        for (int i = 0; i < page2.size(); i++) {
            TaggedPdf.Element e = page2.get(i);
            if (e.type().matches("H\\d|P|LI")) {
                order.add(e.type() + " " + TaggedPdf.textUnder(page2, i).replaceAll("\\s+", " "));
            }
        }
        int print = indexStarting(order, "P " + t.text("pdf.guide.print"));
        int send = indexStarting(order, "P " + t.text("pdf.guide.send"));
        int next = order.indexOf("H2 " + t.text("pdf.guide.next.heading"));
        int reverse = order.indexOf("H2 " + t.text("pdf.guide.reverse.heading"));
        int decline = indexStarting(order, "LI • " + t.text("pdf.guide.reverse.decline_reminders"));
        int lock = indexStarting(order, "LI • " + t.text("pdf.guide.reverse.lock"));
        int copy = indexStarting(order, "P " + t.text("pdf.guide.copy"));
        assertTrue(0 < print && print < send && send < next && next < reverse && reverse < decline
                && decline < lock && lock < copy, String.join("\n", order));
        long routes = page2.stream().filter(e -> e.type().equals("LI")).count() - 2;
        assertTrue(routes >= 3, "the ways to send it are a list: " + routes);
        assertEquals(List.of("•", "•"), page2.stream().filter(e -> e.type().equals("Lbl")).map(e -> e.text()).toList());
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"ES", "SO", "HMN"})
    void pageOnesTranslationsAreSpansInTheParentsLanguage(Language language) {
        Catalogue t = Pdfs.catalogues().get(language);
        List<TaggedPdf.Element> page1 = TaggedPdf.structure(FORM.render(Pdfs.request(language,
                Set.of(RequestOption.OPT_OUT), null)), 1);
        List<String> inParentsLanguage = page1.stream().filter(e -> language.code().equals(e.lang()))
                .map(e -> e.text().replaceAll("\\s+", " ").strip()).toList();
        for (String key : List.of("pdf.field.given", "pdf.field.birth_date", "pdf.sign.date", "pdf.option.opt_out")) {
            String text = t.text(key).replaceAll("\\s+", " ").strip();
            assertTrue(inParentsLanguage.contains(text), key + " not tagged " + language.code() + ": "
                    + inParentsLanguage);
        }
        // Nothing English is tagged as the parent's language.
        String english = Pdfs.catalogues().get(Language.EN).text("pdf.field.given");
        assertFalse(inParentsLanguage.stream().anyMatch(s -> s.contains(english)), inParentsLanguage::toString);
    }

    @Test
    void pageOnesFieldsAreLabelValuePairsAndACheckedOptionSaysSelected() {
        List<TaggedPdf.Element> page1 = TaggedPdf.structure(FORM.render(Pdfs.request(Language.EN,
                EnumSet.of(RequestOption.OPT_OUT), null)), 1);
        List<String> divs = new ArrayList<>();
        for (int i = 0; i < page1.size(); i++) {
            if (page1.get(i).type().equals("Div")) {
                divs.add(TaggedPdf.textUnder(page1, i));
            }
        }
        Catalogue en = Pdfs.catalogues().get(Language.EN);
        assertTrue(divs.contains(en.text("pdf.field.given") + " Xylandra Mae"), divs::toString);
        assertTrue(divs.contains(en.text("pdf.field.birth_date") + " 02/13/2017"), divs::toString);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < page1.size(); i++) {
            if (page1.get(i).type().equals("LI")) {
                items.add(TaggedPdf.textUnder(page1, i));
            }
        }
        assertEquals(6, items.size(), items::toString);
        assertEquals(List.of((RequestPage.SELECTED + en.text("pdf.option.opt_out")).replaceAll("\\s+", " ")),
                items.stream().filter(s -> s.startsWith(RequestPage.SELECTED)).toList());
    }

    @Test
    void theCatalogNamesTheLanguageAndTheViewerShowsTheTitle() throws Exception {
        try (PDDocument doc = Loader.loadPDF(FORM.render(RequestFormTest.adult(Language.SO)))) {
            assertEquals("en", doc.getDocumentCatalog().getLanguage());
            assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle());
            assertTrue(doc.getDocumentCatalog().getMarkInfo().isMarked());
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), xmp);
            assertTrue(xmp.toLowerCase(Locale.ROOT).contains("pdfaid:part"), xmp);
        }
    }

    private static int indexStarting(List<String> order, String prefix) {
        String wanted = prefix.replaceAll("\\s+", " ");
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).startsWith(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
