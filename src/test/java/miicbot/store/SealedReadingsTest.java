package miicbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import miicbot.engine.Conversation;
import miicbot.engine.Parsed;
import miicbot.engine.Place;
import miicbot.i18n.Language;
import miicbot.interview.MiicInterview;
import org.junit.jupiter.api.Test;

/** The readings a conversation offers as buttons are sealed and opened with it; a record from before has none. */
class SealedReadingsTest {

    @Test
    void readingsSurviveSealingAndOpening() {
        Conversation offered = Conversation.start(Language.EN).at(Place.question(MiicInterview.ADDRESS), false, null)
                .withReadings(List.of(
                        new Parsed.Reading("North Mankato", "typed", Map.of(MiicInterview.CITY, "North Mankato")),
                        new Parsed.Reading("Mankato", "typed", Map.of(MiicInterview.CITY, "Mankato"))));
        byte[] sealed = new SealedJson(new AnswerCipher(new byte[32])).seal(7, offered);
        // A new SealedJson remembers nothing, so the record is opened and read from its JSON.
        assertEquals(offered, new SealedJson(new AnswerCipher(new byte[32])).openConversation(7, sealed));
    }
}
