package miicbot.chat;

import java.util.ArrayList;
import java.util.List;
import miicbot.engine.Conversation;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.engine.Stage;

/**
 * The parent's messages that hold typed personal answers, kept in the conversation (so they are as durable as it
 * is) and handed to the adapter to delete all at once ({@link Reply.DeleteTyped}) when the review shows them: the
 * review repeats every answer, so deleting each the moment it arrives would hide nothing and cost one Bot API call
 * each. They also go when the parent erases, cancels or starts over, and when the forms are made. The reply is
 * queued in the same transaction as the conversation, so each message is handed over once, even across a crash.
 */
final class TypedAnswers {
    /**
     * A batch this big goes at once, review or not: Telegram deletes at most 100 messages a call, and a parent who
     * sends a flood of refused lines should not find them all still there.
     */
    static final int FULL_BATCH = 100;

    private TypedAnswers() {
    }

    /**
     * {@code outcome} with the conversation keeping the typed answers still in the chat, and a
     * {@link Reply.DeleteTyped} after its replies when they may go now. {@code message} is the adapter's number for
     * the parent's message, or 0 when it has none (or does not delete).
     */
    static Outcome keep(Conversation before, Event event, long message, Outcome outcome) {
        List<Long> held = new ArrayList<>(before.typedMessages());
        if (outcome.personalAnswer() && message > 0 && !held.contains(message)) {
            held.add(message);
        }
        List<Reply> replies = outcome.replies();
        if (!held.isEmpty() && (held.size() >= FULL_BATCH || mayGo(event, outcome))) {
            replies = new ArrayList<>(replies);
            replies.add(new Reply.DeleteTyped(held));
            held = List.of();
        }
        return new Outcome(outcome.conversation().withTypedMessages(held), replies, outcome.forget(),
                outcome.personalAnswer());
    }

    private static boolean mayGo(Event event, Outcome outcome) {
        if (outcome.forget()) {
            return true;
        }
        if (event instanceof Event.Command command) {
            switch (command.command()) {
                case START, CANCEL, FORGET -> {
                    return true;
                }
                default -> { }
            }
        }
        Stage now = outcome.conversation().stage();
        return now == Stage.REVIEW || now == Stage.DONE || !outcome.conversation().started();
    }
}
