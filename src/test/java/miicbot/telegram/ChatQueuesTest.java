package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ChatQueuesTest {

    @Test
    void eachChatsTasksRunInOrderWhileChatsRunSideBySide() throws Exception {
        try (ChatQueues queues = new ChatQueues(Executors.newFixedThreadPool(4))) {
            List<Integer> one = Collections.synchronizedList(new ArrayList<>());
            List<Integer> two = Collections.synchronizedList(new ArrayList<>());
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int n = i;
                expected.add(n);
                queues.submit(1, () -> one.add(n));
                queues.submit(2, () -> two.add(n));
            }
            assertTrue(queues.drain(10_000));
            assertEquals(expected, one);
            assertEquals(expected, two);
        }
    }

    @Test
    void aTaskThatThrowsDoesNotStopItsChat() throws Exception {
        try (ChatQueues queues = new ChatQueues(Executors.newFixedThreadPool(2))) {
            CountDownLatch after = new CountDownLatch(1);
            queues.submit(1, () -> {
                throw new IllegalStateException("boom");
            });
            queues.submit(1, after::countDown);
            assertTrue(after.await(5, TimeUnit.SECONDS));
        }
    }

    /** A chat waiting for its turn holds no thread: with one worker, another chat runs meanwhile. */
    @Test
    void aDelayedChatHoldsNoWorker() throws Exception {
        try (ChatQueues queues = new ChatQueues(Executors.newFixedThreadPool(1))) {
            long start = System.nanoTime();
            CountDownLatch delayed = new CountDownLatch(1);
            CountDownLatch other = new CountDownLatch(1);
            long[] at = new long[2];
            queues.submitAfter(1, 600, () -> {
                at[0] = System.nanoTime() - start;
                delayed.countDown();
            });
            queues.submit(2, () -> {
                at[1] = System.nanoTime() - start;
                other.countDown();
            });
            assertTrue(other.await(5, TimeUnit.SECONDS));
            assertTrue(delayed.await(5, TimeUnit.SECONDS));
            assertTrue(at[1] < at[0], "the other chat ran first");
            assertTrue(at[0] >= TimeUnit.MILLISECONDS.toNanos(600), "the delay was kept: " + at[0]);
            assertEquals(0, waitIdle(queues));
        }
    }

    @Test
    void laterTasksOfADelayedChatWaitBehindIt() throws Exception {
        try (ChatQueues queues = new ChatQueues(Executors.newFixedThreadPool(2))) {
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            queues.submitAfter(1, 300, () -> order.add("delayed"));
            queues.submit(1, () -> order.add("next"));
            assertTrue(queues.drain(5_000));
            assertEquals(List.of("delayed", "next"), order);
        }
    }

    private static int waitIdle(ChatQueues queues) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (queues.busyChats() > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(queues.busyChats() + " chats still busy");
            }
            Thread.sleep(5);
        }
        return queues.busyChats();
    }
}
