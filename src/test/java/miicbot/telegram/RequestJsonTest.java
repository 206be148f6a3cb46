package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import miicbot.engine.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
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

class RequestJsonTest {
    private static final long CHAT = -1001234567890L;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Pattern REQUIRED = Pattern.compile("problem: (\\w+) is marked non-null");

    static Stream<BotApiMethod<?>> theBotsCalls() {
        Reply.Ask ask = new Reply.Ask("Which one? \"Quotes\", ñ, 中, emoji 👍\nand a line",
                List.of(List.of(new Reply.Option("y", "Yes, \\ back"), new Reply.Option("n", "No")),
                        List.of(new Reply.Option("x", "Ümlaut </b>"))), 3, Reply.Contact.NONE, null);
        return Stream.of(
                SendMessage.builder().chatId(CHAT).text("plain\ttext").build(),
                SendMessage.builder().chatId(CHAT).text(ask.text()).replyMarkup(Keyboards.of(ask)).build(),
                SendMessage.builder().chatId(CHAT).text("Copy").replyMarkup(CopyButtons.of(List.of(
                        new Reply.Copy("Name", "Ana \"Q\" Núñez 中"), new Reply.Copy("Phone", "651-555-0123"),
                        new Reply.Copy("Clinic", "Lupinwood Clinic, Brambleton")))).build(),
                SendMessage.builder().chatId(CHAT).text("Share").replyMarkup(Keyboards.shareContact("Share 📞"))
                        .build(),
                SendMessage.builder().chatId(CHAT).text("Thanks").replyMarkup(Keyboards.withdraw())
                        .build(),
                EditMessageText.builder().chatId(CHAT).messageId(42).text("✓ Yes").build(),
                EditMessageReplyMarkup.builder().chatId(CHAT).messageId(42).build(),
                DeleteMessage.builder().chatId(CHAT).messageId(7).build(),
                DeleteMessages.builder().chatId(CHAT).messageIds(List.of(7, 8, 9)).build(),
                AnswerCallbackQuery.builder().callbackQueryId("4382bfdwdsb323b2d9").build());
    }

