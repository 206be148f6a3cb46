package miicbot.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import miicbot.chat.ConversationStore;
import miicbot.engine.Conversation;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.RequestOption;

/**
 * The conversation store in memory: for tests, and for a no-disk mode where a restart forgets every chat. Behaves
 * as {@link SqliteConversationStore} does (one contract test runs both); every method holds the object's lock.
 */
public final class InMemoryConversationStore implements ConversationStore {
    private record Saved(Conversation conversation, Instant updatedAt) { }

    private record Queued(long chatId, Reply reply, Instant createdAt) { }

    private record CountKey(LocalDate day, RequestOption option, Language language) { }

    private final Clock clock;
    private final Map<Long, Saved> conversations = new HashMap<>();
    private final Map<Long, LinkedHashSet<Long>> processed = new HashMap<>();
    private final TreeMap<Long, Queued> outbox = new TreeMap<>();
    private final Map<CountKey, Long> counters = new HashMap<>();
    private final Map<Long, Map<Long, ChatMessage>> messages = new HashMap<>();
    private long nextSeq = 1;

    public InMemoryConversationStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public synchronized void remember(long chatId, List<ChatMessage> sent) {
        Map<Long, ChatMessage> chat = messages.computeIfAbsent(chatId, c -> new java.util.LinkedHashMap<>());
        sent.forEach(m -> chat.putIfAbsent(m.messageId(), m));
    }

    @Override
    public synchronized List<ChatMessage> remembered(long chatId) {
        return messages.getOrDefault(chatId, Map.of()).values().stream()
                .sorted(java.util.Comparator.comparing(ChatMessage::at).thenComparing(ChatMessage::messageId)).toList();
    }

    @Override
    public synchronized void forgetMessages(long chatId, List<Long> ids) {
        Map<Long, ChatMessage> chat = messages.get(chatId);
        if (chat != null) {
            ids.forEach(chat::remove);
        }
    }

    @Override
    public synchronized Optional<Outcome> apply(long chatId, long updateId,
                                                Function<Optional<Conversation>, Outcome> engine) {
        if (updateId >= 0 && processed.getOrDefault(chatId, new LinkedHashSet<>()).contains(updateId)) {
            return Optional.empty();
        }
        // The engine runs before anything changes, so its failure leaves the store as it was (a rollback).
        Outcome outcome = Objects.requireNonNull(engine.apply(load(chatId)), "the engine returned no outcome");
        Instant now = clock.instant();
        if (outcome.forget()) {
            forget(chatId);
        } else {
            conversations.put(chatId, new Saved(outcome.conversation(), now));
            if (updateId >= 0) {
                remember(chatId, updateId);
            }
        }
        for (Reply reply : outcome.replies()) {
            outbox.put(nextSeq++, new Queued(chatId, reply, now));
            if (reply instanceof Reply.SendForm form) {
                ChildRequest request = ChildRequest.of(form.request());
                for (RequestOption option : request.options()) {
                    counters.merge(new CountKey(LocalDate.now(clock), option, request.language()), 1L,
                            Long::sum);
                }
            }
        }
        return Optional.of(outcome);
    }

    @Override
    public synchronized Optional<Conversation> load(long chatId) {
        return Optional.ofNullable(conversations.get(chatId)).map(Saved::conversation);
    }

    @Override
    public synchronized List<Pending> pending(long chatId) {
        List<Pending> pending = new ArrayList<>();
        outbox.forEach((seq, queued) -> {
            if (queued.chatId() == chatId) {
                pending.add(new Pending(chatId, seq, queued.reply()));
            }
        });
        return pending;
    }

    @Override
    public synchronized List<Long> chatsWithPending() {
        Set<Long> chats = new LinkedHashSet<>();
        outbox.values().forEach(queued -> chats.add(queued.chatId()));
        return List.copyOf(chats);
    }

    @Override
    public synchronized void delivered(long chatId, long seq) {
        Queued queued = outbox.get(seq);
        if (queued != null && queued.chatId() == chatId) {
            outbox.remove(seq);
        }
    }

    @Override
    public synchronized void forget(long chatId) {
        conversations.remove(chatId);
        processed.remove(chatId);
        outbox.values().removeIf(queued -> queued.chatId() == chatId);
    }

    @Override
    public synchronized int purgeIdleSince(Instant cutoff) {
        Set<Long> chats = new LinkedHashSet<>();
        conversations.forEach((chatId, saved) -> {
            if (saved.updatedAt().isBefore(cutoff)) {
                chats.add(chatId);
            }
        });
        // As in SQLite: replies of a chat with no conversation go once the newest of them is older than the cutoff.
        Map<Long, Instant> newestOrphan = new HashMap<>();
        outbox.values().stream().filter(q -> !conversations.containsKey(q.chatId()))
                .forEach(q -> newestOrphan.merge(q.chatId(), q.createdAt(), (a, b) -> a.isAfter(b) ? a : b));
        newestOrphan.forEach((chatId, newest) -> {
            if (newest.isBefore(cutoff)) {
                chats.add(chatId);
            }
        });
        chats.forEach(this::forget);
        return chats.size();
    }

    @Override
    public synchronized List<DailyCount> dailyCounts() {
        return counters.entrySet().stream()
                .map(e -> new DailyCount(e.getKey().day(), e.getKey().option(), e.getKey().language(), e.getValue()))
                .sorted(Comparator.comparing(DailyCount::day)      // the order SQLite gives: by day, then names
                        .thenComparing(c -> c.option().name()).thenComparing(c -> c.language().name()))
                .toList();
    }

    @Override
    public void close() {
        // nothing to release
    }

    private void remember(long chatId, long updateId) {
        LinkedHashSet<Long> ids = processed.computeIfAbsent(chatId, id -> new LinkedHashSet<>());
        ids.add(updateId);
        // Same bound as SQLite, same reason: only the last few updates of a chat can come again.
        while (ids.size() > SqliteConversationStore.KEPT_UPDATE_IDS) {
            ids.remove(ids.iterator().next());
        }
    }
}
