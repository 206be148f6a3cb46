package miicbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import miicbot.i18n.Language;
import org.junit.jupiter.api.Test;

/** "Clear this chat" in the engine: offered at the end and after /forget; only the latest offer clears. */
class ClearChatTest {

    private static Dialog finished() {
        Dialog d = EngineTest.atRequest().tap("opt_out");
        EngineTest.finish(d);
        return d.tap("finish");
    }

    private static boolean clears(Dialog d) {
        return d.last().forget() && d.last().replies().stream().anyMatch(Reply.ClearChat.class::isInstance);
    }

    @Test
    void theEndOffersItAndATapClearsAndErases() {
        Dialog d = finished();
        assertTrue(d.offers("clear"), d.said());
        d.tap("clear");
        assertTrue(clears(d), d.said());
        assertEquals(Language.EN, ((Reply.ClearChat) d.last().replies().get(0)).language());
    }

    @Test
    void forgetOffersItToo() {
        Dialog d = EngineTest.atRequest().type("/forget");
        assertTrue(d.last().forget());
        assertTrue(d.offers("clear"), d.said());
        d.tap("clear");
        assertTrue(clears(d));
    }

    @Test
    void theButtonsLabelTypedAtTheEndClearsToo() {
        Dialog d = finished().type("forms saved: clear this chat");
        assertTrue(clears(d), d.said());
    }

    @Test
    void anOlderOfferDoesNothingHarmful() {
        Dialog d = finished();
        int oldOffer = d.question().ask();
        d.type("/start").tap("parent");
        int asked = d.conversation().ask();
        d.send(new Event.Tap(oldOffer, "clear")); // during a new interview: a passed question
        assertFalse(d.last().forget());
        assertEquals(asked, d.conversation().ask(), "the same question again");
        assertTrue(d.said().contains("That question has passed") || d.said().contains("passed"), d.said());

        Dialog done = finished();
        done.send(new Event.Tap(done.question().ask() - 1, "clear")); // at the end, but not the latest offer
        assertFalse(done.last().forget());
        assertTrue(done.said().startsWith("That button is from an earlier visit"), done.said());
    }
}
