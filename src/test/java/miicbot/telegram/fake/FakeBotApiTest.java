package miicbot.telegram.fake;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The fake enforces each Telegram rule it claims to, so a green end-to-end test means something. */
class FakeBotApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeBotApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private JsonNode call(String method, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url() + "/bot" + FakeBotApi.TOKEN + "/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void textOver4096CharactersIsRefusedAndRecorded() throws Exception {
        String ok = "😀".repeat(4096); // code points, not UTF-16 units
        assertTrue(call("sendMessage", "{\"chat_id\":1,\"text\":\"" + ok + "\"}").path("ok").asBoolean());
        JsonNode tooLong = call("sendMessage", "{\"chat_id\":1,\"text\":\"" + "a".repeat(4097) + "\"}");
        assertEquals(400, tooLong.path("error_code").asInt());
        assertTrue(tooLong.path("description").asText().contains("message is too long"));
        assertEquals(1, api.violations().size());
    }

    @Test
    void callbackDataOver64BytesIsRefused() throws Exception {
        String fits = "{\"chat_id\":1,\"text\":\"q\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\""
                + "x".repeat(64) + "\"}]]}}";
        assertTrue(call("sendMessage", fits).path("ok").asBoolean());
        JsonNode tooLong = call("sendMessage", fits.replace("x".repeat(64), "é".repeat(33)));
        assertEquals("Bad Request: BUTTON_DATA_INVALID; ", tooLong.path("description").asText());
    }

    @Test
    void htmlIsCheckedOnlyWhenAskedFor() throws Exception {
        assertTrue(call("sendMessage", "{\"chat_id\":1,\"text\":\"a < b & c\"}").path("ok").asBoolean());
        assertTrue(call("sendMessage", "{\"chat_id\":1,\"parse_mode\":\"HTML\",\"text\":\"<b>a &lt; b</b>\"}")
                .path("ok").asBoolean());
        assertFalse(call("sendMessage", "{\"chat_id\":1,\"parse_mode\":\"HTML\",\"text\":\"a < b\"}").path("ok").asBoolean());
        assertFalse(call("sendMessage", "{\"chat_id\":1,\"parse_mode\":\"html\",\"text\":\"<b>open\"}").path("ok").asBoolean());
        assertFalse(call("sendMessage", "{\"chat_id\":1,\"parse_mode\":\"HTML\",\"text\":\"<script>x</script>\"}")
                .path("ok").asBoolean());
        assertEquals(3, api.violations().size());
    }

    @Test
    void anEditThatChangesNothingIsRefused() throws Exception {
        int id = call("sendMessage", "{\"chat_id\":1,\"text\":\"q\"}").path("result").path("message_id").asInt();
        assertTrue(call("editMessageText", "{\"chat_id\":1,\"message_id\":" + id + ",\"text\":\"q2\"}").path("ok").asBoolean());
        JsonNode same = call("editMessageText", "{\"chat_id\":1,\"message_id\":" + id + ",\"text\":\"q2\"}");
        assertTrue(same.path("description").asText().contains("message is not modified"));
        assertFalse(call("editMessageText", "{\"chat_id\":1,\"message_id\":999,\"text\":\"x\"}").path("ok").asBoolean());
    }

    @Test
    void sendingBeforeRetryAfterIsAViolation() throws Exception {
        api.rateLimitNext("sendMessage", 1, 1);
        JsonNode limited = call("sendMessage", "{\"chat_id\":5,\"text\":\"a\"}");
        assertEquals(429, limited.path("error_code").asInt());
        assertEquals(1, limited.path("parameters").path("retry_after").asInt());
        call("sendMessage", "{\"chat_id\":5,\"text\":\"too soon\"}");
        assertEquals(1, api.violations().size(), api.violations().toString());
        Thread.sleep(1_050);
        call("sendMessage", "{\"chat_id\":5,\"text\":\"after waiting\"}");
        assertEquals(1, api.violations().size());
    }

    @Test
    void longPollingReturnsAPushedUpdateAndOffsetsConfirm() throws Exception {
        long start = System.currentTimeMillis();
        new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                return;
            }
            api.pushText(7, 7, "hello", "es");
        }).start();
        JsonNode updates = call("getUpdates", "{\"offset\":0,\"timeout\":2}").path("result");
        assertTrue(System.currentTimeMillis() - start < 1_500, "woke on the push");
        assertEquals("hello", updates.get(0).path("message").path("text").asText());
        assertEquals("es", updates.get(0).path("message").path("from").path("language_code").asText());
        int id = updates.get(0).path("update_id").asInt();
        assertEquals(1, call("getUpdates", "{\"offset\":" + id + "}").path("result").size(), "not yet confirmed");
        assertEquals(0, call("getUpdates", "{\"offset\":" + (id + 1) + "}").path("result").size(), "confirmed");
    }

    @Test
    void unansweredCallbacksAreFlagged() throws Exception {
        int id = call("sendMessage", "{\"chat_id\":3,\"text\":\"q\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":"
                + "\"A\",\"callback_data\":\"1:a\"}]]}}").path("result").path("message_id").asInt();
        String first = api.pushTap(3, 3, id, "1:a");
        String second = api.pushTap(3, 3, id, "1:a");
        Thread.sleep(1_100);
        assertEquals(0, api.violations().size(), "the clock starts when the bot receives the query");
        call("getUpdates", "{\"offset\":0}");
        assertTrue(call("answerCallbackQuery", "{\"callback_query_id\":\"" + first + "\"}").path("ok").asBoolean());
        Thread.sleep(1_100);
        assertEquals(1, api.violations().size());
        assertTrue(api.violations().get(0).contains(second));
    }

    @Test
    void methodNamesAreCaseInsensitiveAndTokensChecked() throws Exception {
        assertTrue(call("GETME", "{}").path("ok").asBoolean());
        HttpRequest wrong = HttpRequest.newBuilder(URI.create(api.url() + "/bot1:bad/getMe"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertEquals(401, http.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void theRealClientSendsMessagesAndDocumentsAndSeesRetryAfter() throws Exception {
        var client = new OkHttpTelegramClient(FakeBotApi.TOKEN,
                TelegramUrl.builder().schema("http").host("127.0.0.1").port(api.port()).testServer(false).build());
        client.execute(SendMessage.builder().chatId(9L).text("hi").build());
        byte[] pdf = "%PDF-1.7 fake".getBytes();
        client.execute(SendDocument.builder().chatId(9L).caption("c")
                .document(new InputFile(new ByteArrayInputStream(pdf), "a.pdf")).build());
        FakeBotApi.Document document = api.documents(9).get(0);
        assertEquals("a.pdf", document.fileName());
        assertArrayEquals(pdf, document.bytes());
        api.rateLimitNext("sendMessage", 1, 3);
        TelegramApiRequestException e = assertThrows(TelegramApiRequestException.class,
                () -> client.execute(SendMessage.builder().chatId(9L).text("again").build()));
        assertEquals(429, e.getErrorCode());
        assertEquals(3, e.getParameters().getRetryAfter());
    }

    @Test
    void deletingAMessageThatIsGoneFails() throws Exception {
        int typed = api.pushText(5, 5, "Maria Lopez", "en");
        assertTrue(call("deleteMessage", "{\"chat_id\":5,\"message_id\":" + typed + "}").path("ok").asBoolean());
        JsonNode again = call("deleteMessage", "{\"chat_id\":5,\"message_id\":" + typed + "}");
        assertEquals(400, again.path("error_code").asInt());
        assertTrue(again.path("description").asText().contains("message to delete not found"));
        assertEquals(400, call("deleteMessage", "{\"chat_id\":5,\"message_id\":999}").path("error_code").asInt());
        assertEquals(2, api.violations().size());
    }

    @Test
    void withPacingOnAChatSentFasterThanTelegramAllowsIsAViolation() throws Exception {
        api.strictPacing(1, 3);
        for (int i = 0; i < 3; i++) {
            assertTrue(call("sendMessage", "{\"chat_id\":1,\"text\":\"burst\"}").path("ok").asBoolean());
        }
        assertTrue(call("sendMessage", "{\"chat_id\":2,\"text\":\"another chat\"}").path("ok").asBoolean());
        assertEquals(List.of(), api.violations());
        call("sendMessage", "{\"chat_id\":1,\"text\":\"one too many\"}");
        assertEquals(1, api.violations().size(), api.violations().toString());
        assertTrue(api.violations().get(0).contains("faster than"));
    }

    @Test
    void aLongPollWaitsItsWholeTimeoutWhenNothingComes() throws Exception {
        long started = System.nanoTime();
        JsonNode empty = call("getUpdates", "{\"offset\":1,\"timeout\":3}");
        long waited = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, empty.path("result").size());
        assertTrue(waited >= 2_900, "waited only " + waited + " ms");
        started = System.nanoTime();
        api.pushText(5, 5, "hi", "en");
        assertEquals(1, call("getUpdates", "{\"offset\":1,\"timeout\":3}").path("result").size());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 2_900, "an update ends the wait");
    }

    @Test
    void aDocumentWithABareFileNameIsReceived() throws Exception {
        // grammY writes the part's header as: content-disposition:form-data;name="id";filename=form.pdf
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\ncontent-disposition:form-data;name=\"chat_id\"\r\n\r\n7\r\n--" + boundary
                + "\r\ncontent-disposition:form-data;name=\"document\"\r\n\r\nattach://abc\r\n--" + boundary
                + "\r\ncontent-disposition:form-data;name=\"abc\";filename=form.pdf\r\n"
                + "content-type:application/octet-stream\r\n\r\n%PDF-1.7 x\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url() + "/bot" + FakeBotApi.TOKEN + "/sendDocument"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        JsonNode answer = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        assertTrue(answer.path("ok").asBoolean(), answer.toString());
        List<FakeBotApi.Document> documents = api.documents(7);
        assertEquals(1, documents.size());
        assertEquals("form.pdf", documents.get(0).fileName());
        assertEquals("%PDF-1.7 x", new String(documents.get(0).bytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
