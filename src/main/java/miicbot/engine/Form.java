package miicbot.engine;

/**
 * What an interview makes of one child's answers at the review: the filled request the adapter renders and
 * delivers ({@link Reply.SendForm}). The engine knows only whom it is about; the interview decides the rest.
 */
public interface Form {
    /** Whom the form is about, as one line: the caption's {@code {child}} and the PDF's file name. */
    String subject();
}
