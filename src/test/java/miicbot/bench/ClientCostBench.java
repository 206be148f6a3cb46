package miicbot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import miicbot.telegram.fake.FakeBotApi;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * CPU per sendMessage: the TelegramBots client (as the bot uses it) against a plain JDK HTTP client posting the
 * same JSON with one reused Jackson writer, both against the same in-process fake Bot API, one call at a time.
 * The fake's own cost is in both figures alike, so their difference is the clients'. Run by hand:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) miicbot.bench.ClientCostBench 5000}
 */
public final class ClientCostBench {
    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (FakeBotApi fake = new FakeBotApi()) {
            OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
            OkHttpTelegramClient client = new OkHttpTelegramClient(http, FakeBotApi.TOKEN, TelegramUrl.builder()
                    .schema("http").host("127.0.0.1").port(fake.port()).testServer(false).build());
            HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ObjectMapper json = new ObjectMapper();
            var writer = json.writer();
            URI send = URI.create(fake.url() + "/bot" + FakeBotApi.TOKEN + "/sendMessage");
            for (int round = 0; round < 2; round++) { // the first round warms both up
                long cpu = os.getProcessCpuTime();
                long wall = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    client.execute(SendMessage.builder().chatId(1L + i % 100).text("Question " + i).build());
                }
                double library = (os.getProcessCpuTime() - cpu) / 1e6 / calls;
                double libraryWall = (System.nanoTime() - wall) / 1e6 / calls;
                cpu = os.getProcessCpuTime();
                wall = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    ObjectNode body = json.createObjectNode().put("chat_id", 1 + i % 100).put("text", "Question " + i);
                    HttpResponse<byte[]> response = plain.send(HttpRequest.newBuilder(send)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(writer.writeValueAsBytes(body))).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    json.readTree(response.body());
                }
                double jdk = (os.getProcessCpuTime() - cpu) / 1e6 / calls;
                double jdkWall = (System.nanoTime() - wall) / 1e6 / calls;
                if (round == 1) {
                    System.out.printf("%d sendMessage calls each, fake in process (its cost in both):%n", calls);
                    System.out.printf("  TelegramBots OkHttp client: %.3f ms CPU, %.3f ms wall per call%n", library,
                            libraryWall);
                    System.out.printf("  JDK HttpClient + Jackson:   %.3f ms CPU, %.3f ms wall per call%n", jdk,
                            jdkWall);
                }
            }
            http.dispatcher().executorService().shutdownNow();
            http.connectionPool().evictAll();
        }
    }
}
