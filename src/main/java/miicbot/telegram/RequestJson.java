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
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;

/**
 * The JSON of the bot's frequent calls, written field by field: the same JSON Jackson writes from the library's
 * method objects, without its reflective getter calls (a profile's largest share of a call after OkHttp). Only the
 * fields the bot sets are written; with assertions on (every test run), {@link JsonCalls#sameAsLibrary} checks each
 * body against Jackson's, so a field set later and not written here fails the tests instead of being dropped.
 */
final class RequestJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private RequestJson() {
    }

    /** The body of {@code method}, or null when it is not one of the calls written here (Jackson writes it then). */
    static byte[] write(BotApiMethod<?> method) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            if (method instanceof SendMessage send) {
                json.writeStringField("chat_id", send.getChatId());
                json.writeStringField("text", send.getText());
                if (!markup(json, send.getReplyMarkup())) {
                    return null;
                }
            } else if (method instanceof EditMessageText edit && edit.getReplyMarkup() == null) {
                json.writeStringField("chat_id", edit.getChatId());
                json.writeNumberField("message_id", edit.getMessageId());
                json.writeStringField("text", edit.getText());
            } else if (method instanceof EditMessageReplyMarkup edit) {
                json.writeStringField("chat_id", edit.getChatId());
                json.writeNumberField("message_id", edit.getMessageId());
                if (!markup(json, edit.getReplyMarkup())) {
                    return null;
                }
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
            } else {
                return null;
            }
            json.writeStringField("method", method.getMethod());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toByteArray();
    }

    /** Writes the keyboard, if any; false when it is a kind not written here. */
    private static boolean markup(JsonGenerator json, ReplyKeyboard markup) throws IOException {
        if (markup == null) {
            return true;
        }
        json.writeObjectFieldStart("reply_markup");
        if (markup instanceof InlineKeyboardMarkup inline) {
            json.writeArrayFieldStart("inline_keyboard");
            for (InlineKeyboardRow row : inline.getKeyboard()) {
                json.writeStartArray();
                for (InlineKeyboardButton button : row) {
                    json.writeStartObject();
                    json.writeStringField("text", button.getText());
                    json.writeStringField("callback_data", button.getCallbackData());
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
        } else {
            return false;
        }
        json.writeEndObject();
        return true;
    }

    private static void flag(JsonGenerator json, String name, Boolean value) throws IOException {
        if (value != null) {
            json.writeBooleanField(name, value);
        }
    }
}
