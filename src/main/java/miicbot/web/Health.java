package miicbot.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /readyz}: 200 when the store answers and the Bot API answered within the last {@link #TELEGRAM_WINDOW};
 * else 503 naming what failed. ({@code /healthz}, the process being alive, needs no check.)
 */
final class Health {
    /** Polling hears from Telegram every 50 s at most, a webhook replica every minute (getWebhookInfo). */
    static final Duration TELEGRAM_WINDOW = Duration.ofMinutes(5);

    private final BooleanSupplier storeAnswers;
    private final Supplier<Instant> lastTelegramAnswer;
    private final Clock clock;

    Health(BooleanSupplier storeAnswers, Supplier<Instant> lastTelegramAnswer, Clock clock) {
        this.storeAnswers = Objects.requireNonNull(storeAnswers);
        this.lastTelegramAnswer = Objects.requireNonNull(lastTelegramAnswer);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The answer to {@code /readyz} now. */
    Responses answer() {
        List<String> problems = new ArrayList<>();
        boolean store;
        try {
            store = storeAnswers.getAsBoolean();
        } catch (RuntimeException e) {
            store = false;
        }
        if (!store) {
            problems.add("store not reachable");
        }
        if (lastTelegramAnswer.get().isBefore(clock.instant().minus(TELEGRAM_WINDOW))) {
            problems.add("no answer from the Bot API for " + TELEGRAM_WINDOW.toMinutes() + " minutes");
        }
        return Responses.text(problems.isEmpty() ? 200 : 503, problems.isEmpty() ? "ready"
                : String.join("; ", problems));
    }
}
