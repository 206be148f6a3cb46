package miicbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The oracle of the end-to-end tests fails on what they must catch: a missing note, a repeat, a reordering. */
class ExpectedChatTest {
    private static final List<String> SCRIPT = List.of("hi", "I am the parent", "Maria Lopez", "651 555 0123",
            "1 Main St, St. Paul, MN 55101", "Ana", "Garcia", "3/14/2019", "Female", "Opt out of MIIC",
            "Looks right: make the form", "Finish");

    @Test
    void aScriptHasNotesAndAChatMissingOneIsCaught() {
        List<String> all = ExpectedChat.texts(SCRIPT);
        Set<String> notes = ExpectedChat.notes(SCRIPT);
        assertFalse(notes.isEmpty(), "a two-child script says more than questions");
        assertEquals(Set.of(), ExpectedChat.missingNotes(all, SCRIPT));
        String note = notes.stream().filter(all::contains).findFirst().orElseThrow(); // a message of its own
        List<String> without = new ArrayList<>(all);
        without.removeIf(note::equals);
        assertTrue(ExpectedChat.inOrderWithin(without, all), "the in-order check alone accepts a missing reply");
        assertEquals(Set.of(note), ExpectedChat.missingNotes(without, SCRIPT));
    }

    @Test
    void aRepeatOrAReorderingIsNotWithinTheExpectedChat() {
        List<String> expected = List.of("a", "b", "c");
        assertTrue(ExpectedChat.inOrderWithin(List.of("a", "c"), expected));
        assertFalse(ExpectedChat.inOrderWithin(List.of("a", "a", "b"), expected));
        assertFalse(ExpectedChat.inOrderWithin(List.of("b", "a"), expected));
        assertFalse(ExpectedChat.inOrderWithin(List.of("a", "x"), expected));
        assertEquals(List.of("a", "b"), ExpectedChat.collapse(List.of("a", "a", "b")));
    }

    @Test
    void aQuestionLeftOutMayLeaveItsLeadInLine() {
        List<String> expected = List.of("a", "Note.\n\nQuestion?", "c");
        assertTrue(ExpectedChat.inOrderWithin(List.of("a", "Note.", "c"), expected));
        assertFalse(ExpectedChat.inOrderWithin(List.of("a", "Note", "c"), expected), "only a whole line");
        assertFalse(ExpectedChat.inOrderWithin(List.of("Note.", "a"), expected));
    }
}
