package miicbot.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A subset of one {@link Fonts.Face}, made once by PDFBox's own embedder and kept as plain bytes and values, so
 * each document gets fresh font objects in microseconds instead of subsetting the font again. Text for it is
 * written as glyph ids (PDFBox's subsets keep the original glyph ids as character codes, mapped by their
 * CIDToGIDMap), so one content stream suits every subset that holds its characters.
 */
final class EmbeddedFont {
    // The sorted, distinct code points this subset can draw, searched by halves: a form asks for thousands.
    private final int[] codePoints;
    private final Node font;

    private EmbeddedFont(int[] codePoints, Node font) {
        this.codePoints = codePoints;
        this.font = font;
    }

    /** A subset of {@code face} holding every character of {@code characters}. */
    static EmbeddedFont subset(Fonts.Face face, String characters) {
        int[] sorted = characters.codePoints().filter(face::has).sorted().distinct().toArray();
        try {
            return face.exclusive(ttf -> {
                try (PDDocument scratch = new PDDocument()) {
                    PDType0Font font = PDType0Font.load(scratch, ttf, true);
                    Arrays.stream(sorted).forEach(font::addToSubset);
                    font.subset();
                    return new EmbeddedFont(sorted, Node.of(font.getCOSObject()));
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot subset the bundled font", e);
        }
    }

    /** True when every character of the printable {@code text} is in this subset. */
    boolean covers(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp != ' ' && Arrays.binarySearch(codePoints, cp) < 0) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** The characters of this subset, in code point order. */
    String characters() {
        return new String(codePoints, 0, codePoints.length);
    }

    /** New font objects for {@code doc}; nothing is shared with other documents. */
    COSDictionary addTo(PDDocument doc) throws IOException {
        return (COSDictionary) font.create(doc);
    }

    /** An immutable copy of a COS object tree; streams keep their encoded bytes. */
    private sealed interface Node {
        COSBase create(PDDocument doc) throws IOException;

        static Node of(COSBase base) throws IOException {
            if (base instanceof COSObject object) {
                return of(object.getObject());
            }
            if (base instanceof COSStream stream) {
                byte[] raw;
                try (InputStream in = stream.createRawInputStream()) {
                    raw = in.readAllBytes();
                }
                return new Stream(entries(stream), raw);
            }
            if (base instanceof COSDictionary dict) {
                return new Dict(entries(dict));
            }
            if (base instanceof COSArray array) {
                List<Node> items = new ArrayList<>();
                for (int i = 0; i < array.size(); i++) {
                    items.add(of(array.get(i)));
                }
                return new Array(List.copyOf(items));
            }
            if (base instanceof COSString string) {
                return new Text(string.getBytes().clone());
            }
            if (base instanceof COSFloat number) {
                return new Real(number.floatValue());
            }
            if (base instanceof COSName || base instanceof COSInteger || base instanceof COSBoolean
                    || base == null || base instanceof COSNull) {
                return new Shared(base == null ? COSNull.NULL : base); // immutable; PDFBox shares these itself
            }
            throw new IllegalArgumentException("unexpected font object " + base.getClass().getSimpleName());
        }

        private static Map<COSName, Node> entries(COSDictionary dict) throws IOException {
            Map<COSName, Node> entries = new LinkedHashMap<>();
            for (Map.Entry<COSName, COSBase> e : dict.entrySet()) {
                if (!e.getKey().equals(COSName.LENGTH)) { // the writer sets it
                    entries.put(e.getKey(), of(e.getValue()));
                }
            }
            return Map.copyOf(entries);
        }
    }

    private record Dict(Map<COSName, Node> entries) implements Node {
        public COSBase create(PDDocument doc) throws IOException {
            return fill(new COSDictionary(), entries, doc);
        }
    }

    private record Stream(Map<COSName, Node> entries, byte[] raw) implements Node {
        public COSBase create(PDDocument doc) throws IOException {
            COSStream stream = doc.getDocument().createCOSStream();
            fill(stream, entries, doc);
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(raw);
            }
            return stream;
        }
    }

    private record Array(List<Node> items) implements Node {
        public COSBase create(PDDocument doc) throws IOException {
            COSArray array = new COSArray();
            for (Node item : items) {
                array.add(item.create(doc));
            }
            return array;
        }
    }

    private record Text(byte[] bytes) implements Node {
        public COSBase create(PDDocument doc) {
            return new COSString(bytes);
        }
    }

    private record Real(float value) implements Node {
        public COSBase create(PDDocument doc) {
            return new COSFloat(value);
        }
    }

    private record Shared(COSBase value) implements Node {
        public COSBase create(PDDocument doc) {
            return value;
        }
    }

    private static COSDictionary fill(COSDictionary dict, Map<COSName, Node> entries, PDDocument doc)
            throws IOException {
        for (Map.Entry<COSName, Node> e : entries.entrySet()) {
            dict.setItem(e.getKey(), e.getValue().create(doc));
        }
        return dict;
    }

}
