package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackOffTest {
    @Test
    void eachWaitGrowsByTheFactorUpToTheMaximum() {
        List<Long> waits = new ArrayList<>();
        long wait = BackOff.STORE.firstMillis();
        for (int i = 0; i < 10; i++) {
            waits.add(wait);
            wait = BackOff.STORE.after(wait);
        }
        assertEquals(List.of(250L, 500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L), waits);
    }

    @Test
    void thePollGrowsByHalfToTenSeconds() {
        assertEquals(List.of(500L, 750L, 1_125L, 1_687L, 2_530L), List.of(BackOff.POLL.beforeRetry(0),
                BackOff.POLL.beforeRetry(1), BackOff.POLL.beforeRetry(2), BackOff.POLL.beforeRetry(3),
                BackOff.POLL.beforeRetry(4)));
        assertEquals(10_000L, BackOff.POLL.beforeRetry(50));
    }

    @Test
    void botApiCallsWaitAsTheyDidBeforeThePolicyWasShared() {
        // 250 ms doubling, capped at the fifth wait: 250 << min(attempt, 4).
        for (int attempt = 0; attempt < 8; attempt++) {
            assertEquals(250L << Math.min(attempt, 4), BackOff.BOT_API_CALL.beforeRetry(attempt), "attempt " + attempt);
        }
    }

    @Test
    void aPolicyThatShrinksIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BackOff(500, 100, 2));
        assertThrows(IllegalArgumentException.class, () -> new BackOff(100, 500, 0.5));
    }
}
