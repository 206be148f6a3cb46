package miicbot.pdf;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import miicbot.i18n.Catalogue;
import miicbot.interview.ChildRequest;
import miicbot.interview.RequestOption;

/**
 * Page 1, the request for MDH's staff, split in two: everything that is the same for every request in one
 * language (title, notice, headings, labels, boxes, the options, the statement) is laid out and drawn once, when the
 * form starts; {@link #answers} then draws only one request's answers onto positions kept from that layout. The
 * layout flows from the top, so a label that needs two lines makes its row taller instead of being cut.
 */
final class RequestPage {
    static final java.time.format.DateTimeFormatter US_DATE = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy");
    static final float MARGIN = 48;
    static final float CONTENT_WIDTH = 516;
    /** MDH's order on its own pages: reminders, limit access, opt out, then the undo options (issue 11). */
    static final List<RequestOption> MDH_ORDER = List.of(RequestOption.DECLINE_REMINDERS, RequestOption.LOCK,
            RequestOption.OPT_OUT, RequestOption.RESUME_REMINDERS, RequestOption.UNLOCK, RequestOption.OPT_BACK_IN);
    private static final float CHECK = 12;
    private static final float SUMMARY_SIZE = 9.5f;
    private static final float SUMMARY_LEADING = 11.5f;
    private static final float FOOTER_SIZE = 8;
    private static final float FOOTER_LEADING = 9.5f;

    private final Texts texts;
    private final boolean adult;
    private final Map<FormField, Box> boxes = new EnumMap<>(FormField.class);
    private final Map<FormField, Integer> labelLines = new EnumMap<>(FormField.class);
    private final Map<RequestOption, Box> checkBoxes = new EnumMap<>(RequestOption.class);
    private float summaryTop;
    private float signerBaseline;
    private float footerTop;
    private final Canvas fixed = new Canvas();
    private final byte[] fixedContent;

    private RequestPage(Texts texts, boolean adult) {
        this.texts = texts;
        this.adult = adult;
        draw();
        fixedContent = fixed.deflated();
    }

    /** Lays out and draws the fixed part of page 1 for one language, for an adult's own request or a parent's. */
    static RequestPage of(Texts texts, boolean adult) {
        return new RequestPage(texts, adult);
    }

    private void draw() {
        Canvas c = fixed;
        Catalogue en = texts.english();
        c.line(MARGIN, 46, c.bold(), 17, CONTENT_WIDTH, en.text("pdf.request.title"));
        c.gray(0.25f);
        float y = c.paragraph(MARGIN, 52, CONTENT_WIDTH, c.regular(), 8.5f, 10.5f, en.text("pdf.request.to"));
        c.gray(0);
        // Near the title, not only in the footer: this is not MDH's own form (issue 11).
        y = c.paragraph(MARGIN, y + 2, CONTENT_WIDTH, c.bold(), 9, 11, en.text("pdf.request.not_official"));
        // In English only: it is addressed to MDH's staff; the chat and page 2 speak to the parent.

        y = c.heading(y + 4, "1. " + texts.label("pdf.request.section.child"));
        y = boxes(FormField.Section.CHILD, y);
        y = c.heading(y + 4, "2. " + texts.label(adult ? "pdf.request.section.contact" : "pdf.request.section.parent"));
        y = boxes(FormField.Section.PERSON, y);

        y = c.heading(y + 4, "3. " + texts.label("pdf.request.section.request"));
        summaryTop = y + 5; // two lines kept for the one-line summary, which wraps when a clinic's name is long
        y = summaryTop + 2 * SUMMARY_LEADING + 3;
        // Two columns: MDH's three options on the left, each one's undo beside it, all with the same weight.
        float column = (CONTENT_WIDTH - 12) / 2;
        for (int row = 0; row < 3; row++) {
            float bottom = y + CHECK;
            for (int col = 0; col < 2; col++) {
                RequestOption option = MDH_ORDER.get(row + 3 * col);
                float x = MARGIN + col * (column + 12);
                c.checkBox(x + 2, y, CHECK);
                checkBoxes.put(option, new Box(x + 2, y, CHECK, CHECK));
                float below = c.paragraph(x + 20, y + 1, column - 20, c.regular(), 9, 10.5f,
                        en.text("pdf." + option.key()));
                if (texts.bilingual()) {
                    c.gray(Canvas.SECONDARY);
                    below = c.paragraph(x + 20, below - 1, column - 20, c.regular(), 8, 9,
                            texts.parent().text("pdf." + option.key()));
                    c.gray(0);
                }
                bottom = Math.max(bottom, below);
            }
            y = bottom + 3;
            if (MDH_ORDER.get(row) == RequestOption.LOCK) {
                y = boxes(FormField.Section.CLINIC, y) + 4;
            }
        }

        y = c.heading(y + 2, "4. " + texts.label("pdf.request.section.signature"));
        String statement = adult ? "pdf.statement.adult" : "pdf.statement.parent";
        y = c.paragraph(MARGIN, y + 5, CONTENT_WIDTH, c.regular(), 9, 10.5f, en.text(statement));
        if (texts.bilingual()) {
            c.gray(Canvas.SECONDARY);
            y = c.paragraph(MARGIN, y + 1, CONTENT_WIDTH, c.regular(), 8, 9, texts.parent().text(statement));
            c.gray(0);
        }
        signerBaseline = y + 13;
        float line = signerBaseline + 24;
        c.rule(MARGIN, line, 330);
        c.rule(MARGIN + 350, line, 166);
        y = c.paragraph(MARGIN, line + 3, 330, c.regular(), 8, 9, texts.label(adult ? "pdf.sign.adult" : "pdf.sign.parent"));
        c.paragraph(MARGIN + 350, line + 3, 166, c.regular(), 8, 9, texts.label("pdf.sign.date"));

        // The footer sits at the bottom; its date always has the same length (MM/DD/YYYY).
        int footerLines = c.wrap(footer("01/01/2000"), c.regular(), FOOTER_SIZE, CONTENT_WIDTH).size();
        footerTop = Box.PAGE_HEIGHT - 20 - footerLines * FOOTER_LEADING;
        if (y > footerTop - 4) {
            throw new IllegalStateException("page 1 overflows in " + texts.parent().language() + " by "
                    + (y - footerTop + 4) + " pt");
        }
    }

