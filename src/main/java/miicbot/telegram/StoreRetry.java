package miicbot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import miicbot.chat.ChatService;
import miicbot.chat.ChatTag;
import miicbot.store.StoreException;

/**
 * Applies a poll to the store, patiently: while the store fails for a reason that may pass (busy, I/O, a full
 * disk), waits ({@link BackOff#STORE}) and tries again, so the poll is not confirmed to Telegram unapplied. Any
 * other failure is not retried as a whole: each update is then applied alone (see {@link #oneByOne}).
 */
final class StoreRetry {
    private static final Logger LOG = Logger.getLogger(StoreRetry.class.getName());

    private final ChatService chats;

    StoreRetry(ChatService chats) {
        this.chats = chats;
    }

    /** The batch applied, in order; returns only once every update is applied or given up. */
    List<ChatService.Applied> apply(List<ChatService.Received> batch) {
        long wait = BackOff.STORE.firstMillis();
        while (true) {
            try {
                return chats.applyAll(batch);
            } catch (RuntimeException | Error e) {
                if (!isTransient(e)) {
                    return oneByOne(batch);
                }
                LOG.warning("the store failed to apply " + batch.size() + " update(s) (" + e.getClass().getName()
                        + "); retrying in " + wait + " ms, nothing is confirmed to Telegram meanwhile");
            }
            wait = pause(wait);
        }
    }

    /**
     * After a failure that retrying the whole poll would only repeat (a bug, a record that cannot be written): each
     * update alone, so one cannot hold back the rest. An update that still fails that way is given up (marked
     * failed: its parent is told the answer was not saved, and can send it again), and the poll goes on. A
     * transient failure meanwhile is waited out as in {@link #apply}.
     */
    private List<ChatService.Applied> oneByOne(List<ChatService.Received> batch) {
        List<ChatService.Applied> applied = new ArrayList<>(batch.size());
        for (ChatService.Received update : batch) {
            long wait = BackOff.STORE.firstMillis();
            while (true) {
                try {
                    applied.add(chats.applyAll(List.of(update)).get(0));
                    break;
                } catch (RuntimeException | Error e) {
                    if (isTransient(e)) {
                        wait = pause(wait);
                        continue;
                    }
                    LOG.log(Level.SEVERE, "chat " + ChatTag.of(update.chatId()) + ": an update could not be applied ("
                            + e.getClass().getName() + "); it is given up and the parent is asked to send it again");
                    applied.add(new ChatService.Applied(update, Optional.empty(), true));
                    break;
                }
            }
        }
        return applied;
    }

    private static boolean isTransient(Throwable e) {
        return e instanceof StoreException store && store.isTransient();
    }

    /** Sleeps {@code wait} ms and returns the next, longer wait. */
    private static long pause(long wait) {
        try {
            return BackOff.STORE.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Shutting down: throwing ends polling without confirming these updates; the next start gets them.
            throw new IllegalStateException("stopped while the store was failing", e);
        }
    }
}
