package miicbot.engine;

import static miicbot.interview.MiicInterview.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import miicbot.i18n.Language;
import org.junit.jupiter.api.Test;

/** An answer that can be read two ways: one short question with both readings as buttons, and nothing lost. */
class TwoReadingsTest {
    private static final String TWO_WAYS = "1001 belgrade ave north mankato mn 56003";

    private static Dialog atAddress(Language language) {
        return new Dialog(language).type("hi").tap("parent").type("Maria Lopez").type("651-555-0123");
    }

    private static List<String> labels(Dialog d) {
        return d.question().options().stream().filter(o -> o.code().startsWith(Questions.READING))
                .map(Reply.Option::label).toList();
    }

    @Test
    void anAddressWithOneReadingGoesOnWithoutAQuestion() {
        Dialog d = atAddress(Language.EN).type("3001 broadway st northeast minneapolis mn 55413");
        assertEquals(CHILD_FIRST, d.conversation().step());
        assertEquals("3001 Broadway St Northeast", d.conversation().answer(STREET));
        assertEquals("Minneapolis", d.conversation().answer(CITY));
    }

    @Test
    void twoReadingsAreAskedAsOneQuestionWithBothAsButtons() {
        Dialog d = atAddress(Language.EN).type(TWO_WAYS);
        assertTrue(d.said().contains("Is the city North Mankato or Mankato?"), d.said());
        assertEquals(ADDRESS, d.conversation().step());
        assertEquals(List.of("North Mankato", "Mankato"), labels(d));
        assertNull(d.conversation().answer(STREET), "nothing is taken before the parent chooses");
        assertTrue(d.last().personalAnswer(), "the typed address may be deleted from the chat like any other");
    }

    @Test
    void theTappedReadingIsTheAnswerWithEveryTypedWord() {
        Dialog d = atAddress(Language.EN).type(TWO_WAYS).tap("reading1");
        assertEquals(CHILD_FIRST, d.conversation().step());
        assertEquals("1001 Belgrade Ave North", d.conversation().answer(STREET));
        assertEquals("Mankato", d.conversation().answer(CITY));
        assertEquals("MN", d.conversation().answer(STATE));
        assertEquals("56003", d.conversation().answer(ZIP));
        assertEquals("Maria Lopez", d.conversation().answer(PARENT_NAME));
        assertEquals(List.of(), d.conversation().readings(), "the readings are dropped once one is chosen");
    }

    @Test
    void theOtherReadingCanBeTypedByItsLabel() {
        Dialog d = atAddress(Language.EN).type(TWO_WAYS).type("north mankato");
        assertEquals(CHILD_FIRST, d.conversation().step());
        assertEquals("1001 Belgrade Ave", d.conversation().answer(STREET));
        assertEquals("North Mankato", d.conversation().answer(CITY));
    }

    @Test
    void typingTheAddressAgainWithCommasDropsTheQuestion() {
        Dialog d = atAddress(Language.EN).type(TWO_WAYS).type("1001 Belgrade Ave, North Mankato, MN 56003");
        assertEquals(CHILD_FIRST, d.conversation().step());
        assertEquals("North Mankato", d.conversation().answer(CITY));
        assertEquals(List.of(), d.conversation().readings());
    }

    @Test
    void aReadingButtonThatIsNotOfferedIsNotTakenAsAnAnswer() {
        Dialog d = atAddress(Language.EN).type("1 Main St, Duluth, MN 55802").type("/back");
        d.send(new Event.Tap(d.conversation().ask(), "reading0"));
        assertEquals(ADDRESS, d.conversation().step(), "no readings were offered here");
    }

    @Test
    void everyLanguageAsksTheSameQuestion() {
        for (Language language : Language.values()) {
            Dialog d = atAddress(language).type(TWO_WAYS);
            assertTrue(d.said().contains("North Mankato") && d.said().contains("Mankato"), language + ": " + d.said());
            assertEquals(List.of("North Mankato", "Mankato"), labels(d), language.code());
            d.tap("reading0");
            assertEquals("North Mankato", d.conversation().answer(CITY), language.code());
        }
    }
}
