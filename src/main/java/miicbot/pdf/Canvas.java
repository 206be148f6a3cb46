package miicbot.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Drawing on one page in top-down coordinates: text, wrapped paragraphs, labelled answer boxes whose text shrinks
 * to fit and then wraps, check boxes and lines. It writes PDF content operators itself (text as glyph ids of the
 * shared {@link Fonts}), so drawing needs no per-document font object and several canvases can make up one page.
 * Every string is made printable by {@link Fonts} first; the characters drawn in each face are kept, so the
 * document can check that its embedded subsets hold them.
 */
final class Canvas {
    /** Fax-safe sizes: nothing on page 1 is smaller than 8 pt (issue 11). */
    static final float LABEL_SIZE = 8f;
    static final float LABEL_LEADING = 9f;
    static final float VALUE_SIZE = 10.5f;
    static final float MIN_VALUE_SIZE = 8f;
    static final float PAD = 3f;
    /** The darkest gray used for secondary text: 35 % gray is 65 % black, darker than fax-safe 60 %. */
    static final float SECONDARY = 0.35f;

    private final Fonts fonts = Fonts.DEJAVU;
    private final StringBuilder ops = new StringBuilder(4096);
    private final StringBuilder regularChars = new StringBuilder();
    private final StringBuilder boldChars = new StringBuilder();

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
        (face == fonts.bold ? boldChars : regularChars).append(printable);
        ops.append("BT /").append(face == fonts.bold ? "F2 " : "F1 ");
        num(size).append(" Tf ");
        num(x).append(' ');
        num(Box.pdfY(baseline)).append(" Td <");
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            int gid = face.glyph(cp);
            for (int shift = 12; shift >= 0; shift -= 4) {
                ops.append(Character.forDigit((gid >> shift) & 0xF, 16));
            }
            i += Character.charCount(cp);
        }
        ops.append("> Tj ET\n");
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
        num(level).append(' ');
        num(level).append(' ');
        num(level).append(" rg\n");
    }

    float width(Fonts.Face face, float size, String text) {
        return face.width(fonts.printable(text), size);
    }

    /** Draws a paragraph wrapped to {@code width}; returns the distance from the top just below its last line. */
    float paragraph(float x, float top, float width, Fonts.Face face, float size, float leading, String text) {
        float baseline = top + size;
        for (String paragraph : text.split("\n")) {
            for (String line : wrap(paragraph, face, size, width)) {
                text(x, baseline, face, size, line);
                baseline += leading;
            }
        }
        return baseline - size + (leading - size);
    }

    /** A section heading on a light gray band, wrapped when long; returns the band's bottom. */
    float heading(float top, String title) {
        float size = 9.5f;
        float leading = 11.5f;
        List<String> lines = wrap(title, bold(), size, RequestPage.CONTENT_WIDTH - 10);
        float height = lines.size() * leading + 5;
        gray(0.88f); // a fill behind black text, not text itself
        rect(RequestPage.MARGIN, top, RequestPage.CONTENT_WIDTH, height);
        ops.append("f\n");
        gray(0);
        float baseline = top + 3 + size;
        for (String line : lines) {
            text(RequestPage.MARGIN + 5, baseline, bold(), size, line);
            baseline += leading;
        }
        return top + height;
    }

    /** A box's frame and its label, wrapped at {@link #LABEL_SIZE} (never cut); the static part of a field. */
    void fieldFrame(Box box, String label) {
        ops.append("0.6 w 0.35 0.35 0.35 RG\n");
        rect(box.x(), box.top(), box.width(), box.height());
        ops.append("S\n");
        gray(SECONDARY);
        float baseline = box.top() + PAD + LABEL_SIZE - 1;
        for (String line : labelLines(label, box.width())) {
            text(box.x() + PAD, baseline, regular(), LABEL_SIZE, line);
            baseline += LABEL_LEADING;
        }
        gray(0);
    }

    /** The lines a label takes in a box of {@code width}. */
    List<String> labelLines(String label, float width) {
        return wrap(label, regular(), LABEL_SIZE, width - 2 * PAD);
    }

    /**
     * The answer in a box whose label takes {@code labelLines} lines: one line shrunk to fit, else wrapped. Only an
     * answer too long for the box at 8 pt (longer than the interview accepts) goes smaller.
     */
    void fieldValue(Box box, int labelLines, String value) {
        if (value.isEmpty()) {
            return;
        }
        float inner = box.width() - 2 * PAD;
        float valueTop = box.top() + PAD + labelLines * LABEL_LEADING + 1;
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
        ops.append("0.9 w 0 0 0 RG\n");
        rect(x, top, size, size);
        ops.append("S\n");
    }

    /** The bold X that checks a box drawn by {@link #checkBox}. */
    void check(float x, float top, float size) {
        float glyph = size * 0.9f;
        float w = width(bold(), glyph, "X");
        text(x + (size - w) / 2, top + size * 0.82f, bold(), glyph, "X");
    }

    /** A horizontal rule for ink: a signature or date line. */
    void rule(float x, float top, float length) {
        ops.append("0.8 w 0 0 0 RG\n");
        num(x).append(' ');
        num(Box.pdfY(top)).append(" m ");
        num(x + length).append(' ');
        num(Box.pdfY(top)).append(" l S\n");
    }

    private void rect(float x, float top, float width, float height) {
        num(x).append(' ');
        num(Box.pdfY(top + height)).append(' ');
        num(width).append(' ');
        num(height).append(" re ");
    }

    /** Greedy word wrap; a word wider than the line is broken between characters. */
    List<String> wrap(String text, Fonts.Face face, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        float space = face.width(" ", size);
        for (String word : fonts.printable(text).split(" ")) {
            float wordWidth = face.width(word, size);
            float candidate = line.length() == 0 ? wordWidth : lineWidth + space + wordWidth;
            if (candidate <= width) {
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
                lineWidth = candidate;
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
            }
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                String letter = Character.toString(cp);
                float letterWidth = face.width(letter, size);
                if (lineWidth + letterWidth > width && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                line.append(letter);
                lineWidth += letterWidth;
                i += Character.charCount(cp);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
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
        return deflate(ops.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Flate-compresses bytes, as a PDF stream with /Filter /FlateDecode holds them. */
    static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Appends a number with at most two decimals, as PDF operators want it (no exponent, no locale). */
    private StringBuilder num(float value) {
        long hundredths = Math.round(value * 100.0);
        if (hundredths < 0) {
            ops.append('-');
            hundredths = -hundredths;
        }
        ops.append(hundredths / 100);
        long fraction = hundredths % 100;
        if (fraction != 0) {
            ops.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                ops.append(fraction % 10);
            }
        }
        return ops;
    }
}
