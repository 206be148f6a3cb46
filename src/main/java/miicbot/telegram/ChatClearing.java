package miicbot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import miicbot.chat.ConversationStore.ChatMessage;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;

/**
 * "Clear this chat": deletes every message of the chat the bot keeps track of ({@link MessageLedger}), 100 to a
 * deleteMessages call, then tells the parent what it could not delete and why. Telegram lets a bot delete a
 * message in a private chat for 48 hours only, so older ones are not tried; a batch Telegram refuses is tried one
 * message at a time, and those refused are counted. Each batch is dropped from the ledger once tried, so a run
 * cut short (a crash, a 429) goes on where it stopped and deletes nothing twice.
 */
final class ChatClearing {
    /** Telegram: 48 hours; less a margin for clocks and for the time a deletion waits in the queue. */
    static final Duration DELETABLE_FOR = Duration.ofHours(48).minusMinutes(10);

    private final BotApi api;
    private final MessageLedger ledger;
    private final Map<Language, Catalogue> catalogues;
    private final Clock clock;

    ChatClearing(BotApi api, MessageLedger ledger, Map<Language, Catalogue> catalogues, Clock clock) {
        this.api = api;
        this.ledger = ledger;
        this.catalogues = catalogues;
        this.clock = clock;
    }

    void clear(long chatId, Language language) throws Exception {
        Instant oldest = clock.instant().minus(DELETABLE_FOR);
        List<Long> tooOld = new ArrayList<>();
        List<Long> young = new ArrayList<>();
        for (ChatMessage message : ledger.all(chatId)) {
            (message.at().isBefore(oldest) ? tooOld : young).add(message.messageId());
        }
        int refused = tooOld.size();
        for (int from = 0; from < young.size(); from += TelegramSender.MAX_DELETIONS) {
            List<Long> batch = young.subList(from, Math.min(young.size(), from + TelegramSender.MAX_DELETIONS));
            if (!api.unpaced(chatId, DeleteMessages.builder().chatId(chatId)
                    .messageIds(batch.stream().map(Long::intValue).toList()).build())) {
                refused += oneByOne(chatId, batch);
            }
            ledger.drop(chatId, batch);
        }
        ledger.drop(chatId, tooOld);
        Catalogue words = catalogues.get(language);
        String text = refused == 0 ? words.text("clear.done") : words.text("clear.partly", Map.of("count", refused));
        int sent = api.message(chatId, SendMessage.builder().chatId(chatId).text(text).build());
        ledger.add(chatId, List.of(sent));
    }

    /** A refused batch, one message at a time; returns how many Telegram refused. */
    private int oneByOne(long chatId, List<Long> batch) throws Exception {
        int refused = 0;
        for (long id : batch) {
            if (!api.unpaced(chatId, DeleteMessage.builder().chatId(chatId).messageId((int) id).build())) {
                refused++;
            }
        }
        return refused;
    }
}
