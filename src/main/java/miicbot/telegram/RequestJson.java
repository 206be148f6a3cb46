package miicbot.telegram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.CopyTextButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;

/**
 * The JSON of the bot's frequent calls, written field by field: the same JSON Jackson writes from the library's
 * method objects, without its reflective getter calls (a profile's largest share of a call after OkHttp).
 *
 * <p>It fails closed, in production too: before writing, each object (and each keyboard and button in it) is
 * compared, with the library's own {@code equals} over all its fields, to a copy built from only the fields written
 * here. Any other field set (a {@code parse_mode}, an answer's text, a field a later library version adds) makes
 * them differ, and {@link #write} returns null: Jackson writes the call instead, so nothing is ever dropped.
 * With assertions on (every test run), {@link JsonCalls#sameAsLibrary} also checks each body against Jackson's.
 */
final class RequestJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private RequestJson() {
    }

    /**
     * The body of {@code method}, or null when it is not one of the calls written here or sets a field not written
     * here (Jackson writes it then).
     */
    static byte[] write(BotApiMethod<?> method) {
        if (!onlyWrittenFields(method)) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            if (method instanceof SendMessage send) {
                json.writeStringField("chat_id", send.getChatId());
                json.writeStringField("text", send.getText());
                markup(json, send.getReplyMarkup());
            } else if (method instanceof EditMessageText edit) {
                json.writeStringField("chat_id", edit.getChatId());
                json.writeNumberField("message_id", edit.getMessageId());
                json.writeStringField("text", edit.getText());
            } else if (method instanceof EditMessageReplyMarkup edit) {
                json.writeStringField("chat_id", edit.getChatId());
                json.writeNumberField("message_id", edit.getMessageId());
                markup(json, edit.getReplyMarkup());
            } else if (method instanceof DeleteMessage delete) {
                json.writeStringField("chat_id", delete.getChatId());
                json.writeNumberField("message_id", delete.getMessageId());
            } else if (method instanceof DeleteMessages delete) {
                json.writeStringField("chat_id", delete.getChatId());
                json.writeArrayFieldStart("message_ids");
                for (Integer id : delete.getMessageIds()) {
                    json.writeNumber(id);
                }
                json.writeEndArray();
            } else if (method instanceof AnswerCallbackQuery answer) {
                json.writeStringField("callback_query_id", answer.getCallbackQueryId());
            }
            json.writeStringField("method", method.getMethod());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toByteArray();
    }

    /**
     * True when {@code method} is a kind written here and sets no field but those {@link #write} writes: it equals
     * a copy made of only those fields (the library's {@code equals} compares every field, present and future).
     */
    static boolean onlyWrittenFields(BotApiMethod<?> method) {
        if (method instanceof SendMessage send) {
            return send.getChatId() != null && send.getText() != null && onlyWrittenFields(send.getReplyMarkup())
                    && send.equals(SendMessage.builder().chatId(send.getChatId()).text(send.getText())
                    .replyMarkup(send.getReplyMarkup()).build());
        } else if (method instanceof EditMessageText edit) {
            return edit.getChatId() != null && edit.getMessageId() != null && edit.getText() != null
                    && edit.equals(EditMessageText.builder().chatId(edit.getChatId()).messageId(edit.getMessageId())
                    .text(edit.getText()).build());
        } else if (method instanceof EditMessageReplyMarkup edit) {
            return edit.getChatId() != null && edit.getMessageId() != null && onlyWrittenFields(edit.getReplyMarkup())
                    && edit.equals(EditMessageReplyMarkup.builder().chatId(edit.getChatId())
                    .messageId(edit.getMessageId()).replyMarkup(edit.getReplyMarkup()).build());
        } else if (method instanceof DeleteMessage delete) {
            return delete.getChatId() != null && delete.getMessageId() != null
                    && delete.equals(DeleteMessage.builder().chatId(delete.getChatId())
                    .messageId(delete.getMessageId()).build());
        } else if (method instanceof DeleteMessages delete) {
            return delete.getChatId() != null && delete.getMessageIds() != null
                    && delete.equals(DeleteMessages.builder().chatId(delete.getChatId())
                    .messageIds(delete.getMessageIds()).build());
        } else if (method instanceof AnswerCallbackQuery answer) {
            return answer.getCallbackQueryId() != null
                    && answer.equals(AnswerCallbackQuery.builder().callbackQueryId(answer.getCallbackQueryId()).build());
        }
        return false;
    }

    /** As for a method: no keyboard, or one whose every part sets only the fields {@link #markup} writes. */
    private static boolean onlyWrittenFields(ReplyKeyboard markup) {
        if (markup == null) {
            return true;
        } else if (markup instanceof InlineKeyboardMarkup inline) {
            if (inline.getKeyboard() == null
                    || !inline.equals(InlineKeyboardMarkup.builder().keyboard(inline.getKeyboard()).build())) {
                return false;
            }
            for (InlineKeyboardRow row : inline.getKeyboard()) {
                for (InlineKeyboardButton button : row) {
                    if (button.getText() == null || !button.equals(InlineKeyboardButton.builder()
                            .text(button.getText()).callbackData(button.getCallbackData())
                            .copyText(onlyText(button.getCopyText())).build())) {
                        return false;
                    }
                }
            }
            return true;
        } else if (markup instanceof ReplyKeyboardMarkup keyboard) {
            if (keyboard.getKeyboard() == null || !keyboard.equals(ReplyKeyboardMarkup.builder()
                    .keyboard(keyboard.getKeyboard()).resizeKeyboard(keyboard.getResizeKeyboard())
                    .oneTimeKeyboard(keyboard.getOneTimeKeyboard()).build())) {
                return false;
            }
            for (KeyboardRow row : keyboard.getKeyboard()) {
                for (KeyboardButton button : row) {
                    if (button.getText() == null || !button.equals(KeyboardButton.builder().text(button.getText())
                            .requestContact(button.getRequestContact()).build())) {
                        return false;
                    }
                }
            }
            return true;
        } else if (markup instanceof ReplyKeyboardRemove remove) {
            return remove.equals(ReplyKeyboardRemove.builder().removeKeyboard(remove.getRemoveKeyboard()).build());
        }
        return false;
    }

    /** A copy of a copy button with only its text (null for none), to compare against as above. */
    private static CopyTextButton onlyText(CopyTextButton copy) {
        return copy == null || copy.getText() == null ? null : CopyTextButton.builder().text(copy.getText()).build();
    }

    /** Writes the keyboard, if any (a kind {@link #onlyWrittenFields} accepted). */
    private static void markup(JsonGenerator json, ReplyKeyboard markup) throws IOException {
        if (markup == null) {
            return;
        }
        json.writeObjectFieldStart("reply_markup");
        if (markup instanceof InlineKeyboardMarkup inline) {
            json.writeArrayFieldStart("inline_keyboard");
            for (InlineKeyboardRow row : inline.getKeyboard()) {
                json.writeStartArray();
                for (InlineKeyboardButton button : row) {
                    json.writeStartObject();
                    json.writeStringField("text", button.getText());
                    if (button.getCallbackData() != null) {
                        json.writeStringField("callback_data", button.getCallbackData());
                    }
                    if (button.getCopyText() != null) {
                        json.writeObjectFieldStart("copy_text");
                        json.writeStringField("text", button.getCopyText().getText());
                        json.writeEndObject();
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndArray();
        } else if (markup instanceof ReplyKeyboardMarkup keyboard) {
            json.writeArrayFieldStart("keyboard");
            for (KeyboardRow row : keyboard.getKeyboard()) {
                json.writeStartArray();
                for (KeyboardButton button : row) {
                    json.writeStartObject();
                    json.writeStringField("text", button.getText());
                    flag(json, "request_contact", button.getRequestContact());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            flag(json, "resize_keyboard", keyboard.getResizeKeyboard());
            flag(json, "one_time_keyboard", keyboard.getOneTimeKeyboard());
        } else if (markup instanceof ReplyKeyboardRemove remove) {
            flag(json, "remove_keyboard", remove.getRemoveKeyboard());
        }
        json.writeEndObject();
    }

    private static void flag(JsonGenerator json, String name, Boolean value) throws IOException {
        if (value != null) {
            json.writeBooleanField(name, value);
        }
    }
}
