package miicbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Where log lines go. Server mode: standard error, one line per event (or one JSON object a line with
 * LOG_FORMAT=json). Console mode: the terminal is the parent's screen, so lines go to a file in DATA_DIR
 * ({@value #CONSOLE_LOG}), or to standard error only when LOG_LEVEL is set. A thrown exception adds its class
 * name only: messages of library exceptions may quote input.
 */
final class LogSettings {
    static final String CONSOLE_LOG = "console.log";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Level> LEVELS = Map.of("SEVERE", Level.SEVERE, "ERROR", Level.SEVERE,
            "WARNING", Level.WARNING, "WARN", Level.WARNING, "INFO", Level.INFO, "FINE", Level.FINE,
            "DEBUG", Level.FINE, "OFF", Level.OFF);

    private LogSettings() {
    }

    /** LOG_LEVEL and LOG_FORMAT's problems, for {@link Config#fromEnv}. */
    static List<String> problems(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String level = value(env, "LOG_LEVEL");
        if (!level.isEmpty() && !LEVELS.containsKey(level)) {
            problems.add("LOG_LEVEL must be one of SEVERE, WARNING, INFO, FINE or OFF");
        }
        String format = value(env, "LOG_FORMAT");
        if (!format.isEmpty() && !List.of("TEXT", "JSON").contains(format)) {
            problems.add("LOG_FORMAT must be text or json");
        }
        return problems;
    }

    /** Server mode: one line per event on {@code err}, at LOG_LEVEL (default INFO). */
    static void server(Map<String, String> env, PrintStream err) {
        install(flushing(err, formatter(env)), level(env, Level.INFO));
    }

    /**
     * Console mode: lines (WARNING and up, or LOG_LEVEL) go to {@value #CONSOLE_LOG} in {@code dataDir}; with
     * LOG_LEVEL set they go to {@code err} instead, where the operator asked for them.
     */
    static void console(Map<String, String> env, Path dataDir, PrintStream err) {
        if (!value(env, "LOG_LEVEL").isEmpty()) {
            server(env, err);
            return;
        }
        try {
            Files.createDirectories(dataDir);
            OutputStream file = Files.newOutputStream(dataDir.resolve(CONSOLE_LOG), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            install(flushing(file, formatter(env)), Level.WARNING);
        } catch (IOException e) {
            install(null, Level.OFF); // no file: stay silent rather than write on the parent's screen
        }
    }

    /** A handler that writes each line at once: a crash or SIGKILL must not lose the lines before it. */
    private static Handler flushing(OutputStream out, Formatter formatter) {
        return new StreamHandler(out, formatter) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
    }

    private static void install(Handler handler, Level level) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        if (handler != null) {
            try {
                handler.setEncoding(StandardCharsets.UTF_8.name());
            } catch (java.io.UnsupportedEncodingException e) {
                throw new AssertionError("every JVM has UTF-8", e);
            }
            handler.setLevel(level);
            root.addHandler(handler);
        }
    }

    private static Level level(Map<String, String> env, Level fallback) {
        return LEVELS.getOrDefault(value(env, "LOG_LEVEL"), fallback);
    }

    private static Formatter formatter(Map<String, String> env) {
        return value(env, "LOG_FORMAT").equals("JSON") ? new JsonLine() : new TextLine();
    }

    private static String value(Map<String, String> env, String name) {
        return env.getOrDefault(name, "").strip().toUpperCase(Locale.ROOT);
    }

    private static String message(LogRecord record) {
        String message = new TextLine().formatMessage(record).replace('\n', ' ').replace('\r', ' ');
        return record.getThrown() == null ? message : message + " (" + record.getThrown().getClass().getName() + ")";
    }

    /** {@code 2026-12-02T20:05:53.123Z WARNING miicbot.store.DataKey: message}, one line. */
    static final class TextLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            return Instant.ofEpochMilli(record.getMillis()) + " " + record.getLevel().getName() + " "
                    + record.getLoggerName() + ": " + message(record) + System.lineSeparator();
        }
    }

    /** One JSON object a line: time, level, logger, message. */
    static final class JsonLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", Instant.ofEpochMilli(record.getMillis()).toString());
            line.put("level", record.getLevel().getName());
            line.put("logger", record.getLoggerName());
            line.put("message", message(record));
            try {
                return JSON.writeValueAsString(line) + System.lineSeparator();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
