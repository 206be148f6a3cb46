package miicbot.telegram;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import miicbot.chat.Sender;
import miicbot.engine.Reply;
import miicbot.interview.ChildRequest;
import miicbot.metrics.Metrics;
import miicbot.pdf.RequestForm;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;

/**
 * Delivers the engine's replies to a Telegram chat: text as plain messages (no parse mode, so a parent's name is
 * shown exactly as typed and needs no escaping), questions with inline keyboards, forms as PDF documents made in
 * memory. Long text is split at paragraph boundaries to fit Telegram's limits.
 */
final class TelegramSender implements Sender {
    /** Bot API: message text is 1-4096 characters after entity parsing. */
    static final int MAX_TEXT = 4096;
    /** Bot API: a caption is 0-1024 characters. */
    static final int MAX_CAPTION = 1024;
    /** Bot API: deleteMessages takes 1-100 message ids. */
    static final int MAX_DELETIONS = 100;

    private final BotApi api;
    private final RequestForm form;
    private final Metrics metrics;
    private final MessageLedger ledger;
    private final ChatClearing clearing;

    TelegramSender(BotApi api, RequestForm form, Metrics metrics, MessageLedger ledger, ChatClearing clearing) {
        this.api = api;
        this.form = form;
        this.metrics = metrics;
        this.ledger = ledger;
        this.clearing = clearing;
    }

    /** Notes a message the parent sent, for "clear this chat". */
    void received(long chatId, int messageId) {
        ledger.add(chatId, List.of(messageId));
    }

    /** Delivers the reply, and notes each message sent in the ledger (also those of a reply cut short). */
    @Override
    public void deliver(long chatId, Reply reply) throws Exception {
        List<Integer> sent = new ArrayList<>(2);
        try {
            deliver(chatId, reply, sent);
        } finally {
            ledger.add(chatId, sent);
        }
    }

    private void deliver(long chatId, Reply reply, List<Integer> sent) throws Exception {
        if (reply instanceof Reply.Say say) {
            for (String part : split(say.text())) {
                sent.add(api.message(chatId, SendMessage.builder().chatId(chatId).text(part).build()));
            }
        } else if (reply instanceof Reply.Ask ask) {
            if (ask.contact() == Reply.Contact.OFFER && !ask.rows().isEmpty()) {
                // A message has one keyboard: the share button comes first, the question with its buttons after.
                sent.add(api.message(chatId, SendMessage.builder().chatId(chatId).text(ask.contactLabel())
                        .replyMarkup(Keyboards.shareContact(ask.contactLabel())).build()));
            }
            List<String> parts = split(ask.text());
            for (int i = 0; i < parts.size(); i++) {
                boolean last = i == parts.size() - 1;
                sent.add(api.message(chatId, SendMessage.builder().chatId(chatId).text(parts.get(i))
                        .replyMarkup(last ? markup(ask) : null).build()));
            }
        } else if (reply instanceof Reply.SendForm send) {
            long start = System.nanoTime();
            byte[] pdf = form.render(ChildRequest.of(send.request()));
            metrics.pdfRendered(java.time.Duration.ofNanos(System.nanoTime() - start));
            sent.add(api.document(chatId, SendDocument.builder().chatId(chatId)
                    .document(new InputFile(new ByteArrayInputStream(pdf), send.fileName()))
                    .caption(cut(send.caption(), MAX_CAPTION)).build()));
        } else if (reply instanceof Reply.Copyable copyable) {
            List<String> parts = split(copyable.text());
            for (int i = 0; i < parts.size(); i++) {
                boolean last = i == parts.size() - 1;
                sent.add(api.message(chatId, SendMessage.builder().chatId(chatId).text(parts.get(i))
                        .replyMarkup(last ? CopyButtons.of(copyable.copies()) : null).build()));
            }
        } else if (reply instanceof Reply.DeleteTyped typed) {
            deleteAll(chatId, typed.messages());
        } else if (reply instanceof Reply.ClearChat clear) {
            clearing.clear(chatId, clear.language());
        } else {
            throw new IllegalArgumentException("unknown reply kind " + reply.getClass().getName());
        }
    }

    /**
     * Deletes the parent's messages, 100 to a deleteMessages call. Telegram skips those already gone, so a batch sent
     * again after a crash does no harm; a refusal (a message too old) is logged by {@link BotApi} and dropped.
     */
    void deleteAll(long chatId, List<Long> messages) throws Exception {
        for (int from = 0; from < messages.size(); from += MAX_DELETIONS) {
            List<Integer> some = messages.subList(from, Math.min(messages.size(), from + MAX_DELETIONS)).stream()
                    .map(Long::intValue).toList();
            if (api.unpaced(chatId, DeleteMessages.builder().chatId(chatId).messageIds(some).build())) {
                // Gone: clearing the chat need not try them again. A refused batch stays, to be counted then.
                ledger.drop(chatId, messages.subList(from, Math.min(messages.size(), from + MAX_DELETIONS)));
            }
        }
    }

    /**
     * The question's keyboard: its inline buttons; or, for a question without them, the "share my phone number"
     * reply keyboard it offers or the removal of that keyboard once the phone question is passed. (A question with
     * inline buttons cannot also remove it; the keyboard is one-time, so it is already hidden after a share.)
     */
    private static ReplyKeyboard markup(Reply.Ask ask) {
        if (!ask.rows().isEmpty()) {
            return Keyboards.of(ask);
        }
        return switch (ask.contact()) {
            case OFFER -> Keyboards.shareContact(ask.contactLabel());
            case WITHDRAW -> Keyboards.withdraw();
            case NONE -> null;
        };
    }

    /** Text cut into messages of at most 4096 characters, at paragraph, then line, then character boundaries. */
    static List<String> split(String text) {
        String body = text.isBlank() ? "…" : text.strip();
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : body.split("\n\n")) {
            for (String piece : fit(paragraph, "\n")) {
                String joined = current.length() == 0 ? piece : current + "\n\n" + piece;
                if (length(joined) <= MAX_TEXT) {
                    current.setLength(0);
                    current.append(joined);
                } else {
                    parts.add(current.toString());
                    current.setLength(0);
                    current.append(piece);
                }
            }
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        return parts;
    }

    /** A paragraph as pieces of at most 4096 characters: whole lines where possible. */
    private static List<String> fit(String paragraph, String separator) {
        if (length(paragraph) <= MAX_TEXT) {
            return List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String line : paragraph.split(separator)) {
            for (String chunk : hardSplit(line)) {
                if (piece.length() > 0 && length(piece + separator + chunk) > MAX_TEXT) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                }
                piece.append(piece.length() == 0 ? chunk : separator + chunk);
            }
        }
        pieces.add(piece.toString());
        return pieces;
    }

    private static List<String> hardSplit(String line) {
        List<String> chunks = new ArrayList<>();
        int[] cps = line.codePoints().toArray();
        for (int start = 0; start < cps.length || chunks.isEmpty(); start += MAX_TEXT) {
            chunks.add(new String(cps, start, Math.min(MAX_TEXT, cps.length - start)));
        }
        return chunks;
    }

    static String cut(String text, int max) {
        return length(text) <= max ? text : new String(text.codePoints().limit(max - 1).toArray(), 0, max - 1) + "…";
    }

    /** Telegram counts characters as code points. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