    @ParameterizedTest
    @MethodSource("theBotsCalls")
    void writesWhatTheLibrarysJacksonWrites(BotApiMethod<?> call) {
        byte[] body = RequestJson.write(call);
        assertNotNull(body, call.getMethod());
        assertTrue(JsonCalls.sameAsLibrary(body, call), new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aFieldNotWrittenHereMakesItFallBackToJackson() {
        SendMessage formatted = SendMessage.builder().chatId(CHAT).text("<b>bold</b>").parseMode("HTML").build();
        assertNull(RequestJson.write(formatted), "not written by hand, so not dropped: Jackson writes it");
        AnswerCallbackQuery toast = AnswerCallbackQuery.builder().callbackQueryId("q1").text("Saved").build();
        assertNull(RequestJson.write(toast));
    }

    /**
     * Every field of every request type written here (and of their keyboards and buttons), found by reflection over
     * the library's classes so that a field a new version adds is tried too: set on a call the bot makes, it is
     * either written exactly as Jackson writes it, or makes RequestJson fall back to Jackson. Never dropped.
     */
    @ParameterizedTest
    @MethodSource("theBotsCalls")
    void everyFieldIsEitherWrittenOrMakesItFallBack(BotApiMethod<?> call) throws Exception {
        List<String> tried = new ArrayList<>();
        for (Field field : fields(call.getClass())) {
            BotApiMethod<?> copy = copy(call);
            set(copy, field);
            check(copy, call.getClass().getSimpleName() + "." + field.getName());
            tried.add(field.getName());
        }
        ReplyKeyboard markup = markupOf(call);
        if (markup != null) {
            for (Field field : fields(markup.getClass())) {
                BotApiMethod<?> copy = copy(call);
                set(markupOf(copy), field);
                check(copy, markup.getClass().getSimpleName() + "." + field.getName());
                tried.add(field.getName());
            }
            Object button = firstButton(markup);
            if (button != null) {
                for (Field field : fields(button.getClass())) {
                    BotApiMethod<?> copy = copy(call);
                    set(firstButton(markupOf(copy)), field);
                    check(copy, button.getClass().getSimpleName() + "." + field.getName());
                    tried.add(field.getName());
                }
            }
        }
        assertTrue(tried.size() >= 2, "the fields were found: " + tried);
    }

    private static void check(BotApiMethod<?> call, String what) {
        byte[] body = RequestJson.write(call);
        assertTrue(body == null || JsonCalls.sameAsLibrary(body, call), what + " set: written as "
                + (body == null ? "" : new String(body, StandardCharsets.UTF_8)));
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** A deep copy, through the library's own JSON mapping. */
    @SuppressWarnings("unchecked")
    private static BotApiMethod<?> copy(BotApiMethod<?> call) throws Exception {
        return JSON.readValue(JSON.writeValueAsBytes(call), call.getClass());
    }

    /** Sets the field through its public setter to a value that differs from the call's. */
    private static void set(Object target, Field field) throws Exception {
        String name = field.getName();
        Method setter = target.getClass().getMethod("set" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                field.getType());
        setter.invoke(target, sample(field, target));
    }

    private static Object sample(Field field, Object target) throws Exception {
        Class<?> type = field.getType();
        if (type == String.class) {
            return "x" + field.getName();
        } else if (type == Integer.class || type == int.class) {
            return 77;
        } else if (type == Long.class || type == long.class) {
            return 77L;
        } else if (type == Boolean.class || type == boolean.class) {
            Method getter = target.getClass().getMethod((type == boolean.class ? "is" : "get")
                    + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1));
            return !Boolean.TRUE.equals(getter.invoke(target));
        } else if (List.class.isAssignableFrom(type)) {
            return new ArrayList<>();
        } else if (type == ReplyKeyboard.class) {
            return ReplyKeyboardRemove.builder().removeKeyboard(true).selective(true).build();
        } else if (type == InlineKeyboardMarkup.class) {
            return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder()
                    .text("x").url("https://example.org").build())).build();
        }
        // Any other object: as the library reads "{}", each required field (named by the library's refusal) then
        // filled with a value of its type; it fails the test if it cannot be made that way.
        ObjectNode json = JSON.createObjectNode();
        for (int tries = 0; ; tries++) {
            try {
                return JSON.treeToValue(json, type);
            } catch (ValueInstantiationException e) {
                Matcher required = REQUIRED.matcher(e.getMessage());
                if (tries > 5 || !required.find()) {
                    throw e;
                }
                Class<?> needed = type.getDeclaredField(required.group(1)).getType();
                String key = snake(required.group(1));
                if (needed == Boolean.class || needed == boolean.class) {
                    json.put(key, true);
                } else if (Number.class.isAssignableFrom(needed) || needed.isPrimitive()) {
                    json.put(key, 1);
                } else if (needed == String.class) {
                    json.put(key, "https://example.org/x");
                } else {
                    json.putObject(key);
                }
            }
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static ReplyKeyboard markupOf(BotApiMethod<?> call) {
        if (call instanceof SendMessage send) {
            return send.getReplyMarkup();
        } else if (call instanceof EditMessageReplyMarkup edit) {
            return edit.getReplyMarkup();
        } else if (call instanceof EditMessageText edit) {
            return edit.getReplyMarkup();
        }
        return null;
    }

    private static Object firstButton(ReplyKeyboard markup) {
        if (markup instanceof InlineKeyboardMarkup inline && !inline.getKeyboard().isEmpty()) {
            return inline.getKeyboard().get(0).get(0);
        } else if (markup instanceof ReplyKeyboardMarkup keyboard && !keyboard.getKeyboard().isEmpty()) {
            return keyboard.getKeyboard().get(0).get(0);
        }
        return null;
    }

    @Test
    void otherCallsAreLeftToJackson() {
        assertNull(RequestJson.write(new GetMe()));
    }
}
