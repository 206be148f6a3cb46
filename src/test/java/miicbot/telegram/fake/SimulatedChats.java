package miicbot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import miicbot.telegram.fake.FakeBotApi.BotMessage;
import miicbot.telegram.fake.FakeBotApi.Button;
import miicbot.telegram.fake.FakeBotApi.Document;

/**
 * The chats as Telegram holds them: what the parents send (as updates waiting for getUpdates), the messages and
 * documents the bot sent, and the callback queries still to be answered; and what each Bot API method does to
 * them. Every method runs under the fake's one lock, which getUpdates waits on for new updates.
 */
final class SimulatedChats {
    static final long BOT_ID = 123456;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long NOT_DELIVERED = Long.MAX_VALUE;

    private final Object lock;
    private final List<ObjectNode> updates = new ArrayList<>();
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
    private final int firstMessageId;
    private final List<Document> documents = new ArrayList<>();
    private final Map<String, Long> openQueries = new LinkedHashMap<>();
    private int nextUpdateId;
    private int nextQueryId = 1;

    SimulatedChats(Object lock, int firstUpdateId) {
        this.lock = lock;
        this.nextUpdateId = firstUpdateId;
        // Telegram never gives a chat's message number twice: a fake standing for a later Telegram starts its
        // numbers later too, so the bot's remembered numbers (to delete) cannot name this fake's new messages.
        this.firstMessageId = firstUpdateId;
    }

    // ---- what the parents do ------------------------------------------------------------------------------------

