package miicbot.telegram;

import java.util.Map;
import java.util.logging.Logger;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.util.BoundedMap;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Messages outside the interview, sent straight through the Bot API and never stored: the notice to a group, the
 * apology when the engine failed on an update, an admin's /stats. A failure is logged (its type only) and dropped.
 */
final class Notices {
    private static final Logger LOG = Logger.getLogger(Notices.class.getName());
    private static final int GROUPS_REMEMBERED = 10_000;

    private final BotApi api;
    private final Map<Language, Catalogue> catalogues;
    private final BoundedMap<Long, Boolean> groupsTold = BoundedMap.leastRecentlyUsed(GROUPS_REMEMBERED);

    Notices(BotApi api, Map<Language, Catalogue> catalogues) {
        this.api = api;
        this.catalogues = catalogues;
    }

    /** Says once per group that the bot works only in private chats; stores nothing about the group. */
    void tellGroup(long chatId, Language hint) {
        if (groupsTold.putIfAbsent(chatId, Boolean.TRUE) == null) {
            say(chatId, catalogues.get(hint).text("group.private_only"), "group notice");
        }
    }

    /** When the engine failed on an update, the parent still hears something and can try again. */
    void sorry(long chatId, Language hint) {
        say(chatId, catalogues.get(hint).text("error.try_again"), "apology");
    }

    /** Sends {@code text}, cut to Telegram's limit; {@code what} names it in the log line if it fails. */
    void say(long chatId, String text, String what) {
        try {
            api.execute(chatId, SendMessage.builder().chatId(chatId)
                    .text(TelegramSender.cut(text, TelegramSender.MAX_TEXT)).build());
        } catch (Exception e) {
            LOG.warning(what + " failed: " + e.getClass().getSimpleName());
        }
    }
}
