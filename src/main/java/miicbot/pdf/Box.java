package miicbot.pdf;

/**
 * A rectangle on a US Letter page, measured in points from the page's top-left corner (as a reader sees it, and as
 * PDFBox's text extraction reports positions).
 */
public record Box(float x, float top, float width, float height) {
    public static final float PAGE_WIDTH = 612;
    public static final float PAGE_HEIGHT = 792;

    public float right() {
        return x + width;
    }

    public float bottom() {
        return top + height;
    }

    /** The PDF y coordinate (from the bottom) of a distance {@code fromTop} below the page's top. */
    static float pdfY(float fromTop) {
        return PAGE_HEIGHT - fromTop;
    }
}