    /** A private text message from a user; returns the user's message id. */
    int pushText(long chatId, long userId, String text, String languageCode) {
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
    void pushEditedText(long chatId, long userId, int messageId, String text) {
        synchronized (lock) {
            ObjectNode message = userMessage(chatId, userId, messageId, "en", "private");
            message.put("text", text);
            message.put("edit_date", now());
            push("edited_message", message);
        }
    }

    void pushSticker(long chatId, long userId) {
        synchronized (lock) {
            ObjectNode message = userMessage(chatId, userId, nextMessageId(chatId), "en", "private");
            ObjectNode sticker = message.putObject("sticker");
            sticker.put("file_id", "sticker-1").put("file_unique_id", "s1").put("type", "regular")
                    .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
            push("message", message);
        }
    }

    void pushPhoto(long chatId, long userId) {
        synchronized (lock) {
            ObjectNode message = userMessage(chatId, userId, nextMessageId(chatId), "en", "private");
            message.putArray("photo").addObject().put("file_id", "photo-1").put("file_unique_id", "p1")
                    .put("width", 100).put("height", 100);
            push("message", message);
        }
    }

    /** A text message in a group chat (negative id). */
    void pushGroupText(long groupId, long userId, String text) {
        synchronized (lock) {
            ObjectNode message = userMessage(groupId, userId, nextMessageId(groupId), "en", "group");
            ((ObjectNode) message.get("chat")).put("title", "A group");
            message.put("text", text);
            push("message", message);
        }
    }

    /** A tap on a button of a message the bot sent; returns the callback query id. */
    String pushTap(long chatId, long userId, int messageId, String data) {
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
    String pushForgedTap(long chatId, long userId, int messageId, String data) {
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
    boolean tapLabel(long chatId, long userId, String label) {
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
    void pushRaw(String updateJson) throws IOException {
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

    // ---- what the bot sent ----------------------------------------------------------------------------------------

    List<BotMessage> messages(long chatId) {
        synchronized (lock) {
            return List.copyOf(messages.getOrDefault(chatId, Map.of()).values());
        }
    }

    BotMessage lastMessage(long chatId) {
        List<BotMessage> all = messages(chatId);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    List<Document> documents(long chatId) {
        synchronized (lock) {
            return documents.stream().filter(d -> d.chatId() == chatId).toList();
        }
    }

    int lastUserMessageId(long chatId) {
        synchronized (lock) {
            return lastUserMessage.getOrDefault(chatId, 0);
        }
    }

    void age(long chatId, Duration by) {
        synchronized (lock) {
            sentAt.getOrDefault(chatId, new HashMap<>()).replaceAll((id, at) -> at - by.toMillis());
        }
    }

    List<String> textsInChat(long chatId) {
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

    Map<Integer, Integer> deletions(long chatId) {
        synchronized (lock) {
            return Map.copyOf(deletions.getOrDefault(chatId, Map.of()));
        }
    }

    void violate(String breach) {
        violations.add(breach);
    }

    /** Every breach of Telegram's rules so far, including callback queries unanswered for over a second. */
    List<String> violations() {
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

    boolean openQueriesEmpty() {
        synchronized (lock) {
            return openQueries.isEmpty();
        }
    }

    List<Document> awaitDocuments(long chatId, int count, Duration timeout) throws InterruptedException {
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

    // ---- what each method does --------------------------------------------------------------------------------------

    /** Runs one method (under the lock); returns the HTTP status and puts the JSON answer in {@code answer[0]}. */
    int run(String method, ObjectNode params, Multipart multipart, JsonNode[] answer) {
        long chatId = chatId(params);
        switch (method) {
            case "getme" -> answer[0] = ok(user(BOT_ID, null).put("is_bot", true).put("username", "miic_test_bot"));
            case "deletewebhook", "setmycommands", "setwebhook" -> answer[0] = ok(NODES.booleanNode(true));
            case "getwebhookinfo" -> answer[0] = ok(NODES.objectNode().put("url", "").put("pending_update_count", 0));
            case "sendmessage" -> {
                String problem = TelegramRules.checkText(params.path("text").asText(""), 4096, false)
                        + TelegramRules.checkHtml(params) + TelegramRules.checkKeyboard(params.get("reply_markup"));
                if (!problem.isEmpty()) {
                    return badRequest(method, problem, answer);
                }
                BotMessage sent = new BotMessage(chatId, nextMessageId(chatId), params.path("text").asText(),
                        TelegramRules.buttons(params.get("reply_markup")));
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
                String problem = TelegramRules.checkText(text, 4096, false) + TelegramRules.checkHtml(params)
                        + TelegramRules.checkKeyboard(params.get("reply_markup"));
                if (!problem.isEmpty()) {
                    return badRequest(method, problem, answer);
                }
                BotMessage edited = new BotMessage(chatId, old.messageId(), text, TelegramRules.buttons(params.get("reply_markup")));
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
                String problem = (file == null ? "document is missing; " : "") + TelegramRules.checkText(caption, 1024, true);
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

    private boolean tooOldToDelete(long chatId, int messageId) {
        boolean there = messages.getOrDefault(chatId, Map.of()).containsKey(messageId)
                || userMessages.getOrDefault(chatId, java.util.Set.of()).contains(messageId);
        return there && TelegramRules.tooOldToDelete(sentAt.getOrDefault(chatId, Map.of()).get(messageId));
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

    ArrayNode getUpdates(JsonNode params) throws InterruptedException {
        long offset = params.path("offset").asLong(0);
        int limit = params.path("limit").asInt(100);
        long deadline = System.currentTimeMillis() + Math.min(50, params.path("timeout").asInt(0)) * 1000L;
        synchronized (lock) {
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

    static long chatId(JsonNode params) {
        JsonNode chat = params.get("chat_id");
        return chat == null ? 0 : chat.asLong();
    }

    private static int now() {
        return (int) (System.currentTimeMillis() / 1000);
    }

    static ObjectNode ok(JsonNode result) {
        ObjectNode ok = NODES.objectNode();
        ok.put("ok", true);
        ok.set("result", result);
        return ok;
    }

    static ObjectNode error(int code, String description) {
        ObjectNode error = NODES.objectNode();
        error.put("ok", false).put("error_code", code).put("description", description);
        return error;
    }
}
