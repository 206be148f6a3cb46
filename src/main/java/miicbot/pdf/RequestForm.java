package miicbot.pdf;

import static miicbot.pdf.RequestPage.CONTENT_WIDTH;
import static miicbot.pdf.RequestPage.MARGIN;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.Relationship;
import miicbot.interview.RequestOption;
import miicbot.interview.Submission;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;

/**
 * Renders one child's request as a two-page tagged PDF (PDF/A-2b and PDF/UA-1), in memory. Page 1 is the request for MDH, in English (MDH's
 * staff work in English) with the parent's language beside each label when it is not English, so the parent can
 * check it too. Page 2 tells the parent, in their language, how to sign and send it. Safe to call from several
 * threads at once.
 *
 * <p>What is the same for every request is prepared once per language, on first use ({@link #warmUp()}):
 * page 1's fixed part ({@link RequestPage}) and font subsets that hold every character of its texts and of the
 * usual Latin alphabets. A render then only draws the answers and page 2, and copies prepared bytes into a new document. An
 * answer with a letter outside the prepared subsets (rare: Greek, Cyrillic, Vietnamese) gets subsets of its own.
 */
public final class RequestForm {
    /**
     * Characters an answer will usually need, besides those of the texts: printable ASCII, Latin-1 and Latin
     * Extended-A (Spanish, Somali and Hmong names in Latin letters, and most European names).
     */
    private static final String ANSWER_CHARACTERS = IntStream.rangeClosed(0x20, 0x17F)
            .filter(cp -> cp < 0x7F || cp >= 0xA0)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

    /** Page 2's list mark, drawn from code rather than from a catalogue. */
    private static final String BULLET = "•";
    private static final String ASCII = ANSWER_CHARACTERS.substring(0, 0x7F - 0x20);

    /** Page 2's text ends above its footer (which starts at 740 pt at the highest for a long one). */
    private static final float GUIDE_BODY_BOTTOM = 735;

    private final Map<Language, Catalogue> catalogues;
    private final Submission submission;
    // Prepared on first use (the bot's warm-up thread, at start), so making the form does not delay polling.
    private final Map<Language, Prepared> prepared = new ConcurrentHashMap<>();

    public RequestForm(Map<Language, Catalogue> catalogues, Submission submission) {
        this.catalogues = Map.copyOf(catalogues);
        this.submission = Objects.requireNonNull(submission);
    }

    private Prepared prepared(Language language) {
        return prepared.computeIfAbsent(language,
                l -> prepare(new Texts(catalogues.get(Language.EN), catalogues.get(l))));
    }

    /** One language's fixed page 1 (for a parent's request and for an adult's own) and its font subsets. */
    private record Prepared(RequestPage parentPage, RequestPage adultPage, EmbeddedFont regular, EmbeddedFont bold) {
        RequestPage page(boolean adult) {
            return adult ? adultPage : parentPage;
        }
    }

    private Prepared prepare(Texts texts) {
        RequestPage parentPage = RequestPage.of(texts, false);
        RequestPage adultPage = RequestPage.of(texts, true);
        StringBuilder characters = new StringBuilder(ASCII).append(BULLET);
        for (Catalogue catalogue : List.of(texts.english(), texts.parent())) {
            catalogue.keys().forEach(key -> characters.append(catalogue.text(key)));
        }
        for (Submission.Route route : submission.routes()) {
            characters.append(route.name()).append(String.join("", route.address()));
        }
        characters.append(localDate(texts.parent(), submission.checked().date()));
        for (RequestPage page : List.of(parentPage, adultPage)) {
            characters.append(page.fixedCanvas().regularChars()).append(page.fixedCanvas().boldChars());
        }
        // Answers are drawn in the regular face only, so only it gets the letters answers usually need.
        String printable = Fonts.DEJAVU.printable(characters.toString());
        return new Prepared(parentPage, adultPage,
                EmbeddedFont.subset(Fonts.DEJAVU.regular, printable + ANSWER_CHARACTERS),
                EmbeddedFont.subset(Fonts.DEJAVU.bold, printable));
    }

