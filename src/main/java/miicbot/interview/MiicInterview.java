package miicbot.interview;

import static miicbot.interview.StepId.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The MIIC privacy interview as a table of questions, in the order they are asked. The parent's questions are
 * asked once; the child's block is asked for each child. A question that does not apply is skipped by its
 * {@code onlyIf}, never by a jump. Everything MIIC-specific the engine shows (About buttons, "same as" buttons, the
 * adult note, the help on the clinic) is declared here as a step modifier. The first question (who you are) is
 * answered from the welcome's buttons.
 */
public final class MiicInterview {

    /** Codes of the ROLE choice. */
    public static final String PARENT = "parent";
    public static final String GUARDIAN = "guardian";
    public static final String SELF = "self";
    public static final String HELPER = "helper";

    /** Codes of the REQUEST choice, in MDH's order (MDH, "Data Privacy and MIIC Records"). */
    public static final String DECLINE = "decline_reminders";
    public static final String LOCK = "lock";
    public static final String OPT_OUT = "opt_out";
    public static final String UNDO = "undo";

    // Minnesota's age of majority: a person this old usually signs their own request (the usual practice; no MIIC source states the rule).
    private static final int ADULT_AGE = 18;

    private static final StepTable TABLE = StepTable.of(
            Step.choice(ROLE, PARENT, GUARDIAN, SELF, HELPER)
                    .noting("role.helper_note", (answers, today) -> HELPER.equals(answers.get(ROLE))),
            Step.choice(SIGNER, PARENT, GUARDIAN).onlyIf(ROLE, HELPER),
            Step.text(PARENT_NAME, Parsers::personName).wordedAs(HELPER, ROLE, HELPER).unless(ROLE, SELF),
            Step.text(PARENT_PHONE, Parsers::phone).sharingContact().wordedAs(HELPER, ROLE, HELPER),
            Step.text(ADDRESS, MiicInterview::address).shownAs(MiicInterview::addressLine)
                    .wordedAs(HELPER, ROLE, HELPER),
            Step.text(STREET, Parsers::street).partOf(ADDRESS),
            Step.text(CITY, Parsers::personName).partOf(ADDRESS),
            Step.text(STATE, Parsers::state).partOf(ADDRESS),
            Step.text(ZIP, Parsers::zip).partOf(ADDRESS),
            Step.text(PARENT_EMAIL, Parsers::email).addedFromReview(),

            Step.text(CHILD_FIRST, Parsers::personName).forEachChild().wordedAs(SELF, ROLE, SELF),
            Step.text(CHILD_LAST, MiicInterview::lastName).forEachChild().sameAsEarlierChild()
                    .wordedAs(SELF, ROLE, SELF),
            Step.date(CHILD_BIRTH_DATE, Parsers::birthDate).forEachChild().wordedAs(SELF, ROLE, SELF)
                    .noting("child_birth_date.adult", MiicInterview::adultChild)
                    .noting("child_birth_date.self_minor", MiicInterview::minorOwnRecord),
            Step.choice(CHILD_SEX, "female", "male", "x").skippable().forEachChild().wordedAs(SELF, ROLE, SELF),
            Step.text(CHILD_OTHER_NAMES, Parsers::otherNames).forEachChild().addedFromReview(),
            Step.choice(REQUEST, DECLINE, LOCK, OPT_OUT, UNDO).forEachChild().explained()
                    .sameAsEarlierChild(CLINIC, CLINIC_CITY, ALSO_DECLINE, UNDO_WHAT).wordedAs(SELF, ROLE, SELF)
                    // What changes, said before the review so a parent who skipped About reads it too.
                    .noting("request.note.lock", (answers, today) -> LOCK.equals(answers.get(REQUEST)))
                    .noting("request.note.opt_out", (answers, today) -> OPT_OUT.equals(answers.get(REQUEST))),
            Step.text(CLINIC, MiicInterview::clinic).notPersonal().forEachChild().helpedBy("not_sure")
                    .shownAs(MiicInterview::clinicLine).onlyIf(REQUEST, LOCK),
            Step.text(CLINIC_CITY, Parsers::personName).notPersonal().forEachChild().partOf(CLINIC)
                    .onlyIf(REQUEST, LOCK),
            Step.yesNo(ALSO_DECLINE).forEachChild().wordedAs(SELF, ROLE, SELF).onlyIf(REQUEST, LOCK),
            Step.choice(UNDO_WHAT, "opt_back_in", "unlock", "resume_reminders").forEachChild().onlyIf(REQUEST, UNDO));

    private MiicInterview() {
    }

    /** Every question, in order. */
    public static List<Step> steps() {
        return TABLE.steps();
    }

    /** The question with this id. */
    public static Step step(StepId id) {
        return TABLE.step(id);
    }

