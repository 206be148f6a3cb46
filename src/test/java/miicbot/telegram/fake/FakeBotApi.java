package miicbot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Telegram Bot API server on 127.0.0.1 for tests: it speaks the methods the bot uses, answers in
 * Telegram's JSON shapes, enforces Telegram's rules (and records every breach as a violation), injects failures on
 * request, and records every call so tests can see what the bot sent.
 *
 * <p>Rules enforced: text 1-4096 characters and captions up to 1024 (code points, after trimming); callback_data
 * 1-64 bytes; valid HTML when parse_mode is HTML; an edit must change something; nothing may be sent to a chat
 * before the retry_after of a 429 has passed; every callback query must be answered within 10 s.
 */
public final class FakeBotApi implements AutoCloseable {
    public static final String TOKEN = "123456:TEST-token_for-the-fake";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long BOT_ID = 123456;
    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");
    private static final List<String> SEND_METHODS = List.of("sendmessage", "senddocument", "editmessagetext",
            "editmessagereplymarkup", "answercallbackquery", "deletemessage", "deletemessages");

    /** One call the bot made. */
    public record Call(String method, long chatId, JsonNode params, int status, long atMillis) { }

    /** A message the bot sent (as last edited), with its buttons' labels and callback data. */
    public record BotMessage(long chatId, int messageId, String text, List<Button> buttons) { }

    /** An inline button: {@code data} is its callback data, or {@code copyText} the text it copies (null when none). */
    public record Button(String label, String data, String copyText) {
        public Button(String label, String data) {
            this(label, data, null);
        }
    }

    /** A PDF or other file the bot sent. */
    public record Document(long chatId, String fileName, String caption, byte[] bytes) { }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final Object lock = new Object();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<Long, Map<Integer, BotMessage>> messages = new HashMap<>();
    private final Map<Long, Integer> nextMessageId = new HashMap<>();
    private final Map<Long, Integer> lastUserMessage = new HashMap<>();
    private final Map<Long, java.util.Set<Integer>> userMessages = new HashMap<>();
    /** When each message (the user's and the bot's) was sent, in ms; {@link #age} moves them back. */
    private final Map<Long, Map<Integer, Long>> sentAt = new HashMap<>();
    /** The user's typed texts and the documents' captions, by message, while the message is there. */
    private final Map<Long, Map<Integer, String>> otherTexts = new HashMap<>();
    private final Map<Long, Map<Integer, Integer>> deletions = new HashMap<>();
    private static final long DELETABLE_MS = 48 * 3600_000L;
    private final Map<Long, double[]> paceBuckets = new HashMap<>();
    private double pacePerSecond;
    private int paceBurst;
    private final List<Document> documents = new ArrayList<>();
    private final Map<String, Long> openQueries = new LinkedHashMap<>();
    private final Map<Long, Long> blockedUntil = new HashMap<>();
    private final Map<String, int[]> failNext = new HashMap<>();
    private final Map<String, int[]> rateLimitNext = new HashMap<>();
    private int nextUpdateId;
    private final int firstMessageId;
    private static final long NOT_DELIVERED = Long.MAX_VALUE;
    private int nextQueryId = 1;
    private double failRate;
    private Random random = new Random(1);
    private long latencyMillis;
    private volatile java.util.function.Consumer<Call> listener = call -> { };

    static {
        // The JDK server writes headers and body as separate packets; without TCP_NODELAY each answer waits for a
        // delayed ACK (about 40 ms), which would make the fake, not the bot, the bottleneck of every load test.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public FakeBotApi() throws IOException {
        this(1);
    }