    /** Places and draws the boxes of one section, row by row; returns the bottom of the last row. */
    private float boxes(FormField.Section section, float top) {
        float y = top;
        for (int row = 0; ; row++) {
            List<FormField> inRow = new ArrayList<>();
            for (FormField field : FormField.values()) {
                if (field.section == section && field.row == row && field.shownFor(adult)) {
                    inRow.add(field);
                }
            }
            if (inRow.isEmpty()) {
                return y;
            }
            int lines = 1;
            for (FormField field : inRow) {
                lines = Math.max(lines, fixed.labelLines(texts.label(field.labelKey), field.width).size());
            }
            // Room for the label and for an answer on two lines at 8 pt (2 x 8.4 pt).
            float height = Canvas.PAD + lines * Canvas.LABEL_LEADING + 1 + 17 + Canvas.PAD / 2;
            for (FormField field : inRow) {
                Box box = new Box(MARGIN + field.x, y, field.width, height);
                boxes.put(field, box);
                labelLines.put(field, lines);
                fixed.fieldFrame(box, texts.label(field.labelKey));
            }
            y += height;
        }
    }

    /** Draws one request's answers: the summary, the boxes' values, the checks, the signer and the footer. */
    Canvas answers(ChildRequest r) {
        Canvas c = new Canvas();
        Catalogue en = texts.english();
        float size = SUMMARY_SIZE;
        String summary = summary(r, en);
        List<String> lines = c.wrap(summary, c.regular(), size, CONTENT_WIDTH);
        while (lines.size() > 2 && size > 8) {
            size -= 0.5f;
            lines = c.wrap(summary, c.regular(), size, CONTENT_WIDTH);
        }
        float baseline = summaryTop + size;
        for (String line : lines) {
            c.text(MARGIN, baseline, c.regular(), size, line);
            baseline += SUMMARY_LEADING;
        }
        for (Map.Entry<FormField, Box> e : boxes.entrySet()) {
            c.fieldValue(e.getValue(), labelLines.get(e.getKey()), e.getKey().value(r, en));
        }
        for (RequestOption option : r.options()) {
            Box box = checkBoxes.get(option);
            c.check(box.x(), box.top(), CHECK);
        }
        String signer = adult ? r.child().fullName() : r.guardian().fullName();
        c.text(MARGIN, signerBaseline, c.regular(), 9, en.text("pdf.sign.printed", Map.of("name", signer)));
        c.gray(Canvas.SECONDARY);
        c.paragraph(MARGIN, footerTop, CONTENT_WIDTH, c.regular(), FOOTER_SIZE, FOOTER_LEADING,
                footer(r.prepared().format(US_DATE)));
        c.gray(0);
        return c;
    }

    /** "Requested: limit access to …; decline reminders", in English for MDH, options in MDH's order. */
    static String summary(ChildRequest r, Catalogue english) {
        List<String> parts = new ArrayList<>();
        for (RequestOption option : MDH_ORDER) {
            if (r.options().contains(option)) {
                Map<String, String> clinic = r.clinic() == null ? Map.of()
                        : Map.of("clinic", r.clinic().name(), "city", r.clinic().city());
                parts.add(english.text("pdf.summary." + option.name().toLowerCase(java.util.Locale.ROOT), clinic));
            }
        }
        return english.text("pdf.request.requested", Map.of("summary", String.join("; ", parts)));
    }

    private String footer(String date) {
        return texts.english().text("pdf.request.footer", Map.of("date", date));
    }

    byte[] fixedContent() {
        return fixedContent;
    }

    /** The characters the fixed part draws, so the language's font subsets can hold them. */
    Canvas fixedCanvas() {
        return fixed;
    }

    /** Where an option's check box is. */
    Box checkBox(RequestOption option) {
        return checkBoxes.get(option);
    }

    /** Where a box is for this language (for tests and for the sample). */
    Box box(FormField field) {
        return boxes.get(field);
    }

    Texts texts() {
        return texts;
    }
}
