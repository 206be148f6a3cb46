package miicbot.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;
import miicbot.interview.ChildRequest;

/**
 * What the bot says back, in adapter-neutral form: the console prints it, Telegram sends it. Replies are stored in
 * the outbox before they are delivered, hence the JSON type tags.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Reply.Say.class, name = "say"),
        @JsonSubTypes.Type(value = Reply.Ask.class, name = "ask"),
        @JsonSubTypes.Type(value = Reply.SendForm.class, name = "form")})
public sealed interface Reply {

    /** Plain text. */
    record Say(String text) implements Reply {
        public Say {
            Objects.requireNonNull(text);
        }
    }

    /**
     * A question with optional buttons, laid out in rows. {@code ask} numbers the question; a tap carries it back
     * (see {@link Event.Tap}). A question with no buttons expects typed text.
     */
    record Ask(String text, List<List<Option>> rows, int ask) implements Reply {
        public Ask {
            Objects.requireNonNull(text);
            rows = rows.stream().map(List::copyOf).toList();
        }

        public List<Option> options() {
            return rows.stream().flatMap(List::stream).toList();
        }
    }

    /** The filled request for one child: the adapter renders it to a PDF and delivers it. */
    record SendForm(ChildRequest request, String fileName, String caption) implements Reply {
        public SendForm {
            Objects.requireNonNull(request);
            Objects.requireNonNull(fileName);
            Objects.requireNonNull(caption);
        }
    }

    /** One button: {@code code} comes back in the tap (short, ASCII), {@code label} is shown. */
    record Option(String code, String label) {
        public Option {
            Objects.requireNonNull(code);
            Objects.requireNonNull(label);
        }
    }
}
