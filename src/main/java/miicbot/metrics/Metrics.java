package miicbot.metrics;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import miicbot.i18n.Language;
import miicbot.interview.RequestOption;

/**
 * What the bot counts and times, for operators. Callers know only this interface; {@link PrometheusMetrics}
 * puts Micrometer behind it (as HikariCP's pool talks to its metrics tracker). Labels are small fixed sets
 * (an update kind, a Bot API method, an HTTP status, an option, a language): never a chat id, a name or a text.
 */
public interface Metrics {

    /** What kind of update came in. */
    enum UpdateKind { MESSAGE, EDITED_MESSAGE, CALLBACK_QUERY, OTHER }

    /** Something that went wrong for one update or one chat, was handled, and must not happen unseen. */
    enum Failure {
        /** The engine threw on one update: that parent got an apology. */
        ENGINE,
        /** A chat's stored conversation could not be opened: the chat was started over. */
        CONVERSATION_RESET,
        /** The poller's loop met an unexpected error; it polls on. */
        POLLER,
        /** A chat's delivery task or a timer met an unexpected error; the other chats go on. */
        WORKER
    }

    /** Why a Bot API call is tried again. */
    enum Retry { RATE_LIMITED, SERVER_ERROR, NETWORK }

    /** An update was received, by polling or webhook. */
    void update(UpdateKind kind);

    /** An update was applied (or recognised as a repeat) in {@code latency}. */
    void applied(Duration latency, boolean repeat);

    /** A form was made asking for {@code option}; a form with two options counts once for each. */
    void form(RequestOption option, Language language);

    /** One Bot API answer: {@code status} is the HTTP status, 0 when no answer came (network). */
    void botApiCall(String method, int status);

    /** A reply reached Telegram: a message, a question or a document. */
    void replySent(String method);

    /** A failed Bot API call that will be tried again. */
    void retry(Retry reason);

    /** A PDF form was rendered in {@code latency}. */
    void pdfRendered(Duration latency);

    /** One handled failure; the default counts nothing. */
    default void failure(Failure kind) {
    }

    /** Reports a value read when scraped: e.g. the store's size or the chats with queued work. */
    void gauge(String name, String help, String unit, DoubleSupplier value);

    /** Counts nothing: tests, the console. */
    Metrics NONE = new Metrics() {
        @Override
        public void update(UpdateKind kind) {
        }

        @Override
        public void applied(Duration latency, boolean repeat) {
        }

        @Override
        public void form(RequestOption option, Language language) {
        }

        @Override
        public void botApiCall(String method, int status) {
        }

        @Override
        public void replySent(String method) {
        }

        @Override
        public void retry(Retry reason) {
        }

        @Override
        public void pdfRendered(Duration latency) {
        }

        @Override
        public void gauge(String name, String help, String unit, DoubleSupplier value) {
        }
    };
}