    /** The PDF for one child's request. */
    public byte[] render(ChildRequest request) {
        Prepared prep = prepared(request.language());
        RequestPage page = prep.page(request.adult());
        Canvas answers = page.answers(request);
        Tag guideStructure = Tag.root("Sect").lang(request.language().code());
        Canvas guide = guidePage(catalogues.get(request.language()), request, guideStructure);
        String regularChars = answers.regularChars() + guide.regularChars();
        String boldChars = answers.boldChars() + guide.boldChars();
        EmbeddedFont regular = prep.regular().covers(regularChars) ? prep.regular()
                : EmbeddedFont.subset(Fonts.DEJAVU.regular, prep.regular().characters() + regularChars);
        EmbeddedFont bold = prep.bold().covers(boldChars) ? prep.bold()
                : EmbeddedFont.subset(Fonts.DEJAVU.bold, prep.bold().characters() + boldChars);
        try (PDDocument doc = new PDDocument()) {
            PDResources resources = new PDResources();
            COSDictionary fonts = new COSDictionary();
            fonts.setItem(COSName.getPDFName("F1"), regular.addTo(doc));
            fonts.setItem(COSName.getPDFName("F2"), bold.addTo(doc));
            resources.getCOSObject().setItem(COSName.FONT, fonts);
            PDPage first = addPage(doc, resources, page.fixedContent(), answers.deflated());
            PDPage second = addPage(doc, resources, guide.deflated());
            StructureTree.write(doc, Language.EN.code(), List.of(
                    new StructureTree.Page(first, page.structure(), answers.slots(), answers.mcids()),
                    new StructureTree.Page(second, guideStructure, Map.of(), guide.mcids())));
            PdfA.apply(doc, GregorianCalendar.from(request.prepared().atStartOfDay(ZoneId.of("America/Chicago"))));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(40_000);
            // A classic xref table: object streams cost a third of a render for 3 KB (docs/BENCHMARKS.md);
            // PDF/A-2b allows both. Content streams and fonts stay compressed.
            doc.save(bytes, CompressParameters.NO_COMPRESSION);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the request form", e);
        }
    }

