package miicbot.telegram;

/**
 * How long to wait before trying again: {@code firstMillis}, then each wait {@code factor} times the one before, at
 * most {@code maxMillis}. The one policy of every retry loop in this adapter; each loop has its own numbers.
 */
record BackOff(long firstMillis, long maxMillis, double factor) {
    /** Bot API calls that failed for a reason that may pass (5xx, a timeout): 0.25 s doubling to 4 s. */
    static final BackOff BOT_API_CALL = new BackOff(250, 4_000, 2);
    /** The start's calls while the Bot API cannot be reached: 0.5 s doubling to 30 s. */
    static final BackOff START_UP = new BackOff(500, 30_000, 2);
    /** A failed getUpdates: 0.5 s growing by half to 10 s (the poll is the bot's only ear). */
    static final BackOff POLL = new BackOff(500, 10_000, 1.5);
    /** A poll the store could not apply for a reason that may pass (busy, I/O, a full disk): 0.25 s doubling to 30 s. */
    static final BackOff STORE = new BackOff(250, 30_000, 2);

    BackOff {
        if (firstMillis < 0 || maxMillis < firstMillis || factor < 1) {
            throw new IllegalArgumentException("a back-off grows from its first wait to its last: " + this);
        }
    }

    /** The wait after {@code millis}: longer by the factor, never over the maximum. */
    long after(long millis) {
        return Math.min(maxMillis, (long) (millis * factor));
    }

    /** The wait before try {@code attempt + 1}, counting from 0: the first wait, grown {@code attempt} times. */
    long beforeRetry(int attempt) {
        long wait = firstMillis;
        for (int i = 0; i < attempt && wait < maxMillis; i++) {
            wait = after(wait);
        }
        return wait;
    }

    /** Sleeps {@code millis} and returns the next wait. */
    long sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return after(millis);
    }
}
