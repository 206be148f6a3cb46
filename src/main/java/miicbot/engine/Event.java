package miicbot.engine;

import java.util.Locale;
import java.util.Objects;
import miicbot.i18n.Language;

/** What a parent did, in adapter-neutral form. Adapters turn Telegram updates or console lines into events. */
public sealed interface Event {

    /** A typed answer. */
    record Text(String text) implements Event {
        public Text {
            Objects.requireNonNull(text);
        }
    }

    /**
     * A tapped button. {@code ask} is the number of the question the button belonged to, so a tap on a button of an
     * earlier question is recognised as stale.
     */
    record Tap(int ask, String code) implements Event {
        public Tap {
            Objects.requireNonNull(code);
        }
    }

    /** A slash command such as {@code /back}. */
    record Command(Commands command) implements Event {
        public Command {
            Objects.requireNonNull(command);
        }
    }

    /**
     * A shared contact card. {@code own} is true only when the card is the sender's own (Telegram: the contact's
     * user id is the sender's), so nobody's number is taken from someone else's card.
     */
    record Contact(String phone, boolean own) implements Event {
        public Contact {
            Objects.requireNonNull(phone);
        }
    }

    /**
     * The parent came back (the console started again): continue where the interview stood. {@code language} is
     * one the parent chose for this visit (the console's --lang), or null: it wins for a new or finished
     * conversation, and an interview under way in another language asks once whether to switch.
     */
    record Resume(Language language) implements Event {
        public Resume() {
            this(null);
        }
    }

    /** Something the bot cannot read as an answer: a photo, sticker, voice note, file or location. */
    record Unsupported() implements Event { }

    /** The commands a parent may use at any point. */
    enum Commands {
        START, HELP, WHY, BACK, STATUS, CANCEL, LANGUAGE, FORGET;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A typed line as an event: {@code /back} (or {@code /back@SomeBot}) is a command, {@code /restart} is START,
     * anything else is text.
     */
    static Event ofTyped(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("/") && trimmed.length() > 1) {
            String word = trimmed.substring(1).split("[@\\s]", 2)[0].toLowerCase(Locale.ROOT);
            if (word.equals("restart")) {
                return new Command(Commands.START);
            }
            for (Commands c : Commands.values()) {
                if (c.word().equals(word)) {
                    return new Command(c);
                }
            }
        }
        return new Text(line);
    }
}
