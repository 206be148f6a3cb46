package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import miicbot.telegram.fake.FakeBotApi;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdatePollerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int FIRST_UPDATE = 500;

    private FakeBotApi api;
    private OkHttpClient http;
    private final List<Integer> consumed = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi(FIRST_UPDATE);
        http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(70)).build();
    }

    @AfterEach
    void stop() {
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
        api.close();
    }

    private UpdatePoller poller(int timeoutSeconds, java.util.function.Consumer<List<Update>> consumer) {
        return new UpdatePoller(http, api.url() + "/bot" + FakeBotApi.TOKEN + "/", timeoutSeconds,
                List.of("message", "callback_query"), () -> { }, consumer);
    }

    private void collect(List<Update> updates) {
        synchronized (consumed) {
            updates.forEach(update -> consumed.add(update.getUpdateId()));
            consumed.notifyAll();
        }
    }

    private void awaitConsumed(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (consumed) {
            while (consumed.size() < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                assertTrue(left > 0, "only " + consumed + " consumed within " + WAIT);
                consumed.wait(left);
            }
        }
    }

    @Test
    void refusedPollsAreRetriedAndNoUpdateIsLostOrRepeated() throws Exception {
        api.failNext("getUpdates", 2, 409); // another poller, as Telegram says it
        api.pushText(1, 1, "one", "en");
        api.pushText(2, 2, "two", "en");
        try (UpdatePoller poller = poller(1, this::collect)) {
            poller.start();
            awaitConsumed(2);
            api.pushText(1, 1, "three", "en");
            awaitConsumed(3);
            Thread.sleep(1_200); // a poll more: nothing comes twice
        }
        synchronized (consumed) {
            assertEquals(List.of(FIRST_UPDATE, FIRST_UPDATE + 1, FIRST_UPDATE + 2), consumed);
        }
        assertEquals(2, api.calls("getupdates").stream().filter(call -> call.status() == 409).count());
    }

    @Test
    void aBatchIsConfirmedOnlyOnceTheConsumerHasReturned() throws Exception {
        CountDownLatch applying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        api.pushText(1, 1, "hello", "en");
        int id = FIRST_UPDATE;
        try (UpdatePoller poller = poller(1, updates -> {
            applying.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            collect(updates);
        })) {
            poller.start();
            assertTrue(applying.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the update was never handed over");
            Thread.sleep(1_500); // longer than a poll's timeout: a poller that did not wait would have polled again
            assertFalse(api.calls("getupdates").stream().anyMatch(call -> offset(call) > id),
                    "the update was confirmed before it was applied");
            release.countDown();
            api.awaitCall(call -> call.method().equals("getupdates") && offset(call) == id + 1, WAIT);
        }
    }

    /** The poller is the bot's only ear: an Error out of the consumer is counted, and polling goes on. */
    @Test
    void anErrorFromTheConsumerIsCountedAndPollingGoesOnWithoutConfirmingTheBatch() throws Exception {
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        miicbot.metrics.Metrics counting = new miicbot.metrics.Metrics() {
            @Override public void update(UpdateKind kind) { }
            @Override public void applied(Duration latency, boolean repeat) { }
            @Override public void form(miicbot.interview.RequestOption option, miicbot.i18n.Language language) { }
            @Override public void botApiCall(String method, int status) { }
            @Override public void replySent(String method) { }
            @Override public void retry(Retry reason) { }
            @Override public void pdfRendered(Duration latency) { }
            @Override public void gauge(String name, String help, String unit,
                                        java.util.function.DoubleSupplier value) { }
            @Override public void failure(Failure kind) {
                if (kind == Failure.POLLER) {
                    failures.incrementAndGet();
                }
            }
        };
        java.util.concurrent.atomic.AtomicBoolean thrown = new java.util.concurrent.atomic.AtomicBoolean();
        api.pushText(1, 1, "one", "en");
        try (UpdatePoller poller = new UpdatePoller(http, api.url() + "/bot" + FakeBotApi.TOKEN + "/", 1,
                List.of("message"), () -> { }, updates -> {
                    if (thrown.compareAndSet(false, true)) {
                        throw new AssertionError("an impossible branch");
                    }
                    collect(updates);
                }, counting)) {
            poller.start();
            awaitConsumed(1); // the same update again: the failed batch was not confirmed
            api.pushText(2, 2, "two", "en");
            awaitConsumed(2);
        }
        synchronized (consumed) {
            assertEquals(List.of(FIRST_UPDATE, FIRST_UPDATE + 1), consumed);
        }
        assertEquals(1, failures.get());
    }

    @Test
    void closingEndsALongPollAtOnce() throws Exception {
        UpdatePoller poller = poller(50, this::collect);
        poller.start();
        api.awaitCall(call -> call.method().equals("getupdates"), WAIT);
        long start = System.nanoTime();
        poller.close();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 2_000, "close took " + millis + " ms");
    }

    private static long offset(FakeBotApi.Call call) {
        return call.params().path("offset").asLong();
    }
}
