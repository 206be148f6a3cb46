package miicbot.i18n;

import java.util.Locale;

/**
 * The languages the bot speaks; each has a catalogue {@code messages/<code>.json}. Somali and Hmong have no
 * two-letter ISO 639-1 code in use for Hmong, so their codes are "so" and the ISO 639-2/3 "hmn".
 */
public enum Language {
    EN("en"),
    ES("es"),
    SO("so"),
    /** White Hmong, written in the Romanized Popular Alphabet (RPA). */
    HMN("hmn");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * The language for an IETF tag such as "es-MX", "so-SO" or "hmn" or a POSIX locale such as "es_US.UTF-8";
     * English otherwise. Telegram only sends two-letter codes, so "hmn" arrives from the picker and the console.
     */
    public static Language fromTag(String tag) {
        if (tag == null) {
            return EN;
        }
        String primary = tag.toLowerCase(Locale.ROOT).split("[-_.@]", 2)[0];
        for (Language language : values()) {
            if (language.code.equals(primary)) {
                return language;
            }
        }
        return EN;
    }
}
