package miicbot.pdf;

/**
 * Where each answer goes on page 1, as data. Three columns of 168 pt with 6 pt gaps fill the 516 pt between
 * 48 pt margins; rows are 34 pt apart.
 */
public enum RequestLayout {
    CHILD_GIVEN(48, 120, 255), CHILD_LAST(309, 120, 255),
    CHILD_OTHER_NAMES(48, 154, 516),
    CHILD_BIRTH_DATE(48, 188, 168), CHILD_SEX(222, 188, 168), CHILD_ADULT(396, 188, 168),
    PARENT_NAME(48, 250, 342), RELATIONSHIP(396, 250, 168),
    PHONE(48, 284, 168), EMAIL(222, 284, 342),
    STREET(48, 318, 516),
    CITY(48, 352, 255), STATE(309, 352, 78), ZIP(393, 352, 171),
    CLINIC_NAME(72, 484, 312), CLINIC_CITY(390, 484, 174);

    static final float FIELD_HEIGHT = 28;
    static final float MARGIN = 48;
    static final float CONTENT_WIDTH = 516;

    private final Box box;

    RequestLayout(float x, float top, float width) {
        this.box = new Box(x, top, width, FIELD_HEIGHT);
    }

    public Box box() {
        return box;
    }
}
