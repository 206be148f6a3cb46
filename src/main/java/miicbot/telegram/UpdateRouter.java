package miicbot.telegram;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Reads each update and does at once what needs no store: a polled tap's spinner is stopped (on a small pool of its
 * own, so answers never queue behind each other; a webhook's tap is answered in the webhook's answer), a tap from
 * anyone but the private chat's user is ignored and counted, a second tap on the same button of the same message is
 * dropped, a group is told once that the bot works only in private chats. What is left is the parent's event, for
 * the interview.
 */
final class UpdateRouter {
    private static final Logger LOG = Logger.getLogger(UpdateRouter.class.getName());

    private final ChatViews views;
    private final ChatQueues queues;
    private final ExecutorService answers;
    private final BotApi api;
    private final Notices notices;
    private final EditedMessages edits = new EditedMessages();
    private final AtomicLong foreignTaps = new AtomicLong();

    UpdateRouter(ChatViews views, ChatQueues queues, ExecutorService answers, BotApi api, Notices notices) {
        this.views = views;
        this.queues = queues;
        this.answers = answers;
        this.api = api;
        this.notices = notices;
    }

    /** Callback queries ignored because they came from someone other than the private chat's user. */
    long foreignTaps() {
        return foreignTaps.get();
    }

    /**
     * Answers what needs no store (a tap's spinner only when {@code answerTaps}: the webhook's answer stops it
     * instead), and returns the parent's event to apply, or null when there is none.
     */
    Incoming.Private route(Update update, boolean answerTaps) {
        Incoming incoming = Incoming.of(update, edits);
        if (incoming instanceof Incoming.Private p) {
            if (p.tap() == null) {
                return p;
            }
            if (answerTaps) {
                answer(p.tap().queryId());
            }
            if (p.tap().fromId() != p.chatId()) {
                // In a private chat only its user can tap; Telegram does not deliver anything else today.
                LOG.info("a tap from another user in a private chat was ignored (" + foreignTaps.incrementAndGet()
                        + " so far)");
                return null;
            }
            Message question = p.tap().question();
            if (question != null && !views.of(p.chatId()).firstTap(question.getMessageId(), p.tap().data())) {
                return null; // the same button again: already handled, nothing more to say
            }
            return p;
        } else if (incoming instanceof Incoming.Group g) {
            queues.submit(g.chatId(), () -> notices.tellGroup(g.chatId(), g.hint()));
        } else if (incoming instanceof Incoming.AnswerOnly a && answerTaps) {
            answer(a.queryId());
        }
        return null;
    }

    private void answer(String queryId) {
        answers.execute(() -> {
            try {
                api.unpaced(0, AnswerCallbackQuery.builder().callbackQueryId(queryId).build());
            } catch (Exception e) {
                LOG.warning("callback answer failed: " + e.getClass().getSimpleName());
            }
        });
    }
}
