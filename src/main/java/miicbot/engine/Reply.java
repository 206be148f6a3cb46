package miicbot.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;
import miicbot.i18n.Language;

/**
 * What the bot says back, in adapter-neutral form: the console prints it, Telegram sends it. Replies are stored in
 * the outbox before they are delivered, hence the JSON type tags.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Reply.Say.class, name = "say"),
        @JsonSubTypes.Type(value = Reply.Ask.class, name = "ask"),
        @JsonSubTypes.Type(value = Reply.SendForm.class, name = "form"),
        @JsonSubTypes.Type(value = Reply.DeleteTyped.class, name = "delete_typed"),
        @JsonSubTypes.Type(value = Reply.Copyable.class, name = "copyable"),
        @JsonSubTypes.Type(value = Reply.ClearChat.class, name = "clear_chat")})
public sealed interface Reply {

    /** Plain text. */
    record Say(String text) implements Reply {
        public Say {
            Objects.requireNonNull(text);
        }
    }

    /**
     * A question with optional buttons, laid out in rows ({@link ButtonRows} splits a row too wide for a phone).
     * {@code ask} numbers the question; a tap carries it back
     * (see {@link Event.Tap}). A question with no buttons expects typed text. {@code leadIn} is a line said before
     * the question and shown in its message, at the start of {@code text} (see {@link LeadIn}), or empty: a
     * question dropped as already answered still says it.
     */
    record Ask(String text, List<List<Option>> rows, int ask, Contact contact, String contactLabel, String leadIn)
            implements Reply {
        public Ask {
            Objects.requireNonNull(text);
            rows = ButtonRows.fit(rows).stream().map(List::copyOf).toList(); // every keyboard fits a phone
            contact = contact == null ? Contact.NONE : contact;
            contactLabel = contactLabel == null ? "" : contactLabel;
            leadIn = leadIn == null ? "" : leadIn;
        }

        public Ask(String text, List<List<Option>> rows, int ask, Contact contact, String contactLabel) {
            this(text, rows, ask, contact, contactLabel, "");
        }

        public Ask(String text, List<List<Option>> rows, int ask) {
            this(text, rows, ask, Contact.NONE, "");
        }

        public List<Option> options() {
            return rows.stream().flatMap(List::stream).toList();
        }

        /** This question with {@code line} said first, in the same message. */
        Ask ledBy(String line) {
            return new Ask(line + "\n\n" + text, rows, ask, contact, contactLabel, line);
        }
    }

    /** The filled request for one child: the adapter renders it to a PDF and delivers it. */
    record SendForm(Form request, String fileName, String caption) implements Reply {
        public SendForm {
            Objects.requireNonNull(request);
            Objects.requireNonNull(fileName);
            Objects.requireNonNull(caption);
        }
    }

    /**
     * The parent asked to clear the chat (the conversation itself is erased with the same outcome): an adapter that
     * can deletes every message of the chat it can, then tells the parent, in {@code language}, what it could not
     * delete and why.
     */
    record ClearChat(Language language) implements Reply {
        public ClearChat {
            Objects.requireNonNull(language);
        }
    }

    /**
     * Text holding answers the parent may want to copy one by one into another form: an adapter that can shows a
     * copy button for each of {@code copies} (Telegram: copy_text buttons); another shows the text alone, which
     * has every answer in full.
     */
    record Copyable(String text, List<Copy> copies) implements Reply {
        public Copyable {
            Objects.requireNonNull(text);
            copies = List.copyOf(copies);
        }
    }

    /** One answer to copy: {@code label} is shown on its button, {@code text} is what it copies. */
    record Copy(String label, String text) {
        public Copy {
            Objects.requireNonNull(label);
            Objects.requireNonNull(text);
        }
    }

    /**
     * The parent's messages that held typed answers, by the adapter's own number for a message: an adapter that can
     * deletes them from the chat (all in one go where it can), one that cannot ignores this. Sent once the review
     * shows those answers, so deleting them earlier would hide nothing.
     */
    record DeleteTyped(List<Long> messages) implements Reply {
        public DeleteTyped {
            messages = List.copyOf(messages);
        }
    }

    /**
     * Whether an adapter that can offer "share my phone number" (Telegram's request_contact) should show that
     * button with this question ({@code OFFER}), take it away ({@code WITHDRAW}: the question after), or neither.
     * The offer's label is the Ask's {@code contactLabel}.
     */
    enum Contact { NONE, OFFER, WITHDRAW }

    /** One button: {@code code} comes back in the tap (short, ASCII), {@code label} is shown. */
    record Option(String code, String label) {
        public Option {
            Objects.requireNonNull(code);
            Objects.requireNonNull(label);
        }
    }
}
