package miicbot.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans, regular and bold, shipped in the jar (see fonts/LICENSE-DejaVu.txt). Parsing the fonts takes tens
 * of milliseconds warm (hundreds cold), so parsed sets are pooled and reused; a parsed font is not documented as
 * safe to share between threads, so each render borrows a set of its own and gives it back.
 */
final class Fonts {
    private static final byte[] REGULAR = read("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = read("/fonts/DejaVuSans-Bold.ttf");
    private static final Queue<Fonts> POOL = new ConcurrentLinkedQueue<>();

    private final TrueTypeFont regular;
    private final TrueTypeFont bold;
    private final CmapLookup regularCmap;
    private final CmapLookup boldCmap;

    private Fonts() {
        try {
            regular = new TTFParser().parse(new RandomAccessReadBuffer(REGULAR));
            bold = new TTFParser().parse(new RandomAccessReadBuffer(BOLD));
            // PDFBox would otherwise set "ff", "fi" as one ligature glyph, and a name would no longer extract,
            // copy or read aloud (screen readers) exactly as typed.
            regular.setEnableGsub(false);
            bold.setEnableGsub(false);
            // Looked up once: finding the cmap subtable is the costliest part of checking a character.
            regularCmap = regular.getUnicodeCmapLookup();
            boldCmap = bold.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the bundled DejaVu fonts", e);
        }
    }

    /** A parsed set no other thread is using: from the pool, or newly parsed when all are in use. */
    static Fonts borrow() {
        Fonts fonts = POOL.poll();
        return fonts != null ? fonts : new Fonts();
    }

    /** Gives a set back to the pool once its document is saved (subsetting reads the font until then). */
    static void giveBack(Fonts fonts) {
        POOL.offer(fonts);
    }

    /** Parses sets ahead of need, so the first forms after a start do not wait for parsing. */
    static void prepare(int sets) {
        for (int i = POOL.size(); i < sets; i++) {
            POOL.offer(new Fonts());
        }
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
            boolean drawable = regularCmap.getGlyphId(cp) > 0 && boldCmap.getGlyphId(cp) > 0;
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
