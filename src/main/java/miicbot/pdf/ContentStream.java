package miicbot.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/** The PDF content operators of one page, written as text, and Flate-compressed when done. */
final class ContentStream {
    private final StringBuilder ops = new StringBuilder(4096);

    ContentStream append(String text) {
        ops.append(text);
        return this;
    }

    ContentStream append(char c) {
        ops.append(c);
        return this;
    }

    ContentStream append(long number) {
        ops.append(number);
        return this;
    }

    /** Appends a number with at most two decimals, as PDF operators want it (no exponent, no locale). */
    ContentStream num(float value) {
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
        return this;
    }

    /** A rectangle path in top-down coordinates: its top-left at (x, top). */
    void rect(float x, float top, float width, float height) {
        num(x).append(' ');
        num(Box.pdfY(top + height)).append(' ');
        num(width).append(' ');
        num(height).append(" re ");
    }

    /** The operators written so far, Flate-compressed, ready to be a page content stream. */
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
}
