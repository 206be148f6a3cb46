package miicbot.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * DejaVu Sans, regular and bold, shipped in the jar (see fonts/LICENSE-DejaVu.txt), parsed once per process and
 * shared by every render: drawing only reads the character map and a table of widths copied out at start, and the
 * one thing that reads glyph data, making an embedded subset, holds the font's lock (see {@link Face}).
 */
final class Fonts {
    /** The one parsed set; parsing costs hundreds of milliseconds cold. */
    static final Fonts DEJAVU = new Fonts();

    final Face regular;
    final Face bold;

    private Fonts() {
        regular = new Face(parse("/fonts/DejaVuSans.ttf"));
        bold = new Face(parse("/fonts/DejaVuSans-Bold.ttf"));
    }

    /**
     * The text with every character the fonts cannot draw replaced by '?', and invisible format and control
     * characters removed, so drawing never fails and never silently drops a letter.
     */
    String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean invisible = Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp);
            boolean drawable = cp == ' ' || regular.has(cp) && bold.has(cp);
            if (out == null && (invisible || !drawable)) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && !invisible) {
                out.appendCodePoint(drawable ? cp : '?');
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /** One parsed font with what drawing needs copied out: glyph ids by character and advance widths. */
    static final class Face {
        private final TrueTypeFont ttf;
        private final CmapLookup cmap;
        private final float[] widths; // per glyph id, in thousandths of the font size
        private final char[] bmpGlyphs; // glyph id per character of the Basic Multilingual Plane (DejaVu has < 65536)

        private Face(TrueTypeFont ttf) {
            try {
                this.ttf = ttf;
                // PDFBox would otherwise set "ff", "fi" as one ligature glyph, and a name would no longer extract,
                // copy or read aloud (screen readers) exactly as typed.
                ttf.setEnableGsub(false);
                cmap = ttf.getUnicodeCmapLookup();
                // A flat table: the cmap's own lookup boxes every character into a HashMap key.
                bmpGlyphs = new char[0x10000];
                for (int cp = 0; cp < bmpGlyphs.length; cp++) {
                    bmpGlyphs[cp] = (char) cmap.getGlyphId(cp);
                }
                var metrics = ttf.getHorizontalMetrics();
                float scale = 1000f / ttf.getUnitsPerEm();
                widths = new float[ttf.getNumberOfGlyphs()];
                for (int gid = 0; gid < widths.length; gid++) {
                    widths[gid] = metrics.getAdvanceWidth(gid) * scale;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled DejaVu fonts", e);
            }
        }

        boolean has(int cp) {
            return glyph(cp) > 0;
        }

        /** The glyph id of a printable character; also the character's code in the content stream. */
        int glyph(int cp) {
            return cp < bmpGlyphs.length ? bmpGlyphs[cp] : cmap.getGlyphId(cp);
        }

        /** The width in points of printable text at {@code size}. */
        float width(String printable, float size) {
            float total = 0;
            for (int i = 0; i < printable.length(); ) {
                int cp = printable.codePointAt(i);
                total += widths[glyph(cp)];
                i += Character.charCount(cp);
            }
            return total / 1000f * size;
        }

        /**
         * Runs {@code work} with this font to itself: parsed TrueType tables read glyph data lazily from one shared
         * buffer, which is not safe from two threads at once. Only making a subset needs it, and that is done once
         * per language at start (and for the rare answer with a letter outside the prepared subsets).
         */
        synchronized <T> T exclusive(FontWork<T> work) throws IOException {
            return work.with(ttf);
        }
    }

    interface FontWork<T> {
        T with(TrueTypeFont ttf) throws IOException;
    }

    private static TrueTypeFont parse(String resource) {
        try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the jar: " + resource);
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the bundled font " + resource, e);
        }
    }
}
