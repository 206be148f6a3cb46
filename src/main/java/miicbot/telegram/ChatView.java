package miicbot.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import miicbot.util.BoundedMap;

/**
 * What the bot knows of one chat's messages, and the tidy-ups it still owes the chat. It is what keeps the bot from
 * editing a message to what it already shows ("message is not modified") and from acting twice on a double tap.
 * Thread-safe; small: only the chat's latest messages are remembered.
 */
final class ChatView {
    private static final int REMEMBERED = 32;

    /** A change to a message already in the chat, made after the chat's replies are sent. */
    sealed interface TidyUp {
        int messageId();
    }

    /** The answered question keeps its text, shows the chosen answer and loses its buttons. */
    record ShowAnswer(int messageId, String text) implements TidyUp { }

    /** A question that was not answered by this tap loses its buttons. */
    record RemoveButtons(int messageId) implements TidyUp { }

    private final BoundedMap<Integer, String> firstTaps = BoundedMap.oldestFirst(REMEMBERED);
    private final BoundedMap<Integer, Boolean> edited = BoundedMap.oldestFirst(REMEMBERED);
    private final Map<Integer, TidyUp> owed = new LinkedHashMap<>();
    private boolean drainQueued;

    /** Records a tap; false when this button of this message was tapped before (a double tap). */
    synchronized boolean firstTap(int messageId, String data) {
        String first = firstTaps.putIfAbsent(messageId, data);
        return first == null || !first.equals(data);
    }

    /** Owes the chat an edit of a message, unless one is owed or made already; false when it was. */
    synchronized boolean oweEdit(TidyUp edit) {
        if (edited.putIfAbsent(edit.messageId(), Boolean.TRUE) != null) {
            return false;
        }
        owed.put(edit.messageId(), edit); // a newer tidy-up of the same message replaces the older
        return true;
    }


    synchronized List<TidyUp> owed() {
        return new ArrayList<>(owed.values());
    }

    synchronized void done(TidyUp tidyUp) {
        owed.remove(tidyUp.messageId(), tidyUp);
    }

    /** Asks for a delivery run; false when one is queued already (it will see this chat's latest state). */
    synchronized boolean queueDrain() {
        boolean first = !drainQueued;
        drainQueued = true;
        return first;
    }

    /** A delivery run starts: anything stored from now on needs another run. */
    synchronized void drainStarted() {
        drainQueued = false;
    }
}
