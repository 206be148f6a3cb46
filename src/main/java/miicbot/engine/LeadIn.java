package miicbot.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a line said just before a question into the question's own message: the deletion notice before the first
 * typed answer, a re-ask's reason, the last word before "clear this chat". One message is one notification and one
 * Bot API call, and the parent reads the line with the question it belongs to. A line the question already says
 * (a lock's or opt-out's note, repeated in the review) stays its own message, said before; so does a pair too long
 * for one message. The ask keeps the line apart too ({@link Reply.Ask#leadIn}), so a question dropped as already
 * answered still says it.
 */
final class LeadIn {
    /** Telegram's 4,096 characters, with room for the adapter's own words; a console prints any length. */
    static final int MAX_CHARS = 3_500;

    private LeadIn() {
    }

    /** {@code replies} with each {@link Reply.Say} directly before a {@link Reply.Ask} joined into that ask. */
    static List<Reply> joined(List<Reply> replies) {
        List<Reply> out = new ArrayList<>(replies.size());
        for (Reply reply : replies) {
            int last = out.size() - 1;
            if (reply instanceof Reply.Ask ask && last >= 0 && out.get(last) instanceof Reply.Say say
                    && joins(say, ask)) {
                out.set(last, ask.ledBy(say.text()));
            } else {
                out.add(reply);
            }
        }
        return out;
    }

    private static boolean joins(Reply.Say say, Reply.Ask ask) {
        return !ask.text().contains(say.text()) && say.text().length() + 2 + ask.text().length() <= MAX_CHARS;
    }
}
