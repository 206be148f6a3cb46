package miicbot.pdf;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.Relationship;
import miicbot.interview.RequestOption;
import miicbot.interview.Sex;
import miicbot.interview.Submission;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;

/** Fictional requests and PDF read-back helpers for the form tests. */
final class Pdfs {
    static final LocalDate PREPARED = LocalDate.of(2026, 11, 25);

    private Pdfs() {
    }

    static RequestForm form() {
        return new RequestForm(catalogues(), Submission.load());
    }

    static Map<Language, Catalogue> catalogues() {
        Map<Language, Catalogue> catalogues = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            catalogues.put(language, Catalogue.load(language, null));
        }
        return catalogues;
    }

    /**
     * A pseudo-locale in the Spanish slot: every Spanish text with its letters accented and padded about 40 %
     * longer, "[Ŝöý ļà màðŕé ~~~~~~]", placeholders kept, so a layout that only fits today's texts shows up.
     */
    static RequestForm pseudoForm() {
        Map<Language, Catalogue> catalogues = catalogues();
        Catalogue es = catalogues.get(Language.ES);
        Map<String, String> padded = new java.util.HashMap<>();
        for (String key : es.keys()) {
            padded.put(key, miicbot.i18n.PseudoLocale.pseudo(es.text(key)));
        }
        catalogues.put(Language.ES, new Catalogue(Language.ES, padded));
        return new RequestForm(catalogues, Submission.load());
    }


    static ChildRequest request(Language language, Set<RequestOption> options, ChildRequest.Clinic clinic) {
        ChildRequest.Builder r = ChildRequest.builder().language(language).prepared(PREPARED).options(options)
                .guardian("Zebulon Quixotefeather", Relationship.GUARDIAN).phone("651-555-0123").email("zq@example.org")
                .address("4242 Snapdragon Way", "Saint Paul", "MN", "55101-1234")
                .child("Xylandra Mae", "Quixotefeather").otherNames("Xyla Smith").birthDate(LocalDate.of(2017, 2, 13))
                .sex(Sex.FEMALE);
        return (clinic == null ? r : r.clinic(clinic.name(), clinic.city())).build();
    }

    static ChildRequest withNames(ChildRequest r, String first, String last, String parent) {
        return r.toBuilder().guardianName(parent).child(first, last).build();
    }

    /** The text of one page (1-based), in reading order. */
    static String pageText(byte[] pdf, int page) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text inside a rectangle of one page, whitespace collapsed to single spaces. */
    static String textIn(byte[] pdf, int page, Box box) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.setSortByPosition(true);
            stripper.addRegion("box", new Rectangle2D.Float(box.x(), box.top(), box.width(), box.height()));
            stripper.extractRegions(doc.getPage(page - 1));
            return stripper.getTextForRegion("box").replaceAll("\\s+", " ").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One drawn character with its position (top-down, points). */
    record Glyph(String text, float x, float y, float width, float height) { }

    static List<Glyph> glyphs(byte[] pdf, int page) {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        glyphs.add(new Glyph(p.getUnicode(), p.getXDirAdj(), p.getYDirAdj(), p.getWidthDirAdj(),
                                p.getHeightDir()));
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return glyphs;
    }
}
