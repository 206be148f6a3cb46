package miicbot;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The production settings (README, "Running in production"), read from the environment beside {@link Config} and checked at start.
 *
 * @param webhook      BOT_MODE=webhook with WEBHOOK_URL and WEBHOOK_SECRET; null for long polling (the default)
 * @param port         PORT, the local HTTP port behind the proxy in webhook mode (default 8080)
 * @param metricsPort  METRICS_PORT, /healthz /readyz /metrics in polling mode; 0 for none (the default)
 * @param adminChatIds ADMIN_CHAT_IDS, chats (comma-separated ids) whose /stats gets the form counts
 * @param database     DATABASE_URL, a PostgreSQL database shared by replicas; null for SQLite in DATA_DIR
 */
public record ProductionConfig(Webhook webhook, int port, int metricsPort, Set<Long> adminChatIds,
                               Database database) {
    // Bot API setWebhook: secret_token is 1-256 characters of A-Z, a-z, 0-9, _ and -. We ask for 16 at least.
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{16,256}");

    /** The webhook Telegram calls: {@code url} is public (HTTPS), its path is the one the bot serves. */
    public record Webhook(URI url, String secret) {
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=(hidden)]";
        }

        /** The local path the proxy forwards to, e.g. /telegram/webhook. */
        public String path() {
            String path = url.getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        }
    }

    /** A PostgreSQL database: a JDBC URL without credentials, and the credentials apart. */
    public record Database(String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "Database[" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "(hidden)")
                    + "]";
        }
    }

    public ProductionConfig {
        adminChatIds = Set.copyOf(adminChatIds);
    }

    public boolean webhookMode() {
        return webhook != null;
    }

    /** Reads the settings from {@code env}; throws {@link IllegalArgumentException} naming every bad setting. */
    public static ProductionConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String mode = get(env, "BOT_MODE", "polling").toLowerCase(Locale.ROOT);
        Webhook webhook = null;
        if (mode.equals("webhook")) {
            webhook = webhook(env, problems);
        } else if (!mode.equals("polling")) {
            problems.add("BOT_MODE must be polling or webhook");
        }
        int port = port(env, "PORT", 8080, problems);
        int metricsPort = port(env, "METRICS_PORT", 0, problems);
        if (webhook != null && metricsPort != 0) {
            problems.add("METRICS_PORT is for polling mode; with BOT_MODE=webhook, /metrics is on PORT");
        }
        Set<Long> admins = new LinkedHashSet<>();
        for (String id : get(env, "ADMIN_CHAT_IDS", "").split(",")) {
            if (id.isBlank()) {
                continue;
            }
            try {
                admins.add(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                problems.add("ADMIN_CHAT_IDS must be chat ids separated by commas, e.g. 12345,67890");
                break;
            }
        }
        Database database = null;
        String url = get(env, "DATABASE_URL", "");
        if (!url.isEmpty()) {
            database = database(url, problems);
            if (get(env, "BOT_DATA_KEY", "").isEmpty()) {
                problems.add("BOT_DATA_KEY is required with DATABASE_URL (every replica needs the same key)");
            }
        }
        if (!problems.isEmpty()) {
            throw new Config.Problems(problems);
        }
        return new ProductionConfig(webhook, port, metricsPort, admins, database);
    }

    private static Webhook webhook(Map<String, String> env, List<String> problems) {
        if (get(env, "TELEGRAM_BOT_TOKEN", "").isEmpty()) {
            problems.add("BOT_MODE=webhook needs TELEGRAM_BOT_TOKEN");
        }
        String secret = get(env, "WEBHOOK_SECRET", "");
        if (secret.isEmpty()) {
            problems.add("WEBHOOK_SECRET is required with BOT_MODE=webhook");
        } else if (!SECRET.matcher(secret).matches()) {
            problems.add("WEBHOOK_SECRET must be 16 to 256 characters of A-Z a-z 0-9 _ - (Telegram's rule)");
        }
        String url = get(env, "WEBHOOK_URL", "");
        URI uri = null;
        if (url.isEmpty()) {
            problems.add("WEBHOOK_URL is required with BOT_MODE=webhook");
        } else {
            try {
                uri = URI.create(url);
                if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.add("WEBHOOK_URL must be a public https:// address (Telegram calls only HTTPS)");
                }
            } catch (IllegalArgumentException e) {
                problems.add("WEBHOOK_URL is not a URL");
            }
        }
        return uri == null ? null : new Webhook(uri, secret);
    }

    private static int port(Map<String, String> env, String name, int fallback, List<String> problems) {
        String value = get(env, name, "");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a port number from 1 to 65535");
        return fallback;
    }

    /**
     * postgresql://user:password@host:port/db?options (or postgres://, or jdbc:postgresql://). The user and password
     * are percent-decoded as libpq does, where a {@code +} stays a plus (form decoding would make it a space); an
     * {@code @} in the password may be written as is or as %40. Any other shape is one problem, never an exception.
     */
    static Database database(String url, List<String> problems) {
        // The value may hold a password: never quote it.
        String shape = "DATABASE_URL must look like postgresql://user:password@host:5432/database"
                + " (a libpq key=value string is not supported)";
        String plain = url.startsWith("jdbc:") ? url.substring(5) : url;
        int scheme = plain.indexOf("://");
        if (scheme < 0 || !List.of("postgresql", "postgres").contains(plain.substring(0, scheme))) {
            problems.add(shape);
            return null;
        }
        String rest = plain.substring(scheme + 3);
        int pathAt = rest.indexOf('/');
        String authority = pathAt < 0 ? rest : rest.substring(0, pathAt);
        String pathAndQuery = pathAt < 0 ? "" : rest.substring(pathAt);
        int at = authority.lastIndexOf('@'); // the host never holds an @; the password may
        String userInfo = at < 0 ? null : authority.substring(0, at);
        try {
            URI uri = new URI("postgresql://" + authority.substring(at + 1) + pathAndQuery);
            if (uri.getHost() == null || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
                problems.add(shape);
                return null;
            }
            String user = null;
            String password = null;
            if (userInfo != null) {
                String[] parts = userInfo.split(":", 2);
                user = percentDecoded(parts[0]);
                password = parts.length > 1 ? percentDecoded(parts[1]) : null;
            }
            String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return new Database(jdbc, user, password);
        } catch (URISyntaxException | IllegalArgumentException e) {
            problems.add(shape);
            return null;
        }
    }

    /** %XX escapes decoded as UTF-8; a plus stays a plus (URLDecoder alone is form decoding). */
    private static String percentDecoded(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String get(Map<String, String> env, String name, String fallback) {
        return env.getOrDefault(name, fallback).strip();
    }
}
