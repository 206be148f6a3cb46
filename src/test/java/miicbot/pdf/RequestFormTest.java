package miicbot.pdf;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.RequestOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.cos.COSName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

class RequestFormTest {
    private static final RequestForm FORM = Pdfs.form();
    private static final ChildRequest.Clinic CLINIC = new ChildRequest.Clinic("Snapdragon Family Clinic", "Edina");
    private static final ChildRequest LOCKED = Pdfs.request(Language.EN,
            EnumSet.of(RequestOption.LOCK, RequestOption.DECLINE_REMINDERS), CLINIC);

    @Test
    void everyAnswerIsOnThePage() {
        String page = Pdfs.pageText(FORM.render(LOCKED), 1);
        for (String answer : List.of("Xylandra Mae", "Quixotefeather", "Xyla Smith", "02/13/2017", "Female",
                "Zebulon Quixotefeather", "Legal guardian", "651-555-0123", "zq@example.org", "4242 Snapdragon Way",
                "Saint Paul", "MN", "55101-1234", "Snapdragon Family Clinic", "Edina", "11/25/2026",
                "MIIC Privacy Setting Change Request", "Minnesota Department of Health")) {
            assertTrue(page.contains(answer), "missing " + answer + " in:\n" + page);
        }
    }

    @Test
    void onlyTheChosenBoxesAreChecked() {
        for (Set<RequestOption> chosen : List.of(EnumSet.of(RequestOption.OPT_OUT),
                EnumSet.of(RequestOption.LOCK, RequestOption.DECLINE_REMINDERS), EnumSet.of(RequestOption.UNLOCK),
                EnumSet.of(RequestOption.OPT_BACK_IN), EnumSet.of(RequestOption.RESUME_REMINDERS))) {
            ChildRequest.Clinic clinic = chosen.contains(RequestOption.LOCK) ? CLINIC : null;
            String page = Pdfs.pageText(FORM.render(Pdfs.request(Language.EN, chosen, clinic)), 1);
            assertEquals(checkedLabels(chosen), checkedOnPage(page), page);
        }
    }

    private static Set<String> checkedLabels(Set<RequestOption> chosen) {
        var en = miicbot.i18n.Catalogue.load(Language.EN, null);
        return chosen.stream().map(o -> en.text("pdf." + o.key())).collect(Collectors.toSet());
    }

    /** Lines of the options list that start with the X drawn in a checked box. */
    private static Set<String> checkedOnPage(String page) {
        return page.lines().filter(l -> l.startsWith("X ")).map(l -> l.substring(2).strip())
                .collect(Collectors.toSet());
    }

