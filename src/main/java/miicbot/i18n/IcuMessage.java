package miicbot.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A catalogue text with a plural or select argument, such as {@code {count, plural, one {# form} other {# forms}}},
 * formatted by ICU's MessageFormat with the language's CLDR plural rules. Plain {@code {name}} texts never come here:
 * {@link Catalogue} fills those itself, which is cheaper.
 *
 * <p>ICU reads an apostrophe before {@code {}, {@code }}, {@code #} or {@code |} as the start of quoted text, so
 * {@link #problems} rejects one there; "MDH's" is read as written.
 */
final class IcuMessage {
    /** A placeholder with a comma, "{count, plural, ...}": the mark of a text that needs ICU. */
    private static final Pattern COMPLEX = Pattern.compile("\\{\\s*[a-z_]+\\s*,");
    private static final Pattern QUOTING_APOSTROPHE = Pattern.compile("'[{}#|]");

    private final MessageFormat format;
    private final MessagePattern pattern;

    /** Compiles {@code text}; throws {@link IllegalArgumentException} with ICU's reason when it is not valid. */
    IcuMessage(String text, ULocale locale) {
        this.pattern = new MessagePattern(text);
        this.format = new MessageFormat(text, locale);
    }

    static boolean needed(String text) {
        return COMPLEX.matcher(text).find();
    }

    @SuppressWarnings("unchecked")
    String format(Map<String, ?> args) {
        // ICU's MessageFormat caches sub-formats as it goes, so one instance formats one text at a time.
        synchronized (format) {
            return format.format((Map<String, Object>) args);
        }
    }

    /** Every argument name, nested ones included ("count", and "dir" inside a plural branch). */
    Set<String> argumentNames() {
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(pattern.getSubstring(part));
            }
        }
        return names;
    }

    /**
     * What is wrong with a text meant for ICU, in words for a translator: a plural form the language does not have
     * (English has "one" and "other"; "few" would never be used), or an apostrophe that would hide a placeholder.
     */
    static List<String> problems(String text, ULocale locale) {
        List<String> problems = new ArrayList<>();
        if (QUOTING_APOSTROPHE.matcher(text).find()) {
            problems.add("an apostrophe right before { } # or | hides text in a plural message; use ’ instead");
        }
        IcuMessage message;
        try {
            message = new IcuMessage(text, locale);
        } catch (IllegalArgumentException e) {
            problems.add("bad plural syntax: " + e.getMessage());
            return problems;
        }
        MessagePattern p = message.pattern;
        for (int i = 0; i < p.countParts(); i++) {
            MessagePattern.Part part = p.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START) {
                continue;
            }
            MessagePattern.ArgType type = part.getArgType();
            if (type == MessagePattern.ArgType.PLURAL || type == MessagePattern.ArgType.SELECTORDINAL) {
                Set<String> known = PluralRules.forLocale(locale, type == MessagePattern.ArgType.PLURAL
                        ? PluralRules.PluralType.CARDINAL : PluralRules.PluralType.ORDINAL).getKeywords();
                for (String selector : selectors(p, i)) {
                    if (!selector.startsWith("=") && !known.contains(selector)) {
                        problems.add("plural form '" + selector + "' does not exist in " + locale
                                + " (it has " + new TreeSet<>(known) + ")");
                    }
                }
            } else if (type != MessagePattern.ArgType.SELECT && type != MessagePattern.ArgType.NONE
                    && type != MessagePattern.ArgType.SIMPLE) {
                problems.add("only plural and select arguments are supported, not " + type.name().toLowerCase(Locale.ROOT));
            }
        }
        return problems;
    }

    /** The selectors ("one", "other", "=0") directly under the argument that starts at part {@code start}. */
    private static List<String> selectors(MessagePattern p, int start) {
        List<String> selectors = new ArrayList<>();
        int limit = p.getLimitPartIndex(start);
        for (int i = start + 1; i < limit; i++) {
            MessagePattern.Part part = p.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                selectors.add(p.getSubstring(part));
            } else if (part.getType() == MessagePattern.Part.Type.MSG_START) {
                i = p.getLimitPartIndex(i);
            }
        }
        return selectors;
    }
}
