package miicbot.store;

import static miicbot.interview.MiicInterview.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import miicbot.engine.Conversation;
import miicbot.engine.Dialog;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.engine.Parsed;
import miicbot.engine.Place;
import miicbot.engine.Reply;
import miicbot.engine.Stage;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.Relationship;
import miicbot.interview.RequestOption;
import miicbot.interview.Sex;
import org.junit.jupiter.api.Test;

/**
 * Records as the version before the engine took an Interview value stored them (JSON in
 * {@code src/test/resources/stored/}, written by that version's own classes) still open, and a conversation goes
 * on where it stood: step ids kept their names, a sent form still reads as a request.
 */
class OlderRecordsTest {
    private static final AnswerCipher CIPHER = new AnswerCipher(new byte[32]);

    @Test
    void aConversationWithAnEarlierChildOpensAndGoesOn() {
        Conversation c = open("conversation-second-child.json");
        assertEquals(Place.question(CHILD_LAST), c.place());
        assertEquals(1, c.childrenDone());
        assertEquals("Luis", c.answer(CHILD_FIRST));
        assertEquals("North Mankato", c.answer(CITY));
        assertEquals("lock", c.earlier().get(REQUEST));
        assertEquals("Ely", c.earlier().get(CLINIC_CITY));

        Outcome next = Dialog.newEngine().next(c, new Event.Text("Garcia"), Dialog.TODAY);
        assertEquals(Place.question(CHILD_BIRTH_DATE), next.conversation().place());
        assertEquals("Garcia", next.conversation().answer(CHILD_LAST));
    }

    @Test
    void aConversationOfferingTwoReadingsOpensWithThem() {
        Conversation c = open("conversation-two-readings.json");
        assertEquals(Place.question(ADDRESS), c.place());
        assertEquals(List.of("North Mankato", "Mankato"), c.readings().stream().map(Parsed.Reading::label).toList());
        assertEquals("1001 Belgrade Ave North", c.readings().get(1).parts().get(STREET));

        Outcome chosen = Dialog.newEngine().next(c, new Event.Tap(c.ask(), "reading1"), Dialog.TODAY);
        assertEquals("Mankato", chosen.conversation().answer(CITY));
        assertEquals(Stage.QUESTION, chosen.conversation().stage());
    }

    @Test
    void aQueuedFormOpensAsTheSameRequest() {
        byte[] json = resource("outbox-form.json");
        Reply reply = new SealedJson(CIPHER).openQueued(9, CIPHER.seal(9, json)).orElseThrow();
        Reply.SendForm form = (Reply.SendForm) reply;
        assertEquals("MIIC-request-Ana-Garcia.pdf", form.fileName());
        assertTrue(form.caption().contains("Ana Garcia"), form.caption());
        ChildRequest expected = ChildRequest.builder().language(Language.EN).prepared(LocalDate.of(2026, 11, 25))
                .guardian("Rosa Diaz", Relationship.PARENT).phone("651-555-0100")
                .address("1001 Belgrade Ave", "North Mankato", "MN", "56003")
                .child("Ana", "Garcia").birthDate(LocalDate.of(2019, 3, 14)).sex(Sex.FEMALE)
                .option(RequestOption.LOCK).option(RequestOption.DECLINE_REMINDERS).clinic("North Clinic", "Ely")
                .build();
        assertEquals(expected, ChildRequest.of(form.request()));
    }

    @Test
    void anOpenedRecordIsSealedAgainAsTheSameValue() {
        Conversation c = open("conversation-second-child.json");
        byte[] sealed = new SealedJson(CIPHER).seal(7, c);
        assertEquals(c, new SealedJson(CIPHER).openConversation(7, sealed));
        assertEquals(Map.of(), open("conversation-two-readings.json").earlier());
    }

    /**
     * Written back with every field it was read with, unchanged, so a replica still running the older version reads
     * it (a field added since is ignored there: unknown properties are allowed).
     */
    @Test
    void recordsAreWrittenBackWithEveryFieldTheyWereReadWith() throws IOException {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        for (String name : List.of("conversation-second-child.json", "conversation-two-readings.json")) {
            assertContains(name, json.readTree(resource(name)), json.valueToTree(open(name)));
        }
        byte[] form = resource("outbox-form.json");
        Reply reply = new SealedJson(CIPHER).openQueued(9, CIPHER.seal(9, form)).orElseThrow();
        assertContains("outbox-form.json", json.readTree(form),
                json.readTree(json.writerFor(Reply.class).writeValueAsString(reply)));
    }

    private static void assertContains(String path, JsonNode old, JsonNode now) {
        if (old.isObject()) {
            assertTrue(now.isObject(), path + " is no longer an object: " + now);
            old.fieldNames().forEachRemaining(field -> assertContains(path + "." + field, old.get(field),
                    now.has(field) ? now.get(field) : MissingNode.getInstance()));
        } else if (old.isArray() && !old.isEmpty() && old.get(0).isValueNode()) {
            assertEquals(sorted(old), sorted(now), path + " (a set: any order)");
        } else if (old.isArray()) {
            assertEquals(old.size(), now.size(), path + " has another length");
            for (int i = 0; i < old.size(); i++) {
                assertContains(path + "[" + i + "]", old.get(i), now.get(i));
            }
        } else {
            assertEquals(old, now, path);
        }
    }

    private static List<String> sorted(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.toString()));
        return values.stream().sorted().toList();
    }

    private static Conversation open(String name) {
        // A new SealedJson remembers nothing, so the record is read from its JSON.
        return new SealedJson(CIPHER).openConversation(7, CIPHER.seal(7, resource(name)));
    }

    private static byte[] resource(String name) {
        try (InputStream in = OlderRecordsTest.class.getResourceAsStream("/stored/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
