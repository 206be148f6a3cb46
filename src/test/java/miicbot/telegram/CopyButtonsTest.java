package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import miicbot.engine.Reply;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

class CopyButtonsTest {

    @Test
    void aShortAnswerIsCopiedWhole() {
        assertEquals("651-555-0123", CopyButtons.fit(" 651-555-0123 "));
        String exactly256 = "a".repeat(256);
        assertEquals(exactly256, CopyButtons.fit(exactly256));
    }

    @Test
    void aLongAnswerIsCutAtTheLastSpaceThatFits() {
        String words = "Lupinwood Family Medicine and Pediatrics Clinic ".repeat(8).strip(); // 391 characters
        String cut = CopyButtons.fit(words);
        assertTrue(cut.codePointCount(0, cut.length()) <= 256, cut.length() + "");
        assertTrue(words.startsWith(cut));
        assertTrue(words.charAt(cut.length()) == ' ', "cut at a word's end: ..." + cut.substring(cut.length() - 20));
        assertTrue(cut.length() > 200, "not cut further than needed: " + cut.length());
    }

    @Test
    void withoutSpacesItNeverCutsALetterFromItsAccentOrAnEmojiInHalf() {
        // "x" then 200 times e + a combining acute: the 256th code point is an "e" whose accent would not fit.
        String accents = "x" + "e\u0301".repeat(200);
        String cut = CopyButtons.fit(accents);
        assertEquals(255, cut.codePointCount(0, cut.length()));
        assertTrue(cut.endsWith("e\u0301"), "ends with a whole letter");
        String emoji = "👍🏽".repeat(200); // each a thumb and a skin tone: two code points, four chars
        String cutEmoji = CopyButtons.fit(emoji);
        assertEquals(256, cutEmoji.codePointCount(0, cutEmoji.length()));
        assertTrue(cutEmoji.endsWith("👍🏽") && emoji.startsWith(cutEmoji));
    }

    @Test
    void buttonsGoTwoToARowAndOnlyForAnswersGiven() {
        InlineKeyboardMarkup markup = CopyButtons.of(List.of(new Reply.Copy("Name", "Ana"),
                new Reply.Copy("Email", " "), new Reply.Copy("Phone", "651-555-0123"), new Reply.Copy("ZIP", "55101")));
        assertEquals(2, markup.getKeyboard().size());
        InlineKeyboardButton phone = markup.getKeyboard().get(0).get(1);
        assertEquals("Phone", phone.getText());
        assertEquals("651-555-0123", phone.getCopyText().getText());
        assertNull(phone.getCallbackData());
        assertNull(CopyButtons.of(List.of()));
    }
}
