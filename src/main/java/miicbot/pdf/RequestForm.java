package miicbot.pdf;

import static miicbot.pdf.RequestLayout.CONTENT_WIDTH;
import static miicbot.pdf.RequestLayout.MARGIN;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.Relationship;
import miicbot.interview.RequestOption;
import miicbot.interview.Sex;
import miicbot.interview.Submission;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Renders one child's request as a two-page PDF/A-2b, in memory. Page 1 is the request for MDH, in English (MDH's
 * staff work in English) with the parent's language beside each label when it is not English, so the parent can
 * check it too. Page 2 tells the parent, in their language, how to sign and send it. Safe to call from several
 * threads at once.
 */
public final class RequestForm {
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final float LINE = 24;

    private final Map<Language, Catalogue> catalogues;
    private final Submission submission;

    public RequestForm(Map<Language, Catalogue> catalogues, Submission submission) {
        this.catalogues = Map.copyOf(catalogues);
        this.submission = Objects.requireNonNull(submission);
    }

    /** The PDF for one child's request. */
    public byte[] render(ChildRequest request) {
        Fonts fonts = Fonts.borrow();
        try (PDDocument doc = new PDDocument()) {
            Fonts.Loaded loaded = fonts.embedIn(doc);
            Texts texts = new Texts(catalogues.get(Language.EN), catalogues.get(request.language()));
            requestPage(doc, new PageText(fonts, loaded), texts, request);
            guidePage(doc, new PageText(fonts, loaded), texts.parent, request);
            PdfA.apply(doc, GregorianCalendar.from(request.prepared().atStartOfDay(ZoneId.of("America/Chicago"))));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(40_000);
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the request form", e);
        } finally {
            Fonts.giveBack(fonts);
        }
    }

    /**
     * Renders a fictional request in each language and parses one font set per core, so classes, fonts and caches
     * are loaded before the first parent needs a form.
     */
    public void warmUp() {
        Fonts.prepare(Runtime.getRuntime().availableProcessors());
        var address = new ChildRequest.Address("1 Sample St", "St. Paul", "MN", "55101");
        var guardian = new ChildRequest.Guardian("Sample Parent", Relationship.PARENT, "651-555-0100", "", address);
        var child = new ChildRequest.Child("Sample", "Child", "", LocalDate.of(2020, 1, 1), null);
        for (Language language : Language.values()) {
            render(new ChildRequest(language, guardian, child, Set.of(RequestOption.OPT_OUT), null, LocalDate.now()));
        }
    }

