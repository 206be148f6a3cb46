package miicbot.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import miicbot.engine.Dialog;
import miicbot.engine.Reply;
import miicbot.i18n.Language;

/** A parent's whole interview typed line by line (two children, two forms), and what the bot must answer. */
final class Script {
    static final List<String> TWO_CHILDREN = List.of("hi", "I am the parent", "Maria Lopez", "651 555 0123",
            "1 Main St, St. Paul, MN 55101", "Ana", "Garcia", "3/14/2019", "Female", "Opt out of MIIC",
            "Looks right: make the form", "Luis", "Garcia", "7/1/2021", "Male", "Limit access to one clinic",
            "Westside Clinic, Bloomington", "No", "Looks right: make the form", "Finish");

    private Script() {
    }

    /** The engine's texts for {@code lines}, in order; null for each form. */
    static List<String> expected(List<String> lines) {
        Dialog d = new Dialog(Language.EN);
        List<String> texts = new ArrayList<>();
        for (String line : lines) {
            d.type(line);
            for (Reply reply : d.last().replies()) {
                texts.add(reply instanceof Reply.Say s ? s.text() : reply instanceof Reply.Ask a ? a.text() : null);
            }
        }
        return texts;
    }

    /**
     * Whether {@code got} is {@code expected} with some items left out: same order, nothing repeated or new. A chat
     * whose lines all arrive at once is answered in one batch, and questions a later line already answered are
     * left out.
     */
    static boolean inOrderWithin(List<String> got, List<String> expected) {
        int at = 0;
        for (String item : got) {
            while (at < expected.size() && !Objects.equals(expected.get(at), item)) {
                at++;
            }
            if (at == expected.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    /** Folds a message repeated right after itself: a replica stopped between a send and its mark resends it. */
    static List<String> collapse(List<String> texts) {
        List<String> out = new ArrayList<>();
        for (String text : texts) {
            if (out.isEmpty() || !Objects.equals(out.get(out.size() - 1), text) || text == null) {
                out.add(text);
            }
        }
        return out;
    }
}
