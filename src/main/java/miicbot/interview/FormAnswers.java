package miicbot.interview;

import static java.util.Map.entry;
import static miicbot.interview.MiicInterview.*;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import miicbot.engine.StepId;
import miicbot.i18n.Language;

/**
 * The one table from answers to the request: each answer that goes on the form names what it fills. Adding a
 * question for the form means a line here, beside its line in {@link MiicInterview} (and the form's layout).
 */
public final class FormAnswers {

    private static final Map<StepId, BiConsumer<ChildRequest.Builder, String>> FIELDS = Map.ofEntries(
            entry(ROLE, (r, v) -> {
                if (!v.equals(HELPER)) {
                    r.relationship(relationship(v));
                }
            }),
            entry(SIGNER, (r, v) -> r.relationship(relationship(v))),
            entry(PARENT_NAME, ChildRequest.Builder::guardianName),
            entry(PARENT_PHONE, ChildRequest.Builder::phone),
            entry(PARENT_EMAIL, ChildRequest.Builder::email),
            entry(STREET, ChildRequest.Builder::street),
            entry(CITY, ChildRequest.Builder::city),
            entry(STATE, ChildRequest.Builder::state),
            entry(ZIP, ChildRequest.Builder::zip),
            entry(CHILD_FIRST, ChildRequest.Builder::givenNames),
            entry(CHILD_LAST, ChildRequest.Builder::lastNames),
            entry(CHILD_OTHER_NAMES, ChildRequest.Builder::otherNames),
            entry(OTHER_PARENT, ChildRequest.Builder::otherParent),
            entry(CHILD_BIRTH_DATE, (r, v) -> r.birthDate(LocalDate.parse(v))),
            entry(CHILD_SEX, (r, v) -> r.sex(v.isEmpty() ? null : Sex.valueOf(upper(v)))),
            entry(REQUEST, FormAnswers::request),
            entry(CLINIC, ChildRequest.Builder::clinicName),
            entry(CLINIC_CITY, ChildRequest.Builder::clinicCity),
            entry(ALSO_DECLINE, (r, v) -> {
                if (v.equals("yes")) {
                    r.option(RequestOption.DECLINE_REMINDERS); // asked only with a lock
                }
            }),
            entry(UNDO_WHAT, (r, v) -> r.option(RequestOption.valueOf(upper(v)))));

    private FormAnswers() {
    }

    /** The request {@code answers} make, in {@code language}, prepared {@code today}. */
    public static ChildRequest request(Map<StepId, String> answers, Language language, LocalDate today) {
        ChildRequest.Builder request = ChildRequest.builder().language(language).prepared(today);
        for (Map.Entry<StepId, String> answer : answers.entrySet()) {
            BiConsumer<ChildRequest.Builder, String> field = FIELDS.get(answer.getKey());
            if (field != null) {
                field.accept(request, answer.getValue());
            }
        }
        if (SELF.equals(answers.get(ROLE))) {
            // The person's own record: they are the contact and the signer (a person 18 or older usually signs
            // their own request).
            request.relationship(Relationship.SELF)
                    .guardianName(answers.get(CHILD_FIRST) + " " + answers.get(CHILD_LAST));
        }
        return request.build();
    }

    private static void request(ChildRequest.Builder request, String code) {
        switch (code) {
            case OPT_OUT -> request.option(RequestOption.OPT_OUT);
            case DECLINE -> request.option(RequestOption.DECLINE_REMINDERS);
            case LOCK -> request.option(RequestOption.LOCK);
            case UNDO -> { } // the box comes from UNDO_WHAT
            default -> throw new IllegalStateException("unknown request " + code);
        }
    }

    private static Relationship relationship(String code) {
        return Relationship.valueOf(upper(code));
    }

    private static String upper(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
