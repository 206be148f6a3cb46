package miicbot.i18n;

import java.util.Locale;

/** The languages the bot speaks; each has a catalogue {@code messages/<code>.json}. */
public enum Language {
    EN("en"),
    ES("es");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The language for an IETF tag such as "es-MX" or a POSIX locale such as "es_US.UTF-8"; English otherwise. */
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
