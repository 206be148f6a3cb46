package miicbot.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Reads a PDF the way assistive technology and veraPDF do: its structure tree, and its rules by clause. */
final class TaggedPdf {
    /** One structure element as a reader meets it: its type, its language and its own text (content ids only). */
    record Element(String type, String lang, String text, int depth) { }

    private TaggedPdf() {
    }

    /**
     * The rules veraPDF finds failed for {@code flavour}, one line each: "clause test: description (count)";
     * empty when the document is compliant.
     */
    static List<String> failedRules(byte[] pdf, PDFAFlavour flavour) {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, Long> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .collect(Collectors.groupingBy(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber()
                            + ": " + a.getMessage(), java.util.TreeMap::new, Collectors.counting()));
            List<String> lines = new ArrayList<>();
            failed.forEach((rule, count) -> lines.add(rule + " (" + count + "x)"));
            if (lines.isEmpty() && !result.isCompliant()) {
                lines.add("not compliant, but no failed assertion was reported");
            }
            return lines;
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the form", e);
        }
    }

    /**
     * The structure elements of one page (1-based) in the tree's order, depth first, each with the text of the
     * marked content it holds directly (or its ActualText).
     */
    static List<Element> structure(byte[] pdf, int pageNumber) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(pageNumber - 1);
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            Map<Integer, String> textByMcid = new HashMap<>();
            collect(extractor.getMarkedContents(), textByMcid);
            COSDictionary root = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.STRUCT_TREE_ROOT);
            List<Element> elements = new ArrayList<>();
            if (root != null) {
                walk(root.getDictionaryObject(COSName.K), page.getCOSObject(), textByMcid, 0, elements);
            }
            return elements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(List<PDMarkedContent> contents, Map<Integer, String> textByMcid) {
        for (PDMarkedContent content : contents) {
            StringBuilder text = new StringBuilder();
            for (Object o : content.getContents()) {
                if (o instanceof TextPosition position) {
                    text.append(position.getUnicode());
                } else if (o instanceof PDMarkedContent nested) {
                    collect(List.of(nested), textByMcid);
                }
            }
            if (content.getMCID() >= 0) {
                textByMcid.merge(content.getMCID(), text.toString(), String::concat);
            }
        }
    }

    private static void walk(COSBase node, COSDictionary page, Map<Integer, String> textByMcid, int depth,
                             List<Element> out) {
        if (node instanceof COSArray array) {
            for (COSBase item : array) {
                walk(item instanceof org.apache.pdfbox.cos.COSObject o ? o.getObject() : item, page, textByMcid,
                        depth, out);
            }
            return;
        }
        if (!(node instanceof COSDictionary element)) {
            return;
        }
        COSDictionary elementPage = element.getCOSDictionary(COSName.PG);
        boolean onPage = elementPage == null || elementPage == page;
        StringBuilder text = new StringBuilder();
        COSBase kids = element.getDictionaryObject(COSName.K);
        List<COSBase> list = new ArrayList<>();
        if (kids instanceof COSArray array) {
            array.forEach(k -> list.add(k instanceof org.apache.pdfbox.cos.COSObject o ? o.getObject() : k));
        } else if (kids != null) {
            list.add(kids);
        }
        for (COSBase kid : list) {
            if (kid instanceof COSInteger mcid && onPage) {
                // Each content id is one drawn line (or part of one): a reader pauses between them.
                text.append(text.length() == 0 ? "" : " ").append(textByMcid.getOrDefault(mcid.intValue(), ""));
            }
        }
        String actual = element.getString(COSName.ACTUAL_TEXT);
        int index = out.size();
        if (onPage) {
            out.add(new Element(element.getNameAsString(COSName.S), element.getString(COSName.LANG),
                    actual != null ? actual : text.toString(), depth));
        }
        for (COSBase kid : list) {
            if (kid instanceof COSDictionary) {
                walk(kid, page, textByMcid, depth + 1, out);
            }
        }
        if (!onPage && index == out.size()) {
            return;
        }
    }

    /** The text of an element with everything beneath it, as a reader says it. */
    static String textUnder(List<Element> elements, int index) {
        StringBuilder text = new StringBuilder(elements.get(index).text());
        for (int i = index + 1; i < elements.size() && elements.get(i).depth() > elements.get(index).depth(); i++) {
            text.append(' ').append(elements.get(i).text());
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }
}
