package miicbot.pdf;

import java.util.Locale;
import java.util.function.BiFunction;
import miicbot.i18n.Catalogue;
import miicbot.interview.ChildRequest;

/**
 * The answer boxes of page 1, one row each: the section and row it sits in, its place across the 516 pt between
 * the margins, its label's message key, and how its English value comes from the request. Adding a box to the
 * form means adding a row here (and its label to the catalogues); {@link RequestPage} places and draws them all.
 */
enum FormField {
    CHILD_GIVEN(Section.CHILD, 0, 0, 258, "pdf.field.given", (r, en) -> r.child().givenNames()),
    CHILD_LAST(Section.CHILD, 0, 258, 258, "pdf.field.last", (r, en) -> r.child().lastNames()),
    CHILD_OTHER_NAMES(Section.CHILD, 1, 0, 258, "pdf.field.other_names", (r, en) -> r.child().otherNames()),
    CHILD_OTHER_PARENT(Section.CHILD, 1, 258, 258, "pdf.field.other_parent", (r, en) -> r.child().otherParent()),
    CHILD_BIRTH_DATE(Section.CHILD, 2, 0, 172, "pdf.field.birth_date",
            (r, en) -> r.child().birthDate().format(RequestPage.US_DATE)),
    CHILD_SEX(Section.CHILD, 2, 172, 172, "pdf.field.sex", (r, en) -> r.child().sex() == null ? ""
            : en.text("child_sex.choice." + r.child().sex().name().toLowerCase(Locale.ROOT))),
    /** Shown only on an adult's own request: a "No" here was noise for MDH's staff. */
    CHILD_ADULT(Section.CHILD, 2, 344, 172, "pdf.field.adult", (r, en) -> en.text("common.yes"), true),

    PARENT_NAME(Section.PERSON, 0, 0, 344, "pdf.field.parent_name", (r, en) -> r.guardian().fullName()),
    RELATIONSHIP(Section.PERSON, 0, 344, 172, "pdf.field.relationship",
            // The contact's own relationship: "Self" only on the person's own record, a parent's for one they make.
            (r, en) -> en.text("relationship.choice."
                    + r.guardian().relationship().name().toLowerCase(Locale.ROOT))),
    PHONE(Section.PERSON, 1, 0, 172, "pdf.field.phone", (r, en) -> r.guardian().phone()),
    EMAIL(Section.PERSON, 1, 172, 344, "pdf.field.email", (r, en) -> r.guardian().email()),
    STREET(Section.PERSON, 2, 0, 516, "pdf.field.street", (r, en) -> r.guardian().address().street()),
    CITY(Section.PERSON, 3, 0, 258, "pdf.field.city", (r, en) -> r.guardian().address().city()),
    STATE(Section.PERSON, 3, 258, 86, "pdf.field.state", (r, en) -> r.guardian().address().state()),
    ZIP(Section.PERSON, 3, 344, 172, "pdf.field.zip", (r, en) -> r.guardian().address().zip()),

    CLINIC_NAME(Section.CLINIC, 0, 24, 320, "pdf.field.clinic",
            (r, en) -> r.clinic() == null ? "" : r.clinic().name()),
    CLINIC_CITY(Section.CLINIC, 0, 344, 172, "pdf.field.clinic_city",
            (r, en) -> r.clinic() == null ? "" : r.clinic().city());

    /** Where a group of boxes sits: the child's section, the parent's (or adult's contact) section, under the lock option. */
    enum Section { CHILD, PERSON, CLINIC }


    final Section section;
    final int row;
    final float x;
    final float width;
    final String labelKey;
    final boolean adultsOnly;
    private final BiFunction<ChildRequest, Catalogue, String> value;

    FormField(Section section, int row, float x, float width, String labelKey,
              BiFunction<ChildRequest, Catalogue, String> value) {
        this(section, row, x, width, labelKey, value, false);
    }

    FormField(Section section, int row, float x, float width, String labelKey,
              BiFunction<ChildRequest, Catalogue, String> value, boolean adultsOnly) {
        this.section = section;
        this.row = row;
        this.x = x;
        this.width = width;
        this.labelKey = labelKey;
        this.value = value;
        this.adultsOnly = adultsOnly;
    }

    /** The English text that goes in this box for {@code request}. */
    String value(ChildRequest request, Catalogue english) {
        return value.apply(request, english);
    }

    boolean shownFor(boolean adult) {
        return adult || !adultsOnly;
    }
}
