package miicbot.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import miicbot.engine.Conversation;
import miicbot.engine.Reply;
import miicbot.store.StoreException.Reason;

/**
 * Turns conversations and replies into sealed bytes and back: Jackson JSON, then {@link AnswerCipher}. The JSON
 * exists only in memory; its buffer is wiped once sealed.
 */
final class SealedJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A field dropped in a later version must not make old records unreadable.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectWriter CONVERSATION_OUT = JSON.writerFor(Conversation.class);
    private static final ObjectReader CONVERSATION_IN = JSON.readerFor(Conversation.class);
    // Written as the interface type, so the "type" tag of the sealed Reply is always there.
    private static final ObjectWriter REPLY_OUT = JSON.writerFor(Reply.class);
    private static final ObjectReader REPLY_IN = JSON.readerFor(Reply.class);

    private static final Logger LOG = Logger.getLogger(SealedJson.class.getName());

    private final AnswerCipher cipher;
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
     * The conversation, or fails as CORRUPT; empty when it decrypted fine but was made by an older interview:
     * starting that chat over beats a chat stuck for good.
     */
    Optional<Conversation> openConversation(long chatId, byte[] sealed) {
        Conversation recent = conversations.get(chatId, sealed);
        if (recent != null) {
            return Optional.of(recent);
        }
        try {
            return Optional.of(read(CONVERSATION_IN, cipher.open(chatId, sealed)));
        } catch (UnreadableJson e) {
            LOG.warning("a stored conversation does not fit this version; that chat starts over");
            return Optional.empty();
        }
    }

    /** A queued reply, or fails as CORRUPT (also when it no longer fits this version). */
    Reply openReply(long chatId, byte[] sealed) {
        Reply recent = replies.take(chatId, sealed);
        if (recent != null) {
            return recent;
        }
        try {
            return read(REPLY_IN, cipher.open(chatId, sealed));
        } catch (UnreadableJson e) {
            throw new StoreException(StoreException.Reason.CORRUPT, "a stored reply does not fit this version", e);
        }
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
