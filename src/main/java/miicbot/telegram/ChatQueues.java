package miicbot.telegram;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import miicbot.metrics.Metrics;

/**
 * Runs each chat's work in order, one task at a time, while different chats run side by side on a bounded pool.
 * Each chat's tasks are chained behind its previous one; the chain is dropped once it runs dry.
 */
final class ChatQueues implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChatQueues.class.getName());

    private final ExecutorService pool;
    private final Metrics metrics;
    private final Map<Long, CompletableFuture<Void>> tails = new HashMap<>();

    ChatQueues(ExecutorService pool) {
        this(pool, Metrics.NONE);
    }

    /** A task that throws anything is logged and counted as {@link Metrics.Failure#WORKER}; its chat goes on. */
    ChatQueues(ExecutorService pool, Metrics metrics) {
        this.pool = pool;
        this.metrics = metrics;
    }

    /** Queues {@code task} behind the chat's earlier tasks. A task that throws is logged; the queue goes on. */
    void submit(long chatId, Runnable task) {
        submitAfter(chatId, 0, task);
    }

    /**
     * Queues {@code task} behind the chat's earlier tasks, to start at least {@code millis} after they finish. The
     * wait is a timer's, not a thread's: no worker is held while a chat waits (pacing, a 429's retry_after).
     */
    void submitAfter(long chatId, long millis, Runnable task) {
        Executor executor = millis <= 0 ? pool : CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, pool);
        synchronized (tails) {
            CompletableFuture<Void> previous = tails.getOrDefault(chatId, CompletableFuture.completedFuture(null));
            CompletableFuture<Void> next = previous.thenRunAsync(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    metrics.failure(Metrics.Failure.WORKER);
                    LOG.log(Level.SEVERE, "a chat's task failed: " + t.getClass().getName());
                }
            }, executor);
            tails.put(chatId, next);
            next.whenComplete((ignored, error) -> {
                synchronized (tails) {
                    tails.remove(chatId, next);
                }
            });
        }
    }

    /** How many chats have work queued or running. */
    int busyChats() {
        synchronized (tails) {
            return tails.size();
        }
    }

    /** Stops taking work and waits up to {@code millis} for queued work to finish. */
    boolean drain(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (busyChats() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        pool.shutdown();
        return pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