    /** The first question of the child's block. */
    public static StepId firstChildStep() {
        return CHILD_FIRST;
    }

    /** The step whose answer names a child in prompts ({child}) and in the review heading. */
    public static StepId childName() {
        return CHILD_FIRST;
    }

    /** A mailing address typed in one message; a part not found is left out, to be asked on its own. */
    static Parsed address(String text, LocalDate today) {
        Parsed line = Parsers.line(text, today);
        if (line instanceof Parsed.Problem) {
            return line;
        }
        String typed = ((Parsed.Ok) line).value();
        if (typed.codePoints().noneMatch(Character::isDigit)) {
            return new Parsed.Problem("address.invalid.no_number"); // e.g. a name typed here by mistake
        }
        List<AddressReader.Address> readings = AddressReader.readings(typed);
        AddressReader.Address read = readings.get(0);
        if (readings.size() == 2 && !read.city().equals(readings.get(1).city())) {
            // Two places the street may end: ask which city was meant (the street takes the other words).
            String other = readings.get(1).city();
            return new Parsed.Choose("address.which_city", Map.of("first", read.city(), "second", other),
                    readings.stream().map(r -> new Parsed.Reading(r.city(), typed, addressParts(r))).toList());
        }
        if (read.foreign()) {
            return new Parsed.Problem("address.invalid.foreign");
        }
        if (read.street().isEmpty() && read.city().isEmpty()) {
            return new Parsed.Problem(read.zip().isEmpty() ? "address.invalid.unreadable" : "address.invalid.zip_only");
        }
        return new Parsed.Ok(typed, addressParts(read));
    }

    private static Map<StepId, String> addressParts(AddressReader.Address read) {
        Map<StepId, String> parts = new HashMap<>();
        putIfFound(parts, STREET, read.street());
        putIfFound(parts, CITY, read.city());
        putIfFound(parts, STATE, read.state());
        putIfFound(parts, ZIP, read.zip());
        return parts;
    }

    /** A clinic and its city in one message: "Mankato Family Clinic, Mankato"; without a comma the city is asked. */
    static Parsed clinic(String text, LocalDate today) {
        Parsed line = Parsers.line(text, today);
        if (!(line instanceof Parsed.Ok ok)) {
            return line;
        }
        int comma = ok.value().lastIndexOf(',');
        if (comma <= 0) {
            return new Parsed.Ok(ok.value());
        }
        String city = ok.value().substring(comma + 1).strip();
        String name = ok.value().substring(0, comma).strip();
        Parsed cityRead = Parsers.personName(city, today);
        if (!(cityRead instanceof Parsed.Ok cityOk)) {
            return new Parsed.Ok(ok.value()); // "Clinic, Suite 4": the whole line is the name; the city is asked
        }
        return new Parsed.Ok(name, Map.of(CLINIC_CITY, cityOk.value()));
    }

    /** A last name; one letter is possible but often a slip, so the parent is asked to confirm it. */
    static Parsed lastName(String text, LocalDate today) {
        Parsed name = Parsers.personName(text, today);
        if (name instanceof Parsed.Ok ok && ok.value().codePointCount(0, ok.value().length()) == 1) {
            return new Parsed.Unsure(ok.value(), "child_last.unsure");
        }
        return name;
    }

    private static void putIfFound(Map<StepId, String> parts, StepId id, String value) {
        if (value != null && !value.isBlank()) {
            parts.put(id, value);
        }
    }

    static String addressLine(Map<StepId, String> a) {
        return a.getOrDefault(STREET, "") + ", " + a.getOrDefault(CITY, "") + ", " + a.getOrDefault(STATE, "") + " "
                + a.getOrDefault(ZIP, "");
    }

    static String clinicLine(Map<StepId, String> a) {
        return a.getOrDefault(CLINIC, "") + ", " + a.getOrDefault(CLINIC_CITY, "");
    }

    /** "My own record" for someone under 18: a parent or legal guardian usually signs instead. */
    static boolean minorOwnRecord(Map<StepId, String> answers, LocalDate today) {
        return SELF.equals(answers.get(ROLE)) && answers.get(CHILD_BIRTH_DATE) != null
                && Period.between(LocalDate.parse(answers.get(CHILD_BIRTH_DATE)), today).getYears() < ADULT_AGE;
    }

    /** Someone else's record (not the person's own) where the person is 18 or older: they usually sign it. */
    static boolean adultChild(Map<StepId, String> answers, LocalDate today) {
        return !SELF.equals(answers.get(ROLE)) && answers.get(CHILD_BIRTH_DATE) != null
                && Period.between(LocalDate.parse(answers.get(CHILD_BIRTH_DATE)), today).getYears() >= ADULT_AGE;
    }
}
