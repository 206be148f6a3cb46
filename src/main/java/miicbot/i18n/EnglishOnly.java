package miicbot.i18n;

import java.util.List;
import java.util.Set;

/**
 * Keys that page 1 of the PDF prints in English only, for MDH's staff: its title, whom it is to, the note that it is
 * not MDH's form, the summary line of what is asked, the relationship written in its box, the printed signer's name
 * and the footer. The chat never shows them, so a translation of them is never shown and translators may skip them:
 * a catalogue may leave them out, and the review kit lists them apart and does not ask for them to be read.
 */
public final class EnglishOnly {
    private static final Set<String> KEYS = Set.of("pdf.request.title", "pdf.request.to", "pdf.request.not_official",
            "pdf.request.requested", "pdf.request.footer", "pdf.sign.printed");
    private static final List<String> PREFIXES = List.of("pdf.summary.", "relationship.");

    private EnglishOnly() {
    }

    /** True when only the English text of {@code key} is ever shown. */
    public static boolean is(String key) {
        return KEYS.contains(key) || PREFIXES.stream().anyMatch(key::startsWith);
    }
}
