package miicbot.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import miicbot.i18n.Catalogue;

/**
 * Words a question and its buttons in the conversation's language, and maps a tap, a number or a typed label
 * back to a button's code. The buttons a step's modifiers declare (About, help, "same as", confirm) are made here.
 */
final class Questions {
    // Compiled once: every typed answer is folded and compared with each button's label.
    private static final java.util.regex.Pattern NOT_LETTER_DIGIT_OR_SPACE =
            java.util.regex.Pattern.compile("[^\\p{L}\\p{N} ]");
    private static final java.util.regex.Pattern BUTTON_NUMBER = java.util.regex.Pattern.compile("\\d{1,2}");
    static final String KEEP = "keep";
    static final String SKIP = "skip";
    static final String SAME = "same";
    static final String SURE = "sure";
    // A reading's button code is this prefix and its index in Conversation.readings().
    static final String READING = "reading";
    static final String IN_ENGLISH = "in_english";
    // An About button's code is this prefix and the choice's code; it never leaves the engine.
    static final String ABOUT = "about:";

    private final Catalogue catalogue;
    private final Interview interview;

    Questions(Catalogue catalogue, Interview interview) {
        this.catalogue = catalogue;
        this.interview = interview;
    }

    /** The question for a table step, with buttons for its choices and for the step's modifiers. */
    Reply.Ask ask(Conversation c, Step step, Review review) {
        List<List<Reply.Option>> rows = new ArrayList<>();
        String key = step.id().key();
        String earlier = c.earlier().get(step.id());
        if (step.traits().sameAs() != null && earlier != null && !earlier.isEmpty()) {
            Map<String, String> args = args(c);
            args.put("value", review.shown(step, c.earlier(), earlier));
            args.put("earlier", c.earlier().getOrDefault(interview.childName(), ""));
            rows.add(List.of(new Reply.Option(SAME, answerLabel(key + ".same", args))));
        }
        switch (step.input()) {
            case CHOICE -> {
                for (String code : step.choices()) {
                    Reply.Option option = new Reply.Option(code, catalogue.text(key + ".choice." + code));
                    rows.add(step.traits().explained()
                            ? List.of(option, new Reply.Option(ABOUT + code, catalogue.text(key + ".about." + code)))
                            : List.of(option));
                }
            }
            case YES_NO -> rows.add(List.of(option("yes", "common.yes"), option("no", "common.no")));
            case TEXT, DATE -> { }
        }
        for (int i = 0; i < c.readings().size(); i++) {
            rows.add(List.of(new Reply.Option(READING + i, c.readings().get(i).label())));
        }
        if (c.unsure() != null) {
            rows.add(List.of(new Reply.Option(SURE, answerLabel("common.sure", Map.of("value", c.unsure())))));
        }
        String current = c.answer(step.id());
        if (current != null && !current.isEmpty() && step.input() != Step.Input.CHOICE
                && step.input() != Step.Input.YES_NO) {
            rows.add(List.of(new Reply.Option(KEEP, answerLabel("common.keep", Map.of("value", current)))));
        }
        if (step.traits().help() != null) {
            rows.add(List.of(option(step.traits().help(), key + "." + step.traits().help())));
        }
        if (step.optional()) {
            rows.add(List.of(option(SKIP, "common.skip")));
        }
        String prompt = key + ".prompt";
        String wording = step.traits().variantFor(c.answers());
        boolean variant = wording != null;
        if (variant) {
            prompt += "." + wording;
        }
        // The sender's own number fits only the question's main wording (a helper is asked for someone else's).
        Reply.Contact contact = step.traits().contact() && !variant ? Reply.Contact.OFFER : Reply.Contact.NONE;
        return new Reply.Ask(catalogue.text(prompt, args(c)), withEnglish(rows), c.ask(), contact,
                contact == Reply.Contact.OFFER ? catalogue.text("common.share_contact") : "");
    }

    /** A question the engine itself asks (welcome, review, ...), with the given buttons. */
    Reply.Ask ask(Conversation c, String text, List<List<Reply.Option>> rows) {
        return new Reply.Ask(text, withEnglish(rows), c.ask());
    }

    /** A catalogue no native speaker reviewed offers the English text of every question (few parents' apps are set to Somali or Hmong, so English is one tap away). */
    private List<List<Reply.Option>> withEnglish(List<List<Reply.Option>> rows) {
        if (catalogue.reviewed()) {
            return rows;
        }
        List<List<Reply.Option>> all = new ArrayList<>(rows);
        all.add(List.of(option(IN_ENGLISH, "language.in_english")));
        return all;
    }

    /**
     * A button label that shows the parent's own answers ("Keep: 1215 Riverfront Dr…"): the longest answer is cut,
     * with "…", until the label fits a button alone on a phone ({@link ButtonRows#ALONE}); the words around it stay.
     */
    String answerLabel(String key, Map<String, String> answers) {
        Map<String, String> args = new HashMap<>(answers);
        String label = catalogue.text(key, args);
        for (int tries = 0; ButtonRows.length(label) > ButtonRows.ALONE && tries < 4; tries++) {
            Map.Entry<String, String> longest = args.entrySet().stream()
                    .max(java.util.Comparator.comparingInt(e -> ButtonRows.length(e.getValue()))).orElseThrow();
            String value = longest.getValue();
            int keep = ButtonRows.length(value) - (ButtonRows.length(label) - ButtonRows.ALONE) - 1;
            if (keep < 4) {
                break; // the words alone are too long: a catalogue problem the keyboard test names
            }
            args.put(longest.getKey(), value.substring(0, value.offsetByCodePoints(0, keep)).strip() + "…");
            label = catalogue.text(key, args);
        }
        return label;
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
        if (BUTTON_NUMBER.matcher(text).matches()) {
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

    /** Placeholders every prompt may use: the child's first name(s). */
    Map<String, String> args(Conversation c) {
        Map<String, String> args = new HashMap<>();
        String child = c.answer(interview.childName());
        args.put("child", child == null ? catalogue.text("common.your_child") : child);
        return args;
    }

    /** Lower case without accents, emoji or punctuation, so "Sí" matches "si" and "✅ Yes" matches "yes". */
    private static String fold(String label) {
        String decomposed = java.text.Normalizer.normalize(label, java.text.Normalizer.Form.NFD);
        return NOT_LETTER_DIGIT_OR_SPACE.matcher(decomposed).replaceAll("").strip().toLowerCase(Locale.ROOT);
    }
}
