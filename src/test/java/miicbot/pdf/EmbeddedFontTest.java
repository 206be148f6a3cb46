package miicbot.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A subset says exactly which characters it can draw, so a form with others gets a new subset. */
class EmbeddedFontTest {
    @Test
    void aSubsetCoversItsOwnCharactersInAnyOrderAndNoOthers() {
        EmbeddedFont font = EmbeddedFont.subset(Fonts.DEJAVU.regular, "Łukasz Żółć 12");
        assertEquals(" 12aksuzóćŁłŻ", font.characters(), "sorted, distinct");
        assertTrue(font.covers("Łukasz"));
        assertTrue(font.covers("Żółć 21 kasz"), "any order, spaces always");
        assertFalse(font.covers("Łukasz Nguyễn"), "ễ was not asked for");
        assertFalse(font.covers("Ana"), "nor A, n");
        assertFalse(font.covers("\uD835\uDC9C"), "nor a letter beyond the first 65,536");
    }
}
