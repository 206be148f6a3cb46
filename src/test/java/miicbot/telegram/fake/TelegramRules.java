package miicbot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bot API's rules the fake enforces, each breach worded as a violation: text 1-4096 characters and captions up
 * to 1024 (code points, after trimming); callback_data 1-64 bytes; valid HTML when parse_mode is HTML; nothing
 * sent to a chat before a 429's retry_after has passed; with {@link #strictPacing}, no chat sent messages faster
 * than Telegram allows. Not thread-safe: the fake calls it under its lock.
 */
final class TelegramRules {
    static final List<String> SEND_METHODS = List.of("sendmessage", "senddocument", "editmessagetext",
            "editmessagereplymarkup", "answercallbackquery", "deletemessage", "deletemessages");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DELETABLE_MS = 48 * 3600_000L;
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)(\\s[^>]*)?>");
    private static final List<String> HTML_TAGS = List.of("b", "strong", "i", "em", "u", "ins", "s", "strike",
            "del", "a", "code", "pre", "tg-spoiler", "span", "blockquote");

    private final Map<Long, double[]> paceBuckets = new HashMap<>();
    private final Map<Long, Long> blockedUntil = new HashMap<>();
    private double pacePerSecond;
    private int paceBurst;

    /** Pacing is checked from now on: about {@code perSecond} messages a chat after a burst of {@code burst}. */
    void strictPacing(double perSecond, int burst) {
        pacePerSecond = perSecond;
        paceBurst = burst;
    }

    /** A 429 was answered for the chat: nothing may go to it for {@code seconds}. */
    void block(long chatId, int seconds) {
        blockedUntil.put(chatId, System.currentTimeMillis() + seconds * 1000L);
    }

    /** The breaches of this call's timing (a 429 ignored, a chat sent too fast); empty when none. */
    List<String> timing(String method, long chatId) {
        List<String> breaches = new ArrayList<>();
        if (SEND_METHODS.contains(method) && !method.equals("answercallbackquery")
                && blockedUntil.getOrDefault(chatId, 0L) > System.currentTimeMillis()) {
            breaches.add(method + " to chat " + chatId + " ignored retry_after");
        }
        if (pacePerSecond > 0 && (method.equals("sendmessage") || method.equals("senddocument")) && chatId != 0) {
            double[] bucket = paceBuckets.computeIfAbsent(chatId, c -> new double[] {paceBurst, System.nanoTime()});
            long now = System.nanoTime();
            bucket[0] = Math.min(paceBurst, bucket[0] + (now - bucket[1]) / 1e9 * pacePerSecond);
            bucket[1] = now;
            bucket[0] -= 1;
            if (bucket[0] < 0) {
                breaches.add(method + " to chat " + chatId + " faster than " + pacePerSecond + " a second after a burst"
                        + " of " + paceBurst);
                bucket[0] = 0;
            }
        }
        return breaches;
    }

    /** Telegram counts characters as code points after trimming. */
    static String checkText(String text, int max, boolean mayBeEmpty) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() && !mayBeEmpty) {
            return "message text is empty; ";
        }
        return trimmed.codePointCount(0, trimmed.length()) > max ? "message is too long; " : "";
    }

    static String checkHtml(JsonNode params) {
        if (!"html".equalsIgnoreCase(params.path("parse_mode").asText(""))) {
            return "";
        }
        String text = params.path("text").asText("");
        List<String> open = new ArrayList<>();
        Matcher tag = TAG.matcher(text);
        int last = 0;
        while (tag.find()) {
            if (text.substring(last, tag.start()).contains("<") || badEntity(text.substring(last, tag.start()))) {
                return "can't parse entities: unexpected character; ";
            }
            if (!HTML_TAGS.contains(tag.group(2))) {
                return "can't parse entities: Unsupported start tag \"" + tag.group(2) + "\"; ";
            }
            if (tag.group(1).isEmpty()) {
                open.add(tag.group(2));
            } else if (open.isEmpty() || !open.remove(open.size() - 1).equals(tag.group(2))) {
                return "can't parse entities: Unmatched end tag; ";
            }
            last = tag.end();
        }
        if (text.substring(last).contains("<") || badEntity(text.substring(last)) || !open.isEmpty()) {
            return "can't parse entities: unclosed or stray characters; ";
        }
        return "";
    }

    private static boolean badEntity(String text) {
        return Pattern.compile("&(?!(lt|gt|amp|quot|#\\d+);)").matcher(text).find();
    }

    static String checkKeyboard(JsonNode markup) {
        for (FakeBotApi.Button button : buttons(markup)) {
            if (button.copyText() != null) {
                int length = button.copyText().codePointCount(0, button.copyText().length());
                if (button.data() != null || length < 1 || length > 256) {
                    return "COPY_TEXT_INVALID; "; // Telegram: 1-256 characters, and one kind of button only
                }
            } else {
                int bytes = button.data() == null ? 0 : button.data().getBytes(StandardCharsets.UTF_8).length;
                if (bytes < 1 || bytes > 64) {
                    return "BUTTON_DATA_INVALID; ";
                }
            }
            if (button.label().isBlank()) {
                return "BUTTON_TEXT_EMPTY; ";
            }
        }
        return "";
    }

    /** An inline keyboard's buttons, from its JSON (an object, or the string a multipart call sends). */
    static List<FakeBotApi.Button> buttons(JsonNode markup) {
        JsonNode parsed = markup;
        if (markup != null && markup.isTextual()) {
            try {
                parsed = JSON.readTree(markup.asText());
            } catch (IOException e) {
                return List.of(new FakeBotApi.Button("", null));
            }
        }
        List<FakeBotApi.Button> buttons = new ArrayList<>();
        if (parsed != null) {
            for (JsonNode row : parsed.path("inline_keyboard")) {
                for (JsonNode button : row) {
                    buttons.add(new FakeBotApi.Button(button.path("text").asText(""),
                            button.has("callback_data") ? button.get("callback_data").asText() : null,
                            button.has("copy_text") ? button.get("copy_text").path("text").asText(null) : null));
                }
            }
        }
        return List.copyOf(buttons);
    }

    /** Telegram: a bot deletes a message in a private chat within 48 hours of its sending, not after. */
    static boolean tooOldToDelete(Long sentAtMillis) {
        return sentAtMillis != null && System.currentTimeMillis() - sentAtMillis > DELETABLE_MS;
    }
}
