package miicbot.interview;

/** Who is asking for the child. Only a parent or legal guardian may ask for a minor. */
public enum Relationship {
    PARENT,
    GUARDIAN;

    public String key() {
        return "relationship." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
