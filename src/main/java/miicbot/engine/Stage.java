package miicbot.engine;

/**
 * Where a conversation stands, as far as the engine is concerned: at one of its own states, or at a QUESTION of the
 * step table (which one is the conversation's {@code step}).
 */
public enum Stage {
    WELCOME, QUESTION, REVIEW, EDIT, ANOTHER_CHILD, LANGUAGE, DONE
}
