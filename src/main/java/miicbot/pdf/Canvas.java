package miicbot.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drawing on one page in top-down coordinates: text, wrapped paragraphs, labelled answer boxes whose text shrinks
 * to fit and then wraps, check boxes and lines. It writes PDF content operators itself (text as glyph ids of the
 * shared {@link Fonts}), so drawing needs no per-document font object and several canvases can make up one page.
 * Every string is made printable by {@link Fonts} first; the characters drawn in each face are kept, so the
 * document can check that its embedded subsets hold them.
 *
 * <p>Everything drawn is tagged (PDF/UA): text is marked content that belongs to the current {@link Tag}, and
 * frames, bands, boxes and rules are artifacts, which a screen reader skips. Drawing text with no tag is a bug and
 * throws.
 */
final class Canvas {
    /** Fax- and reader-safe sizes: no text is smaller than 9 pt. */
    static final float LABEL_SIZE = 9f;
    static final float VALUE_SIZE = 10.5f;
    static final float MIN_VALUE_SIZE = 9f;
    static final float PAD = 3f;
    /** The darkest gray used for secondary text: 35 % gray is 65 % black, darker than fax-safe 60 %. */
    static final float SECONDARY = 0.35f;

    private final Fonts fonts = Fonts.DEJAVU;
    private final ContentStream ops = new ContentStream();
    private final StringBuilder regularChars = new StringBuilder();
    private final StringBuilder boldChars = new StringBuilder();
    private final Map<String, List<Tag>> slots = new HashMap<>();
    private int nextMcid;
    private Tag tag;

    Canvas() {
        this(0);
    }

    /** A canvas whose marked content ids start at {@code firstMcid}: the ids a page's earlier content stream used. */
    Canvas(int firstMcid) {
        this.nextMcid = firstMcid;
    }

    /** One run of a paragraph whose words belong to {@code tag} (a span in another language, say). */
    record Run(String text, Tag tag) { }

    /** Text drawn from now on belongs to {@code tag}. */
    void tag(Tag tag) {
        this.tag = tag;
    }

    Tag tag() {
        return tag;
    }

    /** A new tag of {@code type} that fills the prepared page's slot {@code slot}; text drawn from now on is in it. */
    Tag fill(String slot, String type) {
        Tag filled = Tag.root(type);
        slots.computeIfAbsent(slot, s -> new ArrayList<>()).add(filled);
        tag = filled;
        return filled;
    }

    /** The tags drawn for each slot. */
    Map<String, List<Tag>> slots() {
        return slots;
    }

    /** The next free marked content id: how many this page has used so far. */
    int mcids() {
        return nextMcid;
    }

    Fonts.Face regular() {
        return fonts.regular;
    }

    Fonts.Face bold() {
        return fonts.bold;
    }

