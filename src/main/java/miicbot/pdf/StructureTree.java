package miicbot.pdf;

import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Writes the pages' {@link Tag} trees as the document's structure tree (PDF/UA-1, ISO 14289-1): one Document element
 * holding each page's tree in page order, the parent tree that maps every marked content id back to its element, and
 * the catalog's MarkInfo and language. Every marked content id drawn on a page must be in its tree exactly once.
 */
final class StructureTree {
    /** One page: its tree, the tags a render drew for the tree's slots, and how many content ids it drew. */
    record Page(PDPage page, Tag root, Map<String, List<Tag>> slots, int mcids) { }

    private StructureTree() {
    }

    static void write(PDDocument doc, String language, List<Page> pages) {
        COSDictionary root = new COSDictionary();
        root.setItem(COSName.TYPE, COSName.STRUCT_TREE_ROOT);
        COSDictionary document = new COSDictionary();
        document.setItem(COSName.TYPE, COSName.STRUCT_ELEM);
        document.setItem(COSName.S, COSName.getPDFName("Document"));
        document.setItem(COSName.P, root);
        COSArray documentKids = new COSArray();
        document.setItem(COSName.K, documentKids);
        root.setItem(COSName.K, document);

        COSArray nums = new COSArray();
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            COSDictionary[] owners = new COSDictionary[page.mcids()];
            documentKids.add(element(page.root(), document, page, owners));
            COSArray parents = new COSArray();
            for (int mcid = 0; mcid < owners.length; mcid++) {
                if (owners[mcid] == null) {
                    throw new IllegalStateException("marked content " + mcid + " of page " + (i + 1) + " is untagged");
                }
                parents.add(owners[mcid]);
            }
            page.page().getCOSObject().setInt(COSName.STRUCT_PARENTS, i);
            nums.add(COSInteger.get(i));
            nums.add(parents);
        }
        COSDictionary parentTree = new COSDictionary();
        parentTree.setItem(COSName.NUMS, nums);
        root.setItem(COSName.PARENT_TREE, parentTree);
        root.setInt(COSName.PARENT_TREE_NEXT_KEY, pages.size());

        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        catalog.setItem(COSName.STRUCT_TREE_ROOT, root);
        COSDictionary markInfo = new COSDictionary();
        markInfo.setItem(COSName.getPDFName("Marked"), COSBoolean.TRUE);
        catalog.setItem(COSName.MARK_INFO, markInfo);
        catalog.setString(COSName.LANG, language);
    }

    private static COSDictionary element(Tag tag, COSDictionary parent, Page page, COSDictionary[] owners) {
        COSDictionary element = new COSDictionary();
        element.setItem(COSName.TYPE, COSName.STRUCT_ELEM);
        element.setItem(COSName.S, COSName.getPDFName(tag.type()));
        element.setItem(COSName.P, parent);
        element.setItem(COSName.PG, page.page().getCOSObject());
        if (tag.lang() != null) {
            element.setString(COSName.LANG, tag.lang());
        }
        if (tag.actualText() != null) {
            element.setItem(COSName.ACTUAL_TEXT, new COSString(tag.actualText()));
        }
        COSArray kids = new COSArray();
        for (Object kid : tag.kids()) {
            if (kid instanceof Integer mcid) {
                if (owners[mcid] != null) {
                    throw new IllegalStateException("marked content " + mcid + " is tagged twice");
                }
                owners[mcid] = element;
                kids.add(COSInteger.get(mcid));
            } else if (kid instanceof Tag child) {
                kids.add(element(child, element, page, owners));
            } else if (kid instanceof Tag.Slot slot) {
                for (Tag filled : page.slots().getOrDefault(slot.name(), List.of())) {
                    if (!filled.kids().isEmpty()) { // an empty answer draws nothing: no empty element for it
                        kids.add(element(filled, element, page, owners));
                    }
                }
            } else {
                throw new AssertionError(kid);
            }
        }
        element.setItem(COSName.K, kids);
        return element;
    }
}
