package miicbot.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Drawing on one page in top-down coordinates: text, wrapped paragraphs, labelled answer boxes whose text shrinks
 * to fit and then wraps, check boxes and lines. Every string is made printable by {@link Fonts} first.
 */
final class Canvas {
    static final float VALUE_SIZE = 10.5f;
    static final float MIN_VALUE_SIZE = 6f;
    private static final float LABEL_SIZE = 6.5f;
    private static final float PAD = 3f;

    private final PDPageContentStream out;
    private final Fonts fonts;
    private final Fonts.Loaded loaded;

    Canvas(PDPageContentStream out, Fonts fonts, Fonts.Loaded loaded) {
        this.out = out;
        this.fonts = fonts;
        this.loaded = loaded;
    }

    PDFont regular() {
        return loaded.regular();
    }

    PDFont bold() {
        return loaded.bold();
    }

    /** One line of text with its baseline {@code baseline} points below the page top. */
    void text(float x, float baseline, PDFont font, float size, String text) throws IOException {
        String printable = fonts.printable(text);
        if (printable.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, Box.pdfY(baseline));
        out.showText(printable);
        out.endText();
    }

    /** One line that must not wrap: drawn at {@code size}, or smaller (down to 5 pt) until it fits {@code width}. */
    void line(float x, float baseline, PDFont font, float size, float width, String text) throws IOException {
        float fitted = size;
        while (fitted > 5 && width(font, fitted, text) > width) {
            fitted -= 0.25f;
        }
        text(x, baseline, font, fitted, text);
    }

    /**
     * A footer: a paragraph whose last line ends at {@code bottom}, so a longer text grows up the page instead of
     * off its edge; it never starts above {@code highestTop}.
     */
    void footer(float x, float highestTop, float bottom, float width, PDFont font, float size, float leading,
                String text) throws IOException {
        int lines = 0;
        for (String paragraph : text.split("\n")) {
            lines += wrap(paragraph, font, size, width).size();
        }
        paragraph(x, Math.min(highestTop, bottom - lines * leading), width, font, size, leading, text);
    }

    void gray(float level) throws IOException {
        out.setNonStrokingColor(level, level, level);
    }

    float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(fonts.printable(text)) / 1000f * size;
    }

    /** Draws a paragraph wrapped to {@code width}; returns the distance from the top just below its last line. */
    float paragraph(float x, float top, float width, PDFont font, float size, float leading, String text)
            throws IOException {
        float baseline = top + size;
        for (String paragraph : text.split("\n")) {
            for (String line : wrap(paragraph, font, size, width)) {
                text(x, baseline, font, size, line);
                baseline += leading;
            }
        }
        return baseline - size + (leading - size);
    }

    /** A section heading on a light gray band. */
    void heading(float top, String title) throws IOException {
        gray(0.88f);
        out.addRect(RequestLayout.MARGIN, Box.pdfY(top + 18), RequestLayout.CONTENT_WIDTH, 18);
        out.fill();
        gray(0);
        float size = 10;
        while (size > 6 && width(bold(), size, title) > RequestLayout.CONTENT_WIDTH - 10) {
            size -= 0.5f;
        }
        text(RequestLayout.MARGIN + 5, top + 13, bold(), size, title);
    }

    /** A labelled box holding one answer: the label small at the top, the answer shrunk to fit, then wrapped. */
    void field(Box box, String label, String value) throws IOException {
        out.setLineWidth(0.6f);
        out.setStrokingColor(0.35f, 0.35f, 0.35f);
        out.addRect(box.x(), Box.pdfY(box.bottom()), box.width(), box.height());
        out.stroke();
        gray(0.3f);
        text(box.x() + PAD, box.top() + PAD + LABEL_SIZE - 1, regular(), LABEL_SIZE, fitLabel(label, box.width()));
        gray(0);
        float inner = box.width() - 2 * PAD;
        float valueTop = box.top() + PAD + LABEL_SIZE + 1;
        float room = box.bottom() - PAD / 2 - valueTop;
        for (float size = VALUE_SIZE; size >= MIN_VALUE_SIZE; size -= 0.5f) {
            if (width(regular(), size, value) <= inner && size <= room) {
                text(box.x() + PAD, valueTop + size * 0.85f + (room - size) / 2, regular(), size, value);
                return;
            }
        }
        // Too long for one line even at the smallest size: wrap, at the largest size whose lines all fit.
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

    private String fitLabel(String label, float width) throws IOException {
        String fitted = label;
        while (fitted.length() > 4 && width(regular(), LABEL_SIZE, fitted) > width - 2 * PAD) {
            fitted = fitted.substring(0, fitted.length() - 2) + "…";
        }
        return fitted;
    }

    /** A square check box with its top-left at (x, top); checked boxes hold a bold X. */
    void checkBox(float x, float top, float size, boolean checked) throws IOException {
        out.setLineWidth(0.9f);
        out.setStrokingColor(0f, 0f, 0f);
        out.addRect(x, Box.pdfY(top + size), size, size);
        out.stroke();
        if (checked) {
            float glyph = size * 0.9f;
            float w = width(bold(), glyph, "X");
            text(x + (size - w) / 2, top + size * 0.82f, bold(), glyph, "X");
        }
    }

    /** A horizontal rule for ink: a signature or date line. */
    void rule(float x, float top, float length) throws IOException {
        out.setLineWidth(0.8f);
        out.setStrokingColor(0f, 0f, 0f);
        out.moveTo(x, Box.pdfY(top));
        out.lineTo(x + length, Box.pdfY(top));
        out.stroke();
    }

    /** Greedy word wrap; a word wider than the line is broken between characters. */
    List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : fonts.printable(text).split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int cp : word.codePoints().toArray()) {
                String next = line.toString() + Character.toString(cp);
                if (width(font, size, next) > width && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
