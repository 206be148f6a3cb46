package miicbot.pdf;

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
}
