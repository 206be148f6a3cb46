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
 *
 * <p>The fixed part's {@link Tag} tree is prepared with it; a render's answers fill its slots: a field is a "Div"
 * holding its label and its answer, the options are a list whose items are labelled "Selected" when checked.
 */
final class RequestPage {
    static final java.time.format.DateTimeFormatter US_DATE = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy");
    static final float MARGIN = 48;
    static final float CONTENT_WIDTH = 516;
    /** MDH's order on its own pages: reminders, limit access, opt out, then the undo options ("Data Privacy and MIIC Records"). */
    static final List<RequestOption> MDH_ORDER = List.of(RequestOption.DECLINE_REMINDERS, RequestOption.LOCK,
            RequestOption.OPT_OUT, RequestOption.RESUME_REMINDERS, RequestOption.UNLOCK, RequestOption.OPT_BACK_IN);
    private static final float CHECK = 12;
    private static final float SUMMARY_SIZE = 9.5f;
    private static final float SUMMARY_LEADING = 11.5f;
    private static final float FOOTER_SIZE = 9;
    private static final float FOOTER_LEADING = 10f;
    /** What a screen reader says for a check mark; page 1 is in English for MDH's staff. */
    static final String SELECTED = "Selected: ";

    private final Texts texts;
    private final boolean adult;
    /** Whether the page has the "For MDH use" box (every bundled language has room for it). */
    private final boolean officeBox;
    /** The leading of 9 pt labels and translations, and the room for a one-line answer: less on a compact page. */
    private final float leading;
    private final float valueRoom;
    private float overflow;
    private final Map<FormField, Box> boxes = new EnumMap<>(FormField.class);
    private final Map<FormField, Float> labelHeights = new EnumMap<>(FormField.class);
    private final Map<RequestOption, Box> checkBoxes = new EnumMap<>(RequestOption.class);
    private float summaryTop;
    private float signerBaseline;
    private float footerTop;
    private final Canvas fixed = new Canvas();
    private final Tag structure = Tag.root("Sect");
    private final byte[] fixedContent;

    private RequestPage(Texts texts, boolean adult, boolean compact, boolean officeBox) {
        this.texts = texts;
        this.adult = adult;
        this.officeBox = officeBox;
        this.leading = compact ? 9.5f : 10f;
        this.valueRoom = compact ? 11f : 14f;
        draw();
        fixedContent = fixed.deflated();
    }

    /**
     * Lays out and draws the fixed part of page 1 for one language, for an adult's own request or a parent's; a
     * language whose texts are too long for the page gets tighter lines rather than smaller letters, and, if still
     * too long, no "For MDH use" box.
     */
    static RequestPage of(Texts texts, boolean adult) {
        RequestPage page = new RequestPage(texts, adult, false, true);
        if (page.overflow > 0) {
            page = new RequestPage(texts, adult, true, true);
        }
        if (page.overflow > 0) {
            // The request itself comes first: only a translation too long for the page loses MDH's office box.
            page = new RequestPage(texts, adult, true, false);
        }
        if (page.overflow > 0) {
            throw new IllegalStateException("page 1 overflows in " + texts.parent().language() + " by "
                    + page.overflow + " pt");
        }
        return page;
    }

