package miicbot.i18n;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one language's catalogue against the bundled English at start: every English key present (a translation
 * may leave out the {@link EnglishOnly} keys, or leave them empty), no unknown key, no empty text, the same
 * placeholders as English, valid plural forms. A bad catalogue stops the start with one line
 * naming the file and the key, instead of a parent meeting "no message" mid-interview.
 */
final class CatalogueCheck {
    // Bot API BotCommand: "description: String, 1-256 characters"; a longer one fails setMyCommands at start.
    static final int COMMAND_DESCRIPTION_MAX = 256;

    private CatalogueCheck() {
    }

    /** One thing wrong, in the file a translator must open. */
    record Problem(String file, String key, String what) {
        @Override
        public String toString() {
            return file + ": key '" + key + "' " + what;
        }
    }

    /** Throws {@link IllegalArgumentException}: the first problem, and how many more there are, on one line. */
    static void requireValid(Map<String, String> english, CatalogueFiles files, ULocale locale) {
        List<Problem> problems = problems(english, files, locale);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0) + (problems.size() == 1 ? ""
                    : " (and " + (problems.size() - 1) + " more problem" + (problems.size() == 2 ? "" : "s") + ")"));
        }
    }

    static List<Problem> problems(Map<String, String> english, CatalogueFiles files, ULocale locale) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> texts = files.merged();
        boolean translation = files.language() != Language.EN;
        for (String key : english.keySet()) {
            if (!texts.containsKey(key) && !(translation && EnglishOnly.is(key))) {
                problems.add(new Problem(files.fileOf(key), key, "is missing (every key of en.json is needed)"));
            }
        }
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            String key = entry.getKey();
            String text = entry.getValue();
            String file = files.fileOf(key);
            if (!english.containsKey(key)) {
                problems.add(new Problem(file, key, "is not a key of en.json (a typo?)"));
            } else if (text == null || text.isBlank()) {
                if (!(translation && EnglishOnly.is(key))) {
                    problems.add(new Problem(file, key, "is empty"));
                }
            } else if (key.startsWith("command.") && text.strip().length() > COMMAND_DESCRIPTION_MAX) {
                problems.add(new Problem(file, key, "is " + text.strip().length() + " characters; Telegram's "
                        + "setMyCommands takes a command description of 1-" + COMMAND_DESCRIPTION_MAX));
            } else {
                checkText(problems, file, key, text, english.get(key), locale);
            }
        }
        return problems;
    }

    private static void checkText(List<Problem> problems, String file, String key, String text, String englishText,
                                  ULocale locale) {
        if (IcuMessage.needed(text)) {
            List<String> wrong = IcuMessage.problems(text, locale);
            for (String what : wrong) {
                problems.add(new Problem(file, key, what));
            }
            if (!wrong.isEmpty()) {
                return;
            }
        }
        Set<String> names = Catalogue.placeholdersOf(text, locale);
        Set<String> expected = Catalogue.placeholdersOf(englishText, ULocale.ENGLISH);
        if (!names.equals(expected)) {
            problems.add(new Problem(file, key, "has placeholders " + names + " but en.json has " + expected));
        }
    }
}
