package miicbot.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import miicbot.i18n.Catalogue;
import miicbot.interview.Step;
import miicbot.interview.StepId;

/**
 * Words a question and its buttons in the conversation's language, and maps a tap, a number or a typed label
 * back to a button's code.
 */
final class Questions {
    static final String KEEP = "keep";
    static final String SKIP = "skip";
    static final String ABOUT = "about:";

    private final Catalogue catalogue;

    Questions(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The question for a table step, with buttons for its choices, "keep" (after /back or edit) and "skip". */
    Reply.Ask ask(Conversation c, Step step) {
        List<List<Reply.Option>> rows = new ArrayList<>();
        String key = step.id().key();
        switch (step.input()) {
            case CHOICE -> {
                for (String code : step.choices()) {
                    Reply.Option option = new Reply.Option(code, catalogue.text(key + ".choice." + code));
                    rows.add(step.id() == StepId.REQUEST
                            ? List.of(option, new Reply.Option(ABOUT + code, catalogue.text("request.about." + code)))
                            : List.of(option));
                }
            }
            case YES_NO -> rows.add(List.of(option("yes", "common.yes"), option("no", "common.no")));
            case TEXT, DATE -> {
                if (step.id() == StepId.STATE) {
                    rows.add(List.of(new Reply.Option("MN", catalogue.text("state.choice.mn"))));
                }
            }
        }
        String current = c.answer(step.id());
        if (current != null && !current.isEmpty() && step.input() != Step.Input.CHOICE
                && step.input() != Step.Input.YES_NO) {
            rows.add(List.of(new Reply.Option(KEEP, catalogue.text("common.keep", Map.of("value", current)))));
        }
        if (step.optional()) {
            rows.add(List.of(option(SKIP, "common.skip")));
        }
        return new Reply.Ask(catalogue.text(key + ".prompt", args(c)), rows, c.ask());
    }

    /** A question the engine itself asks (welcome, review, ...), with the given buttons. */
    Reply.Ask ask(Conversation c, String text, List<List<Reply.Option>> rows) {
        return new Reply.Ask(text, rows, c.ask());
    }

    Reply.Option option(String code, String labelKey) {
        return new Reply.Option(code, catalogue.text(labelKey));
    }

    /**
     * The code of the button the parent meant: the tapped code, or a typed number, label or code of one of the
     * current question's buttons; null when the text matches none.
     */
    static String codeFor(Event event, Reply.Ask question) {
        if (event instanceof Event.Tap tap) {
            return tap.code();
        }
        if (!(event instanceof Event.Text typed)) {
            return null;
        }
        String text = typed.text().strip();
        List<Reply.Option> options = question.options();
        if (text.matches("\\d{1,2}")) {
            int n = Integer.parseInt(text);
            return n >= 1 && n <= options.size() ? options.get(n - 1).code() : null;
        }
        String wanted = fold(text);
        for (Reply.Option option : options) {
            if (fold(option.label()).equals(wanted) || option.code().equalsIgnoreCase(text)) {
                return option.code();
            }
        }
        return null;
    }

    /** Placeholders every prompt may use: the child's and the parent's first names. */
    Map<String, String> args(Conversation c) {
        Map<String, String> args = new HashMap<>();
        String child = c.answer(StepId.CHILD_FIRST);
        args.put("child", child == null ? catalogue.text("common.your_child") : child);
        return args;
    }

    /** Lower case without accents, emoji or punctuation, so "Sí" matches "si" and "✅ Yes" matches "yes". */
    private static String fold(String label) {
        String decomposed = java.text.Normalizer.normalize(label, java.text.Normalizer.Form.NFD);
        return decomposed.replaceAll("[^\\p{L}\\p{N} ]", "").strip().toLowerCase(Locale.ROOT);
    }
}
