package miicbot.i18n;

import com.ibm.icu.util.ULocale;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of one language, read from {@code messages/<code>.json}: a flat JSON object of key to text.
 * Texts may hold named placeholders such as {@code {name}}, filled by {@link #text(String, Map)}, and plural or
 * select arguments such as {@code {count, plural, one {# form} other {# forms}}}, formatted by ICU.
 */
public final class Catalogue {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final Language language;
    private final Map<String, String> texts;
    // Texts with a plural or select argument, compiled once; the rest take the cheaper plain path.
    private final Map<String, IcuMessage> icu = new HashMap<>();

    /** A catalogue of these texts; throws {@link IllegalArgumentException} naming a key whose plural is bad. */
    public Catalogue(Language language, Map<String, String> texts) {
        this.language = Objects.requireNonNull(language);
        this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        for (Map.Entry<String, String> entry : this.texts.entrySet()) {
            if (IcuMessage.needed(entry.getValue())) {
                try {
                    icu.put(entry.getKey(), new IcuMessage(entry.getValue(), locale(language)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("key '" + entry.getKey() + "': " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * The bundled catalogue with {@code dir}'s file, when there is one, laid over it key by key. Not checked:
     * {@link #loadAll} checks. Throws {@link IllegalArgumentException} naming a file that is not a flat JSON object.
     */
    public static Catalogue load(Language language, Path dir) {
        return new Catalogue(language, CatalogueFiles.read(language, dir).merged());
    }

    /**
     * Every language's catalogue, each checked against the bundled English (keys, placeholders, plural forms, no
     * empty text). Throws {@link IllegalArgumentException} with one line naming the file and the key, for a start
     * that must stop.
     */
    public static Map<Language, Catalogue> loadAll(Path dir) {
        CatalogueFiles english = CatalogueFiles.read(Language.EN, null);
        Map<Language, Catalogue> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            CatalogueFiles files = CatalogueFiles.read(language, dir);
            CatalogueCheck.requireValid(english.merged(), files, locale(language));
            all.put(language, new Catalogue(language, files.merged()));
        }
        return all;
    }

    static ULocale locale(Language language) {
        return ULocale.forLanguageTag(language.code());
    }

    public Language language() {
        return language;
    }

    public Set<String> keys() {
        return texts.keySet();
    }

    /**
     * True when a native speaker has reviewed this catalogue ({@code "language.reviewed": "yes"}); an unreviewed
     * language is marked as a draft where parents pick it.
     */
    public boolean reviewed() {
        return "yes".equals(texts.get("language.reviewed"));
    }

    /** The language's own name for the picker, marked as a draft ("Soomaali (qabyo)") until it is reviewed. */
    public String languageLabel() {
        return reviewed() ? text("language.name") : text("language.name") + " " + text("language.draft");
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** The text for {@code key}; fails fast on a missing key, which the catalogue tests rule out. */
    public String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no message '" + key + "' in " + language.code() + ".json");
        }
        return text;
    }

    /**
     * The text for {@code key} with each {@code {name}} replaced by {@code args.get(name)} and each plural or select
     * argument resolved by the language's rules. A placeholder without a value stays visible as {@code {name}}.
     */
    public String text(String key, Map<String, ?> args) {
        String text = text(key);
        IcuMessage message = icu.get(key);
        if (message != null) {
            return message.format(args);
        }
        if (text.indexOf('{') < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = args.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholder names used by one text, plural and nested ones included, for the parity checks. */
    public Set<String> placeholders(String key) {
        IcuMessage message = icu.get(key);
        return message != null ? message.argumentNames() : plainPlaceholders(text(key));
    }

    /** The names in a text's placeholders; for a text with a plural, ICU's reading of it. */
    static Set<String> placeholdersOf(String text, ULocale locale) {
        return IcuMessage.needed(text) ? new IcuMessage(text, locale).argumentNames() : plainPlaceholders(text);
    }

    private static Set<String> plainPlaceholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
