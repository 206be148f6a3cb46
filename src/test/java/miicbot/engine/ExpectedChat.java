package miicbot.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import miicbot.i18n.Language;

/**
 * What a chat must show for a typed script, and the two ways a real delivery may differ from it: replies a later
 * update made pointless are left out (a backlog), and a reply sent just before a crash is sent again right after
 * itself (delivery is at least once). Shared by the Telegram, crash and webhook tests.
 */
public final class ExpectedChat {
    private ExpectedChat() {
    }

    /** The engine's texts for the typed {@code lines}, in order, in English (the copy-ready block's too); null for each form. */
    public static List<String> texts(List<String> lines) {
        Dialog d = new Dialog(Language.EN);
        List<String> texts = new ArrayList<>();
        for (String line : lines) {
            d.type(line);
            for (Reply reply : d.last().replies()) {
                if (reply instanceof Reply.ClearChat || reply instanceof Reply.DeleteTyped) {
                    continue; // no message of their own
                }
                texts.add(reply instanceof Reply.Say s ? s.text() : reply instanceof Reply.Ask a ? a.text()
                        : reply instanceof Reply.Copyable c ? c.text() : null);
            }
        }
        return texts;
    }

    /**
     * The notes (texts that are not questions) of the typed {@code lines}, in English. Delivery never leaves a note of
     * a script of valid answers out (only questions answered meanwhile, and complaints of a re-ask, may go), so these
     * must all arrive: the superset check beside {@link #inOrderWithin}, which alone would accept a missing reply.
     */
    public static Set<String> notes(List<String> lines) {
        Dialog d = new Dialog(Language.EN);
        Set<String> notes = new LinkedHashSet<>();
        for (String line : lines) {
            d.type(line);
            for (Reply reply : d.last().replies()) {
                if (reply instanceof Reply.Say s) {
                    notes.add(s.text());
                } else if (reply instanceof Reply.Ask a && !a.leadIn().isEmpty()) {
                    notes.add(a.leadIn()); // said in the question's message, or on its own when that is dropped
                }
            }
        }
        return notes;
    }

    /** The notes of {@code lines} that {@code got} lacks: empty when every one arrived. */
    public static Set<String> missingNotes(List<String> got, List<String> lines) {
        Set<String> missing = new LinkedHashSet<>(notes(lines));
        // A lead-in line arrives on its own, or as the start of its question's message.
        missing.removeIf(note -> got.stream()
                .anyMatch(t -> t != null && (t.equals(note) || t.startsWith(note + "\n\n"))));
        return missing;
    }

    /**
     * Whether {@code got} is {@code expected} with some items left out: same order, nothing repeated or new. A
     * question left out may leave the line said in its message (its lead-in) on its own.
     */
    public static boolean inOrderWithin(List<String> got, List<String> expected) {
        int at = 0;
        for (String item : got) {
            while (at < expected.size() && !Objects.equals(expected.get(at), item)
                    && !(item != null && expected.get(at) != null && expected.get(at).startsWith(item + "\n\n"))) {
                at++;
            }
            if (at == expected.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    /** Folds an item repeated right after itself (a reply resent after a crash); nulls (forms) are kept. */
    public static List<String> collapse(List<String> items) {
        List<String> out = new ArrayList<>();
        for (String item : items) {
            if (out.isEmpty() || !Objects.equals(out.get(out.size() - 1), item) || item == null) {
                out.add(item);
            }
        }
        return out;
    }
}
