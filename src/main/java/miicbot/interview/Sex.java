package miicbot.interview;

/** Sex as on the child's medical records; optional on the request. */
public enum Sex {
    FEMALE,
    MALE,
    X;

    public String key() {
        return "sex." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
