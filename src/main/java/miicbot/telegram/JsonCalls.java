package miicbot.telegram;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The frequent Bot API calls (sendMessage, answerCallbackQuery, edits, deletions), made on the caller's thread
 * through the bot's own OkHttp client. The request is the library's method object, written as the library writes
 * it ({@link RequestJson}, or one shared Jackson writer for a call not written there); the answer is read only for
 * {@code ok}, the error and {@code retry_after}. Why: in a profile the library's client spent more CPU building the
 * full {@code Message} Telegram echoes back (which the bot never reads) and handing each call to OkHttp's
 * dispatcher threads than on the call itself. Failures
 * come out as the library's own exceptions, so {@link BotApi} treats both paths alike. Uploads and the start-up
 * calls still go through the library's client.
 */
final class JsonCalls {
    private static final MediaType JSON_BODY = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter REQUEST = JSON.writer();
    private static final ObjectReader ANSWER = JSON.readerFor(Answer.class);

    /**
     * What the bot needs of Telegram's answer; of {@code result} only a sent message's number ("clear this chat"
     * deletes it later), the rest skipped unread.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(@JsonProperty("ok") boolean ok, @JsonProperty("error_code") Integer errorCode,
                  @JsonProperty("description") String description,
                  @JsonProperty("parameters") ResponseParameters parameters,
                  @JsonProperty("result") @JsonDeserialize(using = MessageNumber.class) Integer messageId) { }

    /** Reads a result's {@code message_id} when it is a message, skipping everything else (or null: not one). */
    static final class MessageNumber extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken() != JsonToken.START_OBJECT) {
                in.skipChildren();
                return null;
            }
            Integer id = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                if (name.equals("message_id") && value == JsonToken.VALUE_NUMBER_INT) {
                    id = in.getIntValue();
                } else {
                    in.skipChildren();
                }
            }
            return id;
        }
    }

    private final OkHttpClient http;
    private final String base;
    /** Each method's parsed URL, so a call does not parse it again (IDN checks and all). */
    private final Map<String, HttpUrl> urls = new ConcurrentHashMap<>();

    JsonCalls(OkHttpClient http, TelegramUrl url, String token) {
        this.http = http;
        this.base = base(url, token);
    }

    /** The Bot API's address for this token; a method's name completes it. */
    static String base(TelegramUrl url, String token) {
        return url.getSchema() + "://" + url.getHost() + ":" + url.getPort() + "/bot" + token + "/"
                + (url.isTestServer() ? "test/" : "");
    }

    /** True when {@code body} is the JSON Jackson writes for {@code method} (checked when assertions are on, as in every test run). */
    static boolean sameAsLibrary(byte[] body, BotApiMethod<?> method) {
        try {
            return JSON.readTree(body).equals(JSON.valueToTree(method));
        } catch (IOException e) {
            return false;
        }
    }

    private HttpUrl url(String method) {
        return urls.computeIfAbsent(method, name -> HttpUrl.get(base + name));
    }

    /**
     * Makes the call; returns the sent message's number (0 when the answer is not a message) when Telegram said ok,
     * throws as the library's client would otherwise.
     */
    int call(BotApiMethod<?> method) throws TelegramApiException {
        method.validate();
        byte[] body = RequestJson.write(method);
        if (body == null) {
            try {
                body = REQUEST.writeValueAsBytes(method);
            } catch (IOException e) {
                throw new TelegramApiException("unable to serialise " + method.getMethod(), e);
            }
        }
        assert sameAsLibrary(body, method) : method.getMethod() + ": " + new String(body, UTF_8);
        Request request = new Request.Builder().url(url(method.getMethod()))
                .post(RequestBody.create(body, JSON_BODY)).build();
        Answer answer;
        int status;
        try (Response response = http.newCall(request).execute(); ResponseBody answerBody = response.body()) {
            status = response.code();
            if (answerBody == null) {
                throw new TelegramApiException(method.getMethod() + ": empty answer (HTTP " + response.code() + ")");
            }
            try (InputStream in = answerBody.byteStream()) {
                answer = ANSWER.readValue(in);
            }
        } catch (IOException e) {
            // A timeout, a dropped connection or an unreadable answer: the caller retries, as with the library.
            throw new TelegramApiException("unable to execute " + method.getMethod() + " method", e);
        }
        if (answer == null) {
            throw new TelegramApiException(method.getMethod() + ": no answer (HTTP " + status + ")");
        }
        if (!answer.ok()) {
            throw new TelegramApiRequestException("Error executing " + method.getMethod() + " query",
                    new ApiResponse<>(false, answer.errorCode(), answer.description(), answer.parameters(), null));
        }
        return answer.messageId() == null ? 0 : answer.messageId();
    }
}
