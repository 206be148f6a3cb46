package miicbot.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of a page's structure tree, the part of a tagged PDF a screen reader follows: a standard structure
 * type ("H1", "P", "L", ...) and, in reading order, its children and the marked content ids of the text drawn in it.
 * A {@link Canvas} adds content ids as it draws; {@link StructureTree} writes the tree into the document. A prepared
 * page keeps named {@link Slot}s where one request's content goes, so its tree can be shared by every render.
 */
final class Tag {
    /** A place in a prepared tree that a render fills with the tags it drew under {@code name}. */
    record Slot(String name) { }

    private final String type;
    private final Tag parent;
    private final List<Object> kids = new ArrayList<>(); // Tag, Integer (a marked content id) or Slot
    private String lang;
    private String actualText;
    private boolean attached;

    private Tag(String type, Tag parent) {
        this.type = type;
        this.parent = parent;
    }

    /** The top of a tree: a page's section, or a tag that fills a slot. */
    static Tag root(String type) {
        Tag tag = new Tag(type, null);
        tag.attached = true;
        return tag;
    }

    /** A child, placed now after what this tag already holds. */
    Tag child(String type) {
        Tag tag = new Tag(type, this);
        kids.add(tag);
        tag.attached = true;
        return tag;
    }

    /**
     * A span of text in another language; it takes its place among this tag's children only when text is drawn in
     * it, so a translation that starts in the middle of a wrapped line comes after the words before it.
     */
    Tag span(String language) {
        return new Tag("Span", this).lang(language);
    }

    /** The natural language of this tag's text (a BCP 47 tag), where it differs from its parent's. */
    Tag lang(String language) {
        this.lang = language;
        return this;
    }

    /** What a reader should say instead of the drawn text (for a check mark: "Selected"). */
    Tag actualText(String text) {
        this.actualText = text;
        return this;
    }

    /** Marks where a render's tags named {@code name} go among this tag's children. */
    void slot(String name) {
        kids.add(new Slot(name));
    }

    /** Records that marked content {@code mcid} belongs to this tag. */
    void content(int mcid) {
        if (!attached) {
            parent.attach(this);
        }
        kids.add(mcid);
    }

    private void attach(Tag child) {
        if (!attached) {
            parent.attach(this);
        }
        kids.add(child);
        child.attached = true;
    }

    String type() {
        return type;
    }

    String lang() {
        return lang;
    }

    String actualText() {
        return actualText;
    }

    List<Object> kids() {
        return kids;
    }
}
