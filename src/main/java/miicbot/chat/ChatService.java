package miicbot.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import miicbot.engine.Conversation;
import miicbot.engine.Engine;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.i18n.Language;

/** Placeholder until the store lands: runs events through the engine, in memory. */
public final class ChatService {
    private final Engine engine;
    private final Clock clock;
    private final Map<Long, Conversation> conversations = new HashMap<>();

    public ChatService(Engine engine, ConversationStore store, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public synchronized Optional<Outcome> handle(long chatId, long updateId, Language languageHint, Event event,
                                                 Sender sender) {
        Conversation c = conversations.getOrDefault(chatId, Conversation.start(languageHint));
        Outcome outcome = engine.next(c, event, LocalDate.now(clock));
        conversations.put(chatId, outcome.conversation());
        for (Reply reply : outcome.replies()) {
            try {
                sender.deliver(chatId, reply);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.of(outcome);
    }
}
