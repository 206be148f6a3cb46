package miicbot.pdf;

import java.util.List;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;

/** The English catalogue for MDH and the parent's, for bilingual labels on page 1. */
record Texts(Catalogue english, Catalogue parent) {
    boolean bilingual() {
        return parent.language() != Language.EN;
    }

    /** "English / parent's language" when the parent's language is not English. */
    String label(String key) {
        return bilingual() ? english.text(key) + " / " + parent.text(key) : english.text(key);
    }

    /** {@link #label} as runs for {@code tag}: the translation in a span tagged with the parent's language. */
    List<Canvas.Run> label(String prefix, String key, Tag tag) {
        if (!bilingual()) {
            return List.of(new Canvas.Run(prefix + english.text(key), tag));
        }
        return List.of(new Canvas.Run(prefix + english.text(key) + " / ", tag),
                new Canvas.Run(parent.text(key), tag.span(parent.language().code())));
    }
}
