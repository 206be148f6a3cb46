package miicbot.interview;

/** Who signs the request: a parent or legal guardian for a minor (usual practice), or the person (18+) for themselves. */
public enum Relationship {
    PARENT,
    GUARDIAN,
    /** The person the record is about, 18 or older, asking for their own record. */
    SELF
}