    /** One line of text with its baseline {@code baseline} points below the page top. */
    void text(float x, float baseline, Fonts.Face face, float size, String text) {
        String printable = fonts.printable(text);
        if (printable.isBlank()) {
            return;
        }
        if (tag == null) {
            throw new IllegalStateException("text drawn outside any tag: a screen reader would not find it");
        }
        (face == fonts.bold ? boldChars : regularChars).append(printable);
        int mcid = nextMcid++;
        tag.content(mcid);
        ops.append('/').append(tag.type()).append(" <</MCID ").append(mcid).append(">> BDC ");
        ops.append("BT /").append(face == fonts.bold ? "F2 " : "F1 ");
        ops.num(size).append(" Tf ");
        ops.num(x).append(' ');
        ops.num(Box.pdfY(baseline)).append(" Td <");
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            int gid = face.glyph(cp);
            for (int shift = 12; shift >= 0; shift -= 4) {
                ops.append(Character.forDigit((gid >> shift) & 0xF, 16));
            }
            i += Character.charCount(cp);
        }
        ops.append("> Tj ET EMC\n");
    }

    /** One line that must not wrap: drawn at {@code size}, or smaller (down to 5 pt) until it fits {@code width}. */
    void line(float x, float baseline, Fonts.Face face, float size, float width, String text) {
        float fitted = size;
        while (fitted > 5 && width(face, fitted, text) > width) {
            fitted -= 0.25f;
        }
        text(x, baseline, face, fitted, text);
    }

    /**
     * A footer: a paragraph whose last line ends at {@code bottom}, so a longer text grows up the page instead of
     * off its edge; it never starts above {@code highestTop}.
     */
    void footer(float x, float highestTop, float bottom, float width, Fonts.Face face, float size, float leading,
                String text) {
        int lines = 0;
        for (String paragraph : text.split("\n")) {
            lines += wrap(paragraph, face, size, width).size();
        }
        paragraph(x, Math.min(highestTop, bottom - lines * leading), width, face, size, leading, text);
    }

    /** The fill colour for what follows: 0 is black, 1 white. */
    void gray(float level) {
        ops.num(level).append(' ');
        ops.num(level).append(' ');
        ops.num(level).append(" rg\n");
    }

    float width(Fonts.Face face, float size, String text) {
        return face.width(fonts.printable(text), size);
    }

    /** Draws a paragraph wrapped to {@code width}; returns the distance from the top just below its last line. */
    float paragraph(float x, float top, float width, Fonts.Face face, float size, float leading, String text) {
        return paragraph(x, top, width, face, size, leading, List.of(new Run(text, tag)));
    }

    /**
     * A paragraph made of runs that may belong to different tags (an English label and its translation), wrapped
     * as one text: a line where one run ends and the next begins is drawn in two parts, each in its own tag.
     */
    float paragraph(float x, float top, float width, Fonts.Face face, float size, float leading, List<Run> runs) {
        StringBuilder all = new StringBuilder();
        int[] ends = new int[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            // Printable line by line: a line break is a control character that printable() would drop.
            ends[i] = all.append(String.join("\n", java.util.Arrays.stream(runs.get(i).text().split("\n", -1))
                    .map(fonts::printable).toList())).length();
        }
        String text = all.toString();
        Tag before = tag;
        float baseline = top + size;
        int pos = 0;
        for (String paragraph : text.split("\n")) {
            for (String line : wrap(paragraph, face, size, width)) {
                int start = Math.max(pos, text.indexOf(line, pos));
                int end = start + line.length();
                float dx = 0;
                for (int i = 0; i < runs.size(); i++) {
                    int from = Math.max(start, i == 0 ? 0 : ends[i - 1]);
                    int to = Math.min(end, ends[i]);
                    if (from < to) {
                        String part = text.substring(from, to);
                        tag = runs.get(i).tag();
                        text(x + dx, baseline, face, size, part);
                        dx += face.width(part, size);
                    }
                }
                pos = end;
                baseline += leading;
            }
        }
        tag = before;
        return baseline - size + (leading - size);
    }

    /** A section heading on a light gray band, wrapped when long; returns the band's bottom. */
    float heading(float top, List<Run> title) {
        float size = 9.5f;
        float leading = 11.5f;
        String all = title.stream().map(Run::text).collect(java.util.stream.Collectors.joining());
        List<String> lines = wrap(all, bold(), size, RequestPage.CONTENT_WIDTH - 10);
        float height = lines.size() * leading + 5;
        ops.append("/Artifact BMC\n");
        gray(0.88f); // a fill behind black text, not text itself
        ops.rect(RequestPage.MARGIN, top, RequestPage.CONTENT_WIDTH, height);
        ops.append("f\n");
        gray(0);
        ops.append("EMC\n");
        paragraph(RequestPage.MARGIN + 5, top + 3, RequestPage.CONTENT_WIDTH - 10, bold(), size, leading, title);
        return top + height;
    }

    /** A box's frame and its label, wrapped at {@link #LABEL_SIZE} (never cut); the static part of a field. */
    void fieldFrame(Box box, List<Run> label, float leading) {
        ops.append("/Artifact BMC 0.6 w 0.35 0.35 0.35 RG\n");
        ops.rect(box.x(), box.top(), box.width(), box.height());
        ops.append("S EMC\n");
        gray(SECONDARY);
        paragraph(box.x() + PAD, box.top() + PAD - 1, box.width() - 2 * PAD, regular(), LABEL_SIZE, leading, label);
        gray(0);
    }

    /** The lines a label takes in a box of {@code width}. */
    List<String> labelLines(String label, float width) {
        return wrap(label, regular(), LABEL_SIZE, width - 2 * PAD);
    }

    /**
     * The answer in a box whose label is {@code labelHeight} tall: one line shrunk to fit, else wrapped. Only an
     * answer too long for the box at 9 pt (longer than the interview accepts) goes smaller.
     */
    void fieldValue(Box box, float labelHeight, String value) {
        if (value.isEmpty()) {
            return;
        }
        float inner = box.width() - 2 * PAD;
        float valueTop = box.top() + PAD + labelHeight + 1;
        float room = box.bottom() - PAD / 2 - valueTop;
        for (float size = VALUE_SIZE; size >= MIN_VALUE_SIZE; size -= 0.5f) {
            if (width(regular(), size, value) <= inner && size <= room) {
                text(box.x() + PAD, valueTop + size * 0.85f + (room - size) / 2, regular(), size, value);
                return;
            }
        }
        for (float size = VALUE_SIZE; size >= 4f; size -= 0.5f) {
            List<String> lines = wrap(value, regular(), size, inner);
            if (lines.size() * size * 1.05f <= room) {
                float baseline = valueTop + size * 0.85f;
                for (String line : lines) {
                    text(box.x() + PAD, baseline, regular(), size, line);
                    baseline += size * 1.05f;
                }
                return;
            }
        }
        throw new IllegalArgumentException("an answer of " + value.length() + " characters does not fit its box");
    }

    /** A square check box with its top-left at (x, top). */
    void checkBox(float x, float top, float size) {
        ops.append("/Artifact BMC 0.9 w 0 0 0 RG\n");
        ops.rect(x, top, size, size);
        ops.append("S EMC\n");
    }

    /** The bold X that checks a box drawn by {@link #checkBox}. */
    void check(float x, float top, float size) {
        float glyph = size * 0.9f;
        float w = width(bold(), glyph, "X");
        text(x + (size - w) / 2, top + size * 0.82f, bold(), glyph, "X");
    }

    /** A horizontal rule for ink: a signature or date line. */
    void rule(float x, float top, float length) {
        ops.append("/Artifact BMC 0.8 w 0 0 0 RG\n");
        ops.num(x).append(' ');
        ops.num(Box.pdfY(top)).append(" m ");
        ops.num(x + length).append(' ');
        ops.num(Box.pdfY(top)).append(" l S EMC\n");
    }

    /** Greedy word wrap; a word wider than the line is broken between characters. */
    List<String> wrap(String text, Fonts.Face face, float size, float width) {
        return WordWrap.lines(fonts.printable(text), face, size, width);
    }

    /** The characters drawn so far in the regular face, and in the bold one. */
    String regularChars() {
        return regularChars.toString();
    }

    String boldChars() {
        return boldChars.toString();
    }

    /** The operators drawn so far, Flate-compressed, ready to be a page content stream. */
    byte[] deflated() {
        return ops.deflated();
    }
}
