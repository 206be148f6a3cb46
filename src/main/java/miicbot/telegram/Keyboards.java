package miicbot.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import miicbot.engine.Event;
import miicbot.engine.Reply;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Inline keyboards for questions, and the callback data that comes back: {@code <question number>:<code>}, so a tap
 * on an old question's button is recognised as stale.
 */
final class Keyboards {
    /** Bot API: callback_data is 1-64 bytes. */
    static final int MAX_CALLBACK_BYTES = 64;

    private Keyboards() {
    }

    /** The question's buttons as an inline keyboard; null when it has none. */
    static InlineKeyboardMarkup of(Reply.Ask ask) {
        if (ask.rows().isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (List<Reply.Option> row : ask.rows()) {
            InlineKeyboardRow buttons = new InlineKeyboardRow();
            for (Reply.Option option : row) {
                buttons.add(InlineKeyboardButton.builder().text(option.label())
                        .callbackData(callbackData(ask.ask(), option.code())).build());
            }
            rows.add(buttons);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    /** A one-time reply keyboard with one "share my phone number" button (Bot API: request_contact). */
    static ReplyKeyboardMarkup shareContact(String label) {
        KeyboardRow row = new KeyboardRow();
        row.add(KeyboardButton.builder().text(label).requestContact(true).build());
        return ReplyKeyboardMarkup.builder().keyboard(List.of(row)).oneTimeKeyboard(true).resizeKeyboard(true).build();
    }

    /** Takes the reply keyboard away. */
    static ReplyKeyboardRemove withdraw() {
        return ReplyKeyboardRemove.builder().removeKeyboard(true).build();
    }

    static String callbackData(int ask, String code) {
        String data = ask + ":" + code;
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
            // The step table test keeps codes short; this guards against a future long code reaching Telegram.
            throw new IllegalArgumentException("callback data over 64 bytes for code " + code);
        }
        return data;
    }

    /** The tap a callback's data stands for; a forged or unreadable one becomes a tap on no question (stale). */
    static Event.Tap tap(String data) {
        if (data != null) {
            int colon = data.indexOf(':');
            if (colon > 0 && colon <= 10 && data.substring(0, colon).chars().allMatch(Character::isDigit)) {
                try {
                    return new Event.Tap(Integer.parseInt(data.substring(0, colon)), data.substring(colon + 1));
                } catch (NumberFormatException tooBig) {
                    // falls through to a stale tap
                }
            }
        }
        return new Event.Tap(-1, "");
    }

    /** The label of the button whose data is {@code data}, or null. */
    static String label(InlineKeyboardMarkup markup, String data) {
        if (markup == null || markup.getKeyboard() == null) {
            return null;
        }
        for (InlineKeyboardRow row : markup.getKeyboard()) {
            for (InlineKeyboardButton button : row) {
                if (data.equals(button.getCallbackData())) {
                    return button.getText();
                }
            }
        }
        return null;
    }
}
