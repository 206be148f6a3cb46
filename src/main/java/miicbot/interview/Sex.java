package miicbot.interview;

/** Sex as on the child's medical records; optional on the request. */
public enum Sex {
    FEMALE,
    MALE,
    X
}