    private void requestPage(PDDocument doc, PageText page, Texts t, ChildRequest r) throws IOException {
        PDPage pdfPage = new PDPage(PDRectangle.LETTER);
        doc.addPage(pdfPage);
        try (PDPageContentStream out = new PDPageContentStream(doc, pdfPage)) {
            Canvas c = page.on(out);
            c.line(MARGIN, 66, c.bold(), 17, CONTENT_WIDTH, t.english.text("pdf.request.title"));
            c.gray(0.25f);
            c.line(MARGIN, 84, c.regular(), 8.5f, CONTENT_WIDTH, t.english.text("pdf.request.to"));
            c.gray(0);

            c.heading(96, "1. " + t.label("pdf.request.section.child"));
            ChildRequest.Child child = r.child();
            c.field(RequestLayout.CHILD_GIVEN.box(), t.label("pdf.field.given"), child.givenNames());
            c.field(RequestLayout.CHILD_LAST.box(), t.label("pdf.field.last"), child.lastNames());
            c.field(RequestLayout.CHILD_OTHER_NAMES.box(), t.label("pdf.field.other_names"), child.otherNames());
            c.field(RequestLayout.CHILD_BIRTH_DATE.box(), t.label("pdf.field.birth_date"),
                    child.birthDate().format(US_DATE));
            c.field(RequestLayout.CHILD_SEX.box(), t.label("pdf.field.sex"),
                    child.sex() == null ? "" : t.english.text(sexKey(child.sex())));
            c.field(RequestLayout.CHILD_ADULT.box(), t.label("pdf.field.adult"),
                    t.english.text(r.adult() ? "common.yes" : "common.no"));

            c.heading(226, "2. " + t.label(r.adult() ? "pdf.request.section.contact" : "pdf.request.section.parent"));
            ChildRequest.Guardian g = r.guardian();
            c.field(RequestLayout.PARENT_NAME.box(), t.label("pdf.field.parent_name"), g.fullName());
            c.field(RequestLayout.RELATIONSHIP.box(), t.label("pdf.field.relationship"),
                    t.english.text("relationship.choice." + g.relationship().name().toLowerCase(Locale.ROOT)));
            c.field(RequestLayout.PHONE.box(), t.label("pdf.field.phone"), g.phone());
            c.field(RequestLayout.EMAIL.box(), t.label("pdf.field.email"), g.email());
            c.field(RequestLayout.STREET.box(), t.label("pdf.field.street"), g.address().street());
            c.field(RequestLayout.CITY.box(), t.label("pdf.field.city"), g.address().city());
            c.field(RequestLayout.STATE.box(), t.label("pdf.field.state"), g.address().state());
            c.field(RequestLayout.ZIP.box(), t.label("pdf.field.zip"), g.address().zip());

            c.heading(390, "3. " + t.label("pdf.request.section.request"));
            float top = 414;
            for (RequestOption option : RequestOption.values()) {
                c.checkBox(MARGIN + 4, top, 12, r.options().contains(option));
                c.text(MARGIN + 24, top + 10, c.regular(), 9.5f, t.english.text("pdf." + option.key()));
                if (t.bilingual()) {
                    c.gray(0.35f);
                    c.text(MARGIN + 24, top + 19, c.regular(), 7, t.parent.text("pdf." + option.key()));
                    c.gray(0);
                }
                top += LINE;
                if (option == RequestOption.LOCK) {
                    ChildRequest.Clinic clinic = r.clinic();
                    c.field(RequestLayout.CLINIC_NAME.box(), t.label("pdf.field.clinic"),
                            clinic == null ? "" : clinic.name());
                    c.field(RequestLayout.CLINIC_CITY.box(), t.label("pdf.field.clinic_city"),
                            clinic == null ? "" : clinic.city());
                    top = RequestLayout.CLINIC_NAME.box().bottom() + 6;
                }
            }

            c.heading(590, "4. " + t.label("pdf.request.section.signature"));
            String statement = r.adult() ? "pdf.statement.adult" : "pdf.statement.parent";
            float y = c.paragraph(MARGIN, 614, CONTENT_WIDTH, c.regular(), 9, 11.5f, t.english.text(statement));
            if (t.bilingual()) {
                c.gray(0.35f);
                y = c.paragraph(MARGIN, y + 1, CONTENT_WIDTH, c.regular(), 7.5f, 9.5f, t.parent.text(statement));
                c.gray(0);
            }
            String signer = r.adult() ? child.fullName() : g.fullName();
            c.text(MARGIN, y + 14, c.regular(), 9, t.english.text("pdf.sign.printed", Map.of("name", signer)));
            float line = y + 46;
            c.rule(MARGIN, line, 330);
            c.rule(MARGIN + 350, line, 166);
            c.text(MARGIN, line + 10, c.regular(), 7.5f, t.label(r.adult() ? "pdf.sign.adult" : "pdf.sign.parent"));
            c.text(MARGIN + 350, line + 10, c.regular(), 7.5f, t.label("pdf.sign.date"));

            c.gray(0.35f);
            c.footer(MARGIN, 758, 772, CONTENT_WIDTH, c.regular(), 6.5f, 8, t.english.text("pdf.request.not_official") + " " + t.english.text("pdf.request.footer",
                    Map.of("date", r.prepared().format(US_DATE))));
            c.gray(0);
        }
    }

