package miicbot.chat;

/**
 * The chat's replies are being delivered by another replica just now: nothing was claimed here. The caller
 * schedules the chat's delivery again after {@link #retryAfterMillis} instead of waiting on a thread.
 */
public final class ClaimedElsewhere extends RuntimeException {
    private final long retryAfterMillis;

    public ClaimedElsewhere(long retryAfterMillis) {
        super("another replica is delivering this chat's replies; try again in " + retryAfterMillis + " ms", null,
                false, false);
        this.retryAfterMillis = retryAfterMillis;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
