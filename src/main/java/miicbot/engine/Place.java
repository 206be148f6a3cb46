package miicbot.engine;

import java.util.Locale;
import java.util.Objects;

/** A place in the interview: one of the engine's own stages, or a question of the table. */
public record Place(Stage stage, StepId step) {

    public Place {
        Objects.requireNonNull(stage);
        if ((stage == Stage.QUESTION) != (step != null)) {
            throw new IllegalArgumentException("a question, and only a question, names its step: " + stage + " " + step);
        }
    }

    public static Place of(Stage stage) {
        return new Place(stage, null);
    }

    public static Place question(StepId step) {
        return new Place(Stage.QUESTION, Objects.requireNonNull(step));
    }

    /** The message key stem of this place: the step's (e.g. {@code child_first}) or the stage's ({@code review}). */
    public String key() {
        return stage == Stage.QUESTION ? step.key() : stage.name().toLowerCase(Locale.ROOT);
    }
}
