package miicbot.pdf;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import java.time.LocalDate;
import miicbot.interview.ChildRequest;
import miicbot.interview.FormAnswers;
import miicbot.interview.Relationship;
import miicbot.interview.RequestOption;
import miicbot.engine.StepId;
import miicbot.interview.MiicInterview;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
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
            byte[] pdf = FORM.render(Pdfs.request(Language.EN, chosen, clinic));
            for (RequestOption option : RequestOption.values()) {
                String inBox = Pdfs.textIn(pdf, 1, FORM.requestPage(Language.EN, false).checkBox(option));
                assertEquals(chosen.contains(option) ? "X" : "", inBox, option + " with " + chosen);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyOptionIsListedInMdhsOrderEvenWhenNotChosen(Language language) {
        byte[] pdf = FORM.render(Pdfs.request(language, Set.of(RequestOption.OPT_OUT), null));
        var en = miicbot.i18n.Catalogue.load(Language.EN, null);
        RequestPage page = FORM.requestPage(language, false);
        List<RequestOption> mdhOrder = List.of(RequestOption.DECLINE_REMINDERS, RequestOption.LOCK,
                RequestOption.OPT_OUT, RequestOption.RESUME_REMINDERS, RequestOption.UNLOCK, RequestOption.OPT_BACK_IN);
        float previousTop = 0;
        for (int i = 0; i < mdhOrder.size(); i++) {
            Box check = page.checkBox(mdhOrder.get(i));
            // Down the left column, then each undo option beside the option it undoes.
            if (i < 3) {
                assertTrue(check.top() > previousTop, mdhOrder.get(i) + " comes after the one before");
                previousTop = check.top();
            } else {
                assertEquals(page.checkBox(mdhOrder.get(i - 3)).top(), check.top(), 0.01);
                assertTrue(check.x() > page.checkBox(mdhOrder.get(i - 3)).x());
            }
            Box text = new Box(check.x(), check.top() - 1, 250, 24);
            String drawn = Pdfs.textIn(pdf, 1, text).replaceFirst("^X ", "");
            assertTrue(drawn.startsWith(en.text("pdf." + mdhOrder.get(i).key())), drawn);
        }
    }

    @Test
    void theSummaryNamesEveryChosenOptionInMdhsOrder() {
        Map<RequestOption, String> phrase = Map.of(RequestOption.DECLINE_REMINDERS, "decline reminders",
                RequestOption.LOCK, "limit access to Snapdragon Family Clinic, Edina", RequestOption.OPT_OUT, "opt out",
                RequestOption.RESUME_REMINDERS, "resume reminders", RequestOption.UNLOCK, "end the limit on access",
                RequestOption.OPT_BACK_IN, "opt back in");
        List<RequestOption> mdhOrder = List.of(RequestOption.DECLINE_REMINDERS, RequestOption.LOCK,
                RequestOption.OPT_OUT, RequestOption.RESUME_REMINDERS, RequestOption.UNLOCK, RequestOption.OPT_BACK_IN);
        var en = miicbot.i18n.Catalogue.load(Language.EN, null);
        for (int mask = 1; mask < 64; mask++) {
            Set<RequestOption> chosen = EnumSet.noneOf(RequestOption.class);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                if ((mask & (1 << i)) != 0) {
                    chosen.add(mdhOrder.get(i));
                    parts.add(phrase.get(mdhOrder.get(i)));
                }
            }
            ChildRequest r = Pdfs.request(Language.EN, chosen, chosen.contains(RequestOption.LOCK) ? CLINIC : null);
            String expected = "Requested: " + String.join("; ", parts);
            assertEquals(expected, RequestPage.summary(r, en));
            if (mask % 9 == 1 || mask == 63) { // and on the page, read back, for a spread of combinations
                Language language = mask % 2 == 0 ? Language.EN : Language.ES;
                r = Pdfs.request(language, chosen, r.clinic());
                String page = Pdfs.pageText(FORM.render(r), 1).replaceAll("\\s+", " ");
                assertTrue(page.contains(expected), expected + " in:\n" + page);
            }
        }
    }

    @Test
    void theSummaryComesFirstInTheRequestSection() {
        String page = Pdfs.pageText(FORM.render(LOCKED), 1);
        List<String> lines = page.lines().toList();
        int heading = lines.indexOf(lines.stream().filter(l -> l.startsWith("3. ")).findFirst().orElseThrow());
        assertEquals("Requested: decline reminders; limit access to Snapdragon Family Clinic, Edina",
                lines.get(heading + 1).strip());
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
        r = r.toBuilder().guardianName(longName).street(street).state("MN").zip("55101")
                .email("a.very.long.email.address.for.testing.purposes@example-of-a-long-domain-name.org")
                .clinic(clinic, "Minneapolis").build();
        byte[] pdf = FORM.render(r);
        List<Pdfs.Glyph> glyphs = Pdfs.glyphs(pdf, 1);
        assertInside(glyphs, FORM.requestPage(Language.EN, false).box(FormField.CHILD_GIVEN), longName);
        assertInside(glyphs, FORM.requestPage(Language.EN, false).box(FormField.CHILD_LAST), longName);
        assertInside(glyphs, FORM.requestPage(Language.EN, false).box(FormField.PARENT_NAME), longName);
        assertInside(glyphs, FORM.requestPage(Language.EN, false).box(FormField.STREET), street);
        assertInside(glyphs, FORM.requestPage(Language.EN, false).box(FormField.CLINIC_NAME), clinic);
        assertInside(glyphs, FORM.requestPage(Language.EN, false).box(FormField.EMAIL), r.guardian().email());
    }

    @Test
    void theOtherParentsNameIsDrawnInItsBox() {
        ChildRequest r = LOCKED.toBuilder().otherParent("Mateo Quixotefeather").build();
        List<Pdfs.Glyph> glyphs = Pdfs.glyphs(FORM.render(r), 1);
        assertInside(glyphs, FORM.requestPage(Language.EN, false).box(FormField.CHILD_OTHER_PARENT),
                "Mateo Quixotefeather");
    }

    /** Every glyph of {@code value} is drawn inside the box's answer area, and none is missing. */
    private static void assertInside(List<Pdfs.Glyph> all, Box box, String value) {
        float labelBottom = box.top() + Canvas.PAD + Canvas.LABEL_SIZE; // the label's first baseline
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
        assertTrue(raw.contains("\n625 N Robert St\nSt. Paul, MN 55155\n"), "an envelope-ready address:\n" + raw);
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
        assertTrue(page.replaceAll("\\s+", " ").contains("Soy la madre, el padre o la persona con la tutela legal"), page);
        assertTrue(page.contains("Parentesco") && page.contains("de nacimiento (MM/DD/AAAA)"), page);
    }

    @Test
    void anAdultSignsTheirOwnRequest() {
        ChildRequest adult = Pdfs.request(Language.EN, Set.of(RequestOption.OPT_OUT), null);
        adult = adult.toBuilder().child("Sam", "Lee").otherNames("").birthDate(Pdfs.PREPARED.minusYears(18)).sex(null)
                .build();
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
        assertTrue(size <= 75_000, size + " bytes"); // about 9 KB of it is the structure tree (PDF/UA)
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

    @ParameterizedTest
    @EnumSource(Language.class)
    void bothPagesAreFaxSafeNothingLighterThan60PercentBlackOrSmallerThan9Points(Language language) throws Exception {
        ChildRequest parents = Pdfs.request(language, EnumSet.of(RequestOption.LOCK), CLINIC);
        for (ChildRequest r : List.of(parents, adult(language))) {
            List<String> problems = new ArrayList<>();
            int[] seen = {0};
            try (PDDocument doc = Loader.loadPDF(FORM.render(r))) {
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        seen[0]++;
                        float[] rgb = getGraphicsState().getNonStrokingColor().getComponents();
                        float lightest = 0;
                        for (float c : rgb) {
                            lightest = Math.max(lightest, c);
                        }
                        if (lightest > 0.4f || text.getFontSizeInPt() < 9f) {
                            problems.add("'" + text.getUnicode() + "' " + text.getFontSizeInPt() + " pt, gray "
                                    + lightest);
                        }
                        super.processTextPosition(text);
                    }
                };
                stripper.setStartPage(1);
                stripper.setEndPage(2);
                stripper.getText(doc);
            }
            assertTrue(seen[0] > 500, "read the page's glyphs: " + seen[0]);
            assertEquals(List.of(), problems.stream().distinct().limit(10).toList());
        }
    }

    static ChildRequest adult(Language language) {
        ChildRequest r = Pdfs.request(language, Set.of(RequestOption.OPT_OUT), null);
        return r.toBuilder().child("Sam", "Lee").otherNames("").birthDate(Pdfs.PREPARED.minusYears(19)).sex(null)
                .build();
    }

    @Test
    void everyLabelFitsInsideItsBoxInEveryLanguageAndInAPseudoLocale() {
        RequestForm pseudo = Pdfs.pseudoForm();
        List<Object[]> cases = new ArrayList<>();
        for (Language language : Language.values()) {
            cases.add(new Object[] {FORM, language});
        }
        cases.add(new Object[] {pseudo, Language.ES});
        for (Object[] c : cases) {
            RequestForm form = (RequestForm) c[0];
            Language language = (Language) c[1];
            for (ChildRequest r : List.of(Pdfs.request(language, EnumSet.of(RequestOption.LOCK), CLINIC),
                    adult(language))) {
                RequestPage page = form.requestPage(language, r.adult());
                List<Pdfs.Glyph> glyphs = Pdfs.glyphs(form.render(r), 1);
                var english = miicbot.i18n.Catalogue.load(Language.EN, null);
                int checked = 0;
                for (FormField field : FormField.values()) {
                    Box box = page.box(field);
                    if (box == null) {
                        continue;
                    }
                    String label = page.texts().label(field.labelKey);
                    String expected = (label + field.value(r, english)).replace(" ", "");
                    List<Pdfs.Glyph> inside = glyphs.stream().filter(g -> g.x() >= box.x() - 0.5f
                            && g.x() < box.right() && g.y() > box.top() && g.y() <= box.bottom()).toList();
                    for (Pdfs.Glyph g : inside) {
                        assertTrue(g.x() + g.width() <= box.right() + 0.5f,
                                language + " " + field + ": '" + g.text() + "' crosses the right edge");
                    }
                    String drawn = inside.stream().map(Pdfs.Glyph::text).collect(Collectors.joining()).replace(" ", "");
                    assertEquals(expected, drawn, (form == pseudo ? "pseudo " : "") + language + " " + field);
                    checked++;
                }
                assertTrue(checked >= 15, "checked " + checked + " boxes");
            }
        }
    }

    @Test
    void theNoticeThatThisIsNotMdhsOwnFormIsNearTheTitle() {
        for (Language language : Language.values()) {
            byte[] pdf = FORM.render(Pdfs.request(language, Set.of(RequestOption.OPT_OUT), null));
            List<String> lines = Pdfs.pageText(pdf, 1).lines().toList();
            assertTrue(lines.get(0).contains("MIIC Privacy Setting Change Request"), lines.get(0));
            int line = 0;
            String notice = Catalogue.load(Language.EN, null).text("pdf.request.not_official");
            while (line < lines.size() && !lines.get(line).startsWith(notice.substring(0, 20))) {
                line++;
            }
            assertTrue(line <= 3, language + ": the notice is among the first lines, under the title: " + lines);
            // Printed in the page's first 100 pt, in black bold at 9 pt (checked by the fax-safe test), not only
            // in the footer.
            List<Pdfs.Glyph> glyphs = Pdfs.glyphs(pdf, 1).stream().filter(g -> !g.text().isBlank()).toList();
            String text = glyphs.stream().map(Pdfs.Glyph::text).collect(Collectors.joining());
            int at = text.indexOf(notice.substring(0, 20).replace(" ", ""));
            assertTrue(at >= 0, text);
            assertTrue(glyphs.get(at).y() < 100, language + ": the notice is " + glyphs.get(at).y() + " pt from the top");
        }
    }

    @Test
    void pageOneReadsAsTheClerkReadsIt() {
        for (Language language : Language.values()) {
            String page = Pdfs.pageText(FORM.render(Pdfs.request(language, Set.of(RequestOption.OPT_OUT), null)), 1)
                    .replaceAll("\\s+", " ");
            // Page 2 is the parent's guide and is not sent, so page 1 does not count pages.
            assertFalse(page.matches("(?s).*(Page|Página|Bogga|Nplooj) 1 (of|de|ee|ntawm) 2.*"), language + ": " + page);
            assertTrue(page.contains("make each change checked above"), language + ": " + page);
            // The notice speaks about the parent to MDH's staff, not to the parent.
            assertTrue(page.contains("MDH may ask the signer to use"), language + ": " + page);
            assertFalse(page.contains("ask you to"), language + ": " + page);
        }
    }

    @Test
    void theEighteenOrOlderBoxAppearsOnlyForAnAdultAndTheirOwnRecordIsSelf() {
        String minor = Pdfs.pageText(FORM.render(LOCKED), 1);
        assertFalse(minor.contains("18 or older (signs own request)"), minor);
        assertFalse(minor.contains("Self"), minor);
        assertTrue(minor.contains("Legal guardian"));

        ChildRequest adult = adult(Language.ES);
        ChildRequest own = new ChildRequest(Language.ES, new ChildRequest.Guardian(adult.child().fullName(),
                Relationship.SELF, "651-555-0123", "", adult.guardian().address()), adult.child(), adult.options(),
                null, adult.prepared());
        byte[] pdf = FORM.render(own);
        RequestPage page = FORM.requestPage(Language.ES, true);
        assertEquals("18 or older (signs own request) / " + es().text("pdf.field.adult") + " Yes",
                Pdfs.textIn(pdf, 1, page.box(FormField.CHILD_ADULT)));
        assertEquals("Full name / " + es().text("pdf.field.parent_name") + " Sam Lee",
                Pdfs.textIn(pdf, 1, page.box(FormField.PARENT_NAME)));
        assertEquals("Relationship to the person / " + es().text("pdf.field.relationship") + " Self",
                Pdfs.textIn(pdf, 1, page.box(FormField.RELATIONSHIP)));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anAdultsRecordMadeByAParentNamesTheParentAsContactAndTheAdultSigns(Language language) {
        LocalDate today = Pdfs.PREPARED;
        Map<StepId, String> answers = new java.util.HashMap<>(Map.of(MiicInterview.ROLE, "parent",
                MiicInterview.PARENT_NAME, "Zebulon Quixotefeather", MiicInterview.PARENT_PHONE, "651-555-0123",
                MiicInterview.STREET, "4242 Snapdragon Way", MiicInterview.CITY, "Saint Paul", MiicInterview.STATE, "MN",
                MiicInterview.ZIP, "55101", MiicInterview.CHILD_FIRST, "Sam", MiicInterview.CHILD_LAST, "Lee"));
        answers.put(MiicInterview.CHILD_BIRTH_DATE, today.minusYears(19).toString());
        answers.put(MiicInterview.REQUEST, "opt_out");
        ChildRequest r = FormAnswers.request(answers, language, today);
        assertTrue(r.adult());
        byte[] pdf = FORM.render(r);
        RequestPage page = FORM.requestPage(language, true);
        Catalogue en = Catalogue.load(Language.EN, null);
        // The contact is the parent, named with their relationship; never "Self" beside a parent's name.
        assertTrue(Pdfs.textIn(pdf, 1, page.box(FormField.PARENT_NAME)).endsWith("Zebulon Quixotefeather"));
        assertTrue(Pdfs.textIn(pdf, 1, page.box(FormField.RELATIONSHIP)).endsWith(" Parent"),
                Pdfs.textIn(pdf, 1, page.box(FormField.RELATIONSHIP)));
        String text = Pdfs.pageText(pdf, 1).replaceAll("\\s+", " ");
        assertFalse(text.contains(" Self"), text);
        assertTrue(text.contains(en.text("pdf.request.section.contact")), text);
        assertFalse(text.contains(en.text("pdf.request.section.parent")), text);
        // The adult signs: the statement, the signature line and the printed name are theirs.
        assertTrue(text.contains(en.text("pdf.statement.adult")), text);
        assertFalse(text.contains(en.text("pdf.statement.parent")), text);
        assertTrue(text.contains(en.text("pdf.sign.adult")), text);
        assertTrue(text.contains(en.text("pdf.sign.printed", Map.of("name", "Sam Lee"))), text);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void pageOneHasASmallBoxForMdhsUseInItsLowerThird(Language language) {
        Catalogue en = Catalogue.load(Language.EN, null);
        ChildRequest parents = Pdfs.request(language, EnumSet.of(RequestOption.LOCK), CLINIC);
        for (ChildRequest r : List.of(parents, adult(language))) {
            assertTrue(FORM.requestPage(language, r.adult()).hasOfficeBox(), language + " adult " + r.adult());
            byte[] pdf = FORM.render(r);
            List<Pdfs.Glyph> glyphs = Pdfs.glyphs(pdf, 1).stream().filter(g -> !g.text().isBlank()).toList();
            String text = glyphs.stream().map(Pdfs.Glyph::text).collect(Collectors.joining());
            float signature = glyphs.get(text.indexOf(en.text("pdf.sign.date").replace(" ", ""))).y();
            for (String key : List.of("pdf.request.mdh_use", "pdf.field.received", "pdf.field.processed_by",
                    "pdf.field.miic_id")) {
                String label = en.text(key).replace(" ", "");
                int at = text.indexOf(label);
                assertTrue(at >= 0, language + ": no " + key + " in " + text);
                assertEquals(1, text.split(java.util.regex.Pattern.quote(label), -1).length - 1, key + " once");
                float y = glyphs.get(at).y();
                assertTrue(y > Box.PAGE_HEIGHT * 2 / 3 && y > signature, language + ": " + key + " at " + y + " pt");
            }
        }
    }

    @Test
    void aTranslationTooLongForTheOfficeBoxStillFitsWithoutIt() {
        // The pseudo-locale's texts are a third longer than any bundled language's: the request keeps its room.
        RequestForm pseudo = Pdfs.pseudoForm();
        assertFalse(pseudo.requestPage(Language.ES, false).hasOfficeBox());
        ChildRequest r = Pdfs.request(Language.ES, EnumSet.of(RequestOption.LOCK), CLINIC);
        String text = Pdfs.pageText(pseudo.render(r), 1);
        assertFalse(text.contains("For MDH use only"), text);
        assertTrue(text.contains("Snapdragon Family Clinic"), text);
    }

    private static miicbot.i18n.Catalogue es() {
        return miicbot.i18n.Catalogue.load(Language.ES, null);
    }
}
