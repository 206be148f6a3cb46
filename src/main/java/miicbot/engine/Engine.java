package miicbot.engine;

import java.time.LocalDate;
import java.util.Map;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.Submission;

/** The conversation engine (work in progress: the step table and flow land next). */
public final class Engine {
    private final Map<Language, Catalogue> catalogues;
    private final Submission submission;

    public Engine(Map<Language, Catalogue> catalogues, Submission submission) {
        this.catalogues = Map.copyOf(catalogues);
        this.submission = submission;
    }

    /** The one pure step: what {@code event} does to {@code conversation} on {@code today}. */
    public Outcome next(Conversation conversation, Event event, LocalDate today) {
        throw new UnsupportedOperationException("not yet");
    }
}