    private void guidePage(PDDocument doc, PageText page, Catalogue t, ChildRequest r) throws IOException {
        PDPage pdfPage = new PDPage(PDRectangle.LETTER);
        doc.addPage(pdfPage);
        try (PDPageContentStream out = new PDPageContentStream(doc, pdfPage)) {
            Canvas c = page.on(out);
            float size = 10.5f;
            float leading = 14;
            c.line(MARGIN, 66, c.bold(), 16, CONTENT_WIDTH, t.text("pdf.guide.title"));
            Map<String, String> child = Map.of("child", r.child().fullName());
            float y = c.paragraph(MARGIN, 80, CONTENT_WIDTH, c.regular(), size, leading, t.text("pdf.guide.intro", child));
            y = c.paragraph(MARGIN, y + 8, CONTENT_WIDTH, c.regular(), size, leading, t.text("pdf.guide.print"));
            y = c.paragraph(MARGIN, y + 4, CONTENT_WIDTH, c.regular(), size, leading,
                    t.text(r.adult() ? "pdf.guide.sign.adult" : "pdf.guide.sign.parent", Map.of("child", r.child().givenNames())));
            if (r.options().contains(RequestOption.LOCK) || r.options().contains(RequestOption.OPT_OUT)) {
                // After a lock or opt-out, new clinics and schools cannot look the shots up: a copy comes first.
                y = c.paragraph(MARGIN, y + 4, CONTENT_WIDTH, c.regular(), size, leading, t.text("pdf.guide.record_copy"));
            }
            y = c.paragraph(MARGIN, y + 4, CONTENT_WIDTH, c.regular(), size, leading, t.text("pdf.guide.send"));
            float indent = MARGIN + 16;
            float inner = CONTENT_WIDTH - 16;
            // Strongest evidence first; a mail address as it goes on an envelope, one line each.
            for (String route : submission.describe(t::text, "pdf.guide.route.", "\n")) {
                y = c.paragraph(indent, y + 2, inner, c.regular(), size, leading, route);
            }
            y = c.paragraph(MARGIN, y + 8, CONTENT_WIDTH, c.bold(), size, leading,
                    t.text("pdf.guide.check", Map.of("checked", localDate(t, submission.checked().date()))));

            c.text(MARGIN, y + 24, c.bold(), 12, t.text("pdf.guide.next.heading"));
            y = c.paragraph(MARGIN, y + 30, CONTENT_WIDTH, c.regular(), size, leading, t.text("pdf.guide.next"));
            c.text(MARGIN, y + 24, c.bold(), 12, t.text("pdf.guide.reverse.heading"));
            y += 30;
            for (RequestOption option : EnumSet.copyOf(r.options())) {
                y = c.paragraph(MARGIN, y, CONTENT_WIDTH, c.regular(), size, leading,
                        "• " + t.text("pdf.guide.reverse." + option.name().toLowerCase(Locale.ROOT))) + 2;
            }
            c.paragraph(MARGIN, y + 8, CONTENT_WIDTH, c.regular(), size, leading, t.text("pdf.guide.copy"));
            c.gray(0.35f);
            c.footer(MARGIN, 758, 772, CONTENT_WIDTH, c.regular(), 7, 9, t.text("pdf.guide.footer"));
            c.gray(0);
        }
    }

    private static String sexKey(Sex sex) {
        return "child_sex.choice." + sex.name().toLowerCase(Locale.ROOT);
    }

    private static String localDate(Catalogue t, LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(t.language().code())));
    }

    /** The English catalogue for MDH and the parent's, for bilingual labels. */
    private record Texts(Catalogue english, Catalogue parent) {
        boolean bilingual() {
            return parent.language() != Language.EN;
        }

        String label(String key) {
            return bilingual() ? english.text(key) + " / " + parent.text(key) : english.text(key);
        }
    }

    /** The fonts of one document, ready to draw on its pages. */
    private record PageText(Fonts fonts, Fonts.Loaded loaded) {
        Canvas on(PDPageContentStream out) {
            return new Canvas(out, fonts, loaded);
        }
    }
}
