package miicbot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * request, and records every call so tests can see what the bot sent. This class is the server, the failures and
 * the call log; the chats and what each method does to them are {@link SimulatedChats}; the rules checked are
 * {@link TelegramRules} (text and caption lengths, callback data, HTML, retry_after, pacing), and every callback
 * query must be answered within 10 s.
 */
public final class FakeBotApi implements AutoCloseable {
    public static final String TOKEN = "123456:TEST-token_for-the-fake";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");

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
    private final SimulatedChats chats;
    private final TelegramRules rules = new TelegramRules();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, int[]> failNext = new HashMap<>();
    private final Map<String, int[]> rateLimitNext = new HashMap<>();
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
        chats = new SimulatedChats(lock, firstUpdateId);
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
        return chats.pushText(chatId, userId, text, languageCode);
    }

    /** An edit of a message the user sent earlier. */
    public void pushEditedText(long chatId, long userId, int messageId, String text) {
        chats.pushEditedText(chatId, userId, messageId, text);
    }

    public void pushSticker(long chatId, long userId) {
        chats.pushSticker(chatId, userId);
    }

    public void pushPhoto(long chatId, long userId) {
        chats.pushPhoto(chatId, userId);
    }

    /** A text message in a group chat (negative id). */
    public void pushGroupText(long groupId, long userId, String text) {
        chats.pushGroupText(groupId, userId, text);
    }

    /** A tap on a button of a message the bot sent; returns the callback query id. */
    public String pushTap(long chatId, long userId, int messageId, String data) {
        return chats.pushTap(chatId, userId, messageId, data);
    }

    /**
     * A callback query with any data, on a message id that may not exist or belong to another chat, as a hostile
     * client could forge; it must still be answered.
     */
    public String pushForgedTap(long chatId, long userId, int messageId, String data) {
        return chats.pushForgedTap(chatId, userId, messageId, data);
    }

    /** Taps the button with this label on the bot's latest message that has it; returns false when none has. */
    public boolean tapLabel(long chatId, long userId, String label) {
        return chats.tapLabel(chatId, userId, label);
    }

    /** Any update, as JSON (an update_id is added when missing). */
    public void pushRaw(String updateJson) throws IOException {
        chats.pushRaw(updateJson);
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
            rules.strictPacing(perSecond, burst);
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
        return chats.messages(chatId);
    }

    public BotMessage lastMessage(long chatId) {
        return chats.lastMessage(chatId);
    }

    public List<Document> documents(long chatId) {
        return chats.documents(chatId);
    }

    public int lastUserMessageId(long chatId) {
        return chats.lastUserMessageId(chatId);
    }

    /** Makes every message now in the chat look {@code by} older (as if sent that long ago). */
    public void age(long chatId, Duration by) {
        chats.age(chatId, by);
    }

    /**
     * Every text still in the chat: the bot's messages, the user's typed messages, and the documents' captions and
     * file names (a deleted message is gone from here).
     */
    public List<String> textsInChat(long chatId) {
        return chats.textsInChat(chatId);
    }

    /** How many times each message of the chat was deleted while it was there (twice would be a bug). */
    public Map<Integer, Integer> deletions(long chatId) {
        return chats.deletions(chatId);
    }

    /** Every breach of Telegram's rules so far, including callback queries unanswered for over a second. */
    public List<String> violations() {
        return chats.violations();
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
        return chats.openQueriesEmpty();
    }

    public List<Document> awaitDocuments(long chatId, int count, Duration timeout) throws InterruptedException {
        return chats.awaitDocuments(chatId, count, timeout);
    }

    // ---- the server -------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                respond(exchange, 404, SimulatedChats.error(404, "Not Found"));
                return;
            }
            if (!path.group(1).equals(TOKEN)) {
                respond(exchange, 401, SimulatedChats.error(401, "Unauthorized"));
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
                    respond(exchange, failing, SimulatedChats.error(failing, "injected failure"));
                    return;
                }
                synchronized (lock) {
                    calls.add(new Call(method, 0, params, 200, System.currentTimeMillis()));
                    lock.notifyAll();
                }
                respond(exchange, 200, SimulatedChats.ok(chats.getUpdates(params)));
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
                call = new Call(method, SimulatedChats.chatId(params), params, status, System.currentTimeMillis());
                calls.add(call);
                lock.notifyAll();
            }
            listener.accept(call);
            respond(exchange, status, answer[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            respond(exchange, 500, SimulatedChats.error(500, "Internal Server Error: fake failed: " + e));
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
            if (failRate > 0 && TelegramRules.SEND_METHODS.contains(method) && random.nextDouble() < failRate) {
                return Fault.values()[1 + random.nextInt(3)];
            }
            return Fault.NONE;
        }
    }

    /** Runs one method under the lock; returns the HTTP status and puts the JSON answer in {@code answer[0]}. */
    private int dispatch(String method, ObjectNode params, Multipart multipart, JsonNode[] answer) {
        long chatId = SimulatedChats.chatId(params);
        int[] limited = rateLimitNext.get(method);
        if (limited != null && limited[0] > 0) {
            limited[0]--;
            rules.block(chatId, limited[1]);
            ObjectNode error = SimulatedChats.error(429, "Too Many Requests: retry after " + limited[1]);
            error.putObject("parameters").put("retry_after", limited[1]);
            answer[0] = error;
            return 429;
        }
        rules.timing(method, chatId).forEach(chats::violate);
        return chats.run(method, params, multipart, answer);
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
