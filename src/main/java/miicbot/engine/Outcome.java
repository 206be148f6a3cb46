package miicbot.engine;

import java.util.List;
import java.util.Objects;

/**
 * The result of one event: the conversation as it now stands and the replies to send.
 *
 * @param conversation   the new state, to be stored before any reply is sent
 * @param replies        in order
 * @param forget         the parent asked to erase everything: the store deletes the chat's data
 * @param personalAnswer the event was a typed answer holding personal data, accepted or rejected (the Telegram
 *                       adapter may delete the parent's message once it is stored)
 */
public record Outcome(Conversation conversation, List<Reply> replies, boolean forget, boolean personalAnswer) {
    public Outcome {
        Objects.requireNonNull(conversation);
        replies = List.copyOf(replies);
    }

    /** This outcome, marked as coming from a typed answer with personal data (accepted or not) or not. */
    public Outcome withPersonalAnswer(boolean personal) {
        return new Outcome(conversation, replies, forget, personal);
    }

    /** This outcome with other replies. */
    Outcome withReplies(List<Reply> other) {
        return new Outcome(conversation, other, forget, personalAnswer);
    }

    /** True when the conversation moved on from question number {@code ask} (an About or help tap does not). */
    public boolean movedOnFrom(int ask) {
        return conversation.ask() > ask;
    }
}
