package miicbot.interview;

import java.util.Locale;

/**
 * Every question the bot asks, in interview order. Message keys derive from the id: {@code parent_name.prompt},
 * {@code parent_name.help}, {@code parent_name.invalid.*}.
 */
public enum StepId {
    WELCOME,
    PARENT_NAME, RELATIONSHIP, PARENT_PHONE, PARENT_EMAIL, STREET, CITY, STATE, ZIP,
    CHILD_FIRST, CHILD_MIDDLE, CHILD_LAST, CHILD_OTHER_NAMES, CHILD_BIRTH_DATE, CHILD_SEX,
    REQUEST, CLINIC_NAME, CLINIC_CITY, ALSO_DECLINE, UNDO_WHAT,
    REVIEW, EDIT, ANOTHER_CHILD, LANGUAGE, DONE;

    /** The message key stem, e.g. {@code parent_name}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
