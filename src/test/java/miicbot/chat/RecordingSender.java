package miicbot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import miicbot.engine.Reply;

/** A sender that records what it delivers and can be told to fail, like a Bot API that gave up. */
public final class RecordingSender implements Sender {
    /** One delivery. */
    public record Sent(long chatId, Reply reply) { }

    private final List<Sent> sent = new ArrayList<>();
    private int failuresLeft;
    private Predicate<Reply> failing = reply -> false;

    /** The next {@code n} deliveries throw. */
    public synchronized RecordingSender failNext(int n) {
        failuresLeft = n;
        return this;
    }

    /** Every reply matching {@code which} throws, until changed. */
    public synchronized RecordingSender failWhen(Predicate<Reply> which) {
        failing = which;
        return this;
    }

    @Override
    public synchronized void deliver(long chatId, Reply reply) throws Exception {
        if (failing.test(reply) || failuresLeft > 0) {
            failuresLeft = Math.max(0, failuresLeft - 1);
            throw new java.io.IOException("Bot API unreachable");
        }
        sent.add(new Sent(chatId, reply));
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The text of each delivered Say or Ask, and "form" for a form, in order. */
    public synchronized List<String> texts() {
        return sent.stream().map(s -> text(s.reply())).toList();
    }

    public static String text(Reply reply) {
        if (reply instanceof Reply.Say say) {
            return say.text();
        }
        if (reply instanceof Reply.Ask ask) {
            return ask.text();
        }
        if (reply instanceof Reply.SendForm) {
            return "form";
        }
        if (reply instanceof Reply.DeleteTyped) {
            return "delete";
        }
        throw new AssertionError(reply);
    }
}
