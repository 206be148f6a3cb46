package miicbot.telegram;

import com.ibm.icu.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import miicbot.engine.Reply;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.CopyTextButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The copy buttons under a message of answers to copy (Bot API: an inline button's copy_text, which copies its text
 * to the phone's clipboard when tapped, with no message to the bot). Two to a row, so labels stay readable on a
 * phone.
 */
final class CopyButtons {
    /** Bot API: a copy_text button copies 1-256 characters. */
    static final int MAX_COPY = 256;
    private static final int PER_ROW = 2;

    private CopyButtons() {
    }

    /** The keyboard for these copies; null when there are none. */
    static InlineKeyboardMarkup of(List<Reply.Copy> copies) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (Reply.Copy copy : copies) {
            if (copy.text().isBlank() || copy.label().isBlank()) {
                continue;
            }
            row.add(InlineKeyboardButton.builder().text(copy.label())
                    .copyText(CopyTextButton.builder().text(fit(copy.text())).build()).build());
            if (row.size() == PER_ROW) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows.isEmpty() ? null : InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    /**
     * The text, shortened to 256 characters (code points, as Telegram counts) when longer: at the last space that
     * fits, or, in a text without one, at the last whole letter (a letter with its accents, an emoji with its
     * modifiers). Never with "…": it is pasted into a form. The message above keeps the whole answer.
     */
    static String fit(String text) {
        String stripped = text.strip();
        if (TelegramSender.length(stripped) <= MAX_COPY) {
            return stripped;
        }
        int limit = stripped.offsetByCodePoints(0, MAX_COPY); // the first char that does not fit
        for (int i = limit; i > 0; i--) {
            if (Character.isWhitespace(stripped.charAt(i))) {
                String cut = stripped.substring(0, i).strip();
                if (!cut.isEmpty()) {
                    return cut;
                }
            }
        }
        BreakIterator letters = BreakIterator.getCharacterInstance();
        letters.setText(stripped);
        int end = letters.isBoundary(limit) ? limit : letters.preceding(limit);
        return stripped.substring(0, Math.max(0, end));
    }
}
