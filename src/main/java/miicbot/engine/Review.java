package miicbot.engine;

import static miicbot.interview.StepId.*;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import miicbot.i18n.Catalogue;
import miicbot.interview.ChildRequest;
import miicbot.interview.MiicInterview;
import miicbot.interview.Relationship;
import miicbot.interview.RequestOption;
import miicbot.interview.Sex;
import miicbot.interview.Step;
import miicbot.interview.StepId;

/** Turns one child's answers into the review summary and into the {@link ChildRequest} the form is made from. */
final class Review {
    private final Catalogue catalogue;

    Review(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The plain-text summary: one "Title: answer" line for every question that applies. */
    String summary(Conversation c, LocalDate today) {
        StringJoiner lines = new StringJoiner("\n");
        lines.add(catalogue.text("review.heading", Map.of("child", c.answer(CHILD_FIRST))));
        lines.add("");
        for (Step step : MiicInterview.steps()) {
            if (step.appliesTo(c.answers())) {
                lines.add(catalogue.text(step.id().key() + ".title") + ": " + shown(c, step.id()));
            }
        }
        if (request(c, today).adult()) {
            lines.add("");
            lines.add(catalogue.text("review.adult", Map.of("child", c.answer(CHILD_FIRST))));
        }
        return lines.toString();
    }

    /** An answer as the parent should read it: a date in words, a choice's label, "—" for a skipped one. */
    String shown(Conversation c, StepId id) {
        String value = c.answer(id);
        if (value == null || value.isEmpty()) {
            return catalogue.text("common.not_given");
        }
        Step step = MiicInterview.step(id);
        return switch (step.input()) {
            case CHOICE -> catalogue.text(id.key() + ".choice." + value);
            case YES_NO -> catalogue.text("common." + value);
            case DATE -> date(LocalDate.parse(value));
            case TEXT -> value;
        };
    }

    /** A date in the catalogue's language, e.g. "March 14, 2019" or "14 de marzo de 2019". */
    String date(LocalDate date) {
        Locale locale = Locale.forLanguageTag(catalogue.language().code());
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    /** The request the answers make, prepared {@code today}. */
    ChildRequest request(Conversation c, LocalDate today) {
        var address = new ChildRequest.Address(c.answer(STREET), c.answer(CITY), c.answer(STATE), c.answer(ZIP));
        var guardian = new ChildRequest.Guardian(c.answer(PARENT_NAME),
                Relationship.valueOf(upper(c.answer(RELATIONSHIP))), c.answer(PARENT_PHONE),
                c.answer(PARENT_EMAIL), address);
        String sex = c.answer(CHILD_SEX);
        String middle = c.answer(CHILD_MIDDLE);
        String given = middle == null || middle.isEmpty() ? c.answer(CHILD_FIRST) : c.answer(CHILD_FIRST) + " " + middle;
        var child = new ChildRequest.Child(given, c.answer(CHILD_LAST), c.answer(CHILD_OTHER_NAMES), LocalDate.parse(c.answer(CHILD_BIRTH_DATE)),
                sex == null || sex.isEmpty() ? null : Sex.valueOf(upper(sex)));
        Set<RequestOption> options = EnumSet.noneOf(RequestOption.class);
        ChildRequest.Clinic clinic = null;
        switch (c.answer(REQUEST)) {
            case MiicInterview.OPT_OUT -> options.add(RequestOption.OPT_OUT);
            case MiicInterview.DECLINE -> options.add(RequestOption.DECLINE_REMINDERS);
            case MiicInterview.LOCK -> {
                options.add(RequestOption.LOCK);
                clinic = new ChildRequest.Clinic(c.answer(CLINIC_NAME), c.answer(CLINIC_CITY));
                if ("yes".equals(c.answer(ALSO_DECLINE))) {
                    options.add(RequestOption.DECLINE_REMINDERS);
                }
            }
            case MiicInterview.UNDO -> options.add(RequestOption.valueOf(upper(c.answer(UNDO_WHAT))));
            default -> throw new IllegalStateException("unknown request " + c.answer(REQUEST));
        }
        return new ChildRequest(catalogue.language(), guardian, child, options, clinic, today);
    }

    /** A file name without spaces or accents: MIIC-request-Jose-Nunez.pdf (or -child-2 when nothing is left). */
    static String fileName(ChildRequest request, int childNumber) {
        String name = request.child().givenNames() + "-" + request.child().lastNames();
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (ascii.replace("-", "").isEmpty()) {
            ascii = "child-" + childNumber;
        }
        return "MIIC-request-" + (ascii.length() > 40 ? ascii.substring(0, 40) : ascii) + ".pdf";
    }

    private static String upper(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
