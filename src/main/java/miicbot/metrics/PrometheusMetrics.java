package miicbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import miicbot.i18n.Language;
import miicbot.interview.RequestOption;

/**
 * {@link Metrics} on Micrometer, scraped in Prometheus' text format at {@code /metrics}. Every name starts with
 * {@code miicbot_}; the JVM's memory, threads, CPU and uptime come along from Micrometer's own binders.
 */
public final class PrometheusMetrics implements Metrics {
    /** The Content-Type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    // Apply takes milliseconds; a form's render tens to hundreds: buckets that show both.
    private static final Duration[] APPLY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(1000)};
    private static final Duration[] RENDER_BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000),
        Duration.ofMillis(2500)};

    /** The Bot API methods that count as a reply sent (as the HTTP client's watch names them). */
    public static final List<String> REPLY_METHODS = List.of("sendmessage", "senddocument");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer applied;
    private final Timer repeats;
    private final Timer rendered;

    public PrometheusMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        applied = applyTimer("applied");
        repeats = applyTimer("repeat");
        rendered = Timer.builder("miicbot.pdf.render").description("Time to render one PDF form")
                .serviceLevelObjectives(RENDER_BUCKETS).register(registry);
        // Present from the start, at 0, so a rate query works before the first update or retry.
        for (UpdateKind kind : UpdateKind.values()) {
            updates(kind);
        }
        for (Retry reason : Retry.values()) {
            retries(reason);
        }
        for (Failure kind : Failure.values()) {
            failures(kind);
        }
        // README lists these two: each series exists at 0 too, so a dashboard shows 0, not "no data".
        for (RequestOption option : RequestOption.values()) {
            for (Language language : Language.values()) {
                forms(option, language);
            }
        }
        for (String method : REPLY_METHODS) {
            replies(method);
        }
    }

    private Timer applyTimer(String result) {
        return Timer.builder("miicbot.update.apply").description("Time to apply one update to the store, durably")
                .tag("result", result).serviceLevelObjectives(APPLY_BUCKETS).register(registry);
    }

    private Counter updates(UpdateKind kind) {
        return Counter.builder("miicbot.updates").description("Updates received, by kind")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    @Override
    public void update(UpdateKind kind) {
        updates(kind).increment();
    }

    @Override
    public void applied(Duration latency, boolean repeat) {
        (repeat ? repeats : applied).record(latency);
    }

    @Override
    public void form(RequestOption option, Language language) {
        forms(option, language).increment();
    }

    private Counter forms(RequestOption option, Language language) {
        return Counter.builder("miicbot.forms").description("Forms made, by option asked for and language")
                .tag("option", option.name().toLowerCase(Locale.ROOT)).tag("language", language.code())
                .register(registry);
    }

    @Override
    public void botApiCall(String method, int status) {
        Counter.builder("miicbot.bot.api.calls").description("Bot API answers, by method and HTTP status (0: none)")
                .tag("method", method).tag("status", String.valueOf(status)).register(registry).increment();
    }

    @Override
    public void replySent(String method) {
        replies(method).increment();
    }

    private Counter replies(String method) {
        return Counter.builder("miicbot.replies.sent").description("Replies that reached Telegram, by method")
                .tag("method", method).register(registry);
    }

    @Override
    public void retry(Retry reason) {
        retries(reason).increment();
    }

    private Counter retries(Retry reason) {
        return Counter.builder("miicbot.bot.api.retries").description("Failed Bot API calls tried again; "
                + "rate_limited ones first wait Telegram's retry_after")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    @Override
    public void failure(Failure kind) {
        failures(kind).increment();
    }

    private Counter failures(Failure kind) {
        return Counter.builder("miicbot.failures").description("Failures handled without stopping the bot, by kind")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    @Override
    public void pdfRendered(Duration latency) {
        rendered.record(latency);
    }

    @Override
    public void gauge(String name, String help, String unit, DoubleSupplier value) {
        Gauge.builder(name, value::getAsDouble).description(help).baseUnit(unit).register(registry);
    }

    /** The current values, in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }
}
