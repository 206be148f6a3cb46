package miicbot.pdf;

import java.util.List;
import miicbot.i18n.Catalogue;

/**
 * A small box for MDH's staff above page 1's footer, as office forms have: the date received, who processed the
 * request and the person's MIIC ID, each with room to write by hand. In English only, like page 1's notice.
 */
final class OfficeBox {
    /** Its height: a label and room to write by hand. */
    static final float HEIGHT = 34;
    private static final float TITLE_WIDTH = 96;
    private static final List<String> FIELDS = List.of("pdf.field.received", "pdf.field.processed_by",
            "pdf.field.miic_id");

    private OfficeBox() {
    }

    /** Draws the box with its top at {@code top}, tagged as a "Div" of {@code structure}. */
    static void draw(Canvas c, Catalogue en, Tag structure, float top) {
        Tag office = structure.child("Div");
        c.tag(office.child("P"));
        c.paragraph(RequestPage.MARGIN, top + Canvas.PAD, TITLE_WIDTH - 6, c.bold(), 9, 10.5f,
                en.text("pdf.request.mdh_use"));
        float width = (RequestPage.CONTENT_WIDTH - TITLE_WIDTH) / FIELDS.size();
        for (int i = 0; i < FIELDS.size(); i++) {
            Box box = new Box(RequestPage.MARGIN + TITLE_WIDTH + i * width, top, width, HEIGHT);
            Tag field = office.child("Div");
            c.fieldFrame(box, List.of(new Canvas.Run(en.text(FIELDS.get(i)), field.child("P"))), 10f);
        }
    }
}