    /** A Letter page drawn by the given Flate-compressed content streams, in order. */
    private static PDPage addPage(PDDocument doc, PDResources resources, byte[]... contents) throws IOException {
        PDPage page = new PDPage(PDRectangle.LETTER);
        page.setResources(resources);
        List<PDStream> streams = new java.util.ArrayList<>();
        for (byte[] content : contents) {
            COSStream stream = doc.getDocument().createCOSStream();
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(content);
            }
            streams.add(new PDStream(stream));
        }
        page.setContents(streams);
        doc.addPage(page);
        return page;
    }

    /**
     * Prepares every language (fonts, page 1's fixed part, font subsets) and renders fictional requests, so classes
     * are loaded and compiled before the first parent needs a form. The bot calls it at start, in the background.
     */
    public void warmUp() {
        ChildRequest.Builder sample = ChildRequest.builder().prepared(LocalDate.now())
                .guardian("Sample Parent", Relationship.PARENT).phone("651-555-0100")
                .address("1 Sample St", "St. Paul", "MN", "55101")
                .child("Sample", "Child").birthDate(LocalDate.of(2020, 1, 1)).option(RequestOption.OPT_OUT);
        for (int i = 0; i < 20; i++) {
            for (Language language : Language.values()) {
                render(sample.language(language).build());
            }
        }
    }

    /** Page 1's fixed part for one language (tests read box positions from it). */
    RequestPage requestPage(Language language, boolean adult) {
        return prepared(language).page(adult);
    }

    /**
     * Page 2, in the parent's language, tagged into {@code structure}. A long translation is set a little smaller,
     * down to 9 pt, so that it ends above the footer instead of running off the page.
     */
    private Canvas guidePage(Catalogue t, ChildRequest r, Tag structure) {
        for (float size = 10.5f; ; size -= 0.5f) {
            Canvas c = new Canvas();
            structure.kids().clear(); // a try at a larger size left its tags
            float bottom = guideBody(c, t, r, size, size * 4 / 3, structure);
            if (bottom <= GUIDE_BODY_BOTTOM || size <= 9) {
                c.gray(Canvas.SECONDARY);
                c.tag(structure.child("P"));
                c.footer(MARGIN, 758, 772, CONTENT_WIDTH, c.regular(), 9, 10.5f, t.text("pdf.guide.footer"));
                c.gray(0);
                return c;
            }
        }
    }

    /** Draws page 2's text at {@code size} into {@code s}; returns where it ends, in points from the top. */
    private float guideBody(Canvas c, Catalogue t, ChildRequest r, float size, float leading, Tag s) {
        c.tag(s.child("H1"));
        c.line(MARGIN, 66, c.bold(), 16, CONTENT_WIDTH, t.text("pdf.guide.title"));
        Map<String, String> child = Map.of("child", r.child().fullName());
        c.tag(s.child("P"));
        float y = c.paragraph(MARGIN, 80, CONTENT_WIDTH, c.regular(), size, leading, t.text("pdf.guide.intro", child));
        c.tag(s.child("P"));
        y = c.paragraph(MARGIN, y + 8, CONTENT_WIDTH, c.regular(), size, leading, t.text("pdf.guide.print"));
        c.tag(s.child("P"));
        y = c.paragraph(MARGIN, y + 4, CONTENT_WIDTH, c.regular(), size, leading,
                t.text(r.adult() ? "pdf.guide.sign.adult" : "pdf.guide.sign.parent", Map.of("child", r.child().givenNames())));
        if (r.options().contains(RequestOption.LOCK) || r.options().contains(RequestOption.OPT_OUT)) {
            // After a lock or opt-out, new clinics and schools cannot look the shots up: a copy comes first.
            c.tag(s.child("P"));
            y = c.paragraph(MARGIN, y + 4, CONTENT_WIDTH, c.regular(), size, leading, t.text("pdf.guide.record_copy"));
        }
        c.tag(s.child("P"));
        y = c.paragraph(MARGIN, y + 4, CONTENT_WIDTH, c.regular(), size, leading, t.text("pdf.guide.send"));
        float indent = MARGIN + 16;
        float inner = CONTENT_WIDTH - 16;
        // Strongest evidence first; a mail address as it goes on an envelope, one line each.
        Tag routes = s.child("L");
        for (String route : submission.describe(t::text, "pdf.guide.route.", "\n")) {
            c.tag(routes.child("LI").child("LBody"));
            y = c.paragraph(indent, y + 2, inner, c.regular(), size, leading, route);
        }
        c.tag(s.child("P"));
        y = c.paragraph(MARGIN, y + 8, CONTENT_WIDTH, c.bold(), size, leading,
                t.text("pdf.guide.check", Map.of("checked", localDate(t, submission.checked().date()))));

        c.tag(s.child("H2"));
        c.text(MARGIN, y + 24, c.bold(), size + 1.5f, t.text("pdf.guide.next.heading"));
        c.tag(s.child("P"));
        y = c.paragraph(MARGIN, y + 30, CONTENT_WIDTH, c.regular(), size, leading, t.text("pdf.guide.next"));
        c.tag(s.child("H2"));
        c.text(MARGIN, y + 24, c.bold(), size + 1.5f, t.text("pdf.guide.reverse.heading"));
        y += 30;
        Tag list = s.child("L");
        float hang = c.width(c.regular(), size, BULLET + " ");
        for (RequestOption option : RequestPage.MDH_ORDER.stream().filter(r.options()::contains).toList()) {
            Tag item = list.child("LI");
            c.tag(item.child("Lbl"));
            c.text(MARGIN, y + size, c.regular(), size, BULLET);
            c.tag(item.child("LBody"));
            y = c.paragraph(MARGIN + hang, y, CONTENT_WIDTH - hang, c.regular(), size, leading,
                    t.text("pdf.guide.reverse." + option.name().toLowerCase(Locale.ROOT))) + 2;
        }
        c.tag(s.child("P"));
        return c.paragraph(MARGIN, y + 8, CONTENT_WIDTH, c.regular(), size, leading, t.text("pdf.guide.copy"));
    }

    private static String localDate(Catalogue t, LocalDate date) {
        return miicbot.i18n.Dates.format(t, date);
    }
}
