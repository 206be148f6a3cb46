package miicbot.i18n;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of one language, read from {@code messages/<code>.json}: a flat JSON object of key to text.
 * Texts may hold named placeholders such as {@code {name}}, filled by {@link #text(String, Map)}.
 */
public final class Catalogue {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Language language;
    private final Map<String, String> texts;

    public Catalogue(Language language, Map<String, String> texts) {
        this.language = Objects.requireNonNull(language);
        this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /** Reads the catalogue from {@code dir} when given and it has the file, else from the jar. */
    public static Catalogue load(Language language, Path dir) {
        String file = language.code() + ".json";
        try {
            if (dir != null && Files.isRegularFile(dir.resolve(file))) {
                try (InputStream in = Files.newInputStream(dir.resolve(file))) {
                    return new Catalogue(language, read(in));
                }
            }
            try (InputStream in = Catalogue.class.getResourceAsStream("/messages/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("message catalogue missing from the jar: messages/" + file);
                }
                return new Catalogue(language, read(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message catalogue " + file, e);
        }
    }

    private static Map<String, String> read(InputStream in) throws IOException {
        return JSON.readValue(in, new TypeReference<LinkedHashMap<String, String>>() { });
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

    /** The text for {@code key} with each {@code {name}} replaced by {@code args.get(name)}. */
    public String text(String key, Map<String, ?> args) {
        Matcher m = PLACEHOLDER.matcher(text(key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = args.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholder names used by one text, for the catalogue parity tests. */
    public Set<String> placeholders(String key) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text(key));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