    private void draw() {
        Canvas c = fixed;
        Catalogue en = texts.english();
        c.tag(structure.child("H1"));
        c.line(MARGIN, 46, c.bold(), 17, CONTENT_WIDTH, en.text("pdf.request.title"));
        c.gray(0.25f);
        c.tag(structure.child("P"));
        float y = c.paragraph(MARGIN, 52, CONTENT_WIDTH, c.regular(), 9, 10.5f, en.text("pdf.request.to"));
        c.gray(0);
        // Near the title, not only in the footer: this is not MDH's own form.
        c.tag(structure.child("P"));
        y = c.paragraph(MARGIN, y + 2, CONTENT_WIDTH, c.bold(), 9, 11, en.text("pdf.request.not_official"));
        // In English only: it is addressed to MDH's staff; the chat and page 2 speak to the parent.

        y = c.heading(y + 4, texts.label("1. ", "pdf.request.section.child", structure.child("H2")));
        y = boxes(FormField.Section.CHILD, y, structure);
        y = c.heading(y + 4, texts.label("2. ", adult ? "pdf.request.section.contact" : "pdf.request.section.parent",
                structure.child("H2")));
        y = boxes(FormField.Section.PERSON, y, structure);

        y = c.heading(y + 4, texts.label("3. ", "pdf.request.section.request", structure.child("H2")));
        structure.slot("summary");
        summaryTop = y + 5; // two lines kept for the one-line summary, which wraps when a clinic's name is long
        y = summaryTop + 2 * SUMMARY_LEADING + 3;
        // Read in MDH's order: each option an item whose label (a check mark) a render fills when it is checked.
        Tag list = structure.child("L");
        Map<RequestOption, Tag> bodies = new EnumMap<>(RequestOption.class);
        for (RequestOption option : MDH_ORDER) {
            Tag item = list.child("LI");
            item.slot("check." + option.name());
            bodies.put(option, item.child("LBody"));
        }
        // Two columns: MDH's three options on the left, each one's undo beside it, all with the same weight.
        float column = (CONTENT_WIDTH - 12) / 2;
        for (int row = 0; row < 3; row++) {
            float bottom = y + CHECK;
            for (int col = 0; col < 2; col++) {
                RequestOption option = MDH_ORDER.get(row + 3 * col);
                float x = MARGIN + col * (column + 12);
                c.checkBox(x + 2, y, CHECK);
                checkBoxes.put(option, new Box(x + 2, y, CHECK, CHECK));
                c.tag(bodies.get(option).child("P"));
                float below = c.paragraph(x + 20, y + 1, column - 20, c.regular(), 9, 10.5f,
                        en.text("pdf." + option.key()));
                if (texts.bilingual()) {
                    c.gray(Canvas.SECONDARY);
                    c.tag(bodies.get(option).child("P").lang(texts.parent().language().code()));
                    below = c.paragraph(x + 20, below - 1, column - 20, c.regular(), 9, leading,
                            texts.parent().text("pdf." + option.key()));
                    c.gray(0);
                }
                bottom = Math.max(bottom, below);
            }
            y = bottom + 3;
            if (MDH_ORDER.get(row) == RequestOption.LOCK) {
                y = boxes(FormField.Section.CLINIC, y, bodies.get(RequestOption.LOCK)) + 4;
            }
        }

        y = c.heading(y + 2, texts.label("4. ", "pdf.request.section.signature", structure.child("H2")));
        String statement = adult ? "pdf.statement.adult" : "pdf.statement.parent";
        c.tag(structure.child("P"));
        y = c.paragraph(MARGIN, y + 5, CONTENT_WIDTH, c.regular(), 9, 10.5f, en.text(statement));
        if (texts.bilingual()) {
            c.gray(Canvas.SECONDARY);
            c.tag(structure.child("P").lang(texts.parent().language().code()));
            y = c.paragraph(MARGIN, y + 1, CONTENT_WIDTH, c.regular(), 9, leading, texts.parent().text(statement));
            c.gray(0);
        }
        structure.slot("signer");
        signerBaseline = y + 13;
        float line = signerBaseline + 24;
        c.rule(MARGIN, line, 330);
        c.rule(MARGIN + 350, line, 166);
        y = c.paragraph(MARGIN, line + 3, 330, c.regular(), 9, leading,
                texts.label("", adult ? "pdf.sign.adult" : "pdf.sign.parent", structure.child("P")));
        c.paragraph(MARGIN + 350, line + 3, 166, c.regular(), 9, leading,
                texts.label("", "pdf.sign.date", structure.child("P")));

        // The footer sits at the bottom; its date always has the same length (MM/DD/YYYY).
        int footerLines = c.wrap(footer("01/01/2000"), c.regular(), FOOTER_SIZE, CONTENT_WIDTH).size();
        footerTop = Box.PAGE_HEIGHT - 20 - footerLines * FOOTER_LEADING;
        float bottom = footerTop - 4;
        if (officeBox) {
            bottom = footerTop - 6 - OfficeBox.HEIGHT;
            OfficeBox.draw(fixed, texts.english(), structure, bottom);
            bottom -= 8;
        }
        structure.slot("footer");
        overflow = y - bottom;
    }

    /** Places and draws the boxes of one section, row by row, each a "Div" in {@code parent}; returns the bottom. */
    private float boxes(FormField.Section section, float top, Tag parent) {
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
            // Room for the label and for a one-line answer at 10.5 pt (a long answer wraps smaller).
            float height = Canvas.PAD + lines * leading + 1 + valueRoom + Canvas.PAD / 2;
            for (FormField field : inRow) {
                Box box = new Box(MARGIN + field.x, y, field.width, height);
                boxes.put(field, box);
                labelHeights.put(field, lines * leading);
                Tag div = parent.child("Div");
                fixed.fieldFrame(box, texts.label("", field.labelKey, div.child("P")), leading);
                div.slot("field." + field.name());
            }
            y += height;
        }
    }

    /** Draws one request's answers: the summary, the boxes' values, the checks, the signer and the footer. */
    Canvas answers(ChildRequest r) {
        Canvas c = new Canvas(fixed.mcids());
        Catalogue en = texts.english();
        c.fill("summary", "P");
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
            c.fill("field." + e.getKey().name(), "P");
            c.fieldValue(e.getValue(), labelHeights.get(e.getKey()), e.getKey().value(r, en));
        }
        for (RequestOption option : r.options()) {
            Box box = checkBoxes.get(option);
            c.fill("check." + option.name(), "Lbl").actualText(SELECTED);
            c.check(box.x(), box.top(), CHECK);
        }
        String signer = adult ? r.child().fullName() : r.guardian().fullName();
        c.fill("signer", "P");
        c.text(MARGIN, signerBaseline, c.regular(), 9, en.text("pdf.sign.printed", Map.of("name", signer)));
        c.gray(Canvas.SECONDARY);
        c.fill("footer", "P");
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

    /** The fixed part's structure, with slots for {@link #answers}. */
    Tag structure() {
        return structure;
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

    boolean hasOfficeBox() {
        return officeBox;
    }

    Texts texts() {
        return texts;
    }
}