    /** A fake whose update ids start at {@code firstUpdateId}: Telegram's ids keep rising across bot restarts. */
    public FakeBotApi(int firstUpdateId) throws IOException {
        nextUpdateId = firstUpdateId;
        // Telegram never gives a chat's message number twice: a fake standing for a later Telegram starts its
        // numbers later too, so the bot's remembered numbers (to delete) cannot name this fake's new messages.
        firstMessageId = firstUpdateId;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- what tests do as the parent ----------------------------------------------------------------------------

    /** A private text message from a user; returns the user's message id. */
    public int pushText(long chatId, long userId, String text, String languageCode) {
        synchronized (lock) {
            int id = nextMessageId(chatId);
            ObjectNode message = userMessage(chatId, userId, id, languageCode, "private");
            message.put("text", text);
            otherTexts.computeIfAbsent(chatId, c -> new HashMap<>()).put(id, text);
            lastUserMessage.put(chatId, id);
            push("message", message);
            return id;
        }
    }

    /** An edit of a message the user sent earlier. */
    public void pushEditedText(long chatId, long userId, int messageId, String text) {
        synchronized (lock) {
            ObjectNode message = userMessage(chatId, userId, messageId, "en", "private");
            message.put("text", text);
            message.put("edit_date", now());
            push("edited_message", message);
        }
    }

    public void pushSticker(long chatId, long userId) {
        synchronized (lock) {
            ObjectNode message = userMessage(chatId, userId, nextMessageId(chatId), "en", "private");
            ObjectNode sticker = message.putObject("sticker");
            sticker.put("file_id", "sticker-1").put("file_unique_id", "s1").put("type", "regular")
                    .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
            push("message", message);
        }
    }

    public void pushPhoto(long chatId, long userId) {
        synchronized (lock) {
            ObjectNode message = userMessage(chatId, userId, nextMessageId(chatId), "en", "private");
            message.putArray("photo").addObject().put("file_id", "photo-1").put("file_unique_id", "p1")
                    .put("width", 100).put("height", 100);
            push("message", message);
        }
    }

    /** A text message in a group chat (negative id). */
    public void pushGroupText(long groupId, long userId, String text) {
        synchronized (lock) {
            ObjectNode message = userMessage(groupId, userId, nextMessageId(groupId), "en", "group");
            ((ObjectNode) message.get("chat")).put("title", "A group");
            message.put("text", text);
            push("message", message);
        }
    }

    /** A tap on a button of a message the bot sent; returns the callback query id. */
    public String pushTap(long chatId, long userId, int messageId, String data) {
        synchronized (lock) {
            BotMessage sent = messages.getOrDefault(chatId, Map.of()).get(messageId);
            if (sent == null) {
                throw new IllegalArgumentException("the bot sent no message " + messageId + " to chat " + chatId);
            }
            return pushQuery(chatId, userId, sent, data);
        }
    }

    /**
     * A callback query with any data, on a message id that may not exist or belong to another chat, as a hostile
     * client could forge; it must still be answered.
     */
    public String pushForgedTap(long chatId, long userId, int messageId, String data) {
        synchronized (lock) {
            return pushQuery(chatId, userId, new BotMessage(chatId, messageId, "forged", List.of()), data);
        }
    }

    private String pushQuery(long chatId, long userId, BotMessage message, String data) {
        String id = "q" + nextQueryId++;
        ObjectNode query = NODES.objectNode();
        query.put("id", id);
        query.set("from", user(userId, "en"));
        query.put("chat_instance", "ci-" + chatId);
        query.put("data", data);
        query.set("message", messageJson(message));
        openQueries.put(id, NOT_DELIVERED);
        push("callback_query", query);
        return id;
    }

    /** Taps the button with this label on the bot's latest message that has it; returns false when none has. */
    public boolean tapLabel(long chatId, long userId, String label) {
        synchronized (lock) {
            List<BotMessage> sent = new ArrayList<>(messages.getOrDefault(chatId, Map.of()).values());
            for (int i = sent.size() - 1; i >= 0; i--) {
                for (Button button : sent.get(i).buttons()) {
                    if (button.label().equals(label)) {
                        pushTap(chatId, userId, sent.get(i).messageId(), button.data());
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Any update, as JSON (an update_id is added when missing). */
    public void pushRaw(String updateJson) throws IOException {
        synchronized (lock) {
            ObjectNode update = (ObjectNode) JSON.readTree(updateJson);
            if (!update.has("update_id")) {
                update.put("update_id", nextUpdateId++);
            }
            if (update.path("callback_query").has("id")) {
                openQueries.put(update.path("callback_query").path("id").asText(), NOT_DELIVERED);
            }
            updates.add(update);
            lock.notifyAll();
        }
    }

    // ---- fault injection ---------------------------------------------------------------------------------------

    /**
     * The next {@code count} calls of {@code method} fail: getUpdates with {@code status} and Telegram's error body
     * (409: another poller), the other methods with 500.
     */
    public void failNext(String method, int count, int status) {
        synchronized (lock) {
            failNext.put(method.toLowerCase(Locale.ROOT), new int[] {count, status});
        }
    }

    /** The next {@code count} calls of {@code method} get 429 with {@code retryAfter} seconds. */
    public void rateLimitNext(String method, int count, int retryAfter) {
        synchronized (lock) {
            rateLimitNext.put(method.toLowerCase(Locale.ROOT), new int[] {count, retryAfter});
        }
    }

    /**
     * Records a violation whenever a chat is sent messages faster than Telegram allows it: about {@code perSecond}
     * after a burst of {@code burst} (Bots FAQ). Off by default: most tests run the bot with pacing off.
     */
    public void strictPacing(double perSecond, int burst) {
        synchronized (lock) {
            pacePerSecond = perSecond;
            paceBurst = burst;
        }
    }

    /** A share of send calls fail at random: a 500, a dropped connection, or a 3-second delay. */
    public void failRate(double share, long seed) {
        synchronized (lock) {
            failRate = share;
            random = new Random(seed);
        }
    }

    /** Called after each call other than getUpdates, on the server's thread (for load drivers). */
    public void onCall(java.util.function.Consumer<Call> listener) {
        this.listener = listener;
    }

    public void latency(Duration latency) {
        latencyMillis = latency.toMillis();
    }

    // ---- what tests read ------------------------------------------------------------------------------------------

    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** How many calls other than getUpdates the bot has made. */
    public int botCalls() {
        synchronized (lock) {
            return (int) calls.stream().filter(c -> !c.method().equals("getupdates")).count();
        }
    }

    public List<Call> calls(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return calls().stream().filter(c -> c.method().equals(m)).toList();
    }

    public List<BotMessage> messages(long chatId) {
        synchronized (lock) {
            return List.copyOf(messages.getOrDefault(chatId, Map.of()).values());
        }
    }

    public BotMessage lastMessage(long chatId) {
        List<BotMessage> all = messages(chatId);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    public List<Document> documents(long chatId) {
        synchronized (lock) {
            return documents.stream().filter(d -> d.chatId() == chatId).toList();
        }
    }

    public int lastUserMessageId(long chatId) {
        synchronized (lock) {
            return lastUserMessage.getOrDefault(chatId, 0);
        }
    }

    /** Every breach of Telegram's rules so far, including callback queries unanswered for over a second. */
    /** Makes every message now in the chat look {@code by} older (as if sent that long ago). */
    public void age(long chatId, Duration by) {
        synchronized (lock) {
            sentAt.getOrDefault(chatId, new HashMap<>()).replaceAll((id, at) -> at - by.toMillis());
        }
    }

    /**
     * Every text still in the chat: the bot's messages, the user's typed messages, and the documents' captions and
     * file names (a deleted message is gone from here).
     */
    public List<String> textsInChat(long chatId) {
        synchronized (lock) {
            List<String> texts = new ArrayList<>();
            messages.getOrDefault(chatId, Map.of()).values().stream().map(BotMessage::text)
                    .filter(java.util.Objects::nonNull).forEach(texts::add);
            otherTexts.getOrDefault(chatId, Map.of()).forEach((id, text) -> {
                if (messages.getOrDefault(chatId, Map.of()).containsKey(id)
                        || userMessages.getOrDefault(chatId, java.util.Set.of()).contains(id)) {
                    texts.add(text);
                }
            });
            return texts;
        }
    }

    /** How many times each message of the chat was deleted while it was there (twice would be a bug). */
    public Map<Integer, Integer> deletions(long chatId) {
        synchronized (lock) {
            return Map.copyOf(deletions.getOrDefault(chatId, Map.of()));
        }
    }

    public List<String> violations() {
        synchronized (lock) {
            List<String> all = new ArrayList<>(violations);
            long now = System.currentTimeMillis();
            openQueries.forEach((id, at) -> {
                if (at != NOT_DELIVERED && now - at > 1_000) {
                    all.add("callback query " + id + " not answered");
                }
            });
            return all;
        }
    }

    /** Waits until a call matches; fails with what was called when none does in time. */
    public Call awaitCall(Predicate<Call> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        synchronized (lock) {
            while (true) {
                for (Call call : calls) {
                    if (wanted.test(call)) {
                        return call;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no matching call within " + timeout + "; calls: "
                            + calls.stream().map(c -> c.method() + " " + c.chatId()).toList());
                }
                lock.wait(left);
            }
        }
    }

    /** Waits until the bot has sent {@code count} messages or edits to the chat after {@code since} calls. */
    public void awaitQuiet(Duration quiet, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        int seen = -1;
        while (System.currentTimeMillis() < deadline) {
            int now = botCalls();
            if (now == seen && openQueriesEmpty()) {
                return;
            }
            seen = now;
            Thread.sleep(quiet.toMillis());
        }
        throw new AssertionError("the bot did not go quiet within " + timeout + " (" + botCalls() + " calls, "
                + (openQueriesEmpty() ? "no" : "some") + " callback queries open)");
    }

    private boolean openQueriesEmpty() {
        synchronized (lock) {
            return openQueries.isEmpty();
        }
    }

    public List<Document> awaitDocuments(long chatId, int count, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        synchronized (lock) {
            while (documents.stream().filter(d -> d.chatId() == chatId).count() < count) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("chat " + chatId + " got " + documents(chatId).size() + " documents");
                }
                lock.wait(left);
            }
            return documents(chatId);
        }
    }

    // ---- the server -------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                respond(exchange, 404, error(404, "Not Found"));
                return;
            }
            if (!path.group(1).equals(TOKEN)) {
                respond(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            String method = path.group(2).toLowerCase(Locale.ROOT);
            byte[] body = exchange.getRequestBody().readAllBytes();
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            Multipart multipart = null;
            ObjectNode params;
            if (type.startsWith("multipart/form-data")) {
                multipart = Multipart.parse(body, type);
                params = NODES.objectNode();
                for (var field : multipart.fields.entrySet()) {
                    params.put(field.getKey(), field.getValue());
                }
            } else {
                params = body.length == 0 ? NODES.objectNode() : (ObjectNode) JSON.readTree(body);
            }
            if (latencyMillis > 0) {
                Thread.sleep(latencyMillis);
            }
            if (method.equals("getupdates")) {
                int failing = injectedFailure(method);
                if (failing > 0) {
                    synchronized (lock) {
                        calls.add(new Call(method, 0, params, failing, System.currentTimeMillis()));
                        lock.notifyAll();
                    }
                    respond(exchange, failing, error(failing, "injected failure"));
                    return;
                }
                respond(exchange, 200, ok(getUpdates(params)));
                return;
            }
            Fault fault = fault(method, params);
            if (fault == Fault.DROP) {
                return; // closes the connection without an answer
            }
            if (fault == Fault.SLOW) {
                Thread.sleep(3_000);
            }
            JsonNode[] answer = new JsonNode[1];
            int status;
            Call call;
            synchronized (lock) {
                status = fault == Fault.SERVER_ERROR ? 500 : dispatch(method, params, multipart, answer);
                call = new Call(method, chatId(params), params, status, System.currentTimeMillis());
                calls.add(call);
                lock.notifyAll();
            }
            listener.accept(call);
            respond(exchange, status, answer[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            respond(exchange, 500, error(500, "Internal Server Error: fake failed: " + e));
        }
    }

    private enum Fault { NONE, SERVER_ERROR, DROP, SLOW }

    /** The status {@link #failNext} set for this call of {@code method}, or 0. */
    private int injectedFailure(String method) {
        synchronized (lock) {
            int[] fail = failNext.get(method);
            if (fail != null && fail[0] > 0) {
                fail[0]--;
                return fail[1];
            }
            return 0;
        }
    }

    private Fault fault(String method, JsonNode params) {
        synchronized (lock) {
            if (injectedFailure(method) > 0) {
                return Fault.SERVER_ERROR;
            }
            if (failRate > 0 && SEND_METHODS.contains(method) && random.nextDouble() < failRate) {
                return Fault.values()[1 + random.nextInt(3)];
            }
            return Fault.NONE;
        }
    }

    /** Runs one method under the lock; returns the HTTP status and puts the JSON answer in {@code answer[0]}. */
    private int dispatch(String method, ObjectNode params, Multipart multipart, JsonNode[] answer) {
        long chatId = chatId(params);
        int[] limited = rateLimitNext.get(method);
        if (limited != null && limited[0] > 0) {
            limited[0]--;
            blockedUntil.put(chatId, System.currentTimeMillis() + limited[1] * 1000L);
            ObjectNode error = error(429, "Too Many Requests: retry after " + limited[1]);
            error.putObject("parameters").put("retry_after", limited[1]);
            answer[0] = error;
            return 429;
        }
        if (SEND_METHODS.contains(method) && !method.equals("answercallbackquery")
                && blockedUntil.getOrDefault(chatId, 0L) > System.currentTimeMillis()) {
            violations.add(method + " to chat " + chatId + " ignored retry_after");
        }
        if (pacePerSecond > 0 && (method.equals("sendmessage") || method.equals("senddocument")) && chatId != 0) {
            double[] bucket = paceBuckets.computeIfAbsent(chatId, c -> new double[] {paceBurst, System.nanoTime()});
            long now = System.nanoTime();
            bucket[0] = Math.min(paceBurst, bucket[0] + (now - bucket[1]) / 1e9 * pacePerSecond);
            bucket[1] = now;
            bucket[0] -= 1;
            if (bucket[0] < 0) {
                violations.add(method + " to chat " + chatId + " faster than " + pacePerSecond + " a second after a burst"
                        + " of " + paceBurst);
                bucket[0] = 0;
            }
        }
        switch (method) {
            case "getme" -> answer[0] = ok(user(BOT_ID, null).put("is_bot", true).put("username", "miic_test_bot"));
            case "deletewebhook", "setmycommands", "setwebhook" -> answer[0] = ok(NODES.booleanNode(true));
            case "getwebhookinfo" -> answer[0] = ok(NODES.objectNode().put("url", "").put("pending_update_count", 0));
            case "sendmessage" -> {
                String problem = checkText(params.path("text").asText(""), 4096, false)
                        + checkHtml(params) + checkKeyboard(params.get("reply_markup"));
                if (!problem.isEmpty()) {
                    return badRequest(method, problem, answer);
                }
                BotMessage sent = new BotMessage(chatId, nextMessageId(chatId), params.path("text").asText(),
                        buttons(params.get("reply_markup")));
                messages.computeIfAbsent(chatId, c -> new LinkedHashMap<>()).put(sent.messageId(), sent);
                sentAt.computeIfAbsent(chatId, c -> new HashMap<>()).put(sent.messageId(), System.currentTimeMillis());
                answer[0] = ok(messageJson(sent));
            }
            case "editmessagetext", "editmessagereplymarkup" -> {
                BotMessage old = messages.getOrDefault(chatId, Map.of()).get(params.path("message_id").asInt());
                if (old == null) {
                    return badRequest(method, "message to edit not found", answer);
                }
                String text = method.equals("editmessagetext") ? params.path("text").asText("") : old.text();
                String problem = checkText(text, 4096, false) + checkHtml(params)
                        + checkKeyboard(params.get("reply_markup"));
                if (!problem.isEmpty()) {
                    return badRequest(method, problem, answer);
                }
                BotMessage edited = new BotMessage(chatId, old.messageId(), text, buttons(params.get("reply_markup")));
                if (edited.equals(old)) {
                    return badRequest(method, "message is not modified: specified new message content and reply"
                            + " markup are exactly the same as a current content and reply markup of the message",
                            answer);
                }
                messages.get(chatId).put(old.messageId(), edited);
                answer[0] = ok(messageJson(edited));
            }
            case "answercallbackquery" -> {
                String id = params.path("callback_query_id").asText();
                Long at = openQueries.remove(id);
                if (at == null) {
                    return badRequest(method, "query is too old and response timeout expired or query ID is invalid",
                            answer);
                }
                if (at != NOT_DELIVERED && System.currentTimeMillis() - at > 10_000) {
                    violations.add("callback query " + id + " answered after 10 s");
                }
                if (params.path("text").asText("").length() > 200) {
                    return badRequest(method, "MESSAGE_TOO_LONG", answer);
                }
                answer[0] = ok(NODES.booleanNode(true));
            }
            case "senddocument" -> {
                // The client sends "attach://<name>" and the file as a part of that name.
                String document = params.path("document").asText("");
                Multipart.FilePart file = multipart == null ? null : multipart.files.get(
                        document.startsWith("attach://") ? document.substring("attach://".length()) : "document");
                String caption = params.path("caption").asText("");
                String problem = (file == null ? "document is missing; " : "") + checkText(caption, 1024, true);
                if (!problem.isEmpty()) {
                    return badRequest(method, problem, answer);
                }
                documents.add(new Document(chatId, file.fileName(), caption, file.bytes()));
                BotMessage sent = new BotMessage(chatId, nextMessageId(chatId), null, List.of());
                messages.computeIfAbsent(chatId, c -> new LinkedHashMap<>()).put(sent.messageId(), sent);
                sentAt.computeIfAbsent(chatId, c -> new HashMap<>()).put(sent.messageId(), System.currentTimeMillis());
                otherTexts.computeIfAbsent(chatId, c -> new HashMap<>()).put(sent.messageId(),
                        caption + "\n" + file.fileName());
                ObjectNode message = messageJson(sent);
                message.put("caption", caption);
                message.putObject("document").put("file_id", "doc-" + documents.size())
                        .put("file_unique_id", "u" + documents.size()).put("file_name", file.fileName())
                        .put("mime_type", "application/pdf").put("file_size", file.bytes().length);
                answer[0] = ok(message);
            }
            case "deletemessages" -> {
                // Telegram: 1-100 ids; the ones it cannot find are skipped.
                JsonNode ids = params.path("message_ids");
                if (ids.isTextual()) {
                    try {
                        ids = JSON.readTree(ids.asText());
                    } catch (IOException e) {
                        return badRequest(method, "message_ids is not a list", answer);
                    }
                }
                if (!ids.isArray() || ids.size() < 1 || ids.size() > 100) {
                    return badRequest(method, "message_ids must hold 1-100 ids", answer);
                }
                for (JsonNode id : ids) {
                    if (tooOldToDelete(chatId, id.asInt())) {
                        return refuse("message can't be deleted for everyone", answer); // and none of the others
                    }
                }
                for (JsonNode id : ids) {
                    delete(chatId, id.asInt());
                }
                answer[0] = ok(NODES.booleanNode(true));
            }
            case "deletemessage" -> {
                int id = params.path("message_id").asInt();
                boolean gone = !userMessages.getOrDefault(chatId, java.util.Set.of()).contains(id)
                        && !messages.getOrDefault(chatId, Map.of()).containsKey(id);
                if (gone) {
                    return badRequest(method, "message to delete not found", answer);
                }
                if (tooOldToDelete(chatId, id)) {
                    return refuse("message can't be deleted for everyone", answer);
                }
                delete(chatId, id);
                answer[0] = ok(NODES.booleanNode(true));
            }
            default -> {
                answer[0] = error(404, "Not Found");
                return 404;
            }
        }
        return 200;
    }

    /** Telegram: a bot deletes a message in a private chat within 48 hours of its sending, not after. */
    private boolean tooOldToDelete(long chatId, int messageId) {
        Long at = sentAt.getOrDefault(chatId, Map.of()).get(messageId);
        boolean there = messages.getOrDefault(chatId, Map.of()).containsKey(messageId)
                || userMessages.getOrDefault(chatId, java.util.Set.of()).contains(messageId);
        return there && at != null && System.currentTimeMillis() - at > DELETABLE_MS;
    }

    private void delete(long chatId, int messageId) {
        boolean there = userMessages.getOrDefault(chatId, new java.util.HashSet<>()).remove(messageId)
                | messages.getOrDefault(chatId, new HashMap<>()).remove(messageId) != null;
        if (there) {
            otherTexts.getOrDefault(chatId, new HashMap<>()).remove(messageId);
            deletions.computeIfAbsent(chatId, c -> new HashMap<>()).merge(messageId, 1, Integer::sum);
        }
    }

    /** Telegram's refusal of a call the bot could not know would be refused: a 400, but no breach of the rules. */
    private static int refuse(String problem, JsonNode[] answer) {
        answer[0] = error(400, "Bad Request: " + problem);
        return 400;
    }

    private int badRequest(String method, String problem, JsonNode[] answer) {
        violations.add(method + ": " + problem);
        answer[0] = error(400, "Bad Request: " + problem);
        return 400;
    }

    /** Telegram counts characters as code points after trimming. */
    private static String checkText(String text, int max, boolean mayBeEmpty) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() && !mayBeEmpty) {
            return "message text is empty; ";
        }
        return trimmed.codePointCount(0, trimmed.length()) > max ? "message is too long; " : "";
    }

    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)(\\s[^>]*)?>");
    private static final List<String> HTML_TAGS = List.of("b", "strong", "i", "em", "u", "ins", "s", "strike",
            "del", "a", "code", "pre", "tg-spoiler", "span", "blockquote");

    private static String checkHtml(JsonNode params) {
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

    private static String checkKeyboard(JsonNode markup) {
        for (Button button : buttons(markup)) {
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

    private static List<Button> buttons(JsonNode markup) {
        JsonNode parsed = markup;
        if (markup != null && markup.isTextual()) {
            try {
                parsed = JSON.readTree(markup.asText());
            } catch (IOException e) {
                return List.of(new Button("", null));
            }
        }
        List<Button> buttons = new ArrayList<>();
        if (parsed != null) {
            for (JsonNode row : parsed.path("inline_keyboard")) {
                for (JsonNode button : row) {
                    buttons.add(new Button(button.path("text").asText(""),
                            button.has("callback_data") ? button.get("callback_data").asText() : null,
                            button.has("copy_text") ? button.get("copy_text").path("text").asText(null) : null));
                }
            }
        }
        return List.copyOf(buttons);
    }

    private ArrayNode getUpdates(JsonNode params) throws InterruptedException {
        long offset = params.path("offset").asLong(0);
        int limit = params.path("limit").asInt(100);
        long deadline = System.currentTimeMillis() + Math.min(50, params.path("timeout").asInt(0)) * 1000L;
        synchronized (lock) {
            calls.add(new Call("getupdates", 0, params, 200, System.currentTimeMillis()));
            lock.notifyAll();
            updates.removeIf(u -> u.get("update_id").asLong() < offset);
            while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
                lock.wait(Math.max(1, deadline - System.currentTimeMillis()));
                updates.removeIf(u -> u.get("update_id").asLong() < offset);
            }
            ArrayNode result = NODES.arrayNode();
            long now = System.currentTimeMillis();
            updates.stream().limit(limit).forEach(u -> {
                result.add(u);
                String query = u.path("callback_query").path("id").asText(null);
                if (query != null && openQueries.get(query) != null && openQueries.get(query) == NOT_DELIVERED) {
                    openQueries.put(query, now); // Telegram's clock for an answer starts when the bot gets it
                }
            });
            return result;
        }
    }

    private void push(String kind, ObjectNode payload) {
        ObjectNode update = NODES.objectNode();
        update.put("update_id", nextUpdateId++);
        update.set(kind, payload);
        updates.add(update);
        lock.notifyAll();
    }

    private int nextMessageId(long chatId) {
        return nextMessageId.merge(chatId, firstMessageId, (last, first) -> last + 1);
    }

    private ObjectNode userMessage(long chatId, long userId, int messageId, String languageCode, String chatType) {
        userMessages.computeIfAbsent(chatId, c -> new java.util.HashSet<>()).add(messageId);
        sentAt.computeIfAbsent(chatId, c -> new HashMap<>()).putIfAbsent(messageId, System.currentTimeMillis());
        ObjectNode message = NODES.objectNode();
        message.put("message_id", messageId);
        message.put("date", now());
        ObjectNode chat = message.putObject("chat");
        chat.put("id", chatId).put("type", chatType);
        message.set("from", user(userId, languageCode));
        return message;
    }

    private ObjectNode messageJson(BotMessage sent) {
        ObjectNode message = NODES.objectNode();
        message.put("message_id", sent.messageId());
        message.put("date", now());
        message.putObject("chat").put("id", sent.chatId()).put("type", sent.chatId() < 0 ? "group" : "private");
        message.set("from", user(BOT_ID, null).put("is_bot", true));
        if (sent.text() != null) {
            message.put("text", sent.text());
        }
        if (!sent.buttons().isEmpty()) {
            ArrayNode rows = message.putObject("reply_markup").putArray("inline_keyboard");
            for (Button button : sent.buttons()) {
                rows.addArray().addObject().put("text", button.label()).put("callback_data", button.data());
            }
        }
        return message;
    }

    private static ObjectNode user(long id, String languageCode) {
        ObjectNode user = NODES.objectNode();
        user.put("id", id).put("is_bot", false).put("first_name", "Parent");
        if (languageCode != null) {
            user.put("language_code", languageCode);
        }
        return user;
    }

    private static long chatId(JsonNode params) {
        JsonNode chat = params.get("chat_id");
        return chat == null ? 0 : chat.asLong();
    }

    private static int now() {
        return (int) (System.currentTimeMillis() / 1000);
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode ok = NODES.objectNode();
        ok.put("ok", true);
        ok.set("result", result);
        return ok;
    }

    private static ObjectNode error(int code, String description) {
        ObjectNode error = NODES.objectNode();
        error.put("ok", false).put("error_code", code).put("description", description);
        return error;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
