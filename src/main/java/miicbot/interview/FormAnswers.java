package miicbot.interview;

import static java.util.Map.entry;
import static miicbot.interview.StepId.*;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import miicbot.i18n.Language;

/**
 * The one table from answers to the request: each answer that goes on the form names what it fills. Adding a
 * question for the form means a line here, beside its line in {@link MiicInterview} (and the form's layout).
 */
public final class FormAnswers {

    private static final Map<StepId, BiConsumer<Draft, String>> FIELDS = Map.ofEntries(
            entry(ROLE, (d, v) -> d.relationship = v.equals(MiicInterview.HELPER) ? d.relationship : v),
            entry(SIGNER, (d, v) -> d.relationship = v),
            entry(PARENT_NAME, (d, v) -> d.parentName = v),
            entry(PARENT_PHONE, (d, v) -> d.phone = v),
            entry(PARENT_EMAIL, (d, v) -> d.email = v),
            entry(STREET, (d, v) -> d.street = v),
            entry(CITY, (d, v) -> d.city = v),
            entry(STATE, (d, v) -> d.state = v),
            entry(ZIP, (d, v) -> d.zip = v),
            entry(CHILD_FIRST, (d, v) -> d.given = v),
            entry(CHILD_LAST, (d, v) -> d.last = v),
            entry(CHILD_OTHER_NAMES, (d, v) -> d.otherNames = v),
            entry(CHILD_BIRTH_DATE, (d, v) -> d.birthDate = LocalDate.parse(v)),
            entry(CHILD_SEX, (d, v) -> d.sex = v.isEmpty() ? null : Sex.valueOf(upper(v))),
            entry(REQUEST, (d, v) -> d.request(v)),
            entry(CLINIC, (d, v) -> d.clinicName = v),
            entry(CLINIC_CITY, (d, v) -> d.clinicCity = v),
            entry(ALSO_DECLINE, (d, v) -> d.alsoDecline = v.equals("yes")),
            entry(UNDO_WHAT, (d, v) -> d.options.add(RequestOption.valueOf(upper(v)))));

    private FormAnswers() {
    }

    /** The request {@code answers} make, in {@code language}, prepared {@code today}. */
    public static ChildRequest request(Map<StepId, String> answers, Language language, LocalDate today) {
        Draft draft = new Draft();
        for (Map.Entry<StepId, String> answer : answers.entrySet()) {
            BiConsumer<Draft, String> field = FIELDS.get(answer.getKey());
            if (field != null) {
                field.accept(draft, answer.getValue());
            }
        }
        return draft.build(language, today);
    }

    /** The form's fields while the answers are read; becomes a {@link ChildRequest}. */
    private static final class Draft {
        String relationship;
        String parentName;
        String phone;
        String email = "";
        String street;
        String city;
        String state;
        String zip;
        String given;
        String last;
        String otherNames = "";
        LocalDate birthDate;
        Sex sex;
        final Set<RequestOption> options = EnumSet.noneOf(RequestOption.class);
        String clinicName;
        String clinicCity;
        boolean alsoDecline;

        void request(String code) {
            switch (code) {
                case MiicInterview.OPT_OUT -> options.add(RequestOption.OPT_OUT);
                case MiicInterview.DECLINE -> options.add(RequestOption.DECLINE_REMINDERS);
                case MiicInterview.LOCK -> options.add(RequestOption.LOCK);
                case MiicInterview.UNDO -> { } // the box comes from UNDO_WHAT
                default -> throw new IllegalStateException("unknown request " + code);
            }
        }

        ChildRequest build(Language language, LocalDate today) {
            boolean lock = options.contains(RequestOption.LOCK);
            if (lock && alsoDecline) {
                options.add(RequestOption.DECLINE_REMINDERS);
            }
            boolean self = MiicInterview.SELF.equals(relationship);
            var child = new ChildRequest.Child(given, last, otherNames, birthDate, sex);
            var address = new ChildRequest.Address(street, city, state, zip);
            // The person's own record: they are the contact and the signer (a person 18 or older usually signs their own request).
            var guardian = new ChildRequest.Guardian(self ? child.fullName() : parentName,
                    Relationship.valueOf(upper(relationship)), phone, email, address);
            var clinic = lock ? new ChildRequest.Clinic(clinicName, clinicCity) : null;
            return new ChildRequest(language, guardian, child, options, clinic, today);
        }
    }

    private static String upper(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
