package miicbot.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import miicbot.chat.ChatTag;
import miicbot.chat.ConversationStore;
import miicbot.chat.UnreadableConversation;
import miicbot.engine.Conversation;
import miicbot.engine.Form;
import miicbot.engine.Reply;
import miicbot.interview.ChildRequest;

/**
 * Turns conversations and replies into sealed bytes and back: Jackson JSON, then {@link AnswerCipher}. The JSON
 * exists only in memory; its buffer is wiped once sealed.
 */
final class SealedJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A field dropped in a later version must not make old records unreadable.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // The engine knows a sent form only as a Form; the one interview this bot runs makes ChildRequests.
            .registerModule(new SimpleModule().addAbstractTypeMapping(Form.class, ChildRequest.class));
    private static final ObjectWriter CONVERSATION_OUT = JSON.writerFor(Conversation.class);
    private static final ObjectReader CONVERSATION_IN = JSON.readerFor(Conversation.class);
    // Written as the interface type, so the "type" tag of the sealed Reply is always there.
    private static final ObjectWriter REPLY_OUT = JSON.writerFor(Reply.class);
    private static final ObjectReader REPLY_IN = JSON.readerFor(Reply.class);

    private static final Logger LOG = Logger.getLogger(SealedJson.class.getName());

    private final AnswerCipher cipher;
    private final AtomicLong quarantined = new AtomicLong();
    // Every chat of a busy hour (~4 KB each); a record not here is simply opened. A reply is read once to be sent,
    // so it is forgotten then; the bound only matters while replies wait (Telegram down).
    private final RecentlySealed<Conversation> conversations = RecentlySealed.perChat(4_096);
    private final RecentlySealed<Reply> replies = RecentlySealed.perRecord(4_096);

    SealedJson(AnswerCipher cipher) {
        this.cipher = cipher;
    }

    byte[] seal(long chatId, Conversation conversation) {
        byte[] sealed = seal(chatId, write(CONVERSATION_OUT, conversation));
        conversations.put(chatId, sealed, conversation);
        return sealed;
    }

    byte[] seal(long chatId, Reply reply) {
        byte[] sealed = seal(chatId, write(REPLY_OUT, reply));
        replies.put(chatId, sealed, reply);
        return sealed;
    }

    /**
     * The conversation, or fails as {@link UnreadableConversation} when it fails its integrity check or was made by
     * another version in a shape this one cannot read: the caller starts that one chat over.
     */
    Conversation openConversation(long chatId, byte[] sealed) {
        Conversation recent = conversations.get(chatId, sealed);
        if (recent != null) {
            return recent;
        }
        try {
            return read(CONVERSATION_IN, cipher.open(chatId, sealed));
        } catch (StoreException | UnreadableJson e) {
            throw new UnreadableConversation(chatId, e);
        }
    }

    /**
     * A queued reply, or empty when it cannot be opened (it fails its integrity check, or no longer fits this
     * version): the caller quarantines it, so one bad row cannot hold back the chat's later replies.
     */
    Optional<Reply> openQueued(long chatId, byte[] sealed) {
        Reply recent = replies.take(chatId, sealed);
        if (recent != null) {
            return Optional.of(recent);
        }
        try {
            return Optional.of(read(REPLY_IN, cipher.open(chatId, sealed)));
        } catch (StoreException | UnreadableJson e) {
            return Optional.empty();
        }
    }

    /**
     * Reads a chat's outbox rows ({@code seq}, {@code blob}, in order) into the replies to send and the sequence
     * numbers of rows that cannot be opened, which the caller quarantines: the same for both stores.
     */
    void readOutbox(long chatId, ResultSet rows, List<ConversationStore.Pending> pending, List<Long> unreadable)
            throws SQLException {
        while (rows.next()) {
            long seq = rows.getLong(1);
            Optional<Reply> reply = openQueued(chatId, rows.getBytes(2));
            if (reply.isPresent()) {
                pending.add(new ConversationStore.Pending(chatId, seq, reply.get()));
            } else {
                unreadable.add(seq);
            }
        }
    }

    /** Counts and logs replies taken out of the outbox unread: the chat's tag only, never content. */
    void quarantined(long chatId, int count) {
        quarantined.addAndGet(count);
        LOG.warning("chat " + ChatTag.of(chatId) + ": " + count + " queued repl" + (count == 1 ? "y" : "ies")
                + " could not be opened (damaged, or written in an older shape) and " + (count == 1 ? "was" : "were")
                + " quarantined; the chat's other replies go on");
    }

    /** Replies quarantined since start. */
    long quarantined() {
        return quarantined.get();
    }

    /** Drops what is remembered of a chat whose records are erased. */
    void forget(long chatId) {
        conversations.forget(chatId);
        replies.forget(chatId);
    }

    /** The record decrypted fine but no longer fits the classes of this version. */
    private static final class UnreadableJson extends RuntimeException {
        UnreadableJson(Throwable cause) {
            super("a stored record does not fit this version", cause);
        }
    }

    private byte[] seal(long chatId, byte[] json) {
        try {
            return cipher.seal(chatId, json);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    private static byte[] write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            // Our own records always serialise; this is a programming error, and its message may quote a value.
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName());
        }
    }

    private static <T> T read(ObjectReader reader, byte[] json) {
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            // Jackson's message can quote the JSON, which holds answers: keep only the type.
            throw new UnreadableJson(null);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }
}
