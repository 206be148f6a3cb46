package miicbot.interview;

import java.util.Locale;

/**
 * Every question of the step table, in interview order. Message keys derive from the id: {@code parent_name.prompt},
 * {@code parent_name.title}, {@code parent_name.choice.*}. The engine's own states (welcome, review, ...) are not
 * questions and live in the engine.
 */
public enum StepId {
    ROLE, SIGNER, PARENT_NAME, PARENT_PHONE, ADDRESS, STREET, CITY, STATE, ZIP, PARENT_EMAIL,
    CHILD_FIRST, CHILD_LAST, CHILD_BIRTH_DATE, CHILD_SEX, CHILD_OTHER_NAMES,
    REQUEST, CLINIC, CLINIC_CITY, ALSO_DECLINE, UNDO_WHAT;

    /** The message key stem, e.g. {@code parent_name}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
