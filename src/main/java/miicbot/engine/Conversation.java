package miicbot.engine;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import miicbot.i18n.Language;

/**
 * One chat's interview as it stands. Immutable: the engine returns a changed copy.
 *
 * @param language     the language the bot speaks in this chat
 * @param place        the question being asked now, or one of the engine's own stages
 * @param ask          the number of the question being asked (0 before the first one); a tap on a button of
 *                     another number is stale
 * @param answers      normalised answers: the parent's, and the current child's
 * @param editing      the place was reached through the review, so the answer leads back there
 * @param resume       where to return after an interruption such as /language; null when none
 * @param childrenDone how many children's requests were made in this conversation
 * @param earlier      the previous child's own answers, offered again by "same as" buttons; empty for the first
 * @param unsure       an answer kept aside until the parent confirms it (a one-letter last name); null when none
 * @param readings     the readings of an answer that can be read in more than one way, offered as buttons until
 *                     one is tapped; empty when none
 * @param typedMessages the parent's messages that hold a typed personal answer, by the adapter's own number for a
 *                     message, kept until the review shows those answers and the adapter may delete them all at
 *                     once; empty when none (the chat service keeps it, the engine only carries it)
 */
public record Conversation(Language language, Place place, int ask, Map<StepId, String> answers, boolean editing,
                           Place resume, int childrenDone, Map<StepId, String> earlier, String unsure,
                           List<Parsed.Reading> readings, List<Long> typedMessages) {

    public Conversation {
        Objects.requireNonNull(language);
        Objects.requireNonNull(place);
        answers = ordered(answers);
        earlier = ordered(earlier == null ? Map.of() : earlier);
        readings = readings == null ? List.of() : List.copyOf(readings);   // null in conversations stored before
        typedMessages = typedMessages == null ? List.of() : List.copyOf(typedMessages); // the same
    }

    public Conversation(Language language, Place place, int ask, Map<StepId, String> answers, boolean editing,
                        Place resume, int childrenDone, Map<StepId, String> earlier, String unsure,
                        List<Parsed.Reading> readings) {
        this(language, place, ask, answers, editing, resume, childrenDone, earlier, unsure, readings, List.of());
    }

    public Conversation(Language language, Place place, int ask, Map<StepId, String> answers, boolean editing,
                        Place resume, int childrenDone, Map<StepId, String> earlier, String unsure) {
        this(language, place, ask, answers, editing, resume, childrenDone, earlier, unsure, List.of());
    }

    private static Map<StepId, String> ordered(Map<StepId, String> answers) {
        // Sorted by name, so the same answers are always stored as the same bytes; the interview gives the order asked.
        return Collections.unmodifiableMap(new TreeMap<>(answers));
    }

    /** A new chat, before the welcome. */
    public static Conversation start(Language language) {
        return new Conversation(language, Place.of(Stage.WELCOME), 0, Map.of(), false, null, 0, Map.of(), null);
    }

    public boolean started() {
        return ask > 0;
    }

    public Stage stage() {
        return place.stage();
    }

    /** The table question being asked, or null at one of the engine's own stages. */
    public StepId step() {
        return place.step();
    }

    public String answer(StepId id) {
        return answers.get(id);
    }

    public Conversation withLanguage(Language newLanguage) {
        return new Conversation(newLanguage, place, ask, answers, editing, resume, childrenDone, earlier, unsure,
                readings);
    }

    public Conversation withAnswer(StepId id, String value) {
        Map<StepId, String> copy = new TreeMap<>();
        copy.putAll(answers);
        copy.put(id, value);
        return withAnswers(copy);
    }

    public Conversation withAnswers(Map<StepId, String> newAnswers) {
        return new Conversation(language, place, ask, newAnswers, editing, resume, childrenDone, earlier, unsure,
                readings);
    }

    /** Moves to {@code next}, numbering the new question. */
    public Conversation at(Place next, boolean nowEditing, Place nowResume) {
        return new Conversation(language, next, ask + 1, answers, nowEditing, nowResume, childrenDone, earlier, null);
    }

    public Conversation withChildrenDone(int done) {
        return new Conversation(language, place, ask, answers, editing, resume, done, earlier, unsure, readings);
    }

    /** The same conversation with {@code previous} as the earlier child's answers. */
    public Conversation withEarlier(Map<StepId, String> previous) {
        return new Conversation(language, place, ask, answers, editing, resume, childrenDone, previous, unsure,
                readings);
    }

    /** The same question, with {@code value} kept aside until confirmed (or null to drop it); no readings. */
    public Conversation withUnsure(String value) {
        return new Conversation(language, place, ask, answers, editing, resume, childrenDone, earlier, value);
    }

    /** The same conversation keeping {@code messages} as the parent's typed answers still in the chat. */
    public Conversation withTypedMessages(List<Long> messages) {
        return new Conversation(language, place, ask, answers, editing, resume, childrenDone, earlier, unsure,
                readings, messages);
    }

    /** The same question, with the readings of the last answer offered as buttons (empty to drop them). */
    public Conversation withReadings(List<Parsed.Reading> offered) {
        return new Conversation(language, place, ask, answers, editing, resume, childrenDone, earlier, null, offered);
    }
}
