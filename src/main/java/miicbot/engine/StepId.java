package miicbot.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of one question of an interview, such as {@code PARENT_NAME}. Message keys derive from it
 * ({@code parent_name.prompt}, {@code parent_name.title}, {@code parent_name.choice.*}). Stored conversations hold
 * it as this bare name (an answer's key, the question a conversation stands at), so a question keeps its name.
 * The engine's own states (welcome, review, ...) are not questions: they are {@link Stage}s.
 */
public record StepId(String name) implements Comparable<StepId> {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    public StepId {
        Objects.requireNonNull(name);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a step id is upper case with underscores: " + name);
        }
    }

    /** The id named {@code name}, as stored. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StepId of(String name) {
        return new StepId(name);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    /** The message key stem, e.g. {@code parent_name}. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(StepId other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
