package miicbot.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The result of reading one answer: a normalised value, or a problem to explain kindly before asking again. */
public sealed interface Parsed {

    /**
     * A valid answer, normalised (dates as ISO 2019-03-14, phones as 651-555-0123, choices as their code).
     *
     * @param parts answers to the step's parts read from the same message (an address's street, city, state and
     *              ZIP); a part not found is absent and will be asked on its own
     */
    record Ok(String value, Map<StepId, String> parts) implements Parsed {
        public Ok {
            Objects.requireNonNull(value);
            parts = Map.copyOf(parts);
        }

        public Ok(String value) {
            this(value, Map.of());
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

    /**
     * An answer that can be read in more than one way: the engine says {@code key} (with {@code args}), offers each
     * reading as a button with its label, and takes the one tapped as the answer. Nothing typed is lost either way.
     */
    record Choose(String key, Map<String, String> args, List<Reading> readings) implements Parsed {
        public Choose {
            Objects.requireNonNull(key);
            args = Map.copyOf(args);
            readings = List.copyOf(readings);
            if (readings.size() < 2) {
                throw new IllegalArgumentException("a choice needs two readings at least");
            }
        }
    }

    /** One reading of a {@link Choose}: the button's label, and the answer (with its parts) it stands for. */
    record Reading(String label, String value, Map<StepId, String> parts) {
        public Reading {
            Objects.requireNonNull(label);
            Objects.requireNonNull(value);
            parts = Map.copyOf(parts);
        }
    }

    /**
     * An answer that is possible but often a slip (a last name of one letter): the engine says {@code key}, keeps
     * the value aside and offers a button to confirm it.
     */
    record Unsure(String value, String key) implements Parsed {
        public Unsure {
            Objects.requireNonNull(value);
            Objects.requireNonNull(key);
        }
    }
}
