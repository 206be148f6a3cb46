package miicbot.review;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.Relationship;
import miicbot.interview.RequestOption;
import miicbot.interview.Sex;
import miicbot.interview.Submission;
import miicbot.pdf.RequestForm;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Pictures of the request's PDF pages in one language, made from fictional answers, as data: URIs for the kit. */
final class PdfPictures {
    private static final float DPI = 72;

    private PdfPictures() {
    }

    /** One PNG data: URI per page of the PDF a parent would get in {@code language}. */
    static List<String> pages(Language language) throws IOException {
        RequestForm form = new RequestForm(Catalogue.loadAll(null), Submission.load());
        byte[] pdf = form.render(fictional(language));
        List<String> uris = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, DPI);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                uris.add("data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()));
            }
        }
        return uris;
    }

    // Made-up people and places, so the pictures show no one's data.
    private static ChildRequest fictional(Language language) {
        return ChildRequest.builder().language(language).prepared(LocalDate.of(2026, 11, 25))
                .guardian("Zebulon Quixotefeather", Relationship.GUARDIAN).phone("651-555-0123").email("zq@example.org")
                .address("4242 Snapdragon Way", "Saint Paul", "MN", "55101")
                .child("Xylandra Mae", "Quixotefeather").birthDate(LocalDate.of(2017, 2, 13)).sex(Sex.FEMALE)
                .option(RequestOption.OPT_OUT).build();
    }
}
