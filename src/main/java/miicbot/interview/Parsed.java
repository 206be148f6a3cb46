package miicbot.interview;

import java.util.Map;
import java.util.Objects;

/** The result of reading one answer: a normalised value, or a problem to explain kindly before asking again. */
public sealed interface Parsed {

    /** A valid answer, normalised (dates as ISO 2019-03-14, phones as 651-555-0123, choices as their code). */
    record Ok(String value) implements Parsed {
        public Ok {
            Objects.requireNonNull(value);
        }
    }

    /** Why the answer was not accepted: a message key such as {@code invalid.date.future}, with its arguments. */
    record Problem(String key, Map<String, String> args) implements Parsed {
        public Problem {
            Objects.requireNonNull(key);
            args = Map.copyOf(args);
        }

        public Problem(String key) {
            this(key, Map.of());
        }
    }
}
