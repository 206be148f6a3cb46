package miicbot.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans, regular and bold, shipped in the jar (see fonts/LICENSE-DejaVu.txt). Parsing a font takes a few
 * hundred milliseconds cold, so each thread parses it once and reuses it; a parsed font is not documented as safe
 * to share between threads, hence one per thread rather than one per JVM.
 */
final class Fonts {
    private static final byte[] REGULAR = read("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = read("/fonts/DejaVuSans-Bold.ttf");
    private static final ThreadLocal<Fonts> PER_THREAD = ThreadLocal.withInitial(Fonts::new);

    private final TrueTypeFont regular;
    private final TrueTypeFont bold;

    private Fonts() {
        try {
            regular = new TTFParser().parse(new RandomAccessReadBuffer(REGULAR));
            bold = new TTFParser().parse(new RandomAccessReadBuffer(BOLD));
            // PDFBox would otherwise set "ff", "fi" as one ligature glyph, and a name would no longer extract,
            // copy or read aloud (screen readers) exactly as typed.
            regular.setEnableGsub(false);
            bold.setEnableGsub(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the bundled DejaVu fonts", e);
        }
    }

    static Fonts forThisThread() {
        return PER_THREAD.get();
    }

    /** The two fonts as subsets embedded in {@code doc}. */
    Loaded embedIn(PDDocument doc) throws IOException {
        return new Loaded(PDType0Font.load(doc, regular, true), PDType0Font.load(doc, bold, true));
    }

    /**
     * The text with every character the fonts cannot draw replaced by '?', and invisible format and control
     * characters removed, so drawing never fails and never silently drops a letter.
     */
    String printable(String text) throws IOException {
        StringBuilder out = new StringBuilder(text.length());
        for (int cp : text.codePoints().toArray()) {
            if (Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)) {
                continue;
            }
            boolean drawable = regular.getUnicodeCmapLookup().getGlyphId(cp) > 0
                    && bold.getUnicodeCmapLookup().getGlyphId(cp) > 0;
            out.appendCodePoint(drawable || cp == ' ' ? cp : '?');
        }
        return out.toString();
    }

    record Loaded(PDType0Font regular, PDType0Font bold) { }

    private static byte[] read(String resource) {
        try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
