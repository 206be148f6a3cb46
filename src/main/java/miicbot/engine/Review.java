package miicbot.engine;

import com.ibm.icu.text.Transliterator;
import java.time.LocalDate;
import java.util.Map;
import java.util.StringJoiner;
import miicbot.i18n.Catalogue;

/** Turns one child's answers into the review summary: what was read, as the parent should read it. */
final class Review {
    private final Catalogue catalogue;
    private final Interview interview;

    Review(Catalogue catalogue, Interview interview) {
        this.catalogue = catalogue;
        this.interview = interview;
    }

    /**
     * The plain-text summary: one "Title: answer" line for every main question that applies (a one-message answer
     * shows the parts read from it), the added optional ones that were given, and the notes that hold.
     */
    String summary(Conversation c, LocalDate today) {
        StringJoiner lines = new StringJoiner("\n");
        lines.add(catalogue.text("review.heading", Map.of("child", c.answer(interview.childName()))));
        lines.add("");
        for (Step step : interview.steps()) {
            if (shownInReview(step, c)) {
                lines.add(catalogue.text(step.id().key() + ".title") + ": " + shown(step, c.answers(), c.answer(step.id())));
            }
        }
        for (Step step : interview.steps()) {
            for (Step.Note note : step.traits().notes()) {
                if (step.perChild() && note.rule().holds(c.answers(), today)) {
                    lines.add("");
                    lines.add(catalogue.text(note.key(), Map.of("child", c.answer(interview.childName()))));
                }
            }
        }
        return lines.toString();
    }

    static boolean shownInReview(Step step, Conversation c) {
        if (!step.appliesTo(c.answers()) || step.traits().partOf() != null) {
            return false;
        }
        String value = c.answer(step.id());
        return !step.traits().fromReview() || (value != null && !value.isEmpty());
    }

    /** An answer as the parent should read it: a date in words, a choice's label, "—" for a skipped one. */
    String shown(Step step, Map<StepId, String> answers, String value) {
        if (value == null || value.isEmpty()) {
            return catalogue.text("common.not_given");
        }
        if (step.traits().shown() != null) {
            return step.traits().shown().show(answers);
        }
        return switch (step.input()) {
            case CHOICE -> catalogue.text(step.id().key() + ".choice." + value);
            case YES_NO -> catalogue.text("common." + value);
            case DATE -> date(LocalDate.parse(value));
            case TEXT -> value;
        };
    }

    /** A date in the catalogue's language, e.g. "March 14, 2019" or "14 de marzo de 2019". */
    String date(LocalDate date) {
        return miicbot.i18n.Dates.format(catalogue, date);
    }

    /** Latin letters to their ASCII spelling (ł → l, ß → ss, ễ → e); other scripts pass through and drop out. */
    private static final Transliterator LATIN_ASCII = Transliterator.getInstance("Latin-ASCII");

    /** A file name without spaces or accents: MIIC-request-Jose-Nunez.pdf (or -child-2 when nothing is left). */
    static String fileName(String prefix, Form form, int childNumber) {
        String name = form.subject();
        String transliterated;
        synchronized (LATIN_ASCII) { // ICU does not promise a shared Transliterator is thread-safe
            transliterated = LATIN_ASCII.transliterate(name);
        }
        String ascii = transliterated.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (ascii.replace("-", "").isEmpty()) {
            ascii = "child-" + childNumber;
        }
        return prefix + "-" + (ascii.length() > 40 ? ascii.substring(0, 40) : ascii) + ".pdf";
    }
}
