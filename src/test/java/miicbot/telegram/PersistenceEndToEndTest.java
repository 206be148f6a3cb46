package miicbot.telegram;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import miicbot.store.Bytes;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import miicbot.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real engine on Telegram and SQLite: restarts lose nothing, and nothing typed is left readable. */
@Timeout(90)
class PersistenceEndToEndTest {
    private static final List<String> SECRETS = List.of("Zebulon", "Quixotefeather", "Xylandra", "Snapdragon",
            "651-555-0199", "2017-02-13", "02/13/2017", "Brambleton", "zq@example.org", "Lupinwood");

    @TempDir
    Path dir;

    @Test
    void aRestartMidInterviewContinuesAtTheSameQuestionWithEveryAnswer() throws Exception {
        long chat = 2001;
        try (BotHarness h = new BotHarness(dir)) {
            h.type(chat, "hi").parent(chat).type(chat, "Ana").type(chat, "Garcia");
            assertTrue(h.lastText(chat).startsWith("What is Ana's date of birth"), h.lastText(chat));
        }
        try (BotHarness h = new BotHarness(dir, new FakeBotApi(10_000))) {
            h.type(chat, "3/14/2019").tap(chat, "female").tap(chat, "opt_out");
            String review = h.lastText(chat);
            assertTrue(review.contains("Parent or guardian: Maria Garcia Lopez"), review);
            assertTrue(review.contains("Last names: Garcia") && review.contains("MN 55101"), review);
            h.tap(chat, "confirm");
            assertEquals(1, h.api.awaitDocuments(chat, 1, Duration.ofSeconds(10)).size());
            h.assertNoViolations();
        }
    }

    @Test
    void anUpdateRedeliveredAfterARestartIsNotAppliedTwice() throws Exception {
        long chat = 2003;
        try (BotHarness h = new BotHarness(dir)) {
            h.type(chat, "hi").tap(chat, "parent").type(chat, "Maria Lopez"); // updates 1, 2 and 3
        }
        // After a crash Telegram redelivers what was not confirmed: here update 3 again, the same name.
        try (BotHarness h = new BotHarness(dir, new FakeBotApi(3))) {
            int before = h.api.calls("sendmessage").size();
            h.api.pushText(chat, chat, "Maria Lopez", "en");
            h.type(chat, "651 555 0123"); // the positive signal: a reply to the repeat would come before this one's
            assertEquals(before + 1, h.api.calls("sendmessage").size(), "a repeated update gets no second reply");
            assertTrue(h.lastText(chat).startsWith("What is your mailing address"), h.lastText(chat));
            h.assertNoViolations();
        }
    }

    @Test
    void aWholeInterviewLeavesNoPersonalDataInTheDatabaseOrTheLogs() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Handler capture = new Handler() {
            private final SimpleFormatter format = new SimpleFormatter();

            @Override
            public synchronized void publish(LogRecord record) {
                log.writeBytes(format.format(record).getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        long chat = 2002;
        byte[][] files;
        try (BotHarness h = new BotHarness(dir)) {
            h.type(chat, "hi").tap(chat, "parent").type(chat, "Zebulon Quixotefeather")
                    .type(chat, "651 555 0199").type(chat, "4242 Snapdragon Way, Brambleton, MN 55101")
                    .type(chat, "Xylandra").type(chat, "Quixotefeather")
                    .type(chat, "2/13/2017").tap(chat, "skip").tap(chat, "lock").type(chat, "Lupinwood Clinic, Brambleton")
                    .tap(chat, "yes").tap(chat, "parent_email").type(chat, "zq@example.org");
            files = snapshot(); // mid-interview: answers are in the database, sealed
            h.tap(chat, "confirm");
            assertEquals(1, h.api.awaitDocuments(chat, 1, Duration.ofSeconds(10)).size());
            h.api.awaitCall(c -> c.params().path("text").asText().startsWith("The form is ready"), Duration.ofSeconds(10));
            h.tap(chat, "finish");
            assertTrue(BotHarness.pdfText(h.api.documents(chat).get(0).bytes()).contains("Quixotefeather"),
                    "the form itself has the names");
            h.assertNoViolations();
        } finally {
            root.removeHandler(capture);
            root.setLevel(level);
        }
        byte[][] after = snapshot();
        assertTrue(log.size() > 0, "logging was captured");
        for (String secret : SECRETS) {
            for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                byte[] needle = secret.getBytes(charset);
                assertFalse(Bytes.contains(log.toByteArray(), needle), secret + " in the log");
                for (byte[][] set : new byte[][][] {files, after}) {
                    for (byte[] file : set) {
                        assertFalse(Bytes.contains(file, needle), secret + " (" + charset + ") in a database file");
                    }
                }
            }
        }
    }

    /** The database's files as they are now; fails when there is none or one cannot be read (nothing checked). */
    private byte[][] snapshot() throws Exception {
        List<Path> paths;
        try (Stream<Path> files = Files.list(dir)) {
            paths = files.filter(f -> f.getFileName().toString().startsWith("miicbot.db")).toList();
        }
        assertFalse(paths.isEmpty(), "no database file in " + dir);
        byte[][] contents = new byte[paths.size()][];
        for (int i = 0; i < contents.length; i++) {
            contents[i] = Files.readAllBytes(paths.get(i));
        }
        assertTrue(java.util.Arrays.stream(contents).mapToInt(b -> b.length).sum() > 0, "the database files are empty");
        return contents;
    }
}