    @Test
    void everyOptionIsListedEvenWhenNotChosen() {
        String page = Pdfs.pageText(FORM.render(Pdfs.request(Language.EN, Set.of(RequestOption.OPT_OUT), null)), 1);
        var en = miicbot.i18n.Catalogue.load(Language.EN, null);
        for (RequestOption option : RequestOption.values()) {
            assertTrue(page.contains(en.text("pdf." + option.key())), option.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Łukasz Żółć", "Nguyễn Thị Ánh", "Maxamed Cabdullaahi Xuseen", "Paj Ntaub Yaj",
            "José Ñúñez-O'Brien"})
    void namesInEveryLatinScriptRenderAndExtractExactly(String name) {
        byte[] pdf = FORM.render(Pdfs.withNames(LOCKED, name, "Ölçek", name));
        String page = Pdfs.pageText(pdf, 1);
        assertTrue(page.contains(name), page);
        assertTrue(page.contains("Ölçek"));
        assertTrue(Pdfs.pageText(pdf, 2).contains(name + " Ölçek"));
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksInsteadOfFailing() {
        byte[] pdf = FORM.render(Pdfs.withNames(LOCKED, "李\u200Bsa\u0007", "Quixotefeather", "Zebulon"));
        assertTrue(Pdfs.pageText(pdf, 1).contains("?sa"));
    }

    @Test
    void longAnswersShrinkThenWrapInsideTheirBoxes() {
        String longName = "Maximiliana-Konstantina Alexandrovna Wolfeschlegelsteinhausen Bergerdorff";
        String street = "12345 North Snapdragon Way Southeast, Apartment 1208, Building C, North Entrance, Rear Door";
        String clinic = "Children's Minnesota Clinic and Specialty Center of the Twin Cities Metro Area, Suite 400";
        ChildRequest r = Pdfs.withNames(LOCKED, longName, longName, longName);
        var address = new ChildRequest.Address(street, r.guardian().address().city(), "MN", "55101");
        var guardian = new ChildRequest.Guardian(longName, r.guardian().relationship(), r.guardian().phone(),
                "a.very.long.email.address.for.testing.purposes@example-of-a-long-domain-name.org", address);
        r = new ChildRequest(r.language(), guardian, r.child(), r.options(), new ChildRequest.Clinic(clinic, "Minneapolis"),
                r.prepared());
        byte[] pdf = FORM.render(r);
        List<Pdfs.Glyph> glyphs = Pdfs.glyphs(pdf, 1);
        assertInside(glyphs, RequestLayout.CHILD_GIVEN.box(), longName);
        assertInside(glyphs, RequestLayout.CHILD_LAST.box(), longName);
        assertInside(glyphs, RequestLayout.PARENT_NAME.box(), longName);
        assertInside(glyphs, RequestLayout.STREET.box(), street);
        assertInside(glyphs, RequestLayout.CLINIC_NAME.box(), clinic);
        assertInside(glyphs, RequestLayout.EMAIL.box(), guardian.email());
    }

    /** Every glyph of {@code value} is drawn inside the box's answer area, and none is missing. */
    private static void assertInside(List<Pdfs.Glyph> all, Box box, String value) {
        float labelBottom = box.top() + 10; // the label's line
        List<Pdfs.Glyph> inside = new ArrayList<>();
        for (Pdfs.Glyph g : all) {
            boolean starts = g.x() >= box.x() - 0.5f && g.x() < box.right() && g.y() > labelBottom
                    && g.y() - g.height() < box.bottom() && g.y() <= box.bottom() + 2;
            if (starts) {
                inside.add(g);
                assertTrue(g.x() + g.width() <= box.right() + 0.5f, "'" + g.text() + "' crosses the right edge");
                assertTrue(g.y() <= box.bottom(), "'" + g.text() + "' falls below the box");
            }
        }
        String drawn = inside.stream().map(Pdfs.Glyph::text).collect(Collectors.joining()).replace(" ", "");
        assertEquals(value.replace(" ", ""), drawn, "the whole answer is drawn in its box");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void pageTwoSaysWhereToSendItInTheParentsLanguage(Language language) {
        String raw = Pdfs.pageText(FORM.render(Pdfs.request(language, Set.of(RequestOption.OPT_OUT), null)), 2);
        assertTrue(raw.contains("\n625 N Robert St\nSt. Paul, MN 55164-0975\n"), "an envelope-ready address:\n" + raw);
        String page = raw.replaceAll("\\s+", " ");
        assertTrue(page.contains("651-201-5501"));
        assertTrue(page.contains("health.miichelp@state.mn.us"));
        assertTrue(page.contains("MIIC Public Inquiry Form"));
        var own = miicbot.i18n.Catalogue.load(language, null);
        assertTrue(page.contains(own.text("pdf.guide.title")), page);
        assertTrue(page.contains(own.text("pdf.guide.footer").replaceAll("\\s+", " ")), page);
    }

    @Test
    void aSpanishRequestKeepsEnglishForMdhWithSpanishBeside() {
        String page = Pdfs.pageText(FORM.render(Pdfs.request(Language.ES, Set.of(RequestOption.OPT_OUT), null)), 1);
        assertTrue(page.contains("First and middle name(s) / Nombre(s) de pila"), page);
        assertTrue(page.contains("I am the parent or legal guardian"));
        assertTrue(page.contains("Soy la madre, el padre o el tutor legal"));
    }

    @Test
    void anAdultSignsTheirOwnRequest() {
        ChildRequest adult = Pdfs.request(Language.EN, Set.of(RequestOption.OPT_OUT), null);
        var child = new ChildRequest.Child("Sam", "Lee", "", Pdfs.PREPARED.minusYears(18), null);
        adult = new ChildRequest(Language.EN, adult.guardian(), child, adult.options(), null, adult.prepared());
        byte[] pdf = FORM.render(adult);
        String page = Pdfs.pageText(pdf, 1);
        assertTrue(page.contains("I am the person named above and I am 18 or older"), page);
        assertTrue(page.contains("Signature of the person named above (18 or older)"));
        assertTrue(page.contains("Printed name of signer: Sam Lee"));
        assertTrue(Pdfs.pageText(pdf, 2).replaceAll("\\s+", " ").contains("So Sam signs and dates page 1"));
        String minor = Pdfs.pageText(FORM.render(LOCKED), 1);
        assertTrue(minor.contains("Signature of parent or legal guardian"));
        assertTrue(minor.contains("Printed name of signer: Zebulon Quixotefeather"));
    }

    @Test
    void allFontsAreEmbeddedSubsets() throws Exception {
        try (PDDocument doc = Loader.loadPDF(FORM.render(LOCKED))) {
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                    assertTrue(font.getName().matches("[A-Z]{6}\\+DejaVuSans.*"), font.getName());
                    fonts++;
                }
            }
            assertTrue(fonts >= 2);
        }
    }

    @Test
    void metadataCarriesNoPersonalData() throws Exception {
        byte[] pdf = FORM.render(LOCKED);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals("MIIC Privacy Setting Change Request", doc.getDocumentInformation().getTitle());
            assertNull(doc.getDocumentInformation().getAuthor());
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("MIIC Privacy Setting Change Request"));
            for (String pii : List.of("Xylandra", "Quixotefeather", "Zebulon", "2017")) {
                assertFalse(xmp.contains(pii), pii);
                assertFalse(doc.getDocumentInformation().getCOSObject().toString().contains(pii), pii);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void formsArePdfA2bCompliant(Language language) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        byte[] pdf = FORM.render(Pdfs.withNames(Pdfs.request(language,
                EnumSet.of(RequestOption.LOCK, RequestOption.DECLINE_REMINDERS), CLINIC), "Łukasz", "Nguyễn", "José"));
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(parser.getFlavour(), false)) {
            ValidationResult result = validator.validate(parser);
            assertTrue(result.isCompliant(), () -> result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
                    .map(Object::toString).limit(10).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void aFormIsSmall() {
        int size = FORM.render(LOCKED).length;
        assertTrue(size <= 60_000, size + " bytes");
    }

    @Test
    void concurrentRendersGiveEachThreadItsOwnCorrectForm() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> pages = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String name = "Child" + "abcdefghijklmnop".charAt(i);
                pages.add(pool.submit(() -> Pdfs.pageText(FORM.render(Pdfs.withNames(LOCKED, name, "Lee", "Pat")), 1)));
            }
            for (int i = 0; i < 16; i++) {
                String page = pages.get(i).get();
                assertTrue(page.contains("Child" + "abcdefghijklmnop".charAt(i)), page);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
